"""What one word of a member entry can be: a person's name, a post, or both written together.

- a name: two or three characters with a known surname, four after a compound one (欧阳),
  or a minority name joined by ·, 同志 after it no part of it; a name by its shape alone (an unknown surname) is `weak`, taken only
  where a post stands beside it;
- a post: words ending with a known title (副厅长, 组委会主席) or a body alone (市市政局);
- a name written against the post after it (`陈芸副省长`, `张力民政厅副厅长`): `name_title`;
- a post written against the name after it (`县应急管理局局长杨正清`): `title_name`;
- other Chinese words (`市农业农村局二级调`, a post the line broke): `words`; so is a word
  holding what no post holds (同志, 兼任 …: `张三同志兼任办公室主任` is a clause).
A word may read several ways; loaders.extract.groups.entries picks the reading the whole run
agrees with. Titles come from ontology/gazetteer/titles.csv, surnames from surnames.csv, body
suffixes and jurisdictions from ontology/lexicon/agencies.yaml.

Parting `张力民政厅副厅长` (张力 + 民政厅副厅长, or 张力民 + 政厅副厅长?) is scored on what stands
before the title's last known words — the body the post is at: nothing (`副省长`) or a body
opening with a jurisdiction (`省教育厅`) is sure; a body with two characters before its suffix
(`民政厅`) plausible; anything else (`政厅`) no body. The surer parting wins; between two as
sure, a three-character name, the commonest, unless both open with a jurisdiction or stand
alone, where the longer title wins (陈芸 + 副省长, not 陈芸副 + 省长). Parting
`副秘书长孙明`: the longer known title wins (副秘书长 + 孙明, not 副秘书 + 长孙明), then three
characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.spans.agency import SUFFIX, is_agency
from loaders.extract.acts.roster import COURTESY, LETTERS
from loaders.spans.posts import is_person_name, surname_length, title_length
from loaders.extract.groups.row import PERSON

_LEX = lexicon()
_HONORIFIC = _LEX["groups.honorifics"][0]
_COURTESY = re.compile(f"{COURTESY}$")
_LETTERS = re.compile(rf"{LETTERS}+\s*$")
_JURISDICTION = re.compile("(?:" + "|".join(_LEX.words("agencies.prefix_pattern")) + ")")
_SUFFIX_AT_END = re.compile(f"{SUFFIX}$")
_SURE, _PLAUSIBLE, _NO_BODY = 2, 1, 0
_NOT_IN_POSTS = re.compile(_LEX.alternation("groups.not_in_posts"))
_PLACE_ENDS = _LEX.words("agencies.jurisdiction_suffixes")
_NOT_IN_PLACES = re.compile(f"[{_LEX['agencies.not_in_place_names']}]")


@dataclass(frozen=True)
class Reading:
    name: int = 0  # length of the name the word is (同志 after it left out), or 0
    weak: bool = False  # a name by its shape only
    title: bool = False
    name_title: int = 0  # where the name ends in a name written against its post
    title_name: int = 0  # where the name starts in a post written against its name
    title_name_end: int = 0  # where that name ends (同志 after it left out)
    words: bool = False


NOTHING = Reading()


def _without_honorific(word: str) -> str:
    """The word without 同志 after a name, or a courtesy title and the letters after it
    (洪雯博士, 狄志远先生, JP: a Hong Kong list's way)."""
    if word.endswith(_HONORIFIC) and len(word) > len(_HONORIFIC) + 1:
        return word[:-len(_HONORIFIC)]
    bare = _LETTERS.sub("", word)
    courtesy = _COURTESY.search(bare)
    return bare[:courtesy.start()] if courtesy and courtesy.start() >= 2 else bare


@lru_cache(maxsize=4096)
def read(word: str) -> Reading:
    """The readings of one word as written (spaces inside it are a padded name's)."""
    bare = _without_honorific(word)
    joined = "".join(bare.split())
    if is_person_name(joined) and (len(joined) < 4 or surname_length(joined) > 1 or "·" in joined
                                   or _married_name(joined)):
        return Reading(name=len(bare))
    if " " in word:
        return Reading(name_title=cut) if (cut := padded_name_then_title(word)) else NOTHING
    if _NOT_IN_POSTS.search(bare):
        return Reading(words=True)
    title = title_length(word) >= 2 or is_agency(word)
    weak = not title and PERSON.fullmatch(joined) is not None and _shaped_name(joined)
    glued_name = name_then_title(word) or 0
    cut = title_then_name(bare) or 0
    words = not (title or weak or glued_name or cut)
    return Reading(name=len(bare) if weak else 0, weak=weak, title=title, name_title=glued_name,
                   title_name=cut, title_name_end=len(bare) if cut else 0, words=words)


def _married_name(word: str) -> bool:
    """陈文绮慧, 李王佩玲: a married woman's name in Hong Kong, her husband's surname before her
    own, two known surnames and a given name of two characters."""
    return len(word) == 4 and surname_length(word) == 1 and surname_length(word[1:]) == 1


def _shaped_name(word: str) -> bool:
    """A name by its shape, beside a post in a list: a known surname and a given name that
    holds a word of prose (马正其; four characters only after a compound surname), or two or
    three characters that hold none (an unknown surname)."""
    known = surname_length(word)
    if known and (len(word) <= 3 or (known > 1 and len(word) <= 4)):
        return True
    return len(word) <= 3 and is_person_name(word, strong=True)


def _body_score(title: str) -> int:
    """How surely `title` (the words after a name) is a post: by the body before its title."""
    first = title.split("、", 1)[0]
    size = title_length(first)
    if size < 2:
        return _NO_BODY
    org = first[:-size]
    if not org or _JURISDICTION.match(org):
        return _SURE
    suffix = _SUFFIX_AT_END.search(org)
    return _PLAUSIBLE if suffix and suffix.start() >= 2 or _place(org) else _NO_BODY


def _place(org: str) -> bool:
    """A place's name before a title (珠海市 of 珠海市副市长): a name and a place's suffix."""
    return any(org.endswith(end) and len(org) - len(end) >= 2 for end in _PLACE_ENDS) \
        and not _NOT_IN_PLACES.search(org)


def name_then_title(text: str) -> int | None:
    """Where the name ends in `text` written as name + title (`陈芸副省长` → 2), or None when no
    parting gives a person's name and a known title at a body. Four characters only after a
    compound surname (欧阳)."""
    ranked = [(rank, size) for size in (2, 3, 4) if (rank := _name_title_rank(text, size))]
    return max(ranked)[1] if ranked else None


def _name_title_rank(text: str, size: int) -> tuple | None:
    """How surely text is a name of `size` characters and a title after it, or None."""
    name, title = text[:size], text[size:]
    if size == 4 and surname_length(name) < 2:
        return None
    if not is_person_name(name) or title_length(title) < 2 or is_person_name(title):
        return None
    score = _body_score(title)
    return None if score == _NO_BODY else (score, -size if score == _SURE else size == 3)


def padded_name_then_title(word: str) -> int | None:
    """Where a padded two-character name ends in a word written against its post (`王 曦副省长`
    → 3, counting the padding), or None."""
    first, _, rest = word.partition(" ")
    rest = rest.lstrip(" ")
    if len(first) != 1 or not rest or " " in rest or not _name_title_rank(first + rest, 2):
        return None  # the padding says the name is two characters: 张 勇广州市委常委
    return len(word) - len(rest) + 1


def title_then_name(text: str) -> int | None:
    """Where the name starts in `text` written as title + name (`省长助理、省公安厅厅长贾东军`
    is no word, but `省公安厅厅长贾东军` → 7), or None."""
    ranked = []
    for size in (2, 3, 4):
        cut = len(text) - size
        if cut < 2 or (size == 4 and surname_length(text[cut:]) < 2) or not is_person_name(text[cut:]):
            continue
        known = title_length(text[:cut])
        if known >= 2:
            ranked.append(((known, size == 3), cut))
    return max(ranked)[1] if ranked else None
