"""Build a many-city corpus from the seeds: every city gets a run of consecutive years.

Each report is one of the two seed texts with the city renamed and every year shifted, so that
the report for year T is followed by one for T+1 (whose review speaks of T). The 2017 seed keeps
its eight copies (realistic damage, and the reader's cost of coping with it).

Usage: python bench/make_corpus.py OUT --cities 100 --years 10
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {2017: ROOT / "seeds" / "000_b64753ee75fd97df.txt", 2025: ROOT / "seeds" / "003_f70d05a2e53d4ccd.txt"}
_FIRST = "安宝昌德东丰福广海和河华吉嘉江金锦景靖康乐临龙洛宁平清庆瑞山盛石泰天通文祥新兴阳永玉云长正"
_SECOND = "川城丰港谷河湖华江京口林陵门宁平浦桥泉山水台阳源州"
_YEAR = re.compile(r"(?<!\d)(20[01]\d|202\d)(?=年)")


def city_names(count: int) -> list[str]:
    names = [a + b + "市" for a in _FIRST for b in _SECOND]
    if count > len(names):
        names += [f"{a}{b}{k}市" for k in range(2, 10) for a in _FIRST for b in _SECOND]
    return names[:count]


def shifted(text: str, seed_year: int, year: int, city: str) -> str:
    delta = year - seed_year
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)
    return text.replace("包头市", city).replace("包头", city.removesuffix("市"))


def build(out: Path, cities: int, years: int, first_year: int = 2010) -> int:
    out.mkdir(parents=True, exist_ok=True)
    texts = {year: path.read_text(encoding="utf-8") for year, path in SEEDS.items()}
    written = 0
    for k, city in enumerate(city_names(cities)):
        folder = out / f"{k:04d}"
        folder.mkdir(exist_ok=True)
        for offset in range(years):
            year = first_year + offset
            seed_year = 2017 if (offset + k) % 2 == 0 else 2025
            (folder / f"{year}.txt").write_text(shifted(texts[seed_year], seed_year, year, city), encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cities", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    count = build(args.out, args.cities, args.years)
    print(f"wrote {count} reports for {args.cities} cities into {args.out}")


if __name__ == "__main__":
    main()
