"""A board or council whose seats a document fills by appointment, as a group with its members.

Hong Kong's and Macau's releases appoint a council's members one act at a time (委任A、B、C为行政会议
成员, 受邀将出任行政会委员的11人分别是：…), naming a body the groups' reader does not know as a
group by its name (行政会, 考评局). Where a document appoints at least three people to one body's
committee roles (成员, 委员, 议员, 主席 …), the body is a group whose members they are, each with
the post as their title (or the kind of member an act's note says: 非官方委员) and the rank groups.yaml
gives the role (主席 leads). A body the groups' reader already gives keeps its own members, or takes
these where it gave none (政府宣布成立X委员会); a member it found without a title takes the kind of
member its act's note says (非官方委员). A party committee (中共X管理局委员会, 县委, 党工委), a congress
or a political consultative conference (第十四届全国政协) is no such council: its members hold posts,
which the acts give.
The rule is `groups/seated`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from loaders.lexicon import lexicon
from loaders.records import Facts, GroupFact, GroupMember, PersonnelAct
from loaders.spans.posts import is_committee_role
from loaders.text.script import to_simplified

RULE = "groups/seated"
_SEATS = 3  # fewer appointments name posts, not a council's seats (一名主席及一名委员)
_LEX = lexicon()
_ROLES: dict[str, str] = _LEX.table("groups.roles")
_MEMBER_KINDS = frozenset(_LEX.words("acts.counted_member_kinds"))
# 中共X委员会 (no committee inside X: 中共X区委全面依法治区委员会 is a commission), X党委, X县委, X纪委, X政协.
_COMMITTEE_CHAR = _LEX["acts.place_committee_char"]
_POSTS_NOT_SEATS = re.compile(
    rf"{_LEX['documents.party_prefix']}[^{_COMMITTEE_CHAR}]{{2,30}}{_LEX['groups.standing_committee']}"
    rf"|.*(?:{_LEX.alternation('acts.party_committees', 'acts.sub_bodies', 'groups.congress_bodies')}"
    rf"|[{_LEX['acts.place_levels']}]{_COMMITTEE_CHAR})")


def seated_groups(facts: Facts) -> list[GroupFact]:
    """The facts' groups with the bodies facts appoint at least three people to as committee
    members added as groups; a group the groups' reader named with no members (政府宣布成立X委员会)
    takes those people as its members, one it gave members keeps its own."""
    seats: dict[tuple[str, str], list[PersonnelAct]] = defaultdict(list)
    for act in facts.acts:
        body = to_simplified("".join((act.org or "").split()))
        if act.kind == "appointment" and body and is_committee_role(act.post) \
                and not _POSTS_NOT_SEATS.fullmatch(body):
            seats[act.doc, body].append(act)
    seats = {key: acts for key, acts in seats.items() if len({a.person for a in acts}) >= _SEATS}
    groups = []
    for group in facts.groups:
        if not group.members and _key(group) in seats:
            group = replace(group, members=_members(seats.pop(_key(group))))
        elif _key(group) in seats:
            group = replace(group, members=_titled(group.members, seats.pop(_key(group))))
        groups.append(group)
    named = {_key(g) for g in groups}
    return groups + [_group(acts) for key, acts in seats.items() if key not in named]


def _titled(members: list[GroupMember], acts: list[PersonnelAct]) -> list[GroupMember]:
    """A group's own members, each the groups' reader found without a title taking the kind of
    member the act seating that person says (16名非官方委员包括：A、B…和C: 非官方委员); a bare
    post (委员) is no title the list wrote."""
    seat = {act.person: title for act in acts if (title := _title(act)) != act.post}
    return [replace(m, title=seat[m.person]) if not m.title and m.person in seat else m for m in members]


def _key(group: GroupFact) -> tuple[str, str]:
    return group.doc, to_simplified("".join(group.name.split()))


def _members(acts: list[PersonnelAct]) -> list[GroupMember]:
    return [GroupMember(a.person, _title(a), _ROLES.get(to_simplified(a.post), "member"), replace(a.evidence, rule=RULE))
            for a in acts]


def _title(act: PersonnelAct) -> str:
    """The post, or the kind of member the act's note says the person is (非官方委员: a counted
    announcement's; not 新成员, which tells when one joined)."""
    note, post = to_simplified(act.note or ""), to_simplified(act.post)
    return note if note.endswith(post) and note[:-len(post)] in _MEMBER_KINDS else act.post


def _group(acts: list[PersonnelAct]) -> GroupFact:
    first = acts[0]
    return GroupFact(first.doc, first.org, replace(first.evidence, rule=RULE), _members(acts))
