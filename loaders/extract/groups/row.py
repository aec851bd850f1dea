"""A row of a member list — who, with which title, in which role — and the role labels.

Every reader of a list (loaders.extract.groups.rows, .glued, .prose, .office) gives rows: spans,
not strings, so that evidence points into the text, and the rule of the reader that read it. A
role label (组长:, 副组长:, 成员: — groups.roles in ontology/lexicon/groups.yaml, with the role
each gives) may open a line; without one the line keeps the role it is given, the last one seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name

Span = tuple[int, int]
_LEX = lexicon()
ROLE_OF: dict[str, str] = _LEX.table("groups.roles")  # 组长 → leader, 副组长 → deputy …
# A label, perhaps numbered as an item (1. 组长：, (二)副组长：), after the group's type (领导小组组长：)
# or a team's (龙港片组长：), and with a note in brackets (组长（召集人）：), then a colon or spaces, or
# alone on its line (a table's role cell on a line of its own).
# (not 一、: a section's heading, 一、督查组成员)
_NUMBER = rf"(?:\d{{1,2}}[.、]|\([{_LEX['numbering.cn_digits']}\d]{{1,3}}\))[ \t]*"
_OWNER = rf"(?:{_LEX.alternation('groups.label_owners')}|{_LEX['groups.team_label_pattern']})"
LABEL = re.compile(rf"[ \t]*(?:{_NUMBER})?{_OWNER}?({_LEX.alternation('groups.roles')})"
                   rf"(?:\([^()\n]{{1,10}}\))?(?:[ \t]*:[ \t]*|[ \t]+|[ \t]*$)")
# A name of two to five characters, or one joined by · (阿布都热依木·买买提), each part up to eight.
PERSON = re.compile(r"[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff·]{2,5}")
_TITLE_END = set(_LEX["groups.title_last_chars"])


@dataclass
class Row:
    name: Span
    title_spans: list[Span]
    role: str
    start: int
    end: int
    rule: str  # the reader's rule, named in the row's evidence

    def complete(self, body: str) -> bool:
        """Whether the title ends as titles do (局长, 委员); if not, the next line may finish it.
        A name listed without a title is complete."""
        return not self.title_spans or body[self.title_spans[-1][1] - 1] in _TITLE_END


def after_label(body: str, start: int, end: int, role: str) -> tuple[int, str]:
    """Where the entries begin and their role: a label at the start of the line sets both."""
    label = LABEL.match(body, start, end)
    return (label.end(), ROLE_OF[label.group(1)]) if label else (start, role)


def is_name(body: str, a: int, b: int) -> bool:
    """Whether body[a:b] is a person's name by its shape and surname."""
    return PERSON.fullmatch(body, a, b) is not None and is_person_name(body[a:b])


def trimmed(body: str, a: int, b: int) -> Span:
    """a..b without the spaces around it and a full stop closing it."""
    while a < b and body[a] in " \t":
        a += 1
    while b > a and body[b - 1] in " \t。.":
        b -= 1
    return a, b
