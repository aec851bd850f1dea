"""Where a place's name starts, and whether a run of characters is one.

A name's end is found by its suffix or by what follows it; its start has no delimiter when it
heads a list or stands before 流域, so it is found by walking back over at most a few
characters and stopping at punctuation, a function word or the end of a place the gazetteer
found (平定县|冠山镇). A verb or adverb inside the run (开展贡江, 加强桃江流域) is never part of a
name, nor is a city's whole name before its river (达州市|州河); a run the walk found no edge of
starts where the document writes the name elsewhere with one (途径海拉尔河 → 从海拉尔河源头).
"""

from __future__ import annotations

from functools import lru_cache
import re
from typing import NamedTuple

from loaders.spans.places.words import (CHIEF_WORDS, COMMON_WATER_ENDS, COMMON_WATER_WORDS, FIGURE, JURISDICTION_ENDS,
                                        NOT_A_RIVER_AFTER, NOT_FIRST, NOT_RESERVOIR_STEM_ENDS, NUMERALS, PLACE_WORDS_AFTER_RIVER,
                                        POSITION_AFTER, POSITION_FIRST, RESERVOIR, SHORT_SUFFIXES, SMALL_FIRST, STATION,
                                        NOT_SERVING, SERVE, STOP_CHARS, VERBS, WORDS_AROUND_RIVERS)
from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, title_length

_VERB_AT = re.compile(f"(?=({VERBS.pattern}))")  # every verb, overlapping ones too


class Place(NamedTuple):
    start: int
    end: int
    label: str  # RIVER | DISTRICT
    rule: str = ""  # the rule that found it: places/list, places/chief:row …


def is_cjk(text: str, i: int) -> bool:
    return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"


def stem_start(text: str, end: int, longest: int, walls: set[int]) -> tuple[int, bool]:
    """Where a name ending at `end` (its suffix included) begins, and whether something bounds
    it on the left (punctuation, a function word, a verb, a known place, the same name written
    elsewhere with an edge) rather than the limit."""
    start, bounded = end - 1, False
    while start > end - 1 - longest:
        if start == 0 or start in walls or not is_cjk(text, start - 1) or text[start - 1] in STOP_CHARS:
            bounded = True
            break
        start -= 1
    else:  # the walk's limit, where the name may still be bounded
        bounded = start == 0 or start in walls or not is_cjk(text, start - 1) or text[start - 1] in STOP_CHARS
    start, bounded = after_verb(text, start, end, bounded)
    start, bounded = after_place(text, start, end, bounded)
    return (start, bounded) if bounded else written_elsewhere(text, start, end)


def written_elsewhere(text: str, start: int, end: int) -> tuple[int, bool]:
    """A stem the walk found no edge of (途径海拉尔河支流 walks back to 径海拉尔河) starts where the
    document shows it starts: the longest tail of it that the document writes elsewhere with an
    edge on its left (从海拉尔河源头) is the name, bounded; else the stem as walked, unbounded."""
    for a in range(start, end - 1):
        if water_name(text, a, end) and _edged_somewhere(text, text[a:end]):
            return a, True
    return start, False


@lru_cache(maxsize=32)  # small: each entry keeps its text alive
def _edged_somewhere(text: str, name: str) -> bool:
    """Whether text writes `name` somewhere with nothing joining it on the left."""
    at = text.find(name)
    while at >= 0:
        if bounded_left(text, at):
            return True
        at = text.find(name, at + 1)
    return False


def after_place(text: str, start: int, end: int, bounded: bool) -> tuple[int, bool]:
    """A stem holding a city, county or town's whole name (达州市|州河流域, 杨津庄镇|西干渠) starts
    after it: a place of two characters and more, its 市/县/区/镇/乡, then a name of two
    characters and more. A place right before a one-character suffix leaves no name (柳城县|河段:
    the county's reach of a river, 县 and 河段): the start is put where no name can begin."""
    if end - start >= 4 and text[end - 2] in JURISDICTION_ENDS:  # not 还乡河: no place of one character
        return end - 1, bounded
    for i in range(end - 3, start, -1):
        if text[i] in JURISDICTION_ENDS and not text.startswith(STATION, i + 1):  # 白市|水电站水库: the stem's
            return i + 1, True
    return start, bounded


def after_verb(text: str, start: int, end: int, bounded: bool) -> tuple[int, bool]:
    """A stem holding a verb (开展贡江, 加强桃江流域) starts after its last verb, which bounds it."""
    # a verb may begin before the stem's first character (实|施昆都仑河): its end still bounds the name;
    # verbs may overlap (辖区内: 辖区 and 区内), the last end counts
    cuts = [m.end(1) for m in _VERB_AT.finditer(text, max(start - 1, 0), end - 1) if m.end(1) > start]
    return (cuts[-1], True) if cuts else (start, bounded)


def after_serving(text: str, start: int, end: int, default: int, bounded: bool) -> tuple[int, bool]:
    """A stem holding 任, as a person takes a water's chief post (张明任清水河, 市委书记任浏阳河),
    starts after it, which bounds it; not 任 closing a word (主任, 责任). Else (default, bounded)."""
    at = text.rfind(SERVE, max(start - 1, 0), end - 2)
    if at > 0 and not any(text.startswith(word, at + len(SERVE) - len(word)) for word in NOT_SERVING):
        return at + len(SERVE), True
    return default, bounded


def bounded_left(text: str, a: int) -> bool:
    """Nothing joins text[a:] on the left: no character, or punctuation, a function word or a verb."""
    if a == 0 or not is_cjk(text, a - 1) or text[a - 1] in STOP_CHARS:
        return True
    return any(m.end() == a for m in VERBS.finditer(text, max(a - 4, 0), a))


def good(text: str, start: int, end: int) -> bool:
    """A name of two or more characters, without function words, whose head is no bad first
    character, that is no count of rivers nor a figure (生态之河)."""
    return end - start >= 2 and _first_ok(text, start, end) \
        and not any(ch in STOP_CHARS for ch in text[start:end]) and not _a_count(text, start, end) \
        and not (end - start >= 4 and text[end - 2] == FIGURE)  # 生态之河: a figure (扬之河 is a name)


def _first_ok(text: str, start: int, end: int) -> bool:
    """小 heads a longer name (小清河, 小洲源), not the word 小河; 上, 下, 中 head a longer name
    (上犹江) that is no position (上游河道, 中段河道)."""
    first = text[start]
    if first not in NOT_FIRST:
        return True
    if first == SMALL_FIRST:
        return end - start >= 3
    return first in POSITION_FIRST and end - start >= 3 and text[start + 1] not in POSITION_AFTER


def _a_count(text: str, start: int, end: int) -> bool:
    """A number of rivers, not a name: of those just named (赣江、抚河、信江、饶河、修河五河干流), or
    two characters, a numeral and a suffix, that count waters (三江干流, 一河一策, 两湖)."""
    if end - start == 2 and text[start] in NUMERALS:
        return True
    i = end - 1
    while i > 0 and text[i - 1] in NUMERALS:
        i -= 1
    return i < end - 1 and i > 0 and text[i - 1] in SHORT_SUFFIXES


def suffix_length(text: str, start: int, end: int, suffixes: str) -> int:
    """How many characters of text[start:end] are a water body's suffix: 水库 after a stem (2),
    one of `suffixes` (1), or none (0)."""
    if end - start > len(RESERVOIR) and text.startswith(RESERVOIR, end - len(RESERVOIR)):
        return len(RESERVOIR)
    return 1 if end > start and text[end - 1] in suffixes else 0


def water_name(text: str, start: int, end: int, vouched: bool = False) -> bool:
    """A water body's name, not a common word (母亲河, 河湖, 江河) or waters in general (安全河湖), nor a kind or count of
    reservoirs (病险水库, 大中型水库, 1座水库); two characters only with a suffix that makes a
    short name (练江, 棉溪, 巢湖), not 资源 or 水渠, unless a call `vouched` for it (渌水、洣水等河流)."""
    name = text[start:end]
    if name in COMMON_WATER_WORDS or name.endswith(COMMON_WATER_ENDS):
        return False
    if name.endswith(RESERVOIR):  # not 河湖水库: waters in general
        return end - start > len(RESERVOIR) and text[end - len(RESERVOIR) - 1] not in NOT_RESERVOIR_STEM_ENDS \
            and name[:-len(RESERVOIR)] not in COMMON_WATER_WORDS
    return end - start >= 3 or vouched or text[end - 1] in SHORT_SUFFIXES


def river_name(text: str, start: int, end: int) -> bool:
    """A name a river-chief list or table vouches for: a good water name holding no verb, whose
    last character does not open a chief's title (区级河|湖长 is 区级|河湖长)."""
    return water_name(text, start, end) and good(text, start, end) and not VERBS.search(text, start, end) \
        and not any(text.startswith(word, end - 1) for word in CHIEF_WORDS)


_TITLE_REACH = 6  # characters before a river that a title closing at its first character may take
_PLACE_ENDS = JURISDICTION_ENDS | {lexicon()["places.province_end"]}  # 省长 as 湖北省 and 长江
_RESERVOIR_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,3}}?(?:{STATION}|{RESERVOIR})")


def stands_alone(text: str, start: int, end: int, label: str) -> bool:
    """Whether a gazetteer place is a name where it stands. A river followed by a character that
    makes another word of it is none (海河 in 上海河道, 香河 in 香河县); nor is a river after a
    surname, the three characters a word of their own: a person (宋长江 on a line of a 任免名单); nor
    one before the word of a place or body named after it (珠江新城, 长江路, 长江委)."""
    if label != "RIVER":
        return True
    if end < len(text) and text[end] in NOT_A_RIVER_AFTER or PLACE_WORDS_AFTER_RIVER.match(text, end) \
            or _RESERVOIR_AFTER.match(text, end):  # 红枫湖水电站水库, 乌江渡水电站水库: a reservoir's name
        return False
    if _within_word(text, start, end) or _after_title(text, start):
        return False
    alone = not is_cjk(text, start - 2) and not is_cjk(text, end)
    return not (alone and is_cjk(text, start - 1) and is_person_name(text[start - 1:end]))


def _within_word(text: str, start: int, end: int) -> bool:
    """海河 in 入海河流: a word holding the river's characters."""
    for word in WORDS_AROUND_RIVERS:
        at = text.find(word, max(0, start - len(word)), end + len(word))
        if 0 <= at <= start and at + len(word) >= end:
            return True
    return False


def _after_title(text: str, start: int) -> bool:
    """长江 in 副省长江泽林: the river's first character closes a title, the rest opens a name. Not
    where the title is a place's last character and the river (湖北省长江水生生物保护条例)."""
    size = title_length(text[max(0, start - _TITLE_REACH):start + 1])
    if size == 0 or (size == 2 and text[start - 1] in _PLACE_ENDS and is_cjk(text, start - 2)):
        return False
    return any(is_person_name(text[start + 1:start + 1 + length]) for length in (3, 2))
