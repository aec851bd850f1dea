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


def _words(name: str) -> str:
    """A list entry's words as a regex group, longest first."""
    return _LEX.alternation(f"places.{name}")


# Suffixes, by how much a name needs to vouch for it (see the lexicon's comments).
RIVER_SUFFIXES = _entry("river_suffixes")
RIVER_CLASS = _class("river_suffixes")
RIVER_OR_LAKE_CLASS = _LEX.chars("places.river_suffixes", "places.lake_suffixes")
CHIEF_SUFFIXES = _entry("chief_river_suffixes")
CHIEF_CLASS = _class("chief_river_suffixes")
SHORT_SUFFIXES = _entry("short_name_suffixes")
CALLED_SUFFIXES = _entry("called_river_suffixes")
WATER_SUFFIX = _entry("water_suffix")
# label → (list suffixes, longest stem)
KINDS = {"RIVER": (_entry("water_list_suffixes"), 4), "DISTRICT": (_entry("town_suffixes"), 3)}

# Lakes and reservoirs: 湖 where something vouches for it, 水库 after any name (see the lexicon).
LAKE_SUFFIXES = _entry("lake_suffixes")
RESERVOIR = _entry("reservoir_word")
NOT_RESERVOIR_STEM_ENDS = set(_entry("not_reservoir_stem_ends"))
COMMON_WATER_WORDS = frozenset(_LEX.words("places.common_water_words"))

# What bounds a name, or may not stand in it.
STOP_CHARS = set(_entry("stop_chars"))
NOT_FIRST = set(_entry("not_first_chars"))
SMALL_FIRST = _entry("small_first")
POSITION_FIRST = set(_entry("position_first"))
POSITION_AFTER = set(_entry("position_words_after"))
NUMERALS = set(_LEX["numbering.cn_digits"] + _entry("count_numerals"))
JURISDICTION_ENDS = set(_entry("jurisdiction_ends"))
PLACE_AFTER_RIVER = set(_entry("place_after_river"))
NOT_A_RIVER_AFTER = set(_entry("not_a_river_after"))
PLACE_WORDS_AFTER_RIVER = re.compile(_words("place_words_after_river"))
VERBS = re.compile(_words("words_before_names"))

# Words after a name that make it a river's (富春江沿岸, 邵水流域).
RIVER_WORDS_AFTER = _words("river_words_after")
WATER_WORDS_AFTER = _words("water_words_after")

# River-chief lists: the chief (河长, 乡级河长, 村级副河长), also with its characters spaced
# (河 长), and the number a line of such a list may open with (一、 (二) 3. 3、).
CHIEF = _entry("chief")
CHIEF_WORDS = _LEX.words("places.chiefs")
_LEVEL = rf"(?:[{_entry('chief_levels')}]{_entry('level_word')})"
# any chief (河长, 湖长, 河湖长) after its level and rank: 省级河长, 区级河湖长, 副河长
ANY_CHIEF_TITLE = rf"{_LEVEL}?(?:{_words('chief_ranks')})?{_words('chiefs')}"
SPACED_CHIEF = rf"(?:{_words('chief_ranks')})?(?:" + "|".join(
    "[ \t]*".join(map(re.escape, word)) for word in sorted(CHIEF_WORDS, key=len, reverse=True)) + ")"
_CN = _LEX["numbering.cn_digits"]
LINE_NUMBER = rf"(?:[{_CN}]+[、.]|\(?[{_CN}\d]{{1,2}}[).、]|\d{{1,2}}\.)"
REACH = r"(?:\([^()\n]{1,12}\))"  # a river's reach in brackets: 石门河(城关段)

# Lists the text calls rivers (…等河流): the call, and the words joining its items.
_COUNT = rf"(?:[\d{_LEX['numbering.cn_digits']}{_entry('count_numerals')}]+[{_entry('count_measures')}])"
CALLED = _entry("list_close") + rf"{_COUNT}?{_LEVEL}?(?:{_words('called_qualifiers')})?{_words('called_rivers')}"
NOT_WATER_CALL = _entry("list_close") + rf"{_COUNT}?{_words('not_water_calls')}"  # 等同志, 等市
LIST_JOINERS = "、|" + _words("list_joiners")
JOINER_CHARS = set(_LEX.words("places.list_joiners"))
WITHIN_MARKS = re.compile(_words("within_marks"))
ITEM_TAILS = re.compile(_words("item_tails"))

# River tables: the columns, the words that mark a header, a reach written after the river.
NUMBER_COLUMN = _words("number_columns")
RIVER_COLUMN = rf"{_words('river_columns')}(?:\([^()\n]{{1,6}}\))?(?:{_words('column_name_word')})?"
RIVER_TABLE_MARKS = _LEX.words("places.river_table_marks")
FIRST_RIVER_COLUMN = _words("first_river_columns")
PLAIN_REACH = rf"[{CJK}]{{1,6}}{_class('reach_places')}{_words('reach_word')}"
REACH_WORD = _entry("reach_word")
