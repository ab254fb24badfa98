"""The same reports saved differently give the same verdicts: statuses, values, lines, marks.

Every report of the shipped run (the seeds and the constructed 2018 and 2026 follow-ups) is
re-saved as GB18030, as UTF-8 with a byte-order mark and CRLF line ends, as UTF-16 with and
without a byte-order mark, with CR line ends only, and with full-width digits; `check --format
json` on each variant must agree with the UTF-8 originals in everything but the file names.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from targetcheck.textnorm import normalize
from tests.clihelp import ROOT, invoke

ORIGINALS = {
    "seed-2017.txt": ROOT / "seeds" / "000_b64753ee75fd97df.txt",
    "seed-2025.txt": ROOT / "seeds" / "003_f70d05a2e53d4ccd.txt",
    "baotou-2018.txt": ROOT / "tests" / "corpora" / "baotou-2018" / "包头2018政府工作报告-constructed.txt",
    "baotou-2026.txt": ROOT / "tests" / "corpora" / "baotou-2026" / "包头2026政府工作报告-constructed.txt",
}
_FULLWIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")
VARIANTS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "utf8-bom-crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    "utf16-bom": lambda text: text.encode("utf-16"),
    "utf16le-no-bom": lambda text: text.encode("utf-16-le"),
    "utf16be-no-bom-crlf": lambda text: text.replace("\n", "\r\n").encode("utf-16-be"),
    "cr-only": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "fullwidth-digits": lambda text: text.translate(_FULLWIDTH).encode("utf-8"),
}


def _corpus(folder: Path, transform: Any) -> Path:
    folder.mkdir()
    for name, source in ORIGINALS.items():
        (folder / name).write_bytes(transform(source.read_text(encoding="utf-8")))
    return folder


def _verdicts(corpus: Path) -> dict[str, Any]:
    result = invoke("check", "--targets", str(ROOT / "targets.yaml"), "--corpus", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    out = {}
    for record in json.loads(result.stdout)["results"]:
        actual = record["actual"] or {}
        out[record["id"]] = {
            "status": record["status"],
            "target": (record["target"]["value"], record["target"]["unit"], record["target"]["comparator"],
                       record["target"]["line"], Path(record["target"]["file"] or "").name),
            "actual": (actual.get("value"), actual.get("unit"), actual.get("line"), tuple(actual.get("qualifiers", ())),
                       Path(actual.get("file") or "").name, normalize(actual.get("quote") or "")),
            "difference": record["difference"],
            "notes": [normalize(note.replace(str(corpus), "CORPUS")) for note in record["notes"]],  # quotes as the file has them
        }
    return out


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _verdicts(_corpus(tmp_path_factory.mktemp("variants") / "utf-8", lambda text: text.encode("utf-8")))


def test_the_originals_have_verdicts_to_compare(originals: dict[str, Any]) -> None:
    statuses = {v["status"] for v in originals.values()}
    assert {"met", "missed"} <= statuses
    assert sum(v["actual"][0] is not None for v in originals.values()) >= 10


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_variant_gives_the_same_verdicts(variant: str, originals: dict[str, Any], tmp_path: Path) -> None:
    assert _verdicts(_corpus(tmp_path / variant, VARIANTS[variant])) == originals
