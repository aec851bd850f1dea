"""A post given to the people listed below it, one to a line.

Hong Kong's press releases (行政长官已委任以下人士，由二零零三年三月一日起为可持续发展委员会委员，任期
两年：) and mainland notices (聘任下列同志为市政府参事：) name the post once, in the sentence that
opens the list, and then the people, each on a line of its own, perhaps with a courtesy title
(博士, 先生), post-nominal letters (GBS, JP) and a role of their own in brackets (副主席): that
role is their post in the same body. A line that is no such name ends the list. The words are
in ontology/lexicon/acts.yaml (block_objects, courtesy_titles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, title_length

_LEX = lexicon()
_ALT = _LEX.alternation
_CJK = "\u4e00-\u9fff"
_VERB = rf"(?P<verb>{_ALT('acts.appoint_words')}|{_ALT('acts.passive_hire')})"
_POSTS = (rf"{_LEX['acts.as_word']}(?P<posts>[^,，。:：;；\n]{{2,40}}?)(?:[,，][^。:：\n]{{0,20}})?[:：]\s*$")
# The verb, whom (以下人士), then within the sentence 为 and the post, perhaps a term after it;
# or whom first, then the passive (下列人士获委任为二○○六年度授勋评审委员会委员：).
HEADS = (re.compile(rf"{_VERB}{_LEX['acts.perfective']}?{_ALT('acts.block_objects')}[^。:：\n]{{0,30}}?{_POSTS}"),
         re.compile(rf"{_ALT('acts.block_objects')}{_ALT('acts.roster_passive')}{_VERB}{_POSTS}"))
# After a name on such a list: a courtesy title (博士), and post-nominal letters (, GBS, JP; ﹐J﹒P﹒).
COURTESY = _ALT("acts.courtesy_titles")
LETTERS = r"(?:\s*[,，﹐]\s*[A-Z][A-Z.﹒]{1,5})"
# 郑维健博士, GBS, JP(副主席): the name, a courtesy title, letters (J.P. too), the person's own role.
LINE = re.compile(rf"\s*(?P<name>[{_CJK}]{{2,4}}?)(?:{COURTESY})?{LETTERS}*"
                  rf"\s*(?:[(（](?P<role>[^()（）]{{1,12}})[)）])?\s*$")


HIRE_WORDS = frozenset(_LEX.words("acts.passive_hire"))

# 政务司司长(主席): a member named by the post that makes them one; the list goes on after it.
POST_LINE = re.compile(r"\s*(?P<post>[^\s()（）]{2,20})\s*(?:[(（][^()（）]{1,12}[)）])?\s*$")


@dataclass(frozen=True)
class Head:
    verb: str  # as written in the simplified text (任命, 委任, 聘任)
    posts: tuple[int, int]  # the post every person listed takes


def roster_head(text: str, a: int, b: int) -> Head | None:
    """The post a sentence gives to the people listed after it, if it opens such a list."""
    m = next((m for head in HEADS if (m := head.search(text, a, b))), None)
    return Head(m["verb"], m.span("posts")) if m else None


def post_line(text: str, a: int, b: int) -> bool:
    """Whether a line of the list names a post, not a person (政务司司长(主席))."""
    m = POST_LINE.fullmatch(text, a, b)
    return m is not None and title_length(m["post"]) > 0


def roster_line(text: str, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The name on a line of the list and the span of its own role, if the line is one."""
    m = LINE.fullmatch(text, a, b)
    if m is None or not is_person_name(m["name"], strong=True) or title_length(m["name"]):
        return None
    role = m.span("role") if m["role"] and title_length(m["role"]) else None
    return m.span("name"), role
