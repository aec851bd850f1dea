"""Tasks: the numbered mandates of a work plan and the bodies that lead, cooperate, answer for them.

A task is the text of a numbered item (loaders.structure.outline) up to a responsibility clause
(loaders.extract.tasks.roles): `（市水利局牵头，市住建局配合，各县（区）政府负责）` or `责任单位：…` lines. An item
with several clauses gives several tasks (6-1, 6-2), each clause closing the text before it;
sub-items with their own clauses are tasks of their own (20(1)). An item without clauses may
still assign a mandate inline: `…补贴标准由市能源局牵头、市财政局配合研究确定`. A document
saying 列第一位者为牵头单位 makes the first of each plain list of units its lead and the others
cooperate; one saying 其余为配合单位 beside units marked （牵头） makes the others cooperate.
Task tables (`序号 重点任务 牵头单位 配合单位 完成时限`) give a task per row (loaders.extract.tasks.table).
Paragraphs that open with a body and 负责 (市能源局负责…) are duties: see
loaders.extract.duties.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from loaders.extract import extractor
from loaders.structure.outline import Unit, outline
from loaders.view import DocumentView
from loaders.records import Document, Evidence, Facts, TaskFact
from loaders.extract.tasks.clauses import Clause, find_clauses
from loaders.extract.tasks.roles import VERB_ROLE, Roles, strict_units
from loaders.extract.tasks.table import Span, task_rows

# The rule 列第一位者为牵头单位 (排在第一的为牵头部门 …). Only whether a document states it
# matters, so the pattern opens at 第一, which the regex engine finds as a literal at once.
LEAD_FIRST = re.compile(r"第一(?:位|个)(?:者|的)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)")
# The rule 标明“牵头”的为牵头单位，其余为配合单位 (其他为配合部门 …): found at its 配合.
OTHERS_COOPERATE = re.compile(r"其(?:余|他)(?:的)?(?:单位|部门)?(?:为|是)配合(?:单位|部门)")
# The rule 表中“责任单位”为牵头单位 (责任部门即牵头部门 …): a 责任单位 column or label names the lead.
RESPONSIBLE_LEADS = re.compile(r"责任(?:单位|部门)[”\"']?(?:即|为|是)牵头(?:单位|部门)")
_HEADING_END = re.compile(r"[。,;!?]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_MARK = re.compile(r"[。;()]")
_SHORT_LINE = 30  # a first line shorter than this, without punctuation, is a heading


class Plan:
    """One document read as a plan: its body, units, places, and the names as written."""

    def __init__(self, document: Document, nlp_doc):
        self.document = document
        self.base = document.body_start or document.start
        self.body = document.body
        raw = document.text
        self.units = outline(self.body, lambda i: raw.raw_slice(self.base + i, self.base + i + 1))
        self.lead_first = LEAD_FIRST.search(self.body) is not None
        self.others_cooperate = OTHERS_COOPERATE.search(self.body) is not None
        self.responsible_leads = RESPONSIBLE_LEADS.search(self.body) is not None
        self.places = [(s.start_char, s.end_char, s.label_) for s in nlp_doc.spans.get("place", [])]
        self.rows = task_rows(self.body)

    def written(self, start: int, end: int) -> str:
        return self.document.text.written(self.base + start, self.base + end)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.document, self.base + start, self.base + end, "tasks")

    def named(self, start: int, end: int, label: str) -> list[str]:
        names = [self.written(a, b) for a, b, kind in self.places
                 if kind == label and start <= a and b <= end]
        return list(dict.fromkeys(names))


def _heading(plan: Plan, start: int, end: int) -> str:
    body = plan.body
    stop = _HEADING_END.search(body, start, end)
    stop = stop.start() if stop else end
    line_end = body.find("\n", start, stop)
    if line_end >= 0 and line_end - start < _SHORT_LINE:
        stop = line_end
    return plan.written(start, stop)


def _first_segment_start(plan: Plan, unit: Unit, clauses: list[Clause]) -> int:
    """Where the first task of a unit begins: after a heading line when several tasks follow it."""
    line_end = plan.body.find("\n", unit.text_start, unit.end)
    if len(clauses) < 2 or line_end < 0 or line_end > clauses[0].start:
        return unit.text_start
    line = plan.body[unit.text_start:line_end]
    if len(line.strip()) < _SHORT_LINE and not _SENTENCE_MARK.search(line):
        return line_end + 1
    return unit.text_start


def _name(plan: Plan, span: Span | tuple[Span, ...]) -> str:
    """A unit's name (or a deadline) as written; one a table's wrap cut is its parts joined
    (loaders.extract.tasks.table)."""
    if isinstance(span[0], int):
        return plan.written(*span)
    return "".join(plan.written(a, b) for a, b in span)


def _task(plan: Plan, item: str, start: int, text_end: int, end: int, roles: Roles) -> TaskFact:
    """The task stated by body[start:text_end], with its roles; its evidence runs to `end`."""
    if plan.lead_first:
        roles.first_leads()
    if plan.others_cooperate:
        roles.others_cooperate()
    if plan.responsible_leads:
        roles.responsible_lead()
    while start < text_end and plan.body[start] in " \t\n。,;":
        start += 1
    while text_end > start and plan.body[text_end - 1] in " \t\n。,;":
        text_end -= 1
    names = lambda spans: [_name(plan, span) for span in spans]  # noqa: E731
    return TaskFact(
        doc=plan.document.key, item=item, text=plan.written(start, text_end),
        evidence=plan.evidence(start, end), heading=_heading(plan, start, text_end),
        lead=names(roles.lead), cooperate=names(roles.cooperate),
        responsible=names(roles.responsible),
        rivers=plan.named(start, end, "RIVER"), districts=plan.named(start, end, "DISTRICT"),
        deadline=_name(plan, roles.deadline) if roles.deadline else None)


def _unit_tasks(plan: Plan, unit: Unit, clauses: list[Clause]) -> list[TaskFact]:
    tasks: list[TaskFact] = []
    start, deadline = _first_segment_start(plan, unit, clauses), None
    for clause in clauses:
        if clause.roles.empty():  # a deadline on its own: for the task it stands by
            deadline = clause.roles.deadline
            if tasks and not _CJK.search(plan.body, start, clause.start):
                tasks[-1].deadline = plan.written(*deadline)
                deadline, start = None, clause.end
            continue
        clause.roles.deadline = clause.roles.deadline or deadline
        deadline = None
        if tasks and not _CJK.search(plan.body, start, clause.start):
            _join(plan, tasks[-1], clause)  # (A牵头)(B配合): one clause written as two
        else:
            item = unit.item or "0"
            tasks.append(_task(plan, item, start, clause.start, clause.end, clause.roles))
        start = clause.end
    return tasks


def _numbered(tasks: list[TaskFact]) -> list[TaskFact]:
    if len(tasks) > 1:
        for n, task in enumerate(tasks, start=1):
            task.item = f"{task.item}-{n}"
    return tasks


def _join(plan: Plan, task: TaskFact, clause: Clause) -> None:
    for role in ("lead", "cooperate", "responsible"):
        getattr(task, role).extend(plan.written(a, b) for a, b in getattr(clause.roles, role))


def _clauses(plan: Plan) -> list[list[Clause]]:
    """The clauses of each unit; one found after the last sub-item, alone, is the parent's."""
    starts = [u.text_start for u in plan.units]
    found: list[list[Clause]] = [[] for _ in plan.units]
    rows = [row.span for row in plan.rows]
    for clause in find_clauses(plan.body, 0, len(plan.body)):
        if any(a <= clause.start < b for a, b in rows):
            continue  # a table row's cell: the row is the task
        found[max(bisect_right(starts, clause.start) - 1, 0)].append(clause)
    for i, unit in enumerate(plan.units):
        kids = unit.children
        if len(kids) < 2 or found[i] or any(found[k] for k in kids[:-1]):
            continue
        last = found[kids[-1]]
        if len(last) == 1 and last[0].own_line and not plan.units[kids[-1]].children:
            found[i], found[kids[-1]] = last, []
    return found


# -- mandates stated inline -------------------------------------------------------------------

# A sentence that opens with the units answering for (part of) a task: `X、Y负责做好…`.
ANSWERS = re.compile(r"(?:^|(?<=[。;]))[ \t]*([^。;,由\n]{2,60}?)(?:分别)?负责(?![制人同])")
# `由X牵头`, or units opening a sentence with their verb when more units follow
# (`市住房城乡建设局负责，市城管局、市财政局配合，…`); `X要会同Y、Z抓紧…`: X leads, Y and Z cooperate.
INLINE = re.compile(r"(?:由|(?<=[。;:])[ \t]*)([^,。;:由]{2,40}?)(?:要)?(牵头|负责|会同)(?!解释)")
# The units after the lead in its sentence, each list with its verb and perhaps the verb's
# object: `、市财政局配合研究确定`, `,Y按职责分工负责`, `,各设区市人民政府负责落实属地责任`,
# `,会同市发展改革委、市财政局,`.
INLINE_MORE = re.compile(r"[,、]([^,。;]{2,40}?)(?:分别|共同|按职责分工|按照职责分工|按职责|按属地)?"
                         r"(配合|协助|参与|协同|负责)[^,、。;]*|[,、]会同([^,。;]{2,80}?)(?=[,。;])")
_TOGETHER_UNITS = re.compile(r"[^,。;]{2,80}?(?=抓紧|加快|做好|共同|研究|制定|推进|完成|落实|开展|[,。;])")


def _inline_tasks(plan: Plan, unit: Unit) -> list[TaskFact]:
    """…补贴标准由市能源局牵头、市财政局配合研究确定: one task per sentence."""
    body, tasks = plan.body, []
    for m in INLINE.finditer(body, unit.text_start, unit.end):
        lead = strict_units(body, m.start(1), m.end(1))
        if not lead:
            continue
        roles, verb = Roles(), m.group(2)
        roles.add("lead" if verb == "会同" else VERB_ROLE.get(verb, "responsible"), lead)
        if verb == "会同" and (units := _TOGETHER_UNITS.match(body, m.end(), unit.end)):
            roles.add("cooperate", strict_units(body, *units.span()))
        else:
            _more_units(body, m.end(), unit.end, roles)
        if not body.startswith("由", m.start()) and not (roles.cooperate or len(roles.responsible) > len(lead)):
            continue  # `X负责…` alone: a sentence answering for part of a task (ANSWERS), or a duty
        start, end = _sentence(body, m.start(), m.end(), unit.text_start, unit.end)
        tasks.append(_task(plan, unit.item or "0", start, end, end, roles))
    if len(tasks) == 1:
        _whole_unit(plan, unit, tasks[0])
    return tasks


def _more_units(body: str, at: int, end: int, roles: Roles) -> None:
    """The lists of units that follow the lead in its sentence, each in its verb's role,
    up to the first that names no unit."""
    while more := INLINE_MORE.match(body, at, end):
        together = more.group(3) is not None  # `,会同Y、Z,`
        names = strict_units(body, *more.span(3 if together else 1))
        if not names:
            return
        roles.add("cooperate" if together else VERB_ROLE.get(more.group(2), "responsible"), names)
        at = more.end()


def _whole_unit(plan: Plan, unit: Unit, task: TaskFact) -> None:
    """A unit (a topic of a 纪要, an item of a plan) that states one task in a sentence: the
    units its other sentences make answer for part of it (`…确保7月底前开工。桥东区政府、桥西区
    政府负责做好沿线征迁工作。`) and the rivers it names, its heading included, are the task's;
    its evidence is then the whole unit."""
    body, named = plan.body, set(task.lead + task.cooperate + task.responsible)
    answering = []
    for m in ANSWERS.finditer(body, unit.text_start, unit.end):
        for names in strict_units(body, *m.span(1)):
            name = _name(plan, names)
            if name not in named:
                answering.append(name)
                named.add(name)
    rivers = [r for r in plan.named(unit.start, unit.end, "RIVER") if r not in task.rivers]
    if answering or rivers:
        task.responsible += answering
        task.rivers += rivers
        task.evidence = plan.evidence(unit.start, unit.end)


def _sentence(body: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The sentence (between 。 or ;) holding body[start:end], within [low, high)."""
    left = max(body.rfind("。", low, start), body.rfind(";", low, start))
    rights = [i for i in (body.find("。", end, high), body.find(";", end, high)) if i >= 0]
    return (low if left < 0 else left + 1), (min(rights) if rights else high)


@extractor("tasks")
def extract_tasks(view: DocumentView) -> Facts:
    document, nlp_doc = view.document, view.doc
    plan = Plan(document, nlp_doc)
    tasks: list[TaskFact] = []
    for unit, clauses in zip(plan.units, _clauses(plan)):
        found = _unit_tasks(plan, unit, clauses)
        tasks += _numbered(found or _inline_tasks(plan, unit))
    for row in plan.rows:
        tasks.append(_task(plan, row.item, *row.text[0], row.span[1], row.roles))
        tasks[-1].evidence = plan.evidence(*row.span)
        if len(row.text) > 1:  # a task cell wrapped over lines reads as its pieces joined
            tasks[-1].text = "".join(plan.written(a, b) for a, b in row.text)
    return Facts(tasks=tasks)
