"""A 40 MB report: `targetcheck check` over one huge file, timed, with peak memory.

The file is the 2025 seed (header, review, targets) followed by its task paragraphs repeated
with every small number shifted (copy k adds k), so each copy is distinct text: the reader cannot
collapse it as a repeated report, and every figure is a fresh candidate for the outcome finder.
The constructed 2026 follow-up is in the corpus too, so the 2025 targets get verdicts.

Usage: python bench/big_report.py [--mb 40] [--runs 3] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_2025 = ROOT / "seeds" / "003_f70d05a2e53d4ccd.txt"
FOLLOWUP_2026 = ROOT / "tests" / "corpora" / "baotou-2026" / "包头2026政府工作报告-constructed.txt"
_TASKS_HEADING = "三、今年政府工作的主要任务"
_SMALL_NUMBER = re.compile(r"(?<![\d.])(\d{1,3})(?![\d年])")


def build(path: Path, megabytes: float = 40) -> int:
    """Write the big report to `path`; return the number of task copies in it."""
    lines = SEED_2025.read_text(encoding="utf-8").splitlines()
    start = next(k for k, line in enumerate(lines) if line.strip() == _TASKS_HEADING)
    head, tasks = "\n".join(lines[: start + 1]) + "\n", "\n".join(lines[start + 1 :]) + "\n"
    target = int(megabytes * 1024 * 1024)
    size = len(head.encode("utf-8"))
    copies = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        while size < target:
            copies += 1
            chunk = _SMALL_NUMBER.sub(lambda m, k=copies: str(int(m.group()) + k), tasks)
            out.write(chunk)
            size += len(chunk.encode("utf-8"))
    return copies


def run_once(corpus: list[Path]) -> tuple[float, int]:
    """Seconds and peak RSS (kB) of one `check --format json` over `corpus`."""
    args = [sys.executable, "-m", "targetcheck", "check", "--format", "json"]
    for path in corpus:
        args += ["--corpus", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT / "cli"), "NO_COLOR": "1"})
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, max(after.ru_maxrss, before.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the big report here (and keep it)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "baotou-2025-big.txt"
        copies = build(path, args.mb)
        print(f"{path.stat().st_size / 2**20:.1f} MB, {copies} copies of the task paragraphs")
        times = []
        for _ in range(args.runs):
            seconds, peak_kb = run_once([path, FOLLOWUP_2026])
            times.append(seconds)
            print(f"check: {seconds:.2f} s, peak {peak_kb / 1024:.0f} MB")
        times.sort()
        print(f"median {times[len(times) // 2]:.2f} s over {len(times)} runs")


if __name__ == "__main__":
    main()
