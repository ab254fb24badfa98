"""Rewrite the README's console transcripts from real runs (those without `…` elisions).

Usage (from the repository root): python tests/update_readme.py
Transcripts with elided lines are only checked; fix those by hand when they fail.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))

from tests.test_readme_examples import README, matches, run

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    import os

    os.chdir(ROOT)
    text = README
    stale = []

    def replace(match: re.Match[str]) -> str:
        command, shown = match.group(1), match.group(2)
        if not re.match(r"(\w+=\S+ )*targetcheck ", command):
            return match.group(0)
        printed = run(command)
        if matches(shown, printed):
            return match.group(0)
        if any(line.strip() == "…" for line in shown.splitlines()):
            stale.append(command)
            return match.group(0)
        return f"```console\n$ {command}\n{printed}```"

    text = re.sub(r"^```console\n\$ (.*?)\n(.*?)^```$", replace, text, flags=re.M | re.S)
    (ROOT / "README.md").write_text(text, encoding="utf-8")
    for command in stale:
        print(f"fix by hand (elided transcript no longer matches): {command}")


if __name__ == "__main__":
    main()
