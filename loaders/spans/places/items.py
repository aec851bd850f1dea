"""The runs of text that hold a list, and the items of a list, for the rules of `lists`.

A list runs between delimiters but through the short brackets its items carry (黄河干流(含庄浪河)、
洮河、湟水(含大通河)); its items are cut at 、 outside brackets, and at 及/和/与 where a name has
just ended (皎沙河及蒙水河三条支流; 西干渠、中横渠和三道港排干渠). An item of water bodies reads as:

    name [tail] [reach] [(bracket)] [rest of the sentence, for the last item]

the tail a word such as 干流, the reach a place and 段 (长江干流安徽段), the bracket either the
tributaries it holds (含庄浪河、大通河) or the same water's other name (长江(金沙江)).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from loaders.spans.places.words import ITEM_TAILS, JOINER_CHARS, LIST_JOINERS, REACH_WORD, WITHIN_MARKS

_DELIMITERS = r",.;:!?。()“”《》\s"
_BRACKET = r"\([^()\n]{1,16}\)"
_RUN = re.compile(rf"(?:[^{_DELIMITERS}]|{_BRACKET})*")
_RUN_BACK = re.compile(rf"(?:[^{_DELIMITERS}]|\)[^()\n]{{1,16}}\()*")  # the same, on reversed text
_LIST_BRACKET = re.compile(r"\(([^()\n]{3,16})\)")
_JOINER = re.compile(LIST_JOINERS)
_LONGEST_TAIL = 12  # characters of a tail and a reach after a name (干流安徽段, 干流湖北荆州段)


class Item(NamedTuple):
    start: int
    end: int  # where the item's text ends: its next 、 or joiner, or the end of the run
    head_end: int  # where its text before a bracket ends
    bracket: tuple[int, int] | None  # the bracket's content, without the brackets


def runs(text: str, mark: str = "、") -> list[tuple[int, int]]:
    """The spans of the runs between delimiters that hold `mark`: found from each mark outwards
    (the left end on the reversed text), so no character is tried twice. A bracket a run reads
    through that holds a list of its own (五河(神定河、泗河、剑河)) is a run too."""
    spans: list[tuple[int, int]] = []
    reverse, n = text[::-1], len(text)
    at = text.find(mark)
    while at >= 0:
        right = max(_RUN.match(text, at).end(), at + 1)
        left = n - _RUN_BACK.match(reverse, n - at).end()
        spans.append((left, right))
        spans += [m.span(1) for m in _LIST_BRACKET.finditer(text, left, right) if mark in m.group(1)]
        at = text.find(mark, right)
    return spans


def run_before(text: str, reverse: str, end: int) -> int:
    """Where the run ending at `end` starts (`reverse` is text reversed)."""
    n = len(text)
    return n - _RUN_BACK.match(reverse, n - end).end()


def items(text: str, start: int, end: int, ends_name) -> list[Item]:
    """The items of text[start:end]: cut at 、 outside brackets, and at a joiner after a name
    (`ends_name(i)`: a name may end at i)."""
    found, left, bracket, i = [], start, None, start
    while i < end:
        ch = text[i]
        if ch == "(":
            close = text.find(")", i, end)
            if close > 0:
                bracket = bracket or (i + 1, close)
                i = close + 1
                continue
        if ch == "、" or (ch in JOINER_CHARS and i > left and (ends_name(i) or text[i - 1] == ")")):
            found.append(_item(left, i, bracket))
            left, bracket = i + 1, None
        i += 1
    found.append(_item(left, end, bracket))
    return [item for item in found if item.end > item.start]


def _item(start: int, end: int, bracket: tuple[int, int] | None) -> Item:
    return Item(start, end, bracket[0] - 1 if bracket else end, bracket)


def name_end(text: str, start: int, end: int, ends_name) -> int:
    """Where the name of an item's head text[start:end] ends: before its tail and reach
    (长江干流安徽段 → 长江), or at `end`; the shortest name that leaves only these after it."""
    for i in range(max(start + 1, end - _LONGEST_TAIL), end + 1):
        if ends_name(i) and tail_and_reach(text, i, end):
            return i
    return end


def tail_and_reach(text: str, i: int, end: int) -> bool:
    """Whether text[i:end] is nothing, a tail (干流), a reach (安徽段), or both."""
    tail = ITEM_TAILS.match(text, i, end)
    at = tail.end() if tail else i
    return at == end or (end - at >= 3 and text[end - 1] == REACH_WORD
                         and all("\u4e00" <= ch <= "\u9fff" for ch in text[at:end]))


def within(text: str, bracket: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The names a bracket of tributaries holds (含庄浪河、大通河), or None for another bracket."""
    mark = WITHIN_MARKS.match(text, *bracket)
    if not mark:
        return None
    spans, left = [], mark.end()
    for joiner in _JOINER.finditer(text, left, bracket[1]):
        spans.append((left, joiner.start()))
        left = joiner.end()
    return spans + [(left, bracket[1])]
