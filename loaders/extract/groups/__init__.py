"""Leadership groups (领导小组, 委员会, 指挥部, 联席会议, 专班 …): members with roles and titles, and office.

A group is named where it is set up, given a short name, headed over its member list, named as
the group whose members follow (现将X成员调整如下), or only in the document's title (关于成立X
领导小组的通知) (loaders.extract.groups.names). Who serves on it is read by one grammar of a
run of entries — a name and a post in any order, apart or written together, posts joined by 、,
notes in brackets, page noise dropped (loaders.extract.groups.entries, .parts, .readings) —
wherever the document writes them: after a role label on a list's line
(loaders.extract.groups.rows, .members, .tables), or around a role word and its verb in a
sentence (以市长张三为组长, 组长由…担任, 成员包括：…: loaders.extract.groups.prose). The office is
read by loaders.extract.groups.office (办公室设在…, 办公室主任：A（兼）, 副主任由B兼任), wherever
the group's text names it (loaders.extract.groups.found gathers what that text says). Titles
are the words written. A list whose heading names something else (专家组) is not a group's and
is skipped; one that no heading names is the group a heading calls by its bracketed short name,
or else the group set up or mentioned last before it (loaders.extract.groups.owners). One document's mentions of one group become one group. Groups whose members are
bodies, not people (`宣传、发改…等部门为成员单位`), keep those bodies in `member_agencies` and no
members.

Every rule reads `view.text` (simplified characters) and names itself in each fact's evidence:
groups/set-up, groups/short-name, groups/members-of, groups/roles-held (X督察组组长由A担任), groups/title,
groups/heading[:named-before], groups/bare-heading (a name composed of the title's work and a heading
naming no group: loaders.extract.groups.untitled)
for a group's name; groups/label-line[:brackets|:pairs|:glued|:name-glued|:names] (the order of
the entry), groups/two-columns[:cells], groups/one-cell-a-line and
groups/prose:held-by|holds|list and groups/titled (县征兵领导小组组长袁佑清 in a news report's
chain of titles, loaders.extract.groups.titled) and groups/appointed-list (委任以下人士为X委员会委员：
and a name a line, loaders.extract.groups.appointed) for a member; groups/seated for a council
three or more people are appointed to as members (loaders.extract.groups.seated, run on the acts
after every reader: loaders.pipeline); groups/numbered-team for a team a report numbers on a line
of its own (第一组：山西，组长A，副组长B: loaders.extract.groups.teams); groups/office:label|held-by|holds for the
office's staff. The words are in ontology/lexicon/groups.yaml; the set-up verbs and 成员单位 are
found where spaCy marked them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.lexicon import lexicon
from loaders.spans.agency import agency_spans
from loaders.extract import extractor
from loaders.extract.groups.appointed import appointed_groups, counted_groups
from loaders.extract.groups.found import LeadingGroup, complete, member, new_group, title_group
from loaders.extract.groups.members import member_blocks
from loaders.extract.groups.names import (HEADING, HEADING_RULE, MEMBERS_MADE_KNOWN, MEMBERS_OF, MEMBERS_OF_RULE,
                                          NAMED_BEFORE_RULE, ROLES_HELD_RULE, SET_UP, SET_UP_AFTER, SET_UP_RULE,
                                          SHORT_NAME, SHORT_NAME_RULE, heading_name, is_group, roles_held, same_group,
                                          set_ups, words)
from loaders.extract.groups.office import office_at, office_staff
from loaders.extract.groups.owners import bracketed_short_names, mentioned_before, short_name_heading
from loaders.extract.groups.teams import numbered_teams
from loaders.extract.groups.titled import RULE as TITLED_RULE, titled_members
from loaders.extract.groups.untitled import bare_heading_owner
from loaders.view import DocumentView
from loaders.records import Facts

_LEX = lexicon()
_CN = _LEX["numbering.cn_digits"]
# `宣传、发改…等有关部门为成员单位`, `成员单位包括：…`: the bodies before or after 成员单位.
_KINDS = words("member_units_kinds")
MEMBER_UNITS = re.compile(
    rf"([^,。;:]{{2,300}}?){words('member_units_etc')}?{words('member_units_qualifiers')}?{_KINDS}?"
    rf"(?:\({_KINDS}\))?{words('member_units_are')}{words('member_units')}"
    rf"|{words('member_units')}{words('member_units_open')}([^。;\n]{{2,300}})")
# A line that opens a new part of the text: 二、 (三) 4. or 附件.
HEADING_LINE = re.compile(rf"[ \t]*(?:[{_CN}]+、|\([{_CN}\d]+\)|\d+[.、]|{words('appendix_words')})")
_SECTION_LINES = 5
_OFFICE_WORD = re.compile(words("office_words"))
# The patterns, for tests, and the extractor.
__all__ = ["HEADING", "SET_UP", "SHORT_NAME", "MEMBER_UNITS", "Marked", "extract_groups"]


class Marked:
    """Where spaCy marked the words of groups.yaml's `spans:` in one document, by label."""

    def __init__(self, view: DocumentView):
        self.starts: dict[str, list[int]] = {}
        for mark in view.spans("lexicon"):
            self.starts.setdefault(mark.label_, []).append(mark.start_char)
        for starts in self.starts.values():
            starts.sort()

    def at(self, label: str) -> list[int]:
        return self.starts.get(label, [])

    def within(self, label: str, start: int, end: int) -> bool:
        starts = self.at(label)
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] < end


def _section(text: str, at: int) -> tuple[int, int]:
    """The lines describing a group set up at `at`: its line and those after it, up to the next
    numbered heading (二、 (三) 4.) or 附件, at most a few lines."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    for _ in range(_SECTION_LINES):
        if end < 0:
            return start, len(text)
        following = end + 1
        while following < len(text) and text[following].isspace():
            following += 1
        if following >= len(text) or HEADING_LINE.match(text, following):
            break
        end = text.find("\n", following)
    return start, len(text) if end < 0 else end


def _prose_groups(view: DocumentView, marked: Marked) -> list[LeadingGroup]:
    """Groups set up in running text, with the office and member units of their section."""
    groups = []
    named = [(m, SET_UP_RULE) for m in set_ups(view.text, marked.at("GROUP_SET_UP"))]
    named += [(m, SET_UP_RULE) for m in SET_UP_AFTER.finditer(view.text)]
    named += [(m, SHORT_NAME_RULE) for m in SHORT_NAME.finditer(view.text)]
    named += [(m, MEMBERS_OF_RULE) for m in MEMBERS_OF.finditer(view.text)]
    named += [(m, MEMBERS_OF_RULE) for m in MEMBERS_MADE_KNOWN.finditer(view.text)]
    named += [(m, ROLES_HELD_RULE) for m in roles_held(view.text)]
    for m, rule in named:
        if not is_group(m.group(1)):
            continue
        group = new_group(view, *m.span(1), rule)
        _describe(view, marked, group, *_section(view.text, m.end()))
        groups.append(group)
    return groups


def _describe(view: DocumentView, marked: Marked, group: LeadingGroup, start: int, end: int) -> None:
    at = office_at(view.text, start, end)
    if at:
        group.office_at = view.written(*at)
    if not marked.within("GROUP_MEMBER_UNITS", start, end):  # the regex tries 300 chars a place
        return
    for m in MEMBER_UNITS.finditer(view.text, start, end):
        a, b = m.span(1) if m.group(1) else m.span(2)
        office = _OFFICE_WORD.search(view.text, a, b)  # `…22个部门，领导小组办公室设在…`: the office's clause
        if office:
            b = max(a, view.text.rfind(",", a, office.start()))
        group.member_agencies += [view.written(x, y) for x, y in agency_spans(view.text, a, b)]


def _list_owner(view: DocumentView, start: int, named: list[LeadingGroup],
                short: dict[str, tuple[int, int]]) -> LeadingGroup | None:
    """The group a list starting at `start` is of: the one named above it (or called there by
    the short name the text gave it in brackets), or else the last one the text named before it."""
    found = heading_name(view.text, start)
    if found is not None:
        return new_group(view, *found[0], found[1])
    if short and (full := short_name_heading(view.text, start, short)):
        return new_group(view, *full, HEADING_RULE)
    if bare := bare_heading_owner(view, start):
        return bare
    earlier = [g for g in named if g.start < start]
    if not earlier:
        mentioned = mentioned_before(view.text, start)
        return new_group(view, *mentioned, NAMED_BEFORE_RULE) if mentioned else None
    group = new_group(view, earlier[-1].start, earlier[-1].start, NAMED_BEFORE_RULE)
    group.name, group.key = earlier[-1].name, earlier[-1].key
    return group


def _listed_groups(view: DocumentView, marked: Marked, named: list[LeadingGroup]) -> list[LeadingGroup]:
    groups = []
    blocks = member_blocks(view.text)
    short = bracketed_short_names(view.text) if blocks else {}
    for block in blocks:
        group = _list_owner(view, block.start, named, short)
        if group is None or not is_group(group.key):
            continue  # a 专家组's list, not a group's
        group.members = [member(view, row) for row in block.rows]
        group.members += [member(view, row) for row in office_staff(view.text, block.office)]
        places = [office_at(view.text, a, b) for a, b in block.office]
        group.office_at = next((view.written(*at) for at in places if at), None)
        if not group.members:
            _describe(view, marked, group, block.start, block.end)
        groups.append(group)
    return groups


def _merge(groups: list[LeadingGroup]) -> list[LeadingGroup]:
    """Groups with members first, so that their names and offices win."""
    merged: list[LeadingGroup] = []
    for group in sorted(groups, key=lambda g: (not g.members, g.start)):
        same = next((m for m in merged if same_group(m.key, group.key)), None)
        if same is None:
            merged.append(group)
            continue
        same.office_at = same.office_at or group.office_at
        same.member_agencies += [a for a in group.member_agencies if a not in same.member_agencies]
        if not same.members:
            same.members = group.members
    return sorted(merged, key=lambda g: g.start)


def _titled_groups(view: DocumentView) -> list[LeadingGroup]:
    """Groups named only in the titles of the people they hold (县征兵领导小组组长袁佑清), one
    group a name with every member so named."""
    groups: list[LeadingGroup] = []
    for (start, end), row in titled_members(view.text):
        group = new_group(view, start, end, TITLED_RULE)
        same = next((g for g in groups if same_group(g.key, group.key)), None)
        if same is None:
            groups.append(same := group)
        same.members.append(member(view, row))
    return groups


@extractor("groups")
def extract_groups(view: DocumentView) -> Facts:
    marked = Marked(view)
    named = title_group(view) + _prose_groups(view, marked)
    listed = _listed_groups(view, marked, named) + appointed_groups(view) + counted_groups(view)
    groups = _merge(listed + named + _titled_groups(view))
    complete(view, groups)
    return Facts(groups=groups + numbered_teams(view))  # 第一组: a team's number, no group type to merge by
