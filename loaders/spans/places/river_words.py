"""`places/river-word`: a river or lake named by what follows it, a word only waters take
(`大石河流域`, `富春江沿岸`, `屯兰河河道`, `唐白河水环境`, `永宁江闸站`, `鄱阳湖流域`). The name ends at
the suffix before the word; its start is walked back to (names.stem_start). 水 ends a name only
before the words of a whole river (邵水流域, 汉水干流): 污水, 供水 are no rivers.

`places/river-word:before`: a river named after such a word (`花溪河重要支流老龙洞河`, `干流酉水河`,
`主要支流有营前河`): the name runs from the word to its first river suffix.

`places/river-works`: a water named by the works done on it (`实施东风渠清淤`, `加强松花江治理`,
`研究七里河综合治理`). Such words follow other words too (城乡治理), so the name must be bounded on
its left (a verb, punctuation, a function word) and be one name, not two run together (伊河洛河).
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, after_place, good, river_name, stem_start, water_name
from loaders.spans.places.words import (CJK, KINDS, RIVER_CLASS, RIVER_WORDS_BEFORE, PLACE_WORDS_AFTER_RIVER, RIVER_OR_LAKE_CLASS, RIVER_SUFFIXES,
                                        RIVER_WORDS_AFTER, RIVER_WORKS_AFTER, WATER_LIST_CLASS, WATER_SUFFIX,
                                        WATER_WORDS_AFTER)

RULE = "places/river-word"
BEFORE_RULE = "places/river-word:before"
WORKS_RULE = "places/river-works"

_RIVER_WORD = re.compile(
    rf"{RIVER_OR_LAKE_CLASS}(?={RIVER_WORDS_AFTER})|{re.escape(WATER_SUFFIX)}(?={WATER_WORDS_AFTER})")
_LONGEST_STEM = KINDS["RIVER"][1]
# the word, perhaps 有 (主要支流有营前河), then the shortest name that ends with a river suffix
_AFTER_WORD = re.compile(rf"{RIVER_WORDS_BEFORE}有?(?P<name>[{CJK}]{{1,{_LONGEST_STEM}}}?{RIVER_CLASS}+)")
_WORKS = re.compile(rf"{WATER_LIST_CLASS}(?={RIVER_WORKS_AFTER})")


def rivers_before_words(text: str, walls: set[int]) -> list[Place]:
    """Rivers before a river word. A name whose walk back found no left edge (it stopped at its
    limit) counts only with four characters or more: a shorter one may be the tail of a word."""
    found = []
    for m in _RIVER_WORD.finditer(text):
        end = m.end()
        start, bounded = stem_start(text, end, KINDS["RIVER"][1], walls)
        if good(text, start, end) and (bounded or end - start >= 4) and water_name(text, start, end, True) \
                and not PLACE_WORDS_AFTER_RIVER.match(text, end):  # 太湖流域管理局: a body
            found.append(Place(start, end, "RIVER", RULE))
    return found


def rivers_after_words(text: str) -> list[Place]:
    """Rivers named right after a river word (支流, 干流)."""
    found = []
    for m in _AFTER_WORD.finditer(text):
        start, end = m.span("name")
        if text[end - 1] == text[end - 2]:  # 果马河|河湾: a doubled suffix starts the next word
            end -= 1
        start = after_place(text, start, end, True)[0]  # 干流柳城县|河段: the county's reach, no name
        if river_name(text, start, end):
            found.append(Place(start, end, "RIVER", BEFORE_RULE))
    return found


def rivers_before_works(text: str, walls: set[int], covered: set[int]) -> list[Place]:
    """Waters before the words of works on them, bounded on the left, one name each; the weakest
    evidence, so only where no other rule found a name (`covered`)."""
    found = []
    for m in _WORKS.finditer(text):
        end = m.end()
        if end - 1 in covered:
            continue
        start, bounded = stem_start(text, end, KINDS["RIVER"][1], walls)
        if bounded and good(text, start, end) and water_name(text, start, end) and not two_names(text, start, end):
            found.append(Place(start, end, "RIVER", WORKS_RULE))
    return found


def two_names(text: str, start: int, end: int) -> bool:
    """Two names run together (伊河洛河): a river's suffix inside, two characters or more from each end."""
    return any(text[i] in RIVER_SUFFIXES for i in range(start + 1, end - 2))
