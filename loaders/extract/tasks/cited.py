"""Tasks a news report cites by their number in a plan.

A report on a task division names a few of the plan's tasks by number and gives their units in
the sentences after: `第1项任务“地区生产总值增长6.5%左右”，牵头领导是…，主责单位是市发展改革委、
各区政府。`, `第二十二项重点任务提到，“…”。…该项重点任务由民政部、发展改革委等负责`. The number
is the task's item, as the plan numbers it (1, 二十二). A citation reaches to the next one or to
its paragraph's end. There, a labelled clause (主责单位是X, 牵头单位：X) states the units of a
task of the rule `tasks/cited`; a task another rule read there without a number (item 0, such
as `tasks/inline:由…负责`) takes the cited number instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.tasks.plan import Plan
from loaders.extract.tasks.roles import LABEL, Roles, parse_roles
from loaders.lexicon import lexicon
from loaders.records import TaskFact

_LEX = lexicon()
CITED = re.compile(_LEX["roles.cited_item_pattern"].replace("{cn}", _LEX["numbering.cn_digits"]))
_PIECES = re.compile(r"[^,，;；。]+")
_UNNUMBERED = re.compile(r"0(?:-\d+)?")
RULE = "tasks/cited"


@dataclass(frozen=True)
class Citation:
    item: str
    start: int  # in the view's text
    end: int
    raw: tuple[int, int]  # the same span in the source, where facts' evidence is


def citations(plan: Plan) -> list[Citation]:
    """Every task the plan's text cites by number, each up to the next citation or its
    paragraph's end."""
    text = plan.text
    found = list(CITED.finditer(text))
    out = []
    for m, after in zip(found, found[1:] + [None]):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if after is not None:
            end = min(end, after.start())
        evidence = plan.view.evidence(m.start(), end, RULE)
        out.append(Citation(m.group(1), m.start(), end, (evidence.start, evidence.end)))
    return out


def cited_tasks(plan: Plan, tasks: list[TaskFact]) -> list[TaskFact]:
    """The tasks read elsewhere, numbered by the citation they stand in, and a task for each
    citation no rule read that states its units in a labelled clause."""
    found = citations(plan)
    if not found:
        return tasks
    for task in tasks:
        if _UNNUMBERED.fullmatch(task.item) and (c := _around(found, task)):
            task.item = c.item
    taken = {c for c in found for t in tasks if _around([c], t)}
    return tasks + [task for c in found if c not in taken and (task := _labelled(plan, c))]


def _labelled(plan: Plan, citation: Citation) -> TaskFact | None:
    """The task of a citation from its labelled clauses (主责单位是X、Y), if it has any."""
    roles, text = Roles(), plan.text
    for piece in _PIECES.finditer(text, citation.start, citation.end):
        if LABEL.match(text, piece.start(), piece.end()) and (read := parse_roles(text, *piece.span())):
            for role in ("lead", "cooperate", "responsible"):
                roles.add(role, getattr(read, role))
    if roles.empty():
        return None
    return plan.task(citation.item, citation.start, citation.end, citation.end, roles, RULE)


def _around(found: list[Citation], task: TaskFact) -> Citation | None:
    return next((c for c in found if c.raw[0] <= task.evidence.start < c.raw[1]), None)
