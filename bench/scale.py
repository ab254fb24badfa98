"""Scale: `targetcheck check --auto` over generated many-city corpora; reports/s and peak memory.

Builds corpora of growing size (bench/make_corpus.py: 10 years per city), runs the check on each
and prints one line per size, so the growth of time and memory with the corpus can be read off:

- wall time and reports per second (the goal: 100 or more on a 2-core machine);
- CPU time of the run (all its processes) and reports per CPU-second, which does not depend on
  what else the machine is doing (the load average is printed: on a shared machine, a second
  core busy elsewhere leaves the workers one core between them);
- peak memory of the largest process (ru_maxrss) and of all the run's processes together
  (sampled every 20 ms from /proc), the number that must stay flat as the corpus grows.

The cache is off (`--no-cache`): this measures the work. Bytecode is compiled first.

Usage: python bench/scale.py [--sizes 250,500,1000,2000] [--jobs N] [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build

ROOT = Path(__file__).resolve().parent.parent
YEARS = 10


def _tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and its descendants, in kB (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def run_once(corpus: Path, fmt: str, jobs: str | None) -> dict[str, float]:
    """Wall and CPU seconds, peak kB of the largest process and of the whole tree, for one run."""
    command = [sys.executable, "-m", "targetcheck", "check", "--auto", "--corpus", str(corpus), "--format", fmt,
               "--no-cache"]
    if jobs:
        command += ["--jobs", jobs]
    env = {**os.environ, "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, _tree_rss_kb(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        raise SystemExit(f"the check failed with exit code {code}: {' '.join(command)}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_process": max(after.ru_maxrss, 0), "peak_tree": peak_tree}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000,2000", help="reports per corpus (10 years per city)")
    parser.add_argument("--jobs", default=None, help="passed to --jobs (default: targetcheck decides)")
    parser.add_argument("--format", default="json")
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is shown (a shared "
                        "machine's noise only ever slows a run down)")
    args = parser.parse_args()
    import targetcheck

    compileall.compile_dir(Path(targetcheck.__file__).parent, quiet=1)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    print(f"machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}; "
          f"--jobs {args.jobs or 'default'}; load average {os.getloadavg()[0]:.2f} at start")
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for size in sizes:
            corpus = base / f"c{size}"
            if not corpus.exists():
                build(corpus, max(1, size // YEARS), YEARS)
            reports = sum(1 for _ in corpus.rglob("*.txt"))
            text_mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
            got = min((run_once(corpus, args.format, args.jobs) for _ in range(args.repeat)), key=lambda r: r["wall"])
            print(
                f"{reports:5d} reports ({text_mb:6.1f} MB): {got['wall']:6.2f} s wall, "
                f"{reports / got['wall']:6.1f} reports/s; {got['cpu']:6.2f} s CPU, "
                f"{reports / got['cpu']:6.1f} reports/CPU-s; peak memory {got['peak_tree'] / 1024:6.1f} MB "
                f"(all processes), {got['peak_process'] / 1024:6.1f} MB (largest)"
            )


if __name__ == "__main__":
    main()
