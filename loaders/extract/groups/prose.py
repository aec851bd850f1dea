"""Members named in running text, as news reports and short notices name them.

- `领导小组组长由市委副书记张国清担任`: a role, 由, a title and a name, 担任 (groups/prose:held-by);
- `省委副书记、省长尹力任组长`, `由省政府副秘书长马锐同志担任总召集人`: a title and a name, a verb,
  a role (groups/prose:holds);
- `副组长2人，分别是：市委常委、统战部部长宋爱荣，市政府副市长谭家玲`: a role and the titles and
  names it lists, one entry between two commas (groups/prose:list).
A title is written against the name after it; the name is the two or three characters ending
the entry that make a person's name after a known title. Words naming no one (`省统计局、省委
宣传部相关负责人`, `市政协秘书长`) give no member, so a list of posts or of bodies
(`…等部门为成员单位`) gives no person. In a sentence about the office (办公室), 主任 and 副主任 are
the office's (loaders.extract.groups.office), not the group's. The words (roles, verbs, 及) are
in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, title_length
from loaders.extract.groups.names import words
from loaders.extract.groups.row import ROLE_OF, Row, Span

_LEX = lexicon()
_ROLE = f"({words('roles')})"
_ROLE_WORD = re.compile(_ROLE)
_OFFICE_WORD = re.compile(words("office_words"))
_PROSE_ROLES = frozenset(_LEX.words("groups.prose_roles"))
_HONORIFIC = words("honorifics")
_HONORIFIC_AT_END = re.compile(f"{_HONORIFIC}$")
# An entry runs back to the clause's start or to the word opening it: 由 or 以 (以市长张三为组长),
# or to the 、 after another entry (由市长张三任组长、副市长李四任副组长).
_ENTRY = rf"([^,;:。\n、{_LEX['groups.prose_openers']}][^,;:。\n{_LEX['groups.prose_openers']}]{{2,59}}?)"
# A role ends its clause, an entry, or the words before a group's name (…为副组长的X领导小组).
_CLAUSE_END = rf"(?=[,;。、\n]|{_LEX['groups.led_by_close']}|$)"
HELD_BY = re.compile(rf"{_ROLE}{words('office_by')}{_ENTRY}{_HONORIFIC}?{words('office_held_verbs')}")
# 不再担任成员 takes the role away.
_NOT_DENIED = "".join(f"(?<!{re.escape(word)})" for word in _LEX.words("groups.prose_negations"))
HOLDS = re.compile(rf"{_ENTRY}{_HONORIFIC}?{_NOT_DENIED}{words('prose_verbs')}{words('types')}?{_ROLE}"
                   rf"{_CLAUSE_END}")
LISTS = re.compile(rf"{_ROLE}(?:共?[\d{_LEX['numbering.cn_digits']}]+人)?,?{words('prose_list_verbs')}:?")
_AND = re.compile(words("prose_and"))
_TITLE_OPENER = re.compile(words("prose_title_openers"))
_SENTENCE = re.compile(r"[^。\n]+")
# The rule each shape names in the evidence of its members.
HELD_BY_RULE, HOLDS_RULE, LIST_RULE = "groups/prose:held-by", "groups/prose:holds", "groups/prose:list"


def _title_and_name(body: str, a: int, b: int) -> tuple[Span, Span] | None:
    """(title, name) of `省委副书记、省长尹力`, or None. Where two partings give a name after a
    title, the longer known title wins (副秘书长 + 孙明, not 副秘书 + 长孙明), then three
    characters, the commonest length of a name. 增补 or 继任 before the title is none of it."""
    honorific = _HONORIFIC_AT_END.search(body, a, b)
    b = honorific.start() if honorific else b
    ranked = []
    for size in (3, 2):
        cut = b - size
        if cut - a >= 2 and is_person_name(body[cut:b]):
            known = title_length(body[a:cut])
            if known >= 2:
                ranked.append(((known, size == 3), cut))
    if not ranked:
        return None
    cut = max(ranked)[1]
    opener = _TITLE_OPENER.match(body, a, cut)
    if opener and title_length(body[opener.end():cut]) >= 2:
        a = opener.end()
    return (a, cut), (cut, b)


def _bare_name(body: str, a: int, b: int) -> Span | None:
    """`王伟华同志` or `王伟华`, the whole entry a person's name with no title written."""
    honorific = _HONORIFIC_AT_END.search(body, a, b)
    end = honorific.start() if honorific else b
    return (a, end) if is_person_name(body[a:end], strong=honorific is not None) else None


def _entries(body: str, a: int, b: int, role: str, rule: str) -> list[Row]:
    """The people of one entry `省政府副秘书长王太晖及省统计局…相关负责人`: parts apart by 及."""
    rows, left = [], a
    for cut in [m for m in _AND.finditer(body, a, b)] + [None]:
        right = cut.start() if cut else b
        rows += _people(body, left, right, role, rule)
        left = cut.end() if cut else b
    return rows


def _people(body: str, a: int, b: int, role: str, rule: str) -> list[Row]:
    """`市委常委、统战部部长宋爱荣`: one person whose posts 、 joins; `市政府副秘书长孙明、市发改委
    主任郑华`: two, since a name ends the words before that 、; `副市长李四、王五`: a name alone
    after 、 shares the title before it; `王伟华同志` alone has no title."""
    rows: list[Row] = []
    left = a
    for cut in [m.start() for m in re.finditer("、", body[a:b])] + [b - a]:
        right = a + cut
        found = _title_and_name(body, left, right)
        if found:
            title, name = found
            rows.append(Row(name, [title], role, title[0], name[1], rule))
        elif rows and rows[-1].end == left - 1 and is_person_name(body[left:right]):
            rows.append(Row((left, right), list(rows[-1].title_spans), role, left, right, rule))
        elif name := _bare_name(body, left, right):
            rows.append(Row(name, [], role, left, right, rule))
        else:
            continue
        left = right + 1
    return rows


def _listed(body: str, m: re.Match, end: int) -> list[Row]:
    """`副组长2人，分别是：A，B。`: every entry up to the sentence's end, apart by commas."""
    rows, left = [], m.end()
    for cut in [c.start() for c in re.finditer(r"[,;]", body[m.end():end])] + [end - m.end()]:
        rows += _entries(body, left, m.end() + cut, ROLE_OF[m.group(1)], LIST_RULE)
        left = m.end() + cut + 1
    return rows


def prose_members(body: str, start: int, end: int) -> list[Row]:
    """The group's members that the sentences of body[start:end] name, in order."""
    rows: list[Row] = []
    for sentence in _SENTENCE.finditer(body, start, end):
        a, b = sentence.span()
        if not _ROLE_WORD.search(body, a, b):  # most sentences name no role: skip the slower patterns
            continue
        about_office = _OFFICE_WORD.search(body, a, b) is not None
        found = [(m, _entries(body, *m.span(2), ROLE_OF[m.group(1)], HELD_BY_RULE))
                 for m in HELD_BY.finditer(body, a, b)]
        found += [(m, _entries(body, *m.span(1), ROLE_OF[m.group(2)], HOLDS_RULE))
                  for m in HOLDS.finditer(body, a, b)]
        found += [(m, _listed(body, m, b)) for m in LISTS.finditer(body, a, b)]
        for m, people in sorted(found, key=lambda pair: pair[0].start()):
            role_word = m.group(2) if m.re is HOLDS else m.group(1)
            if not (about_office and role_word in _PROSE_ROLES):
                rows += people
    return rows
