"""`places/river-word`: a river or lake named by what follows it, a word only waters take
(`大石河流域`, `富春江沿岸`, `屯兰河河道`, `唐白河水环境`, `永宁江闸站`, `鄱阳湖流域`). The name ends at
the suffix before the word; its start is walked back to (names.stem_start). 水 ends a name only
before the words of a whole river (邵水流域, 汉水干流): 污水, 供水 are no rivers.
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, good, stem_start, water_name
from loaders.spans.places.words import (KINDS, RIVER_OR_LAKE_CLASS, RIVER_WORDS_AFTER, WATER_SUFFIX,
                                        WATER_WORDS_AFTER)

RULE = "places/river-word"

_RIVER_WORD = re.compile(
    rf"{RIVER_OR_LAKE_CLASS}(?={RIVER_WORDS_AFTER})|{re.escape(WATER_SUFFIX)}(?={WATER_WORDS_AFTER})")


def rivers_before_words(text: str, walls: set[int]) -> list[Place]:
    """Rivers before a river word. A name whose walk back found no left edge (it stopped at its
    limit) counts only with four characters or more: a shorter one may be the tail of a word."""
    found = []
    for m in _RIVER_WORD.finditer(text):
        end = m.end()
        start, bounded = stem_start(text, end, KINDS["RIVER"][1], walls)
        if good(text, start, end) and (bounded or end - start >= 4) and water_name(text, start, end, True):
            found.append(Place(start, end, "RIVER", RULE))
    return found
