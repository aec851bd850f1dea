"""A group as the extractor finds it, and what the rest of its text says of it.

`LeadingGroup` is a GroupFact that remembers where the group is first named, to order and merge
mentions. `title_group` reads a group named only in the document's title (关于成立X领导小组的
通知), which a list under no heading belongs to. `complete` reads, from each place the text
names a group to the place it names another, where its office sits and the office's staff
wherever the text names them (under a heading of its own, 三、工作机构, or after other lines),
and the members its sentences name (以市长张三为组长, loaders.extract.groups.prose), each person
in each role once: `成立A和B。A组长由张三担任，B组长由李四担任` gives 张三 to A and 李四 to B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.groups.names import TITLE_RULE, title_name, words
from loaders.extract.groups.office import office_at, office_lines, office_staff
from loaders.extract.groups.prose import prose_members
from loaders.extract.groups.row import Row
from loaders.records import GroupFact, GroupMember
from loaders.text.script import to_simplified
from loaders.view import DocumentView

_HONORIFIC_AT_END = re.compile(f"{words('honorifics')}$")
_ENTRY_MARKS = ";；,，、。"


@dataclass
class LeadingGroup(GroupFact):
    """A GroupFact that remembers where the group is first named, to order and merge."""

    start: int = 0  # where the group is first named, in the body (before it: in the title)
    key: str = ""  # the name as written in simplified characters, which rules compare


def new_group(view: DocumentView, start: int, end: int, rule: str) -> LeadingGroup:
    name = view.written(start, end)
    return LeadingGroup(view.key, name, view.evidence(start, end, rule), start=start, key=to_simplified(name))


def member(view: DocumentView, row: Row) -> GroupMember:
    """The row as a member: 同志 after the name and a mark closing the entry (；) are neither
    name nor title."""
    title = "".join(view.written(a, b) for a, b in row.title_spans).rstrip(_ENTRY_MARKS)
    person = _HONORIFIC_AT_END.sub("", view.written(*row.name))
    return GroupMember(person, title, row.role, view.evidence(row.start, row.end, row.rule))


def title_group(view: DocumentView) -> list[LeadingGroup]:
    """The group the document's title names: it stands before the body, at a negative offset."""
    document = view.document
    header = to_simplified(document.text.text[document.start:view.base])
    found = title_name(header)
    if found is None:
        return []
    shift = document.start - view.base
    return [new_group(view, found[0] + shift, found[1] + shift, TITLE_RULE)]


def _mentions(text: str, groups: list[LeadingGroup]) -> list[tuple[int, int, int]]:
    """(start, end, group) of every place the text names a group in full, in order: where it
    is first named, and wherever its name is written again."""
    found = {(g.start, g.start + len(g.key), i) for i, g in enumerate(groups)}
    for i, group in enumerate(groups):
        at = text.find(group.key) if group.key else -1
        while at >= 0:
            found.add((at, at + len(group.key), i))
            at = text.find(group.key, at + 1)
    return sorted(found)


def _ranges(text: str, groups: list[LeadingGroup]) -> list[tuple[int, int, int]]:
    """(start, end, group): the text each group's sentences speak of, from a mention of it to
    the next mention of another group; where it is first named, from the start of its line (成立
    以市长张三为组长的X is X's), but not past another group's name."""
    mentions = _mentions(text, groups)
    ranges: list[tuple[int, int, int]] = []
    for k, (start, end, i) in enumerate(mentions):
        if ranges and ranges[-1][2] == i:
            continue
        following = next((s for s, _, j in mentions[k + 1:] if j != i), len(text))
        if start == groups[i].start:  # where it is set up: from its line, after any other group
            earlier = max((e for _, e, j in mentions[:k] if j != i), default=0)
            start = max(text.rfind("\n", 0, max(start, 0)) + 1, earlier)
        ranges.append((start, following, i))
    return ranges


def complete(view: DocumentView, groups: list[LeadingGroup]) -> None:
    """Each group with its office and the members its text names."""
    seen = [{(m.person, m.role) for m in g.members} for g in groups]
    for start, end, i in _ranges(view.text, groups):
        group = groups[i]
        lines = office_lines(view.text, start, end)
        rows = prose_members(view.text, start, end) + office_staff(view.text, lines)
        seat = next((at for at in (office_at(view.text, *line) for line in lines) if at), None)
        group.office_at = group.office_at or (view.written(*seat) if seat else None)
        for row in rows:
            found = member(view, row)
            if (found.person, found.role) not in seen[i]:
                seen[i].add((found.person, found.role))
                group.members.append(found)
