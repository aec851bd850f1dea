"""Units that open a sentence with the time their work is due: `市教育局要在11月底新建…`.

A news report of a task division, or a plan written as prose, gives each unit its task in a
sentence of its own: the unit, perhaps 要 (shall) and 在 (by), then when its work is due and
the work (`青山文投公司要在6月下旬建成投用…`, `赛罕区政府11月底启动…`). The unit answers for
that task (the sentence states no lead or cooperation): one task per such sentence, rule
`tasks/inline:…要在…`. A unit with no time right after it (`省政府办公厅要对…跟踪督办`) is an
instruction, no task: only the time makes the sentence a task's. Read only in a part of a
document without any other task (loaders.extract.tasks). The words are in roles.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.extract.tasks.plan import Plan
from loaders.extract.tasks.roles import Roles
from loaders.extract.tasks.units import strict_units
from loaders.lexicon import lexicon
from loaders.records import TaskFact
from loaders.structure.outline import Unit

_LEX = lexicon()
_DUE = re.compile(_LEX["roles.due_time_pattern"])
_DUE_MARKS = _LEX.words("roles.due_time_marks")  # every due time holds one
_BEFORE_MARK = 10  # a due time starts no further before its mark
# The units opening a sentence (or a clause after 今年，), then 要/将 and 在/于, then the time.
SUBJECT = re.compile(rf"(?:^|(?<=[。;,\n]))[ \t]*([^,。;:\s{_LEX['roles.agent_marker']}]{{2,30}}?)"
                     rf"{_LEX.alternation('roles.subject_modals')}?{_LEX.alternation('roles.subject_by')}?"
                     rf"(?={_LEX['roles.due_time_pattern']})")
RULE = "tasks/inline:…要在…"


class DueTimes:
    """Where the times a plan's work is due stand in its text, found once."""

    def __init__(self, text: str):
        found = set()
        for mark in _DUE_MARKS:  # str.find is far faster than the pattern over the whole text
            i = text.find(mark)
            while i >= 0:
                if m := _DUE.search(text, max(0, i - _BEFORE_MARK), i + len(mark) + 1):
                    found.add(m.start())
                i = text.find(mark, i + 1)
        self.starts = sorted(found)

    def within(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end


def subject_tasks(plan: Plan, unit: Unit, due: DueTimes) -> list[TaskFact]:
    """One task per sentence whose units open it with the time their work is due."""
    text, tasks = plan.text, []
    if not due.within(unit.text_start, unit.end):
        return []
    rows = [row.span for row in plan.rows]
    for m in SUBJECT.finditer(text, unit.text_start, unit.end):
        if any(a <= m.start(1) < b for a, b in rows):
            continue  # a table row's cells: the row is the task (loaders.extract.tasks.table)
        units = strict_units(text, *m.span(1))
        if not units:
            continue
        roles = Roles()
        roles.add("responsible", units)
        end = _sentence_end(text, m.end(), unit.end)
        tasks.append(plan.task(unit.item or "0", m.start(1), end, end, roles, RULE))
    return tasks


def _sentence_end(text: str, at: int, end: int) -> int:
    stops = [i for i in (text.find("。", at, end), text.find(";", at, end)) if i >= 0]
    return min(stops) if stops else end
