"""Start-up: `targetcheck check` on the shipped corpus against `python -c "import typer, rich, yaml"`.

Runs both commands alternately (so machine noise hits both alike) and compares medians.
Usage: python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
CHECK = [sys.executable, "-m", "targetcheck", "check"]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    timed(FLOOR), timed(CHECK)  # warm the file cache and the bytecode
    floor, check = [], []
    for _ in range(args.runs):
        floor.append(timed(FLOOR))
        check.append(timed(CHECK))
    f, c = statistics.median(floor), statistics.median(check)
    print(f"floor  (import typer, rich, yaml): median {f * 1000:.0f} ms")
    print(f"targetcheck check (shipped corpus): median {c * 1000:.0f} ms")
    print(f"ratio: {c / f:.2f} (goal: at most 1.5)")


if __name__ == "__main__":
    main()
