"""The numbered outline of a document body: 一、 (一) 1. (1) ① and 附件 sections.

Chinese official documents number their parts in a fixed order of levels (GB/T 9704: 一、 →
（一） → 1. → （1）), often with ① below. A unit starts at a line that opens with a number and
runs to the next numbered line of any level; the lines between (wrapped text, unnumbered
paragraphs, 责任单位 lines) belong to it. `附件` opens a top-level unit of its own, so an
attachment's lines are never read as part of the last numbered item before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.lexicon import lexicon

_LEX = lexicon()
CN_DIGITS = _LEX["numbering.cn_digits"]
# (level, pattern) in the normalised text (（一） is (一) there, ． is .), levels from 1
MARKERS = tuple((level, re.compile(form.replace("{cn}", CN_DIGITS)))
                for level, form in enumerate(_LEX.words("numbering.levels_pattern"), start=1))
# Any level's number opening a line, for readers that pass over it (（三）责任单位：…, 一、领导小组)
NUMBER = "(?:" + "|".join(pattern.pattern for _, pattern in MARKERS) + ")"
_APPENDIX = re.compile(_LEX["numbering.appendix_pattern"])
CIRCLED = _LEX["numbering.circled"]
LINE = re.compile(r"[^\n]+")


@dataclass
class Unit:
    level: int  # 0 preamble or 附件, 1 一、, 2 (一), 3 1., 4 (1), 5 ①
    label: str  # 一 | (一) | 6 | (1) | ① | 附件2 | ""
    start: int  # offset of the line in the body
    text_start: int  # first character after the number
    end: int = 0
    parent: int | None = None
    item: str = ""  # the label that names it in its document: 6, 20(1), 三(一)
    children: list[int] = field(default_factory=list)


def number_of(marker: re.Match) -> str:
    """The number a level's pattern matched: the one of its groups that took part (2.1.2 of a
    plan's decimal heading, else the group of the level's common form)."""
    return marker.group(marker.lastindex)


def _marker(line: str, raw_first: str) -> tuple[int, str, int] | None:
    """(level, label, length of the number) for a line that opens with a number."""
    if raw_first and raw_first in CIRCLED:  # ① is 1 once normalised: only the raw text tells
        return 5, raw_first, 1
    for level, pattern in MARKERS:
        m = pattern.match(line)
        if m:
            label = number_of(m) if level in (1, 3) else f"({number_of(m)})"
            return level, label, m.end()
    appendix = _APPENDIX.match(line)
    if appendix:
        return 0, "附件" + (appendix.group(1) or appendix.group(2) or ""), appendix.end()
    return None


_NUMBER_BEFORE_DIGITS = re.compile(r"(\d{1,3})\.(?=\d)")


def _next_before_digits(line: str, units: list[Unit]) -> tuple[int, str, int] | None:
    """`11.121人才梯队项目`: a number whose text opens with digits reads like a decimal (1.5万), but
    it is an item where it is the next number of the items before it (10. then 11.)."""
    m = _NUMBER_BEFORE_DIGITS.match(line)
    last = next((u for u in reversed(units) if u.level == 3), None)
    if m and last is not None and last.label.isdigit() and int(m.group(1)) == int(last.label) + 1:
        return 3, m.group(1), m.end()
    return None


def _lines(body: str):
    for m in LINE.finditer(body):
        stripped = m.group().lstrip()
        if stripped.strip():
            yield m.start() + len(m.group()) - len(stripped), m.end(), stripped


def outline(body: str, raw_first=lambda offset: "") -> list[Unit]:
    """The units of body in order; `raw_first(offset)` gives the raw character at a body offset."""
    units = [Unit(0, "", 0, 0)]
    for start, _, line in _lines(body):
        found = _marker(line, raw_first(start)) or _next_before_digits(line, units)
        if found is None:
            continue
        level, label, length = found
        units[-1].end = start
        units.append(Unit(level, label, start, start + length))
    units[-1].end = len(body)
    _link(units)
    _name(units)
    return units


def _link(units: list[Unit]) -> None:
    stack: list[int] = []
    for i, unit in enumerate(units):
        while stack and (units[stack[-1]].level >= unit.level or unit.level == 0):
            stack.pop()
        if stack:
            unit.parent = stack[-1]
            units[stack[-1]].children.append(i)
        if unit.level or not stack:
            stack.append(i)


def _name(units: list[Unit]) -> None:
    """Items as documents cite them: a label alone when the document uses it once at its level
    (6), else after its parent's (三(一)); sub-items always after their parent's (20(1))."""
    counts = Counter((u.level, u.label) for u in units)
    for unit in units:
        parent = units[unit.parent] if unit.parent is not None else None
        alone = counts[(unit.level, unit.label)] == 1 and unit.level <= 3
        unit.item = unit.label if alone or parent is None else parent.item + unit.label
