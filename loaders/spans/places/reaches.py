"""`places/reach`: a water named by the reach of it a text speaks of (`磁窑河汾阳段、孝义段`,
`乌马河清徐段`, `记者在井冈山市拿山河厦坪段了解`). A river or lake's suffix right before a short
place and 段 names the water: roads and works have sections too (沿河路段, 渠道段), but those
names fail the grammar's tests (a bad first character, a common word, a verb inside, two
names run together: 湄江湄江街道段).
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, river_name, stem_start
from loaders.spans.places.river_words import two_names
from loaders.spans.places.words import CJK, KINDS, PLACE_AFTER_RIVER, REACH_WORD, RIVER_OR_LAKE_CLASS, STOP_CHARS

RULE = "places/reach"

_LONGEST_PLACE = 4  # characters of the reach's place (汾阳, 兴隆镇, 城关镇东)
# one suffix or two (清江河兴隆镇段); a doubled one ends the name at its first (长江江西段)
_REACH = re.compile(rf"{RIVER_OR_LAKE_CLASS}{{1,2}}(?=(?P<place>[{CJK}]{{1,{_LONGEST_PLACE}}}){REACH_WORD})")
_FROM = "至"
_NOT_A_PLACE = "道流"  # 河道段, 河流分段: the word's second character, no reach's place


def reached(text: str, walls: set[int]) -> list[Place]:
    """The waters of text named before a reach of them, bounded on the left."""
    found = []
    for m in _REACH.finditer(text):
        end = m.end() - 1 if m.group()[-1] == m.group()[0] and len(m.group()) == 2 else m.end()
        if not _a_place(text, end, m.end("place")):
            continue
        start, bounded = stem_start(text, end, KINDS["RIVER"][1], walls)
        if bounded and river_name(text, start, end) and not two_names(text, start, end):
            found.append(Place(start, end, "RIVER", RULE))
    return found


def _a_place(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between a water's suffix and 段, is a reach's place: not the end of
    a word (河道, 河流, 江江), not a place the water's name is part of (浉河区, 湄江镇: the name is
    the place's), and no stretch between two other places (新河庄至双桥段); a stretch from the
    water itself is one (文峪河至义棠段)."""
    if text[start] == _FROM:
        start += 1
    return text[start] not in _NOT_A_PLACE and text[start] != text[start - 1] \
        and text[start] not in PLACE_AFTER_RIVER and not any(ch in STOP_CHARS for ch in text[start:end])
