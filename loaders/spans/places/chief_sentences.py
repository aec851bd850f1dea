"""`places/chief:sentence`: a water body named by its chief in running text, the way news of
river chiefs writes it: `莫建成为赣江河长`, `尹建业为鄱阳湖河长`, `钟利贵为长江江西段河长`,
`重安江省级河长王晓光`, `龙王港河长为副市长陈中`, `兼任长江河长`, `巢湖湖长`.

The name ends right before the chief's title (河长, 湖长, 河湖长, with its level and rank: 省级河长,
副河长), or before the reach or tail between them (江西段, (城关段), 干流); it ends with a suffix a
chief vouches for (溪, 渠, 港 … 湖, 水库), and something must bound it on the left (为, a comma, a
verb such as 兼任): a name the walk back found no edge of may be a person's tail (王晓光任重安江).
"""

from __future__ import annotations

import re

from loaders.spans.places.items import tail_and_reach
from loaders.spans.places.names import Place, river_name, stem_start, suffix_length
from loaders.spans.places.words import ANY_CHIEF_TITLE, CHIEF_SUFFIXES, CHIEF_WORDS, REACH

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
        for end in _name_ends(text, title.start()):
            walk = _LONGEST + suffix_length(text, 0, end, CHIEF_SUFFIXES) - 1
            start, bounded = stem_start(text, end, walk, walls)
            if bounded and river_name(text, start, end):
                found.append(Place(start, end, "RIVER", RULE))
                break
    return found


def _name_ends(text: str, at: int) -> list[int]:
    """Where a name before the title at `at` may end: right there, before a reach in brackets,
    or before a reach or tail written plainly (长江|江西段, 新安江|干流), nearest the title last."""
    if at == 0:
        return []
    if text[at - 1] == ")":
        bracket = _BRACKETED_REACH.search(text, max(0, at - 16), at)
        return [bracket.start()] if bracket else []
    ends = [at] if suffix_length(text, 0, at, CHIEF_SUFFIXES) else []
    for end in range(at - 2, max(0, at - _BETWEEN - 1), -1):
        if suffix_length(text, 0, end, CHIEF_SUFFIXES) and tail_and_reach(text, end, at):
            ends.append(end)
    return ends
