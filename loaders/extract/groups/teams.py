"""Teams a report numbers in a list, each on a line of its own with who leads it.

A report on inspection teams may give each team a line: its number for its name (第一组, 第三督察组),
a colon, what it covers, then each role before the person who holds it (第一组：山西，组长吴新雄，
副组长林山青；). Each such line is a group of its own, named as written, whose members are the
people its roles name (the roles of groups.roles; a name may be padded: 刘 伟). A line naming no
leader is no team's. The team's words are in ontology/lexicon/groups.yaml (numbered_team_kinds);
the rule is `groups/numbered-team`.
"""

from __future__ import annotations

import re

from loaders.extract.groups.found import LeadingGroup, member, new_group
from loaders.extract.groups.row import ROLE_OF, Row
from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name
from loaders.view import DocumentView

RULE = "groups/numbered-team"
_LEX = lexicon()
# … or the team's whole name, who sent it before its number, and what it covers run on before the roles
# (中央第一巡视组巡视安徽，组长张骥).
_TEAM_LINE = re.compile(rf"^[ \t\u3000]*(?P<name>[\u4e00-\u9fff]{{0,8}}?第[{_LEX['numbering.cn_digits']}]{{1,3}}"
                        rf"{_LEX.alternation('groups.numbered_team_kinds')}?组)(?:[:：]|(?=[\u4e00-\u9fff]))"
                        r"(?P<rest>[^\n]*)$", re.M)
# 组长吴新雄, 副组长刘 伟: a role, then the name, up to a mark or the line's end.
_HELD = re.compile(rf"(?P<role>{_LEX.alternation('groups.roles')})"
                   r"(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}?)(?=[,，;；。、 \t]|$)")


def numbered_teams(view: DocumentView) -> list[LeadingGroup]:
    """The teams of the document's numbered team lines, each with the people its roles name."""
    text, teams = view.text, []
    for line in _TEAM_LINE.finditer(text):
        rows = [Row(held.span("name"), [], ROLE_OF[held["role"]], held.start(), held.end(), RULE)
                for held in _HELD.finditer(text, line.start("rest"), line.end("rest"))
                if is_person_name("".join(held["name"].split()))]
        if any(row.role == "leader" for row in rows):
            team = new_group(view, *line.span("name"), RULE)
            team.members = [member(view, row) for row in rows]
            teams.append(team)
    return teams
