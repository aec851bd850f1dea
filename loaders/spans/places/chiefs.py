"""Rivers of river-chief (河长制) lists: the chief beside a name vouches for it, so a river may
end with any suffix rivers take (溪, 源, 渠, 港 …) where running text would need a list.

- `places/chief:line`: a river or lake heading a line or table row, then a colon, its chief
  (乡级河长, 湖长 …) or the next cell (`韩城河：县委副书记 马红梅`, `龙坑溪乡级河长：…`,
  `赵保河\t副县长\t孙丽`, `东湖湖长：…`);
- `places/chief:row`: a row laid out with spaces, the river then its chief's title and name, or
  name and title (`练江   县委副书记 方志华`, `新安江(歙县段) 县委书记 汪建国(总河长)`, `2  白马溪  李明  副县长`);
- `places/chief:block`: a water body (or a few: `菜子湖、焦岗湖`) alone on its line heading a
  block, its chief's line below (`(二)金水河` / `河 长:区委常委 李晓东`; `(一)巢湖` / `湖长:…`;
  `(一)长江干流安徽段` / `河长:…`, whose name ends before its tail and reach).
A line may open with its number (一、 (二) 3.) and the river be followed by its reach (宜阳段).
"""

from __future__ import annotations

import re

from loaders.spans.places.items import items, name_end
from loaders.spans.places.names import Place, after_serving, river_name, suffix_length
from loaders.spans.places.words import (ANY_CHIEF_TITLE, CHIEF, CHIEF_CLASS, CHIEF_SUFFIXES, CJK, LINE_NUMBER,
                                        REACH, RIVER_OR_LAKE_CLASS, SPACED_CHIEF, WATER_SUFFIX)
from loaders.spans.posts import is_person_name, title_length

LINE_RULE = "places/chief:line"
ROW_RULE = "places/chief:row"
BLOCK_RULE = "places/chief:block"

_HEAD = rf"(?m)^[ \t]*{LINE_NUMBER}?[ \t]*"
# The suffix of a river heading a line and what follows it. The search starts from these
# (rare), then reads the line's head, not every line start.
_HEAD_FOLLOWER = re.compile(rf"{RIVER_OR_LAKE_CLASS}{REACH}?(?=[ \t]*(?::|{ANY_CHIEF_TITLE})|\t)")
_LINE_HEAD = re.compile(
    rf"[ \t]*{LINE_NUMBER}?[ \t]*([{CJK}]{{1,6}}?{RIVER_OR_LAKE_CLASS}){REACH}?(?=[ \t]*(?::|{ANY_CHIEF_TITLE})|\t)")
_ROW_HEAD = rf"(?m)^[ \t]*(?:{LINE_NUMBER}|\d{{1,3}}(?=[ \t]))?[ \t]*"  # a row's number may stand alone: `1  练江`
_CELL = r"([^\s:;,。()]{2,20})"  # a chief's title or name
_CHIEF_ROW = re.compile(rf"{_ROW_HEAD}([{CJK}]{{1,6}}?{CHIEF_CLASS}){REACH}?[ \t]+{_CELL}[ \t]+{_CELL}(?=[(;,\s]|$)")
_BLOCK_HEAD = re.compile(
    rf"{_HEAD}([{CJK}、]{{2,24}}?){REACH}?[ \t]*\n(?:[ \t]*\n)*[ \t]*{SPACED_CHIEF}[ \t]*:")
_BLOCK_SUFFIXES = CHIEF_SUFFIXES + WATER_SUFFIX


def chief_rivers(text: str) -> list[Place]:
    return _line_heads(text) + _chief_rows(text) + _block_heads(text)


def _line_heads(text: str) -> list[Place]:
    """Rivers heading a line of a river-chief list (`韩城河：县委副书记 马红梅`)."""
    found = []
    for m in _HEAD_FOLLOWER.finditer(text):
        head = _LINE_HEAD.match(text, text.rfind("\n", 0, m.start()) + 1)
        if head and head.end(1) == m.start() + 1:
            start, end = head.span(1)
            start = after_serving(text, start, end, start, True)[0]  # 王晓光任重安江省级河长
            if river_name(text, start, end):
                found.append(Place(start, end, "RIVER", LINE_RULE))
    return found


def _chief_rows(text: str) -> list[Place]:
    """Rivers heading the rows of a river-chief list, each followed by its chief's title and
    name, or name and title (`1  清水河  张明  县长`)."""
    if CHIEF not in text:
        return []
    found = []
    for m in _CHIEF_ROW.finditer(text):
        start, end = m.span(1)
        if river_name(text, start, end) and (_title_and_name(m.group(2), m.group(3))
                                             or _title_and_name(m.group(3), m.group(2))):
            found.append(Place(start, end, "RIVER", ROW_RULE))
    return found


def _title_and_name(title: str, name: str) -> bool:
    return title_length(title) >= 2 and is_person_name(name)


def _block_heads(text: str) -> list[Place]:
    """Water bodies heading the blocks of a river-chief notice, each followed by its chief's line."""
    if CHIEF[-1] not in text:  # the chief's last character, which spacing (河 长) leaves whole
        return []
    found = []
    for m in _BLOCK_HEAD.finditer(text):
        ends = lambda i: suffix_length(text, m.start(1), i, _BLOCK_SUFFIXES) > 0  # noqa: E731
        for item in items(text, *m.span(1), ends):
            end = name_end(text, item.start, item.end, ends)
            if ends(end) and river_name(text, item.start, end):
                found.append(Place(item.start, end, "RIVER", BLOCK_RULE))
    return found
