#!/usr/bin/env python3
"""Minimal perturbations of the holdout texts that isolate each failure pattern in REPORT.md.

    PYTHONPATH=cli python tests/holdout/probes.py

Each probe copies one holdout text, changes one phrase, runs `targetcheck show ID` on seeds + the
copy, and prints the verdict with and without the change. Nothing in the repository is modified.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
T18 = HERE / "baotou-2018" / "包头2018政府工作报告-constructed.txt"
T26 = HERE / "baotou-2026" / "包头2026政府工作报告-constructed.txt"

# (pattern, text, target id, old phrase(s), new phrase(s))
PROBES = [
    ("1 year scope", T18, "2017.gdp-growth", "初步核算，全年实现地区生产总值", "初步核算，2017年全年实现地区生产总值"),
    ("1 year scope (heading)", T18, "2017.gdp-growth", "一、过去五年和2017年工作回顾", "一、2017年工作回顾"),
    ("2 target restated as a gap", T26, "2025.gdp-total",
     ["经济总量由2020年的 2787.3 亿元增加到2025年的 4812.6 亿元", "——地区生产总值 4812.6 亿元，增长 6.3%；"],
     ["经济总量较2020年增长七成多", "——地区生产总值增长 6.3%；"]),
    ("4 delay naming the year", T26, "2025.wind-solar-projects-operation",
     "卧龙、通威、蒙能等风光发电项目建成投运，蒙西新能源项目受电网送出工程影响，并网延至2026年",
     "卧龙、通威、蒙能、蒙西新能源等风光发电项目受电网送出工程影响，并网延至2026年"),
    ("4 delay naming the year (control: 明年)", T26, "2025.wind-solar-projects-operation",
     "卧龙、通威、蒙能等风光发电项目建成投运，蒙西新能源项目受电网送出工程影响，并网延至2026年",
     "卧龙、通威、蒙能、蒙西新能源等风光发电项目受电网送出工程影响，并网推迟至明年"),
    ("4 delay naming the year (baoyin)", T26, "2025.baoyin-hsr-acceptance",
     "包银高铁包头段完成静态验收，动态验收受全线联调联试进度影响推迟至2026年", "包银高铁包头段验收推迟至2026年"),
    ("6 vocabulary: 已开工 for 建成投运", T26, "2025.grid-projects-operation", "包北主变扩建已开工", "包北主变扩建正在建设"),
    ("6 vocabulary: 挂牌运行", T26, "2025.mengkeju-branch", "包头分中心挂牌运行", "包头分中心建成运行"),
    ("9 page break after a run-in （二） heading", T26, "2025.rare-earth-capacity-added", "（二）重点产业集群扩规提质。", "重点产业集群扩规提质。"),
    ("9 page break (control: no break)", T26, "2025.rare-earth-capacity-added", "稀土新材\n\n料产能", "稀土新材料产能"),
]


def show(tid, folder):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "cli"))
    out = subprocess.run([sys.executable, "-m", "targetcheck", "show", tid, "--corpus", "seeds",
                          "--corpus", str(folder), "-f", "json"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    r = json.loads(out.stdout)
    a = r.get("actual") or {}
    return r["status"], a.get("value"), a.get("quote")


def main():
    for name, src, tid, old, new in PROBES:
        text = src.read_text(encoding="utf-8")
        olds, news = ([old], [new]) if isinstance(old, str) else (old, new)
        changed = text
        for o, n in zip(olds, news, strict=False):
            assert o in changed, (name, o)
            changed = changed.replace(o, n, 1)
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            (Path(a) / src.name).write_text(text, encoding="utf-8")
            (Path(b) / src.name).write_text(changed, encoding="utf-8")
            before, after = show(tid, a), show(tid, b)
        print(f"[{name}] {tid}\n    as written: {before}\n    changed:    {after}")


if __name__ == "__main__":
    main()
