"""`places/reservoir`: a reservoir named in running text (`开展于桥水库冬季巡查`, `建有上犹江水库`).

水库 after a name is nearly always a reservoir's name, unlike 河 or 湖 (入河, 河湖, 湖南): what
stands before it is a name when something bounds it on the left (a verb, a function word,
punctuation, a known place) within three characters, and it is no kind or count of reservoirs
(病险水库, 大中型水库, 1座水库: names.water_name). A longer run before 水库 (长泰枋洋水库) may hold a
place's name the grammar cannot tell from the reservoir's, so it gives none. A reservoir named after
its power station (乌江渡水电站水库) has the station's word between its stem and 水库.
"""

from __future__ import annotations

from loaders.spans.places.names import Place, good, stem_start, water_name
from loaders.spans.places.words import RESERVOIR, STATION, VERBS

RULE = "places/reservoir"

_LONGEST_STEM = 3  # characters before 水库 (于桥, 上犹江, 青龙山)
_SHORTEST_STEM = 2  # a one-character stem (新水库) only where a list vouches for it


def reservoirs(text: str, walls: set[int]) -> list[Place]:
    found = []
    at = text.find(RESERVOIR)
    while at >= 0:
        end = at + len(RESERVOIR)
        station = len(STATION) if text.endswith(STATION, 0, at) else 0  # 乌江渡|水电站|水库
        start, bounded = stem_start(text, end, _LONGEST_STEM + station + len(RESERVOIR) - 1, walls)
        if bounded and at - station - start >= _SHORTEST_STEM and good(text, start, end) \
                and water_name(text, start, end) and not VERBS.search(text, start, at):
            found.append(Place(start, end, "RIVER", RULE))
        at = text.find(RESERVOIR, end)
    return found
