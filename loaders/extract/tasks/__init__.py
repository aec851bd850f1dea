"""Tasks: the numbered mandates of a work plan and the bodies that lead, cooperate, answer for them.

Each task names the rule that read it (`evidence.rule`), after the mechanism:
- `tasks/bracket`, `tasks/label:责任单位`, `tasks/closing`: a numbered item closed by a
  responsibility clause in brackets (`（市水利局牵头，市住建局配合，各县（区）政府负责）`), by
  labelled lines (`责任单位：…`), or by a sentence of units and verbs (loaders.extract.tasks.items,
  .clauses, .roles);
- `tasks/inline:由…牵头`, `tasks/inline:…负责`, `tasks/inline:…会同`: an item without a clause
  that assigns its work in a sentence (loaders.extract.tasks.inline);
- `tasks/table`: a row of a task table (`序号 重点任务 牵头单位 配合单位 完成时限`,
  loaders.extract.tasks.table).
A rule the document states for all its tasks (列第一位者为牵头单位, 其余为配合单位, 责任单位为牵头单位)
is appended when it changed a task's roles: `tasks/label:责任单位+first-leads`
(loaders.extract.tasks.plan). Paragraphs that open with a body and 负责 (市能源局负责…) are
duties: see loaders.extract.duties. The words are in ontology/lexicon/roles.yaml.
"""

from __future__ import annotations

from loaders.extract import extractor
from loaders.extract.tasks.inline import inline_tasks
from loaders.extract.tasks.items import item_clauses, numbered, unit_tasks
from loaders.extract.tasks.marks import WordMarks
from loaders.extract.tasks.plan import Plan
from loaders.records import Facts, TaskFact
from loaders.view import DocumentView


@extractor("tasks")
def extract_tasks(view: DocumentView) -> Facts:
    """Every task of the document: its items' clauses, else their inline mandates; its tables' rows."""
    plan = Plan(view)
    tasks: list[TaskFact] = []
    verbs = WordMarks(view, "INLINE_VERB")
    for unit, clauses in zip(plan.units, item_clauses(plan)):
        found = unit_tasks(plan, unit, clauses)
        tasks += numbered(found or inline_tasks(plan, unit, verbs))
    return Facts(tasks=tasks + table_tasks(plan))


def table_tasks(plan: Plan) -> list[TaskFact]:
    """A task per row of the plan's task tables; its evidence is the row's lines."""
    tasks = []
    for row in plan.rows:
        task = plan.task(row.item, *row.text[0], row.span[1], row.roles, "tasks/table")
        task.evidence = plan.view.evidence(*row.span, task.evidence.rule)
        if len(row.text) > 1:  # a task cell wrapped over lines reads as its pieces joined
            task.text = "".join(plan.written(a, b) for a, b in row.text)
        tasks.append(task)
    return tasks
