"""Leadership groups (领导小组, 委员会, 指挥部, 联席会议): members with roles and titles, and office.

A group is named where it is set up (`成立X领导小组`, `由X领导小组（以下简称领导小组）`) or by the
heading of its member list (`X领导小组组成人员名单`). The member list is read by
loaders.extract.groups.members (role labels 组长/副组长/成员, two-column tables, wrapped titles); the office
by loaders.extract.groups.office (办公室设在…, 办公室主任：A（兼）, 副主任由B兼任). Titles are the words written.
A list whose heading names something else (专家组) is not a group's and is skipped. One
document's mentions of one group (成立…药品耗材…领导小组 in the text, …药品和医用耗材…领导小组
above the list) become one group: names match when one's characters run in order in the other.
Groups whose members are bodies, not people (`宣传、发改…等部门为成员单位`), keep those
bodies in `member_agencies` and no members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.spans.agency import agency_spans
from loaders.extract import extractor
from loaders.extract.groups.rows import Row
from loaders.extract.groups.members import member_blocks
from loaders.extract.groups.office import office_at, office_staff
from loaders.view import DocumentView
from loaders.records import Document, Evidence, Facts, GroupFact, GroupMember

GROUP_TYPES = "领导小组|委员会|指挥部|联席会议"
_NAME = rf"[^,。;:!?\s()《》]{{2,40}}?(?:{GROUP_TYPES}|专家组|工作组|工作专班)"
SET_UP = re.compile(rf"(?:成立|组建|设立|建立|调整)(?:了)?({_NAME})(?!成员|办公室)")
# `由X领导小组（以下简称…）`, `决定对X委员会（以下简称市安委会）组成人员进行调整`
SHORT_NAME = re.compile(rf"[由对]({_NAME})\((?:以下)?简称")
# `二、调整X领导小组组成人员`: a numbered section heading naming the group it lists.
HEADING = re.compile(rf"^(?:附件\d*[:：]?\s*)?(?:[一二三四五六七八九十]+、)?(?:调整)?({_NAME})\s*(?:组成人员|成员)?\s*(?:名单)?\s*$")
MEMBER_UNITS = re.compile(r"([^,。;:]{2,300}?)(?:等)?(?:有关|相关)?(?:部门|单位)?(?:\((?:单位|部门)\))?为成员单位"
                          r"|成员单位(?:为|包括|有|:)([^。;\n]{2,300})")
HEADING_LINE = re.compile(r"[ \t]*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、]|附件)")
_SECTION_LINES = 5
_TYPE_AT_END = re.compile(rf"(?:{GROUP_TYPES})$")
_NOT_A_NAME = re.compile(r"^(?:相应|相关|有关|专门|专项|各级|本级|县级|市级|该)")


@dataclass
class LeadingGroup(GroupFact):
    """A GroupFact that remembers where the group is first named, to order and merge."""

    start: int = 0  # where the group is first named, in the body


class Notice:
    """One document read for groups."""

    def __init__(self, document: Document):
        self.document = document
        self.base = document.body_start or document.start
        self.body = document.body

    def written(self, start: int, end: int) -> str:
        return self.document.text.written(self.base + start, self.base + end)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.document, self.base + start, self.base + end, "groups")

    def group(self, start: int, end: int) -> LeadingGroup:
        return LeadingGroup(self.document.key, self.written(start, end), self.evidence(start, end),
                            start=start)


def _is_group(name: str) -> bool:
    return _TYPE_AT_END.search(name) is not None and not _NOT_A_NAME.match(name)


def _section(body: str, at: int) -> tuple[int, int]:
    """The lines describing a group set up at `at`: its line and those after it, up to the next
    numbered heading (二、 (三) 4.) or 附件, at most a few lines."""
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    for _ in range(_SECTION_LINES):
        if end < 0:
            return start, len(body)
        following = end + 1
        while following < len(body) and body[following].isspace():
            following += 1
        if following >= len(body) or HEADING_LINE.match(body, following):
            break
        end = body.find("\n", following)
    return start, len(body) if end < 0 else end


def _prose_groups(notice: Notice) -> list[LeadingGroup]:
    """Groups set up in running text, with the office and member units of their section."""
    groups = []
    for m in list(SET_UP.finditer(notice.body)) + list(SHORT_NAME.finditer(notice.body)):
        if not _is_group(m.group(1)):
            continue
        group = notice.group(*m.span(1))
        _describe(notice, group, *_section(notice.body, m.end()))
        groups.append(group)
    return groups


def _describe(notice: Notice, group: LeadingGroup, start: int, end: int) -> None:
    at = office_at(notice.body, start, end)
    if at:
        group.office_at = notice.written(*at)
    if notice.body.find("成员单位", start, end) < 0:  # in every match; the regex tries 300 chars a place
        return
    for m in MEMBER_UNITS.finditer(notice.body, start, end):
        a, b = m.span(1) if m.group(1) else m.span(2)
        group.member_agencies += [notice.written(x, y) for x, y in agency_spans(notice.body, a, b)]


def _heading_name(notice: Notice, first_line: int) -> tuple[int, int] | None:
    """The name above a member list: a heading line, or the group 成立 just before it."""
    body, end, seen = notice.body, first_line, 0
    while end > 0 and seen < 6:
        start = body.rfind("\n", 0, end - 1) + 1
        line = body[start:end].strip()
        if line:
            seen += 1
            heading = HEADING.match(line) if len(line) <= 60 else None
            set_up = list(SET_UP.finditer(body, start, end))
            if heading:
                offset = start + body[start:end].index(line)
                return offset + heading.start(1), offset + heading.end(1)
            if set_up:
                return set_up[-1].span(1)
        end = start
    return None


def _member(notice: Notice, row: Row) -> GroupMember:
    title = "".join(notice.written(a, b) for a, b in row.title_spans)
    evidence = notice.evidence(row.start, row.end)
    return GroupMember(notice.written(*row.name), title, row.role, evidence)


def _listed_groups(notice: Notice, named: list[LeadingGroup]) -> list[LeadingGroup]:
    groups = []
    for block in member_blocks(notice.body):
        span = _heading_name(notice, block.start)
        if span is None:
            earlier = [g for g in named if g.start < block.start]
            if not earlier:
                continue
            group = notice.group(earlier[-1].start, earlier[-1].start)
            group.name = earlier[-1].name
        else:
            group = notice.group(*span)
        if not _is_group(group.name):
            continue  # a 专家组's list, not a group's
        group.members = [_member(notice, row) for row in block.rows]
        group.members += [_member(notice, row) for row in office_staff(notice.body, block.office)]
        places = [office_at(notice.body, a, b) for a, b in block.office]
        group.office_at = next((notice.written(*at) for at in places if at), None)
        if not group.members:
            _describe(notice, group, block.start, block.end)
        groups.append(group)
    return groups


def _same(a: str, b: str) -> bool:
    """Two names of one group: one's characters appear in order in the other, same type."""
    short, long = sorted((a, b), key=len)
    if _TYPE_AT_END.search(short).group() != _TYPE_AT_END.search(long).group():
        return False
    chars = iter(long)
    return all(ch in chars for ch in short)


def _merge(groups: list[LeadingGroup]) -> list[LeadingGroup]:
    """Groups with members first, so that their names and offices win."""
    merged: list[LeadingGroup] = []
    for group in sorted(groups, key=lambda g: (not g.members, g.start)):
        same = next((m for m in merged if _same(m.name, group.name)), None)
        if same is None:
            merged.append(group)
            continue
        same.office_at = same.office_at or group.office_at
        same.member_agencies += [a for a in group.member_agencies if a not in same.member_agencies]
        if not same.members:
            same.members = group.members
    return sorted(merged, key=lambda g: g.start)


@extractor("groups")
def extract_groups(view: DocumentView) -> Facts:
    document = view.document
    notice = Notice(document)
    named = _prose_groups(notice)
    return Facts(groups=_merge(_listed_groups(notice, named) + named))
