"""`places/patrol`: a water body named where someone goes to patrol it, the way daily reports
and news of river chiefs write it: `区委常委徐玮到荣昆河开展巡河工作`, `社区主任谭敬华到港中湖开展
常态化巡查`, `赴龙溪河巡河`.

The name stands between a word of going (到, 赴, 前往 …) and a patrol (巡河, 巡湖, 巡查 …),
perhaps with a verb and a few words of manner before the patrol (开展常态化巡查, 在湟水河日常巡查中); both edges are
the grammar's, so a name of any water suffix (河, 湖, 渠 …, 水库) is taken whole, as a chief's
list would take it. A patrol of a place (到城区开展巡查) names no water: its name has no suffix.
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, river_name
from loaders.spans.places.words import CJK, PATROL_GOING, PATROL_VERBS, PATROL_WORDS, RESERVOIR, WATER_LIST_CLASS

RULE = "places/patrol"

_LONGEST = 6  # characters of a name before its suffix (三道港排干渠)
_MANNER = 4  # characters of manner between the verb and the patrol (常态化, 日常)
# manner without a verb (在湟水河日常巡查): no character of a name's suffix or of a verb, so the
# name is not cut short (荣溪|河开展巡河)
_NO_NAME = rf"(?:(?!{WATER_LIST_CLASS}|{RESERVOIR}|{PATROL_VERBS})[{CJK}])"
_PATROL = re.compile(
    rf"{PATROL_GOING}(?P<name>[{CJK}]{{1,{_LONGEST}}}?(?:{WATER_LIST_CLASS}|{RESERVOIR}))"
    rf"(?:{PATROL_VERBS}[{CJK}]{{0,{_MANNER}}}?|{_NO_NAME}{{0,{_MANNER}}}?){PATROL_WORDS}")


def patrolled(text: str) -> list[Place]:
    """The water bodies of text named as the place of a patrol."""
    found = []
    for m in _PATROL.finditer(text):
        start, end = m.span("name")
        if river_name(text, start, end):
            found.append(Place(start, end, "RIVER", RULE))
    return found
