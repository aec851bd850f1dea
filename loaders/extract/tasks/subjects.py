"""Units that open a sentence with the time their work is due (`市教育局要在11月底新建…`), and in
minutes with 要 alone (`区公安分局要加大…`).

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
from dataclasses import dataclass

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
_SENTENCE_START = r"(?:^|(?<=[。;,\n]))"


@dataclass(frozen=True)
class _Subject:
    """The units opening a sentence: after a sentence's end, or at an item's first character
    (after 三、, which ends no sentence); and the rule of the tasks they are given."""

    anywhere: re.Pattern
    at_item_start: re.Pattern
    rule: str


def _subject(units_then: str, rule: str) -> _Subject:
    return _Subject(re.compile(_SENTENCE_START + units_then), re.compile(units_then), rule)


_UNITS = rf"[ \t]*([^,。;:\s{_LEX['roles.agent_marker']}]{{2,30}}?)"
# The units (or a clause after 今年，), then 要/将 and 在/于, then the time.
_DUE_SUBJECT = _subject(rf"{_UNITS}{_LEX.alternation('roles.subject_modals')}?{_LEX.alternation('roles.subject_by')}?"
                        rf"(?={_LEX['roles.due_time_pattern']})", "tasks/inline:…要在…")
# Minutes (纪要) record what a meeting decided: there a unit opening a sentence with 要 is given
# that work whether or not a time follows (区公安分局要加大对…的整治力度).
_MINUTES = _LEX.words("roles.minutes_titles")
_DECIDED_SUBJECT = _subject(rf"{_UNITS}{_LEX['roles.modal']}(?![{_LEX['roles.not_after_modal']}])",
                            "tasks/inline:…要 (minutes)")


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
    decided = any(word in plan.view.heading for word in _MINUTES)
    if not decided and not due.within(unit.text_start, unit.end):
        return []
    rows = [row.span for row in plan.rows]
    subject = _DECIDED_SUBJECT if decided else _DUE_SUBJECT
    for m in _subjects(subject, text, unit.text_start, unit.end):
        if any(a <= m.start(1) < b for a, b in rows):
            continue  # a table row's cells: the row is the task (loaders.extract.tasks.table)
        units = strict_units(text, *m.span(1))
        if not units:
            continue
        roles = Roles()
        roles.add("responsible", units)
        end = _sentence_end(text, m.end(), unit.end)
        tasks.append(plan.task(unit.item or "0", m.start(1), end, end, roles, subject.rule))
    return tasks


def _subjects(subject: _Subject, text: str, start: int, end: int) -> list[re.Match]:
    """The subjects of an item's sentences, its first sentence's too."""
    found = list(subject.anywhere.finditer(text, start, end))
    first = subject.at_item_start.match(text, start, end)
    return ([first] if first and (not found or found[0].start(1) != first.start(1)) else []) + found


def _sentence_end(text: str, at: int, end: int) -> int:
    stops = [i for i in (text.find("。", at, end), text.find(";", at, end)) if i >= 0]
    return min(stops) if stops else end
