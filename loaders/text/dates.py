"""Dates as Chinese official documents write them, to ISO `YYYY-MM-DD`.

成文日期 is written in Arabic digits since GB/T 9704-2012 (`2020年3月4日`), in Chinese numerals
in older documents (`二〇二〇年三月四日`), and with spaces when a PDF sets each part apart
(`2020 年 3 月 25 日`). Tables and forms use `2020-03-04`, `2020.3.4` or `2020/3/4`; some portals
stamp a page day first (`30.05.2014 22:22`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from loaders.lexicon import lexicon

_LEX = lexicon()
_ONES, _ZEROS, _TENS = (_LEX[f"numbering.{name}"] for name in ("cn_ones", "zeros", "day_tens"))
_CN_DIGIT = {**{ch: 0 for ch in _ZEROS}, **{ch: n for n, ch in enumerate(_ONES, start=1)}}
_YEAR = rf"\d{{4}}|[{_ZEROS}{_ONES}]{{4}}"
_SMALL = rf"\d{{1,2}}|[{_ONES}{_TENS}]{{1,3}}"
CHINESE_DATE = re.compile(
    rf"(?<!\d)(?P<y>{_YEAR})\s*年\s*(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号曰]")  # 曰: 日 as OCR reads it
# A day without its year (7月8日): a news report's lead opens with one.
MONTH_DAY = re.compile(rf"(?P<m>{_SMALL})\s*月\s*(?P<d>{_SMALL})\s*[日号]")
NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])")
# A portal's day-first stamp (30.05.2014 22:22): dots only, the year last, four digits, then a
# time or the line's end (a version number 1.2.2014 runs on into words).
DAY_FIRST_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?=\s+\d{1,2}:\d{2}|[ \t]*(?:$|\n))")
# A line holding nothing but a date, perhaps in brackets: the 成文日期 line of a document.
_DATE_LINE_EDGE = "()（）〔〕[] \t\u3000"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def _small_number(text: str) -> int:
    """一 → 1, 十 → 10, 十五 → 15, 二十 → 20, 二十一 → 21, 廿三 → 23, 31 → 31."""
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" not in text:
        return _CN_DIGIT.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _year(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGIT[ch]) for ch in text))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every valid date in `text`, Chinese or numeric, in order of position."""
    found = []
    # each pattern needs a character most lines lack: 年, or the separator of 2020-03-25
    wanted = [p for p, marks in ((CHINESE_DATE, "年"), (NUMERIC_DATE, "-./"), (DAY_FIRST_DATE, "."))
              if any(m in text for m in marks)]
    for pattern in wanted:
        for m in pattern.finditer(text):
            iso = _iso(_year(m["y"]), _small_number(m["m"]), _small_number(m["d"]))
            if iso:
                found.append(DateMatch(m.start(), m.end(), iso))
    yield from sorted(found, key=lambda d: d.start)


def to_iso(text: str) -> str | None:
    """The first date written in `text` as ISO, or None. Full-width digits are folded first."""
    folded = unicodedata.normalize("NFKC", text)
    return next((d.iso for d in find_dates(folded)), None)


def date_line(line: str) -> str | None:
    """The ISO date when the line is only a date (成文日期 line), else None."""
    core = line.strip(_DATE_LINE_EDGE)
    if not core or len(core) > 24:
        return None
    match = next(find_dates(core), None)
    if match and match.start == 0 and match.end == len(core):
        return match.iso
    return None


_LEAD_REACH = 200  # characters from a text's start within which a news lead gives its day
_NEAR_DAYS = 45  # a full date this near the lead's day in its year lends the lead its year


def lead_date(text: str) -> str | None:
    """The day a news report's lead gives without its year (1月17日，陕西省十三届人大常委会…), in
    the year of a full date the text writes near that day (…定于2022年1月19日召开): a year alone
    may be anyone's (1964年9月生), a date weeks away another event's."""
    day = MONTH_DAY.search(text, 0, _LEAD_REACH)
    if day is None:
        return None
    month, mday = _small_number(day["m"]), _small_number(day["d"])
    for found in find_dates(text):
        year = int(found.iso[:4])
        lead = _iso(year, month, mday)
        if lead and abs((date.fromisoformat(lead) - date.fromisoformat(found.iso)).days) <= _NEAR_DAYS:
            return lead
    return None
