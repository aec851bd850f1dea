"""Places in lists: a suffix alone proves nothing (入河, 城镇, 乡镇), a list proves much.

- `places/list`: a 、-list in which at least two items, and half of them, end with the same kind
  of suffix (`义井河、蒙村河、洪城河`, `菜子湖、焦岗湖`, `惠女水库、新水库`, `冠山镇、冶西镇、锁簧镇`);
  not `晋江、长乐、石狮、连江等县域`, whose names are mostly no water's, nor a list of people or
  places (people.py: `王长江、李清河等同志`, `副组长:王长江、李清河`, `局长王长江`). The last item
  runs on into the sentence (南川河沿线生活污水), so its name ends at its first suffix; an item
  may carry a tail, a reach and a bracket after its name (长江干流安徽段, 黄河干流(含庄浪河)).
- `places/list:called`: a list the text calls rivers (`湘江、渌水、洣水等河流`, `…嘉陵江等9条河流`),
  whatever each name ends with among the suffixes such a call vouches for. The call is found
  first and the list read back from it.
- `places/list:within`: the tributaries a bracket of a list's item holds (`湟水(含大通河)`); a
  bracket holding a name alone is the same water's other name (长江(金沙江)), no second one.
"""

from __future__ import annotations

import re

from loaders.spans.places.items import Item, items, name_end, run_before, runs, tail_and_reach, within
from loaders.spans.places.names import Place, after_place, after_verb, good, stem_start, suffix_length, water_name
from loaders.spans.places.people import after_title, not_water_list
from loaders.spans.places.words import (ANY_CHIEF_TITLE, CALLED, CALLED_SUFFIXES, CJK, KINDS, NOT_WATER_CALL,
                                        PATROL_WORDS, REACH_WORD, RESERVOIR, RIVER_SUFFIXES, STATION)

_PATROL_AT_END = re.compile(rf"{PATROL_WORDS}\s*$")
_NAMELESS_CALLED = re.compile(rf"[\u4e00-\u9fff]{{1,6}}?{NOT_WATER_CALL}")
LIST_RULE = "places/list"
CALLED_RULE = "places/list:called"
WITHIN_RULE = "places/list:within"

_CALLED = re.compile(CALLED)
_CHIEF_CALL = re.compile(ANY_CHIEF_TITLE)
_REACH_BACK = 120  # characters: a list of a dozen names with their brackets
_LONGEST_ITEM = 7  # characters of an item between joiners read whole (三道港排干渠); longer, walked back
_FIRST_STEM = 6  # characters the first item of a list may have before its suffix (三道港排干渠)
_REACH = re.compile(rf"[{CJK}]{{1,4}}{REACH_WORD}")  # 湖口段, 彭泽段: a place and 段


def list_places(text: str, walls: set[int]) -> list[Place]:
    """Rivers, lakes, reservoirs and towns of the 、-lists of text; `walls` are the ends of known places."""
    found: list[Place] = []
    for span in runs(text):
        run = text[span[0]:span[1]]
        for label, (suffixes, _) in KINDS.items():
            if any(ch in run for ch in suffixes) or (label == "RIVER" and RESERVOIR in run):
                found += _in_list(text, span, label, walls)
    return found


def _ends(text: str, start: int, suffixes: str, water: bool):
    """Whether a name may end at i: after one of `suffixes`, or 水库 for water."""
    if water:
        return lambda i: suffix_length(text, start, i, suffixes) > 0
    return lambda i: i > start and text[i - 1] in suffixes


def _last_item_end(text: str, a: int, b: int, suffixes: str, longest: int, water: bool) -> int:
    """The last item runs on (南川河沿线生活污水 → 南川河): it ends at its first suffix, one more
    where two river suffixes follow one another (邢江河) but not in a word (屯兰河河道, 永定河湖区),
    and after 水库 where a reservoir is named after its river (上犹江水库) or its power station
    (双河口水电站水库)."""
    station = text.find(STATION + RESERVOIR, a + 1, min(b, a + longest + 1 + len(STATION + RESERVOIR)))
    if water and station > a:  # 双河口水电站水库: a reservoir named after its power station
        return station + len(STATION + RESERVOIR)
    for i in range(a, min(b, a + longest + 2)):
        if water and i > a and text.startswith(RESERVOIR, i):
            return i + len(RESERVOIR)
        if text[i] in suffixes:
            end = i + 1
            if end < b and text[end] in suffixes and text[end] != text[i] and text[end] in RIVER_SUFFIXES:
                end += 1
            return end + len(RESERVOIR) if water and text.startswith(RESERVOIR, end) else end
    return a


def _in_list(text: str, span: tuple[int, int], label: str, walls: set[int]) -> list[Place]:
    suffixes, longest = KINDS[label]
    water = label == "RIVER"
    ends = _ends(text, span[0], suffixes, water)
    its = items(text, *span, ends)
    found, inside, last_end = [], [], span[1]
    if water and _reaches_of_one(text, its, ends):
        return []  # 长江彭泽段、湖口段、濂溪段: the reaches of the first; gazetteer and places/reach name it
    for n, item in enumerate(its):
        if n == len(its) - 1:
            b = last_end = _last_item_end(text, item.start, item.head_end, suffixes, longest, water)
        else:
            b = name_end(text, item.start, item.head_end, ends) if water else item.head_end
        length = suffix_length(text, item.start, b, suffixes) if water else int(ends(b))
        if not length:
            continue
        if water and text.endswith(STATION, 0, b - length):  # 三板溪|水电站|水库: the station's word too
            length += len(STATION)
        a, bounded = _item_start(text, item.start, b, n == 0, _LONGEST_ITEM if water else longest + 1,
                                 (_FIRST_STEM if water else longest) + length - 1, walls)
        if good(text, a, b) and (not water or _water_item(text, item, a, b, bounded)):
            found.append(Place(a, b, label, LIST_RULE))
            inside += _within(text, item, b)
    if len(found) < 2 or 2 * len(found) < len(its) or water and not_water_list(text, span[0], last_end):
        return []
    if water and last_end == its[-1].start and _NAMELESS_CALLED.match(text, its[-1].start):
        return []  # 兴凯湖、临江、勤得利等灌区: the last item runs into a call no water answers to
    if water and any(_PATROL_AT_END.search(text, it.start, it.head_end) for it in its):
        return []  # 巡河、问河、督河: a list of the work done on rivers, no river among it
    return found + inside


def _reaches_of_one(text: str, its: list[Item], ends) -> bool:
    """A list of one water's reaches: its first item a water, a place and 段 (长江彭泽段), every
    other a place and 段 (湖口段, 濂溪段: a place's name may end as a water's does)."""
    first = its[0]
    b = name_end(text, first.start, first.head_end, ends)
    if not _REACH.fullmatch(text, b, first.head_end):
        return False
    *middle, last = its[1:] or [None]
    return last is not None and all(_REACH.fullmatch(text, it.start, it.head_end) for it in middle) \
        and _REACH.match(text, last.start, last.head_end) is not None


def _water_item(text: str, item: Item, a: int, b: int, bounded: bool) -> bool:
    """A water body's name with an edge on its left, not a person's after a title (局长王长江)."""
    return bounded and water_name(text, a, b) and not after_title(text, item.start, b)


def _item_start(text: str, a: int, b: int, first: bool, whole: int, walk: int,
                walls: set[int]) -> tuple[int, bool]:
    """Where an item's name starts: after the verb, place word or town it holds (the 、 of a
    numbering may open the list: 一、关于七里河; 及镇域内十一堡排水沟; 巡查杨津庄镇西干渠), the item
    whole where it is short enough, else walked back from its end (`walk` characters at most,
    before its last); and whether something bounds it there. A first water name the walk found
    no edge of may run on from a person's title (市委书记任浏阳河): the list goes without it."""
    if not first:
        a = after_place(text, after_verb(text, a, b, True)[0], b, True)[0]
        if b - a <= whole:
            return a, True
    return stem_start(text, b, walk, walls)


def _within(text: str, item: Item, name_ends: int) -> list[Place]:
    """The tributaries in the bracket right after an item's name (and its tail or reach)."""
    if item.bracket is None or not tail_and_reach(text, name_ends, item.head_end):
        return []
    found = []
    for a, b in within(text, item.bracket) or ():
        if suffix_length(text, a, b, CALLED_SUFFIXES) and good(text, a, b) and water_name(text, a, b, True):
            found.append(Place(a, b, "RIVER", WITHIN_RULE))
    return found


def called_rivers(text: str) -> list[Place]:
    """The items of each list the text calls rivers, lakes or reservoirs (`洋河、溢水河及金水河等河流`),
    or whose chief it names (`资水、沅水、澧水河长`)."""
    found, reverse = [], None
    calls = [(m, False) for m in _CALLED.finditer(text)] + [(m, True) for m in _CHIEF_CALL.finditer(text)]
    for called, strict in calls:
        end = called.start()
        if "、" not in text[max(0, end - _REACH_BACK):end]:
            continue
        reverse = reverse or text[::-1]
        found += _called_items(text, max(run_before(text, reverse, end), end - _REACH_BACK), end, strict)
    return found


def _called_items(text: str, start: int, end: int, strict: bool) -> list[Place]:
    """The names of the list text[start:end]; with `strict` (a chief's title is the call, which
    may follow any words: 副省长、重安江省级河长) only where every item is one."""
    ends = _ends(text, start, CALLED_SUFFIXES, True)
    its = items(text, start, end, ends)
    found, names = [], 0
    for n, item in enumerate(its if len(its) >= 2 else ()):
        b = name_end(text, item.start, item.head_end, ends)
        if n == 0:
            a, bounded = stem_start(text, b, _FIRST_STEM, set())
        else:
            a, bounded = after_verb(text, item.start, b, False)[0], True
        if bounded and suffix_length(text, a, b, CALLED_SUFFIXES) and good(text, a, b) \
                and water_name(text, a, b, True):
            found.append(Place(a, b, "RIVER", CALLED_RULE))  # not 北江干流: its name is 北江
            found += _within(text, item, b)
            names += 1
    return found if not strict or names == len(its) else []
