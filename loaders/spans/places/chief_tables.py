"""`places/table:chief-rows`: the waters of a river-chief table a copy flattened with single
spaces, a chief's row a line (`省级河长 省级责任单位 河 湖 水 库` / `孙永春 省科技厅 桐梓河
圆满贯水电站水库`). No column layout shows which word stands under the river column, but the
header vouches that the rows name waters: on each row, after the chief who opens it, a word
that is a water's name by its suffix (河, 江, 湖 …, 水库) is one, and so is each of a 、-list in
one word.
The rows run until a blank line, a numbered heading or a line naming no water.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.places.names import Place, river_name, suffix_length
from loaders.spans.places.words import CHIEF_WORDS, RIVER_TABLE_MARKS, TABLE_SUFFIXES

RULE = "places/table:chief-rows"

_LINE = re.compile(r"(?m)^.*$")
_WORD = re.compile(r"[^\s、]+")
_HEADING = re.compile(rf"\s*(?:[{lexicon()['numbering.cn_digits']}]+、|{lexicon()['numbering.appendix_pattern']})")
_ROWS_WITHOUT_WATER = 2  # lines in a row naming no water end the table


def chief_table_rivers(text: str) -> list[Place]:
    found: list[Place] = []
    for start in _chief_lines(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _is_header(text[start:end]):
            found += _rows(text, end + 1)
    return found


def _chief_lines(text: str) -> list[int]:
    """Where the lines naming a chief start: the only lines a header may be, found by the word."""
    starts = {text.rfind("\n", 0, at) + 1 for word in CHIEF_WORDS for at in _occurrences(text, word)}
    return sorted(starts)


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _is_header(line: str) -> bool:
    """A table's header: a chief's column and a column of waters (河 湖 水 库 may be spaced)."""
    words = "".join(line.split())
    return len(words) <= 40 and any(w in words for w in CHIEF_WORDS) and any(m in words for m in RIVER_TABLE_MARKS) \
        and len(line.split()) >= 3


def _rows(text: str, at: int) -> list[Place]:
    found, misses = [], 0
    for line in _LINE.finditer(text, min(at, len(text))):
        if not line.group().strip() or _HEADING.match(line.group()) or misses >= _ROWS_WITHOUT_WATER:
            break
        waters = [Place(*w.span(), "RIVER", RULE) for w in _after_chief(text, *line.span()) if _water(text, *w.span())]
        misses = 0 if waters else misses + 1
        found += waters
    return found


def _after_chief(text: str, start: int, end: int) -> list[re.Match]:
    """The words of a row after its chief, who stands first (perhaps spaced: 陈 刚)."""
    words = list(_WORD.finditer(text, start, end))
    skip = 2 if len(words) > 2 and len(words[0].group()) == 1 else 1
    return words[skip:]


def _water(text: str, start: int, end: int) -> bool:
    return bool(suffix_length(text, start, end, TABLE_SUFFIXES)) and river_name(text, start, end)
