"""Members named in running text, as news reports and short notices name them.

A sentence gives people a role in one of two orders, around the role word (groups.roles):
- the people, a verb, the role: `省委副书记、省长尹力任组长`, `以市长张三为组长`, `X任Y领导小组组长`,
  `由副秘书长马锐同志担任总召集人` (groups/prose:holds);
- the role, a verb, the people: `组长由市委副书记张国清担任` (groups/prose:held-by),
  `副组长2人，分别是：A，B`, `成员包括：A、B`, `…，组长：市长张三；副组长：…` (groups/prose:list).
The people are a run of entries (loaders.extract.groups.entries: `省长助理、省公安厅厅长贾东军`,
`王伟华同志`, `韩正（国务院副总理）`), one clause part after another — parts apart by , ; or
及 — taken outward from the verb while they read as entries: a part that names no one
(`省统计局、省委宣传部相关负责人`, `市政协秘书长`) is passed over, any other part ends the
people. A part may open with the words before its people (`领导小组由…`): the people are read
after its 由 or 以. A role's people reach no further than the role before it (or its people)
and the role after it. A name alone after 、 shares the post before it (`副市长李四、王五`);
增补 or 继任 before a post is none of it; 不再担任 gives no one a role. In a sentence about the
office (办公室), 主任 and 副主任 from the office's word on are the office's
(loaders.extract.groups.office). The words are
in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.spans.posts import title_length
from loaders.extract.groups.entries import read_entries
from loaders.extract.groups.names import SET_UP, words
from loaders.extract.groups.parts import parts
from loaders.extract.groups.readings import read
from loaders.extract.groups.row import ROLE_OF, Row

_LEX = lexicon()
_ROLE = re.compile(f"{words('label_owners')}?({words('roles')})")
_OFFICE_WORD = re.compile(words("office_words"))
_PROSE_ROLES = frozenset(_LEX.words("groups.prose_roles"))
_BEFORE_ROLE = re.compile(rf"(?:{words('prose_verbs')}){words('label_owners')}?$")
# …, the group's whole name between the verb and the role (胡春华任根治拖欠农民工工资工作领导小组组长).
_BEFORE_NAMED_ROLE = re.compile(rf"(?:{words('prose_verbs')})[^,;。:、\s]{{2,30}}?{words('label_owners')}$")
_NAME_REACH = 40
_NEGATED = re.compile(rf"{words('prose_negations')}$")
_AFTER_ROLE = re.compile(rf"{words('prose_role_fillers')}?(?:共?[\d{_LEX['numbering.cn_digits']}]+人)?[,:]?{words('prose_each')}?(?:({words('office_by')})"
                         rf"|{words('prose_list_verbs')}:?|(:))")
_HELD = re.compile(words("office_held_verbs"))
# 副组长由A、B、C等同志担任: the list's close before the verb, no part of the last name.
_HELD_LIST_CLOSE = re.compile(rf"{words('office_held_list_close')}$")
_CLOSE = _LEX["groups.led_by_close"]  # 以市长张三为组长的X: 的 ends the role's clause
_OPENERS = _LEX["groups.prose_openers"]
_HONORARY = _LEX["groups.honorary"]
_HEADS = _LEX.words("groups.collective_heads")  # 省统计局…相关负责人: no one named
_PART_MARKS = re.compile(rf"[,;]|{words('prose_and')}")
_TITLE_OPENER = re.compile(words("prose_title_openers"))
_SENTENCE = re.compile(r"[^。\n]+")
# The rule each order names in the evidence of its members.
HELD_BY_RULE, HOLDS_RULE, LIST_RULE = "groups/prose:held-by", "groups/prose:holds", "groups/prose:list"


@dataclass
class _Role:
    start: int  # where the role word (or the group's type before it) starts
    end: int
    role: str
    before: int | None  # the verb before the role (the people stand before it), or None
    after: int | None  # where the people after the role start (after its verb, if any), or None
    by: bool = False  # the verb after the role is 由 (组长由A担任): the people end at 担任


def _roles(body: str, a: int, b: int, office: int) -> list[_Role]:
    """The role words of body[a:b] a verb ties to people, before or after them; a role word
    with neither (纪检组长, 成员单位) is none. 不再担任副组长 bounds the roles around it. From
    `office` on (the sentence's first 办公室), 主任 and 副主任 are the office's."""
    found = []
    for m in _ROLE.finditer(body, a, b):
        if m.start() >= office and m.group(1) in _PROSE_ROLES:
            continue
        if body.endswith(_HONORARY, 0, m.start(1)):  # 担任组委会名誉主席: bounds the people, gives no role
            found.append(_Role(m.start(), m.end(), "", None, None))
            continue
        verb = (_BEFORE_ROLE.search(body, max(a, m.start() - 8), m.start())
                or _BEFORE_NAMED_ROLE.search(body, max(a, m.start(1) - _NAME_REACH), m.start(1)))
        if verb and _NEGATED.search(body, max(a, verb.start() - 4), verb.start()):
            found.append(_Role(m.start(), m.end(), "", None, None))
            continue
        after = _AFTER_ROLE.match(body, m.end(), b)
        if after and after.group(2) and not _clause_start(body, a, m.start()):
            after = None  # 组长：… opens a list's line, which the list reader reads
        # after a group's set-up a clause may open with a role and its people, no verb between
        # (成立塔河县志编纂委员会，主任陈峻，副主任贺永久、陈泽森)
        people = after.end() if after else m.end() if not verb and _after_set_up(body, a, m.start()) else None
        if verb or people is not None:
            found.append(_Role(m.start(), m.end(), ROLE_OF[m.group(1)], verb.start() if verb else None, people,
                               bool(after and after.group(1))))
    return found


def _after_set_up(body: str, a: int, at: int) -> bool:
    """Whether the role at `at` opens a clause (after , or 、) of a sentence that set a group up
    before it."""
    return body[at - 1:at] in (",", "、") and SET_UP.search(body, a, at) is not None


def _clause_start(body: str, a: int, at: int) -> bool:
    """Whether `at` opens a clause inside a sentence (after , or ;) or a sentence run on after
    another: not a line, nor a list run on after a heading's colon."""
    i = at
    while i > a and body[i - 1] in " \t":
        i -= 1
    if i == a:  # a sentence run on after another on its line: `…调整。组长：…`
        return a > 0 and body[a - 1] == "。"
    return body[i - 1] in ",;"


def _part_rows(body: str, a: int, b: int, role: str, rule: str) -> list[Row] | None:
    """The people of one part, read after the last 由 or 以 in it that leaves a run of entries
    (`领导小组由省委常委…黄楚平`), or from its start; [] when it names no one (posts, bodies,
    their 负责人, a post alone after 由), None when it is words of another kind."""
    starts = [i + 1 for i in range(b - 1, a - 1, -1) if body[i] in _OPENERS] + [a]
    for start in starts:
        entries = read_entries(body, start, b)
        if entries:
            return _rows(body, entries, role, rule)
        if start > a and read(body[start:b].strip()).title:
            return []  # 委员会由县长任主任: a post after 由 names no one, the words before it neither
    words = [body[p.start:p.end] for p in parts(body, a, b)]
    return [] if words and all(read(w).title or w.endswith(_HEADS) for w in words) else None


def _rows(body: str, entries, role: str, rule: str) -> list[Row]:
    rows: list[Row] = []
    for e in entries:
        title = e.title
        if title is None and e.shared and rows and rows[-1].title_spans and "、" in body[rows[-1].end:e.start]:
            rows.append(Row(e.name, list(rows[-1].title_spans), role, e.start, e.end, rule))
            continue
        if title:
            opener = _TITLE_OPENER.match(body, *title)
            if opener and title_length(body[opener.end():title[1]]) >= 2:
                title = (opener.end(), title[1])
        rows.append(Row(e.name, [title] if title else [], role, e.start, e.end, rule))
    return rows


def _pieces(body: str, a: int, b: int) -> list[tuple[int, int]]:
    cuts = [(m.start(), m.end()) for m in _PART_MARKS.finditer(body, a, b)]
    edges = [a] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [b]
    return [(x, y) for x, y in zip(edges, ends) if body[x:y].strip()]


def _people(body: str, a: int, b: int, role: str, rule: str, leftward: bool,
            first_only: bool = False) -> tuple[list[Row], int]:
    """The rows of the parts of body[a:b], from the verb outward (only the nearest part when
    `first_only`), and where the people end."""
    pieces = _pieces(body, a, b)[:1] if first_only else _pieces(body, a, b)
    rows: list[Row] = []
    reach = b if leftward else a
    for x, y in reversed(pieces) if leftward else pieces:
        found = _part_rows(body, x, y, role, rule)
        if found is None:
            break
        if found:
            rows = found + rows if leftward else rows + found
            reach = x if leftward else y
    return rows, reach


def prose_members(body: str, start: int, end: int) -> list[Row]:
    """The group's members that the sentences of body[start:end] name, in order."""
    rows: list[Row] = []
    for sentence in _SENTENCE.finditer(body, start, end):
        a, b = sentence.span()
        if not _ROLE.search(body, a, b):  # most sentences name no role
            continue
        office = _OFFICE_WORD.search(body, a, b)
        roles = _roles(body, a, b, office.start() if office else b)
        taken = a
        for i, role in enumerate(roles):
            following = roles[i + 1] if i + 1 < len(roles) else None
            if role.before is not None and role.role:
                found, _ = _people(body, taken, role.before, role.role, HOLDS_RULE, leftward=True)
                rows += found
                taken = role.end
            elif role.after is not None:
                # 组长为A，B任副组长: the people before the next role's verb are that role's but the first
                shared = following is not None and following.before is not None
                rows_end, rule = _right_end(body, role, b if following is None else
                                            following.before if shared else following.start)
                found, reach = _people(body, role.after, rows_end, role.role, rule, leftward=False,
                                       first_only=shared)
                rows += found
                taken = max(role.end, reach)
            else:
                taken = max(taken, role.end)  # 不再担任副组长
    return rows


def _right_end(body: str, role: _Role, following: int) -> tuple[int, str]:
    """Where the people after a role end: at 担任 after 由, at 的, or at the next role."""
    close = body.find(_CLOSE, role.after, following)
    end = following if close < 0 else close
    if role.by:
        held = _HELD.search(body, role.after, end)
        if held:
            close = _HELD_LIST_CLOSE.search(body, role.after, held.start())
            return (close.start() if close else held.start()), HELD_BY_RULE
    return end, LIST_RULE
