"""One document read as a plan, and the task facts made from what its rules find.

A plan states some rules once for all its tasks (ontology/lexicon/roles.yaml, `*_pattern`):
- 列第一位者为牵头单位: the first of each list answering for a task leads, the others answer
  for it as listed, or cooperate when the document also says 其余为配合单位;
- 标明“牵头”的为牵头单位，其余为配合单位: beside a unit marked （牵头）, the others cooperate;
- 表中“责任单位”为牵头单位: the units answering for a task lead it.
`Plan.task` applies them to the roles a rule read and names those that changed them after the
rule, in the fact's evidence: `tasks/label:责任单位+first-leads`; a unit then keeps its first
role only (lead, cooperate, responsible: `disjoint`).
"""

from __future__ import annotations

import re

from loaders.extract.tasks.flat import plan_outline
from loaders.extract.tasks.cell_lines import line_cell_rows
from loaders.extract.tasks.flattened import spaced_rows
from loaders.extract.tasks.roles import Roles
from loaders.extract.tasks.table import TaskRow, task_rows
from loaders.extract.tasks.units import Named
from loaders.lexicon import lexicon
from loaders.records import TaskFact
from loaders.view import DocumentView

_LEX = lexicon()
LEAD_FIRST = re.compile(_LEX["roles.lead_first_pattern"])
OTHERS_COOPERATE = re.compile(_LEX["roles.others_cooperate_pattern"])
RESPONSIBLE_LEADS = re.compile(_LEX["roles.responsible_leads_pattern"])
_HEADING_END = re.compile(r"[。,;!?]")
_TRIM = " \t\n。,;"
SHORT_LINE = 30  # a first line shorter than this, without punctuation, is a heading


def disjoint(lists) -> list[list[str]]:
    """A task's role lists with each unit in its first role only: a lead named again at the
    head of the 责任单位 line (`牵头单位：省发改委` / `责任单位：省发改委、省统计局`) leads, and the
    list answers for the rest of the work."""
    seen: set[str] = set()
    out = []
    for names in lists:
        out.append([name for name in dict.fromkeys(names) if name not in seen])
        seen.update(names)
    return out


class Plan:
    """A document's view with what every task rule asks of it: its units, the rules it states,
    the places spaCy marked, and its task tables' rows."""

    def __init__(self, view: DocumentView):
        self.view = view
        self.text = view.text
        self.units = plan_outline(view)
        self.lead_first = LEAD_FIRST.search(self.text) is not None
        self.others_cooperate = OTHERS_COOPERATE.search(self.text) is not None
        self.responsible_leads = RESPONSIBLE_LEADS.search(self.text) is not None
        self.places = [(s.start_char, s.end_char, s.label_) for s in view.spans("place")]
        self.rows: list[TaskRow] = task_rows(self.text) + spaced_rows(self.text) + line_cell_rows(self.text)

    def written(self, start: int, end: int) -> str:
        return self.view.written(start, end)

    def name(self, span: Named) -> str:
        """A unit's name (or a deadline) as written; one a table's wrap or a shared body's
        name cut is its parts joined (loaders.extract.tasks.units)."""
        if isinstance(span[0], int):
            return self.written(*span)
        return "".join(self.written(a, b) for a, b in span)

    def named(self, start: int, end: int, label: str) -> list[str]:
        """The places of a kind (RIVER, DISTRICT) named in text[start:end], as written, once each."""
        names = [self.written(a, b) for a, b, kind in self.places
                 if kind == label and start <= a and b <= end]
        return list(dict.fromkeys(names))

    def apply_rules(self, roles: Roles) -> str:
        """The document's rules applied to roles; the names of those that changed them."""
        applied = ""
        if self.lead_first and roles.first_leads("cooperate" if self.others_cooperate else "responsible"):
            applied += "+first-leads"
        if self.others_cooperate and roles.others_cooperate():
            applied += "+others-cooperate"
        if self.responsible_leads and roles.responsible_lead():
            applied += "+responsible-leads"
        return applied

    def heading(self, start: int, end: int) -> str:
        """A task's heading: its first sentence, or its first line when that is short."""
        stop = _HEADING_END.search(self.text, start, end)
        stop = stop.start() if stop else end
        line_end = self.text.find("\n", start, stop)
        if line_end >= 0 and line_end - start < SHORT_LINE:
            stop = line_end
        return self.written(start, stop)

    def task(self, item: str, start: int, text_end: int, end: int, roles: Roles, rule: str) -> TaskFact:
        """The task stated by text[start:text_end], with its roles; its evidence runs to `end`."""
        rule += self.apply_rules(roles)
        while start < text_end and self.text[start] in _TRIM:
            start += 1
        while text_end > start and self.text[text_end - 1] in _TRIM:
            text_end -= 1
        lead, cooperate, responsible = disjoint([self.name(span) for span in spans]
                                                for spans in (roles.lead, roles.cooperate, roles.responsible))
        return TaskFact(
            doc=self.view.key, item=item, text=self.written(start, text_end),
            evidence=self.view.evidence(start, end, rule), heading=self.heading(start, text_end),
            lead=lead, cooperate=cooperate, responsible=responsible,
            rivers=self.named(start, end, "RIVER"), districts=self.named(start, end, "DISTRICT"),
            deadline=self.name(roles.deadline) if roles.deadline else None)
