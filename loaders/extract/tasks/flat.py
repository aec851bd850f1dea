"""The outline of a plan whose items a copy ran together on one line.

A mirror or a news copy may print several items of a work plan on one line. Two shapes:
- a long line with each number after a space where the line was broken (`…完成。 一、加快提振
  市场信心 (一)全面促进消费增长。 1.把恢复…（…负责） 2.落实好…`);
- items closed by a sentence's end or by their clause's bracket, the next number right after
  it (`（一）地区生产总值增长11%左右。（省发改委负责）（二）公共财政收入增长13%左右。（…）`):
  there only the number that comes next on that line counts — the successor of a number of its
  level already on the line ((一) → (二), 1. → 2.), the first number of a deeper level
  (一 → (一)), or a number of a higher level than any on the line (（三）… → 二、) — so that a
  figure in a sentence (`增长5%。2019年`, `（1）…。3.5亿元`) never starts an item.
A space the normaliser dropped between a heading and the number of its first item (a .docx
copy's `（一）增强粮食综合生产能力 1.实施…`, read `…能力1.实施`: loaders.text.normalize joins a CJK
character and a digit) is such a space all the same: the raw text still holds it.
The task rules read the outline of the body (loaders.structure.outline), which starts a unit
only at a line's start; here the character before such a number is read as the line break it
was, offset for offset, so that the items are named as the document numbers them (一(一)1).
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.structure.outline import CIRCLED, MARKERS, Unit, number_of, outline
from loaders.view import DocumentView

LONG_LINE = 150  # a line longer than this may hold items run together at its spaces
# A space, then a number of a level (一、 (一) 1. (1)) and the item's first character.
_RUN_IN = re.compile(r"[ \t\u3000]+(?=\S)")
# What closes an item run into the next: a sentence's end or a clause's closing bracket.
_ITEM_END = re.compile(r"[。;)〕】][ \t\u3000]*")
_ONES = {ch: n for n, ch in enumerate(lexicon()["numbering.cn_ones"], start=1)}
_CIRCLED_RUN = 20  # numbering.yaml's circled numbers: ①…⑳, then ⑴…⒇


def number_value(label: str) -> int:
    """The value of an item's number: 3 → 3, 三 → 3, 十二 → 12, 二十 → 20 (0 when unknown)."""
    if label.isdigit():
        return int(label)
    tens, ten, ones = label.partition("十")
    if not ten:
        return _ONES.get(label, 0)
    return (_ONES.get(tens, 0) if tens else 1) * 10 + (_ONES.get(ones, 0) if ones else 0)


def _number(text: str, at: int, end: int) -> tuple[int, int] | None:
    """(level, value) of the item number standing at text[at] (① and ⑴ are level 5)."""
    if at < end and (circled := CIRCLED.find(text[at])) >= 0:
        return 5, circled % _CIRCLED_RUN + 1
    for level, pattern in MARKERS:
        number = pattern.match(text, at, end)
        if number:
            return level, number_value(number_of(number))
    return None


def _space_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the spaces in a long line that stand before an item's number."""
    return [m.end() - 1 for m in _RUN_IN.finditer(text, start, end) if _run_in_number(text, m.end(), end)]


def _run_in_number(text: str, at: int, end: int) -> bool:
    """Whether an item's number stands at text[at] in the middle of a line."""
    for level, pattern in MARKERS:
        number = pattern.match(text, at, end)
        # `共 3 个` is a count: a run-in number of level 3 needs its 、 or .
        if number and not (level == 3 and text[number.end() - 1].isspace()):
            return True
    return False


_FIGURE = re.compile(r"(?<!\d)\d")  # where a figure starts, which may be an item's number


def _dropped_space_breaks(view: DocumentView, start: int, end: int) -> list[int]:
    """Offsets of the characters before item numbers that a space stood between in the raw
    text (`能力 1.实施` read `能力1.实施`): the space the normaliser dropped was the line's cut."""
    text, found = view.text, []
    for m in _FIGURE.finditer(text, start, end):
        at = m.start()
        if (at > start and "\u4e00" <= text[at - 1] <= "\u9fff" and _space_dropped(view, at)
                and _run_in_number(text, at, end)):
            found.append(at - 1)
    return found


def _space_dropped(view: DocumentView, at: int) -> bool:
    """Whether the raw text holds spaces between body offsets at - 1 and at."""
    written = view.document.text
    left, right = written.raw[view.base + at - 1] + 1, written.raw[view.base + at]
    gap = written.source.text[left:right]
    return bool(gap) and gap.isspace()


def _closed_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the sentence ends and closing brackets that the next item's number follows."""
    first = _number(text, start, end)
    if first is None:
        return []
    last = dict([first])  # level → the value of the line's last number of that level
    found = []
    for m in _ITEM_END.finditer(text, start, end):
        number = _number(text, m.end(), end)
        if number is None:
            continue
        level, value = number
        if last.get(level) == value - 1 or (value == 1 and level > max(last)) or level < min(last):
            found.append(m.start())
            last = {lv: v for lv, v in last.items() if lv < level} | {level: value}
    return found


def _line_breaks(view: DocumentView, start: int, end: int) -> list[int]:
    """The breaks of one line: at its spaces (a long line), then after the sentences of each
    piece those leave, so that the items after a dropped space are numbered from its item on."""
    text = view.text
    cuts = sorted(_space_breaks(text, start, end) + _dropped_space_breaks(view, start, end)
                  if end - start > LONG_LINE else [])
    found = list(cuts)
    for a, b in zip([start] + [c + 1 for c in cuts], cuts + [end]):
        line = a + len(text[a:b]) - len(text[a:b].lstrip())
        found += _closed_breaks(text, line, b)
    return found


def plan_outline(view: DocumentView) -> list[Unit]:
    """The view's outline, with the items a line runs together told apart."""
    text, breaks, start = view.text, [], 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        breaks += _line_breaks(view, start, end)
        start = end + 1
    if not breaks:
        return view.outline
    chars = list(text)
    for at in breaks:
        chars[at] = "\n"
    return outline("".join(chars), view.raw_char)
