"""The report header: date, year, city, congress term and session, speaker.

The opening lines of a work report read like

    ——2017年2月16日在包头市第十四届人民代表大会第五次会议上
    包头市人民政府市长 杜学军

(dashes vary: ——, ――, —, --, none; dates may be written in Chinese numerals, 二〇一八年一月十五日;
the speaker line may come first). The year of that date is the report's year: file names mean
nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from targetcheck.lazyregex import lazy

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def small_number(text: str) -> int | None:
    """`15`, `十五`, `二十一`, `二〇一八` (digit by digit) → int; None if not such a number."""
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGIT for ch in text):  # 二〇一八
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGIT[ch]
        return value
    match = re.fullmatch(r"([一二三四五六七八九])?十([一二三四五六七八九])?", text)
    if match:
        tens = _CN_DIGIT[match.group(1)] if match.group(1) else 1
        ones = _CN_DIGIT[match.group(2)] if match.group(2) else 0
        return tens * 10 + ones
    return None


_NUM = r"[0-9〇零○一二三四五六七八九十两]+"
_DATE_LINE = lazy(
    rf"^[\s\-—―–－~～·•]*(?P<y>{_NUM})年(?P<m>{_NUM})月(?P<d>{_NUM})日\s*在(?P<body>.*?)(?:上|上的讲话|上的报告)?[\s\-—―–－]*$"
)
_CONGRESS = lazy(
    rf"(?P<place>.*?)(?:第?(?P<term>{_NUM})届)人民代表大会(?:常务委员会)?第?(?P<session>{_NUM})次(?:全体)?会议"
)
_CONGRESS_SHORT = lazy(rf"(?P<place>.*?)(?P<term>{_NUM})届人大(?P<session>{_NUM})次会议")
_TITLES = r"代理?(?:市长|省长|主席|州长|盟长|区长|县长|旗长)|(?:市长|省长|主席|州长|盟长|区长|县长|旗长|副市长)"
_SPEAKER = lazy(
    rf"^\s*(?P<org>[^\s，。、]{{2,20}}?)人民政府(?P<title>{_TITLES})\s*(?P<name>[\u4e00-\u9fff·]{{2,5}})\s*$"
)
_SPEAKER_BARE = lazy(rf"^\s*(?P<title>{_TITLES})\s+(?P<name>[\u4e00-\u9fff·]{{2,5}})\s*$")
_TITLE_YEAR = lazy(r"^\s*(?P<place>[\u4e00-\u9fff]{0,12}?)(?P<y>\d{4})年(?:度)?政府工作报告\s*$")
_PLACE_SUFFIX = ("市", "州", "盟", "地区", "省", "自治区", "县", "区", "旗")


class Header(NamedTuple):
    year: int | None
    date: str | None  # ISO date, e.g. "2017-02-16"
    city: str | None
    term: int | None  # congress term (届)
    session: int | None  # session (次会议)
    speaker: str | None  # e.g. "市长 杜学军"
    date_line: int | None  # index in the lines given to `parse_header`
    warnings: tuple[str, ...] = ()


def is_date_line(line: str) -> bool:
    """True for a header date line such as `——2017年2月16日在…会议上`."""
    return bool(_DATE_LINE.match(line)) and ("会议" in line or "大会" in line)


def parse_header(lines: list[str], max_lines: int = 15) -> Header:
    """Read the header from the first non-blank lines of one report (normalised characters)."""
    year = date = city = speaker = None
    term = session = date_line = None
    title_year: tuple[int, str] | None = None
    speaker_org: str | None = None
    title_lines: list[str] = []
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        if date_line is None and is_date_line(line):
            match = _DATE_LINE.match(line)
            assert match is not None
            y, m, d = (small_number(match.group(k)) for k in "ymd")
            if y and 1949 <= y <= 2200 and m and 1 <= m <= 12 and d and 1 <= d <= 31:
                year, date, date_line = y, f"{y:04d}-{m:02d}-{d:02d}", index
                congress = _CONGRESS.search(match.group("body")) or _CONGRESS_SHORT.search(
                    match.group("body")
                )
                if congress:
                    place = congress.group("place").strip()
                    if place.endswith(_PLACE_SUFFIX) and len(place) >= 2:
                        city = place
                    term = small_number(congress.group("term"))
                    session = small_number(congress.group("session"))
            continue
        speaker_match = _SPEAKER.match(line)
        if speaker is None and speaker_match:
            speaker = f"{speaker_match.group('title')} {speaker_match.group('name')}"
            speaker_org = speaker_match.group("org")
            continue
        bare = _SPEAKER_BARE.match(line)
        if speaker is None and bare:
            speaker = f"{bare.group('title')} {bare.group('name')}"
            continue
        title_lines.append(line)
    # A title line (`2018年政府工作报告`) gives the year only when no date line does: read them
    # only then (their pattern, a class of 20 000 characters, costs more to compile than the
    # rest of the header).
    if year is None:
        for line in title_lines:
            title = _TITLE_YEAR.match(line)
            if title:
                title_year = (int(title.group("y")), title.group("place"))
                break
    warnings: list[str] = []
    if city is None and speaker_org and speaker_org.endswith(_PLACE_SUFFIX):
        city = speaker_org
    if year is None and title_year is not None:
        year = title_year[0]
        warnings.append(f"no date line in the header: year {year} taken from the title")
        if city is None and title_year[1].endswith(_PLACE_SUFFIX):
            city = title_year[1]
    return Header(year, date, city, term, session, speaker, date_line, tuple(warnings))
