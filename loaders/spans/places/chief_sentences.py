"""`places/chief:sentence`: a water body named by its chief in running text, the way news of
river chiefs writes it: `莫建成为赣江河长`, `尹建业为鄱阳湖河长`, `钟利贵为长江江西段河长`,
`重安江省级河长王晓光`, `龙王港河长为副市长陈中`, `兼任长江河长`, `巢湖湖长`, `县委书记张明任清水河河长`.

The name ends right before the chief's title (河长, 湖长, 河湖长, with its level and rank: 省级河长,
副河长), or before the reach or tail between them (江西段, (城关段), 干流); it ends with a suffix a
chief vouches for (溪, 渠, 港 … 湖, 水库; a lake's chief any lake's: 乌梁素海湖长), and something
must bound it on the left (为, a comma, a verb such as 兼任, or 任: 张明任清水河, not 晓光任重安江): a
name the walk back found no edge of may be a person's tail.
"""

from __future__ import annotations

import re

from loaders.spans.places.items import tail_and_reach
from loaders.spans.places.names import Place, after_serving, river_name, stem_start, suffix_length
from loaders.spans.places.words import (ANY_CHIEF_TITLE, CHIEF_SUFFIXES, CHIEF_WORDS, LAKE_CHIEF, LAKE_NAME_SUFFIXES,
                                        REACH)

RULE = "places/chief:sentence"

_TITLE = re.compile(ANY_CHIEF_TITLE)
_BRACKETED_REACH = re.compile(rf"{REACH}$")
_LONGEST = 6  # characters a name may have before its suffix (三道港排干渠)
_BETWEEN = 6  # characters a reach or tail may have between the name and the title (安徽段, 干流)
_TITLE_END = CHIEF_WORDS[0][-1]  # 长: every chief's title ends with it


def chief_sentence_rivers(text: str, walls: set[int]) -> list[Place]:
    """Water bodies named before a chief's title, bounded on the left."""
    if _TITLE_END not in text:
        return []
    found = []
    for title in _TITLE.finditer(text):
        # a lake's chief vouches for a lake of any suffix (乌梁素海湖长)
        suffixes = CHIEF_SUFFIXES + LAKE_NAME_SUFFIXES if _lake_chief(title.group()) else CHIEF_SUFFIXES
        for end in _name_ends(text, title.start(), suffixes):
            walk = _LONGEST + suffix_length(text, 0, end, suffixes) - 1
            start, bounded = stem_start(text, end, walk, walls)
            start, bounded = after_serving(text, start, end, start, bounded)
            if bounded and river_name(text, start, end):
                found.append(Place(start, end, "RIVER", RULE))
                break
    return found


def _lake_chief(title: str) -> bool:
    """Whether a chief's title is a lake's (省级湖长), not one of rivers and lakes (河湖长)."""
    return max((word for word in CHIEF_WORDS if title.endswith(word)), key=len) == LAKE_CHIEF


def _name_ends(text: str, at: int, suffixes: str) -> list[int]:
    """Where a name before the title at `at` may end: right there, before a reach in brackets,
    or before a reach or tail written plainly (长江|江西段, 新安江|干流), nearest the title last."""
    if at == 0:
        return []
    if text[at - 1] == ")":
        bracket = _BRACKETED_REACH.search(text, max(0, at - 16), at)
        return [bracket.start()] if bracket else []
    ends = [at] if suffix_length(text, 0, at, suffixes) else []
    for end in range(at - 2, max(0, at - _BETWEEN - 1), -1):
        if suffix_length(text, 0, end, suffixes) and tail_and_reach(text, end, at):
            ends.append(end)
    return ends
