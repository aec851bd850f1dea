"""Places in lists: a suffix alone proves nothing (入河, 城镇, 乡镇), a list proves much.

- `places/list`: a 、-list in which at least two items end with the same kind of suffix
  (`义井河、蒙村河、洪城河`, `冠山镇、冶西镇、锁簧镇`); the last item runs on into the sentence
  (南川河沿线生活污水), so its name ends at its first suffix.
- `places/list:called`: a list the text calls rivers (`湘江、渌水、洣水等河流`), whatever each
  name ends with among the suffixes such a call vouches for. The call is found first and the
  list read back from it, over a short stretch.
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, after_verb, good, stem_start
from loaders.spans.places.words import CALLED, CALLED_SUFFIXES, CJK, KINDS, LIST_JOINERS

LIST_RULE = "places/list"
CALLED_RULE = "places/list:called"

# A list is a run of characters between delimiters that holds a 、 (see `_lists`).
_RUN = re.compile(r"[^,.;:!?。()“”《》\s]*")
_CALLED = re.compile(CALLED)
_LIST_BEFORE = re.compile(rf"(?:[{CJK}]{{2,6}}(?:{LIST_JOINERS}))+[{CJK}]{{2,6}}$")
_JOINER = re.compile(LIST_JOINERS)
_REACH_BACK = 80  # characters: a list of a dozen names


def list_places(text: str, walls: set[int]) -> list[Place]:
    """Rivers and towns of the 、-lists of text; `walls` are the ends of known places."""
    found: list[Place] = []
    for span in _lists(text):
        for label, (suffixes, _) in KINDS.items():
            if any(ch in text[span[0]:span[1]] for ch in suffixes):
                found += _in_list(text, span, label, walls)
    return found


def _lists(text: str) -> list[tuple[int, int]]:
    """The spans of the runs between delimiters that hold a 、: found from each 、 outwards
    (the left end on the reversed text), so no character is tried twice."""
    spans: list[tuple[int, int]] = []
    reverse, n = text[::-1], len(text)
    at = text.find("、")
    while at >= 0:
        right = _RUN.match(text, at).end()
        spans.append((n - _RUN.match(reverse, n - at).end(), right))
        at = text.find("、", right)
    return spans


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items, left = [], start
    for cut in [i for i in range(start, end) if text[i] == "、"] + [end]:
        items.append((left, cut))
        left = cut + 1
    return items


def _last_item_end(text: str, a: int, b: int, suffixes: str, longest: int) -> int:
    """The last item runs on (南川河沿线生活污水 → 南川河): it ends at its first suffix, or at
    its last where suffixes follow one another (邢江河), but not in a word (屯兰河河道)."""
    ends = [i + 1 for i in range(a, min(b, a + longest + 1)) if text[i] in suffixes]
    b = ends[0] if ends else a
    while ends and b < len(text) and text[b] in suffixes and text[b] != text[b - 1]:
        b += 1
    return b


def _in_list(text: str, span: tuple[int, int], label: str, walls: set[int]) -> list[Place]:
    suffixes, longest = KINDS[label]
    items = _list_items(text, *span)
    found = []
    for n, (a, b) in enumerate(items):
        if n == len(items) - 1:
            b = _last_item_end(text, a, b, suffixes, longest)
        if b <= a or text[b - 1] not in suffixes:
            continue
        if n == 0 or b - a > longest + 1:
            a = stem_start(text, b, longest, walls)[0]
        else:  # the 、 of a numbering may open the list: 一、关于七里河、牛尾河
            a = after_verb(text, a, b, True)[0]
        if good(text, a, b):
            found.append(Place(a, b, label, LIST_RULE))
    return found if len(found) >= 2 else []


def called_rivers(text: str) -> list[Place]:
    """The items of each list the text calls rivers (`洋河、溢水河及金水河等河流`)."""
    found = []
    for called in _CALLED.finditer(text):
        m = _LIST_BEFORE.search(text, max(called.start() - _REACH_BACK, 0), called.start())
        if m is None:
            continue
        at = m.start()
        for item in _JOINER.split(m.group()):
            start, _ = after_verb(text, at, at + len(item), False)
            if item[-1] in CALLED_SUFFIXES and good(text, start, at + len(item)):  # not 北江干流
                found.append(Place(start, at + len(item), "RIVER", CALLED_RULE))
            at += len(item) + 1  # a joiner is one character
    return found
