"""Start-up: `targetcheck check` on the shipped corpus against `python -c "import typer, rich, yaml"`.

Runs the commands alternately (so machine noise hits them alike) and compares medians:

- the floor, `python -c "import typer, rich, yaml"`;
- `targetcheck check` with its cache warm (the second run of the day and every one after);
- `targetcheck check --no-cache`, as cold as a run can be (the first run after an edit of
  targets.yaml or a report is cold for that file only).

Bytecode is compiled first, as `pip install` does: without it (PYTHONDONTWRITEBYTECODE=1, a
read-only checkout) every run compiles targetcheck's sources again, which alone costs more than
the floor. The cache is a temporary folder, so the user's is left alone.

Usage: python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import typer, rich, yaml"]
CHECK = [sys.executable, "-m", "targetcheck", "check"]
COLD = [*CHECK, "--no-cache"]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    import targetcheck

    compileall.compile_dir(Path(targetcheck.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        env.pop("TARGETCHECK_NO_CACHE", None)
        for command in (FLOOR, CHECK, COLD):  # warm the file cache and targetcheck's own
            timed(command, env)
        times: dict[str, list[float]] = {"floor": [], "warm": [], "cold": []}
        for _ in range(args.runs):
            for name, command in (("floor", FLOOR), ("warm", CHECK), ("cold", COLD)):
                times[name].append(timed(command, env))
    floor, warm, cold = (statistics.median(times[k]) for k in ("floor", "warm", "cold"))
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    print(f"machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}; {args.runs} runs each")
    print(f"floor (import typer, rich, yaml):  median {floor * 1000:4.0f} ms")
    print(f"targetcheck check, cache warm:     median {warm * 1000:4.0f} ms   ratio {warm / floor:.2f} (goal: at most 1.5)")
    print(f"targetcheck check --no-cache:      median {cold * 1000:4.0f} ms   ratio {cold / floor:.2f}")


if __name__ == "__main__":
    main()
