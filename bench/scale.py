"""Scale: `targetcheck check --auto` over a generated many-city corpus; reports/s and peak memory.

Builds corpora of growing size (bench/make_corpus.py), runs the check on each with
`/usr/bin/time`-style accounting (resource.getrusage of the child), and prints one line per size,
so the growth of time and memory with the corpus can be read off.

Usage: python bench/scale.py [--cities 100 --years 10] [--steps 3] [--format csv]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build

ROOT = Path(__file__).resolve().parent.parent


def run_once(corpus: Path, fmt: str) -> tuple[float, int]:
    """Seconds and peak RSS (kB) of one `check --auto` run over `corpus`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "targetcheck", "check", "--auto", "--corpus", str(corpus), "--format", fmt],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, max(after.ru_maxrss, before.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--steps", type=int, default=3, help="corpus sizes: cities/4, cities/2, cities …")
    parser.add_argument("--format", default="json")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    sizes = sorted({max(1, args.cities >> k) for k in range(args.steps)})
    with tempfile.TemporaryDirectory() as tmp:
        for cities in sizes:
            corpus = Path(tmp) / f"c{cities}"
            reports = build(corpus, cities, args.years)
            size_mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
            seconds, peak_kb = run_once(corpus, args.format)
            print(
                f"{reports:6d} reports ({size_mb:7.1f} MB): {seconds:7.2f} s, "
                f"{reports / seconds:7.1f} reports/s, peak memory {peak_kb / 1024:6.1f} MB"
            )


if __name__ == "__main__":
    main()
