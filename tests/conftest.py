from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_2017 = SEEDS / "000_b64753ee75fd97df.txt"
SEED_2025 = SEEDS / "003_f70d05a2e53d4ccd.txt"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, as a user of the shipped targets.yaml would."""
    monkeypatch.chdir(ROOT)
    return ROOT


def _input_hashes() -> dict[str, str]:
    import hashlib

    files = [ROOT / "targets.yaml", *sorted(SEEDS.rglob("*")), *sorted((ROOT / "tests" / "corpora").rglob("*"))]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


@pytest.fixture(autouse=True, scope="module")
def inputs_never_written() -> Iterator[None]:
    """Nothing lost: the shipped corpus, the constructed follow-ups and targets.yaml come out of
    every test module byte for byte as they went in (tests of `--output` and the bad-input
    catalogue check their own files after each run too)."""
    before = _input_hashes()
    yield
    assert _input_hashes() == before, "a test, or the code it ran, wrote into the corpus or targets.yaml"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache lives in the test session's own folder, never in the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
    monkeypatch.delenv("TARGETCHECK_NO_CACHE", raising=False)
