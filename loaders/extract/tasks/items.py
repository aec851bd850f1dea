"""Tasks of numbered items closed by responsibility clauses.

A task is the text of a numbered item (loaders.structure.outline) up to a clause
(loaders.extract.tasks.clauses). An item with several clauses gives several tasks (6-1, 6-2),
each clause closing the text before it, after a short heading line they share; two clauses
with nothing between them (`（A牵头）（B配合）`) are one written as two; a deadline on its own
is its task's. Sub-items with their own clauses are tasks of their own (20(1)); a clause found
alone after the last sub-item is the parent's. A table row's cells are no clauses: the row is
its own task (loaders.extract.tasks.table).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from loaders.extract.tasks.clauses import Clause, find_clauses
from loaders.extract.tasks.headings import stated
from loaders.extract.tasks.plan import SHORT_LINE, Plan
from loaders.records import TaskFact
from loaders.structure.outline import Unit

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_MARK = re.compile(r"[。;()]")
ROLES = ("lead", "cooperate", "responsible")


def item_clauses(plan: Plan) -> list[list[Clause]]:
    """The clauses of each unit; one found after the last sub-item, alone, is the parent's
    (unless the parent's heading names the units: its items are the tasks)."""
    starts = [u.text_start for u in plan.units]
    found: list[list[Clause]] = [[] for _ in plan.units]
    rows = [row.span for row in plan.rows]
    for clause in find_clauses(plan.text, 0, len(plan.text)):
        if any(a <= clause.start < b for a, b in rows):
            continue  # a table row's cell: the row is the task
        found[max(bisect_right(starts, clause.start) - 1, 0)].append(clause)
    for i, unit in enumerate(plan.units):
        kids = unit.children
        if len(kids) < 2 or found[i] or any(found[k] for k in kids[:-1]) or stated(plan, unit):
            continue
        last = found[kids[-1]]
        if len(last) == 1 and last[0].own_line and not plan.units[kids[-1]].children:
            found[i], found[kids[-1]] = last, []
    return found


def unit_tasks(plan: Plan, unit: Unit, clauses: list[Clause]) -> list[TaskFact]:
    """The tasks the clauses of one unit close, in order."""
    tasks: list[TaskFact] = []
    start, deadline = _first_segment_start(plan, unit, clauses), None
    for clause in clauses:
        if clause.roles.empty():  # a deadline on its own: for the task it stands by
            deadline = clause.roles.deadline
            if tasks and not _CJK.search(plan.text, start, clause.start):
                tasks[-1].deadline = plan.written(*deadline)
                deadline, start = None, clause.end
            continue
        clause.roles.deadline = clause.roles.deadline or deadline
        deadline = None
        if tasks and not _CJK.search(plan.text, start, clause.start):
            _join(plan, tasks[-1], clause)  # (A牵头)(B配合): one clause written as two
        else:
            item = unit.item or "0"
            tasks.append(plan.task(item, start, clause.start, clause.end, clause.roles, clause.rule))
        start = clause.end
    return tasks


def numbered(tasks: list[TaskFact]) -> list[TaskFact]:
    """Several tasks of one item are told apart by a number after its own: 6-1, 6-2."""
    if len(tasks) > 1:
        for n, task in enumerate(tasks, start=1):
            task.item = f"{task.item}-{n}"
    return tasks


def _first_segment_start(plan: Plan, unit: Unit, clauses: list[Clause]) -> int:
    """Where the first task of a unit begins: after a heading line when several tasks follow it."""
    line_end = plan.text.find("\n", unit.text_start, unit.end)
    several = sum(not clause.roles.empty() for clause in clauses) > 1  # a deadline alone is no task
    if not several or line_end < 0 or line_end > clauses[0].start:
        return unit.text_start
    line = plan.text[unit.text_start:line_end].strip().rstrip("。:")  # 1.主要指标的责任部门。
    if len(line) < SHORT_LINE and not _SENTENCE_MARK.search(line):
        return line_end + 1
    return unit.text_start


def _join(plan: Plan, task: TaskFact, clause: Clause) -> None:
    """A clause right after the last one adds its units to that task."""
    for role in ROLES:
        getattr(task, role).extend(plan.name(span) for span in getattr(clause.roles, role))
