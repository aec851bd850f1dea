"""Roles a heading gives the items under it.

A plan may name a task's lead once, on the heading of a part, and list the tasks under it
without a clause of their own:
- `（一）省监察厅牵头的工作` (units, their verb, perhaps 的工作): the heading is all roles;
- `一、强化科技创新（区科技局牵头）`: a heading closed by a clause, items under it.
Every item under such a heading answers to its roles: an item without a clause of its own is
a task with them (rule `tasks/heading`), and a task found under it without a lead takes the
heading's lead (`+heading`), as a `协同单位：…` line under `（二）省审计厅牵头的工作` names only
those who work with it. A heading naming a person (`一、孟学农省长负责的工作`) gives nothing:
only bodies are units (loaders.extract.tasks.units). The words are in roles.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extract.tasks.clauses import Clause
from loaders.extract.tasks.plan import SHORT_LINE, Plan, disjoint
from loaders.extract.tasks.roles import ROLE_VERB, Roles, role_of_verb
from loaders.extract.tasks.units import strict_units
from loaders.lexicon import lexicon
from loaders.records import TaskFact
from loaders.structure.outline import Unit

_LEX = lexicon()
# `省监察厅牵头的工作`: what a heading that is all roles may say after the verb.
_WORK = re.compile(rf"(?:的)?{_LEX.alternation('roles.heading_work')}?[。:;]?\s*$")
RULE = "tasks/heading"


def line_end(plan: Plan, unit: Unit) -> int:
    """Where the unit's first line (its heading) ends."""
    end = plan.text.find("\n", unit.text_start, unit.end)
    return unit.end if end < 0 else end


def stated(plan: Plan, unit: Unit) -> Roles | None:
    """`省监察厅牵头的工作`: the roles of a heading line that holds nothing else."""
    text, start, end = plan.text, unit.text_start, line_end(plan, unit)
    if end - start > SHORT_LINE + 10:
        return None
    work = _WORK.search(text, start, end)
    verb = ROLE_VERB.search(text, start, work.start() if work else end)
    if not verb or verb.start() == start:
        return None
    units = strict_units(text, start, verb.start())
    if not units:
        return None
    roles = Roles()
    roles.add(role_of_verb(verb.group("verb")), units)
    return roles


def _closed(plan: Plan, unit: Unit, clauses: list[Clause]) -> Clause | None:
    """`一、强化科技创新（区科技局牵头）`: a clause closing the heading line of a part with items."""
    if not unit.children or not clauses:
        return None
    first, heading_end = clauses[0], line_end(plan, unit)
    short = first.start - unit.text_start <= SHORT_LINE
    if short and first.rule.startswith("tasks/bracket") and not plan.text[first.end:heading_end].strip(" 。;"):
        return first
    return None


def heading_roles(plan: Plan, found: list[list[Clause]]) -> list[Roles | None]:
    """The roles each unit answers to by its heading or an enclosing one; a clause that closes
    a heading is taken out of its unit's clauses (it names no task of its own)."""
    inherited: list[Roles | None] = []
    for i, unit in enumerate(plan.units):
        own = None
        if unit.level:
            own = stated(plan, unit)
            if own is None and (clause := _closed(plan, unit, found[i])):
                found[i].remove(clause)
                own = clause.roles
        parent = inherited[unit.parent] if unit.parent is not None else None
        inherited.append(own or parent)
    return inherited


def heading_task(plan: Plan, unit: Unit, roles: Roles) -> TaskFact | None:
    """The task of an item without a clause under a heading that names its units; a heading
    that is all roles (`（一）省监察厅牵头的工作`) is not its text."""
    start = unit.text_start
    if stated(plan, unit) is not None:
        start = line_end(plan, unit)
    if not plan.text[start:unit.end].strip():
        return None
    return plan.task(unit.item or "0", start, unit.end, unit.end, roles, RULE)


def inherit(plan: Plan, tasks: list[TaskFact], roles: Roles) -> None:
    """Tasks under a heading that names a lead, without a lead of their own, take it."""
    for task in tasks:
        if not task.lead and roles.lead:
            task.lead, task.cooperate, task.responsible = disjoint(
                ([plan.name(span) for span in roles.lead], task.cooperate, task.responsible))
            task.evidence = replace(task.evidence, rule=task.evidence.rule + "+heading")
