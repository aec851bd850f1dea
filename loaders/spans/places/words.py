"""The vocabulary of place names (ontology/lexicon/places.yaml) as the sets and pattern pieces
the grammar of this package is built from. Only the regex structure is written here; every
word and suffix comes from the lexicon, so a new water word or chief title is a line of YAML.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon

_LEX = lexicon()
CJK = "\u4e00-\u9fff"


def _entry(name: str) -> str:
    return _LEX[f"places.{name}"]


def _class(name: str) -> str:
    """A string entry's characters as a regex character class."""
    return _LEX.chars(f"places.{name}")


def _words(*names: str) -> str:
    """List entries' words as a regex group, longest first."""
    return _LEX.alternation(*(f"places.{name}" for name in names))


# Suffixes, by how much a name needs to vouch for it (see the lexicon's comments).
RIVER_SUFFIXES = _entry("river_suffixes")
RIVER_CLASS = _class("river_suffixes")
RIVER_OR_LAKE_CLASS = _LEX.chars("places.river_suffixes", "places.lake_suffixes")
CHIEF_SUFFIXES = _entry("chief_river_suffixes")
CHIEF_CLASS = _class("chief_river_suffixes")
SHORT_SUFFIXES = _entry("short_name_suffixes")
# Lakes named otherwise than 湖 (乌梁素海, 白洋淀), where a call, a lake's chief or a table vouches.
LAKE_NAME_SUFFIXES = _entry("lake_name_suffixes")
LAKE_CHIEF = _entry("lake_chief")
CALLED_SUFFIXES = _entry("called_river_suffixes") + LAKE_NAME_SUFFIXES
TABLE_SUFFIXES = CHIEF_SUFFIXES + LAKE_NAME_SUFFIXES
WATER_SUFFIX = _entry("water_suffix")
# label → (list suffixes, longest stem)
KINDS = {"RIVER": (_entry("water_list_suffixes"), 4), "DISTRICT": (_entry("town_suffixes"), 3)}

# Lakes and reservoirs: 湖 where something vouches for it, 水库 after any name (see the lexicon).
LAKE_SUFFIXES = _entry("lake_suffixes")
RESERVOIR = _entry("reservoir_word")
NOT_RESERVOIR_STEM_ENDS = set(_entry("not_reservoir_stem_ends"))
COMMON_WATER_WORDS = frozenset(_LEX.words("places.common_water_words"))
COMMON_WATER_ENDS = tuple(_LEX.words("places.common_water_ends"))

# What bounds a name, or may not stand in it.
STOP_CHARS = set(_entry("stop_chars"))
NOT_FIRST = set(_entry("not_first_chars"))
FIGURE = _entry("figure_before_suffix")
SMALL_FIRST = _entry("small_first")
POSITION_FIRST = set(_entry("position_first"))
POSITION_AFTER = set(_entry("position_words_after"))
NUMERALS = set(_LEX["numbering.cn_digits"] + _entry("count_numerals"))
JURISDICTION_ENDS = set(_entry("jurisdiction_ends"))
PLACE_AFTER_RIVER = set(_entry("place_after_river"))
NOT_A_RIVER_AFTER = set(_entry("not_a_river_after"))
WORDS_AROUND_RIVERS = _entry("words_around_rivers")
PLACE_WORDS_AFTER_RIVER = re.compile(_words("place_words_after_river", "bodies_after_river"))
VERBS = re.compile(_words("words_before_names"))

# Words after a name that make it a river's (富春江沿岸, 邵水流域), those of a whole river also after
# 的 (额尔古纳河的一级支流).
RIVER_WORDS_AFTER = rf"(?:{_words('river_words_after')}|{re.escape(_entry('of_word'))}{_words('river_words_after_of')})"
WATER_WORDS_AFTER = _words("water_words_after")
RIVER_WORDS_BEFORE = _words("river_words_before")
RIVER_WORKS_AFTER = _words("river_works_after")

# River-chief lists: the chief (河长, 乡级河长, 村级副河长), also with its characters spaced
# (河 长), and the number a line of such a list may open with (一、 (二) 3. 3、).
CHIEF = _entry("chief")
SERVE = _LEX["acts.serve"]  # 任: a person takes a water's chief post (张明任清水河河长)
NOT_SERVING = _LEX.words("places.not_serving")  # 主任, 责任: 任 closing a word
CHIEF_WORDS = _LEX.words("places.chiefs")
LEVEL_WORD = _entry("level_word")
_LEVEL = rf"(?:[{_entry('chief_levels')}]{LEVEL_WORD})"
# any chief (河长, 湖长, 河湖长) after its level and rank: 省级河长, 区级河湖长, 副河长
ANY_CHIEF_TITLE = rf"{_LEVEL}?(?:{_words('chief_ranks')})?{_words('chiefs')}"
SPACED_CHIEF = rf"(?:{_words('chief_ranks')})?(?:" + "|".join(
    "[ \t]*".join(map(re.escape, word)) for word in sorted(CHIEF_WORDS, key=len, reverse=True)) + ")"
_CN = _LEX["numbering.cn_digits"]
LINE_NUMBER = rf"(?:[{_CN}]+[、.]|\(?[{_CN}\d]{{1,2}}[).、]|\d{{1,2}}\.)"
REACH = r"(?:\([^()\n]{1,12}\))"  # a river's reach in brackets: 石门河(城关段)

# Lists the text calls rivers (…等河流): the call, and the words joining its items.
_COUNT = rf"(?:[\d{_LEX['numbering.cn_digits']}{_entry('count_numerals')}]+[{_entry('count_measures')}])"
# 等河流, 等主要河流, 等9条市级河流; after a count, any short words (等16条骨干河道, 等5个跨县湖泊)
CALLED = _entry("list_close") + (rf"(?:{_COUNT}[{CJK}]{{0,4}}?|{_LEVEL}?(?:{_words('called_qualifiers')})?)"
                                 rf"{_words('called_rivers')}")
NOT_WATER_CALL = _entry("list_close") + rf"{_COUNT}?{_words('not_water_calls')}"  # 等同志, 等市
LIST_JOINERS = "、|" + _words("list_joiners")
JOINER_CHARS = set(_LEX.words("places.list_joiners"))
WITHIN_MARKS = re.compile(_words("within_marks"))
ITEM_TAILS = re.compile(_words("item_tails"))

# River tables: the columns, the words that mark a header, a reach written after the river.
NUMBER_COLUMN = _words("number_columns")
# a few words may head the column's name: 担任河长的河流, 所辖河湖, 责任河段
RIVER_COLUMN = rf"[{CJK}]{{0,6}}?{_words('river_columns')}(?:\([^()\n]{{1,6}}\))?(?:{_words('column_name_word')})?"
RIVER_TABLE_MARKS = _LEX.words("places.river_table_marks")
FIRST_RIVER_COLUMN = _words("first_river_columns")
PLAIN_REACH = rf"[{CJK}]{{1,6}}{_class('reach_places')}{_words('reach_word')}"
REACH_WORD = _entry("reach_word")
STATION = _entry("station_word")

# Patrols (到荣昆河开展巡河工作): the words of going, the verb and the patrol, the suffixes of the water.
PATROL_GOING = _words("patrol_going")
PATROL_VERBS = _words("patrol_verbs")
PATROL_WORDS = _words("patrol_words")
WATER_LIST_CLASS = _class("water_list_suffixes")
