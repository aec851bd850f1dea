"""`groups/titled`: members named by the title they hold in a group, as news of a meeting names
the people there: `县委常委、常务副县长、县征兵领导小组组长袁佑清，…出席会议`, `市巩卫指挥部副指挥长、
副市长王如龙率队…`. The group's name and role stand in the chain of the person's titles; the
other titles of the chain, before and after, are the member's title. Only the types that name no
body (领导小组, 指挥部 …: groups.titled_types) count here, and the short names of standing
committees (县禁毒委, 妇儿工委: groups.committee_short_names); 委员会 ends bodies' names too.
"""

from __future__ import annotations

import re

from loaders.extract.groups.names import is_group, words
from loaders.extract.groups.row import ROLE_OF, Row, Span
from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, parse_posts, title_length

RULE = "groups/titled"

_CHAIN_MARK = "、"
_CLAUSE_MARK = ","  # 部长，领导小组组长X: the comma of a chain of titles in two clauses (text folded to ASCII marks)
_STOPS = ",;。:\n"
# a group's type right before its role (领导小组组长): found first, the name read back from it
_TYPE_ROLE = re.compile(rf"(?P<type>{words('titled_types', 'committee_short_names')})(?P<role>{words('roles')})")
_WHOLE_NAMES = frozenset(lexicon().words("groups.committee_short_names"))  # a name with nothing before it
_NAME_BACK = 40  # characters of a group's name
_NOT_IN_NAME = set(_STOPS + "、!?()《》“ \t")
_REST = re.compile(rf"[^{_STOPS}]{{2,40}}")
_AFTER = re.compile(words("titled_after"))
_NAME_SIZES = (3, 2, 4)
_TITLES_REACH = 30  # characters of the titles between a role and its person
_ROLE_NOTE = re.compile(r"\([^()\n]{2,12}\)")
_SENTENCE_WORD = re.compile(f"[{lexicon()['groups.titled_name_before_chars']}]")


def titled_members(body: str) -> list[tuple[Span, Row]]:
    """(the group's span, its member's row) for each person of body named by a group title."""
    found = []
    for m in _TYPE_ROLE.finditer(body):
        least = 0 if m["type"] in _WHOLE_NAMES else 2
        note = _ROLE_NOTE.match(body, m.end())  # 指挥部指挥长(领导小组组长)蔡邦银: the role as named again
        start, rest = _name_start(body, m.start(), least), _REST.match(body, note.end() if note else m.end())
        if start is None or rest is None or not is_group(body[start:m.start("role")]):
            continue
        person = _person(body, *rest.span())
        if person is None:
            continue
        name, after = person
        before = _chain_before(body, start)
        if before and after:  # 县委常委、[group role]、副市长: the two chains joined by the 、 after the role
            after = (after[0] - 1, after[1])
        titles = [span for span in (before, after) if span]
        found.append(((start, m.start("role")), Row(name, titles, ROLE_OF[m["role"]], _chain_start(body, start),
                                                    name[1], RULE)))
    return found


def _name_start(body: str, type_at: int, least: int) -> int | None:
    """Where the group's name ending in the type at `type_at` begins: after a mark or a 、 (the
    titles before it are the person's), and after the sentence's words before it (金国华首先和|
    石嘴山市农普领导小组, 听取了|平罗县…), `least` characters or more before the type."""
    i = type_at
    while i > 0 and body[i - 1] not in _NOT_IN_NAME and type_at - i < _NAME_BACK:
        i -= 1
    for m in _SENTENCE_WORD.finditer(body, i, max(i, type_at - least)):
        i = m.end()
    return i if type_at - i >= least else None


def _person(body: str, a: int, b: int) -> tuple[Span, Span | None] | None:
    """The name that closes the chain after the role, and the titles between (、副市长王如龙): the
    chain ends at a word of the meeting (出席, 率队) or the clause's end."""
    word = next((m for m in _AFTER.finditer(body, a, b) if m.start() > a + 1), None)
    end = word.start() if word else b
    start = a + 1 if body.startswith(_CHAIN_MARK, a) else a
    for size in _NAME_SIZES:
        name = body[end - size:end]
        between = body[start:end - size]
        # a name of no known surname (宾海霞) only before a word of the meeting (出席), which vouches for it
        if end - size < start or not is_person_name(name, strong=word is not None and size <= 3):
            continue
        if not between:
            return (end - size, end), None
        if title_length(between) and start > a:  # titles after the role follow a 、
            return (end - size, end), (start, end - size)
    return _after_titles(body, start, b) if start > a else None


def _after_titles(body: str, a: int, b: int) -> tuple[Span, Span] | None:
    """、常务副市长吴万俊商讨…: where no word of the meeting closes the chain, the name right after
    the titles that follow the role, of a known surname."""
    for cut in range(a + 2, min(b, a + _TITLES_REACH)):
        if title_length(body[a:cut]) and body[cut] not in _CHAIN_MARK:
            for size in (3, 2):
                if cut + size <= b and is_person_name(body[cut:cut + size]):
                    return (cut, cut + size), (a, cut)
    return None


def _chain_start(body: str, at: int) -> int:
    """Where the chain of titles that the group's title closes begins: after the clause's mark."""
    i = at
    while i > 0 and body[i - 1] not in _STOPS and at - i < 40:
        i -= 1
    return i


def _chain_before(body: str, at: int) -> Span | None:
    """The titles before the group's name (县委常委、常务副县长、), without the last 、; where the
    name opens a clause, the clause before it when it holds titles only (教育部党组书记、部长，部党组
    巡视工作领导小组组长怀进鹏)."""
    start = _chain_start(body, at)
    end = at - 1 if body[at - 1:at] == _CHAIN_MARK else at
    if end > start:
        return (start, end) if title_length(body[start:end]) else None
    if body[at - 1:at] == _CLAUSE_MARK and (before := _chain_start(body, at - 1)) < at - 1:
        parts = body[before:at - 1].split(_CHAIN_MARK)
        return (before, at - 1) if all(parse_posts(p, 0, len(p)) for p in parts) else None
    return None
