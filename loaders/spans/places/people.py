"""Lists whose names end like waters' but are people's or places' (for `lists`).

Given names end in 江 and 河 as rivers do (王长江, 李清河), and cities in 江 (九江, 湛江), so a list
of them is no list of rivers where the text says whose it is:

- its call names people or places (`王长江、李清河等同志`, `九江、湛江等市`, `张家河、李家河等村`);
- it follows the label of a member list (`副组长:王长江、李清河`, `成员:…`);
- an item is a person's name right after a title (`市水利局局长王长江`): that item is a person;
- its last item shares a place's suffix with the others (`哈尔滨、黑河、绥芬河市政府`: three cities,
  黑河市 and 绥芬河市), though not a chief's level (`黄河、汾河市级河长`).
"""

from __future__ import annotations

import re

from loaders.spans.places.words import LEVEL_WORD, NOT_WATER_CALL, PLACE_AFTER_RIVER
from loaders.spans.posts import GROUP_ROLES, is_person_name, title_length

_NOT_WATER_CALL = re.compile(NOT_WATER_CALL)
_TITLE_REACH = 8  # characters before a name where its title may end
_LABEL_REACH = 8  # characters of the label before a list's colon


def not_water_list(text: str, start: int, last_end: int) -> bool:
    """Whether the list starting at `start`, its last name ending at `last_end`, is called people
    or places, or heads a member list."""
    if _NOT_WATER_CALL.match(text, last_end) or _shared_place_suffix(text, last_end):
        return True
    if start > 0 and text[start - 1] == ":":
        label = text[max(0, start - 1 - _LABEL_REACH):start - 1]
        return title_length(label) >= 2 or label.endswith(GROUP_ROLES)
    return False


def _shared_place_suffix(text: str, last_end: int) -> bool:
    """A place's suffix right after the list's last name, which is no chief's level (市级)."""
    return text[last_end:last_end + 1] in PLACE_AFTER_RIVER and not text.startswith(LEVEL_WORD, last_end + 1)


def after_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with a person's name right after a title (局长王长江)."""
    for size in (2, 3):
        if end - size >= start and is_person_name(text[end - size:end]) \
                and title_length(text[max(0, end - size - _TITLE_REACH):end - size]) >= 2:
            return True
    return False
