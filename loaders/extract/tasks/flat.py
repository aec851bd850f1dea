"""The outline of a plan whose lines a web page ran together.

A mirror or a news copy may print a whole work plan on one line (`…完成。 一、加快提振市场信心
(一)全面促进消费增长。 1.把恢复…（…负责） 2.落实好…`): its items are still numbered, each
number after a space where the line was broken. The task rules read the outline of the body
(loaders.structure.outline), which starts a unit only at a line's start; here a space that
stands before a number in a long line is read as the line break it was, offset for offset,
so that the items are named as the document numbers them (一(一)1).
"""

from __future__ import annotations

import re

from loaders.structure.outline import MARKERS, Unit, outline
from loaders.view import DocumentView

LONG_LINE = 150  # a line longer than this may hold items run together
# A space, then a number of a level (一、 (一) 1. (1)) and the item's first character.
_RUN_IN = re.compile(r"[ \t\u3000]+(?=\S)")


def _breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the spaces in text[start:end] that stand before an item's number."""
    found = []
    for m in _RUN_IN.finditer(text, start, end):
        at = m.end()
        for level, pattern in MARKERS:
            number = pattern.match(text, at, end)
            # `共 3 个` is a count: a run-in number of level 3 needs its 、 or .
            if number and not (level == 3 and text[number.end() - 1].isspace()):
                found.append(m.end() - 1)
                break
    return found


def plan_outline(view: DocumentView) -> list[Unit]:
    """The view's outline, with the items a long line runs together told apart."""
    text, breaks, start = view.text, [], 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > LONG_LINE:
            breaks += _breaks(text, start, end)
        start = end + 1
    if not breaks:
        return view.outline
    chars = list(text)
    for at in breaks:
        chars[at] = "\n"
    return outline("".join(chars), view.raw_char)
