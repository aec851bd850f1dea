"""A board or council whose seats a document fills by appointment, as a group with its members.

Hong Kong's and Macau's releases appoint a council's members one act at a time (委任A、B、C为行政会议
成员, 受邀将出任行政会委员的11人分别是：…), naming a body the groups' reader does not know as a
group by its name (行政会, 考评局). Where a document appoints at least three people to one body's
committee roles (成员, 委员, 议员, 主席 …), the body is a group whose members they are, each with
the post as their title and the rank groups.yaml gives the role (主席 leads). A body the groups'
reader already gives keeps its own members. The rule is `groups/seated`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from loaders.lexicon import lexicon
from loaders.records import Facts, GroupFact, GroupMember, PersonnelAct
from loaders.spans.posts import is_committee_role
from loaders.text.script import to_simplified

RULE = "groups/seated"
_SEATS = 3  # fewer appointments name posts, not a council's seats (一名主席及一名委员)
_ROLES: dict[str, str] = lexicon().table("groups.roles")


def seated_groups(facts: Facts) -> list[GroupFact]:
    """The bodies facts appoint at least three people to as committee members, as groups, except
    those a group of the facts already names."""
    seats: dict[tuple[str, str], list[PersonnelAct]] = defaultdict(list)
    for act in facts.acts:
        if act.kind == "appointment" and act.org and is_committee_role(act.post):
            seats[act.doc, "".join(act.org.split())].append(act)
    named = {(g.doc, to_simplified(g.name)) for g in facts.groups}
    return [_group(acts) for (doc, org), acts in seats.items()
            if len({a.person for a in acts}) >= _SEATS and (doc, to_simplified(org)) not in named]


def _group(acts: list[PersonnelAct]) -> GroupFact:
    first = acts[0]
    members = [GroupMember(a.person, a.post, _ROLES.get(to_simplified(a.post), "member"), replace(a.evidence, rule=RULE))
               for a in acts]
    return GroupFact(first.doc, first.org, replace(first.evidence, rule=RULE), members)
