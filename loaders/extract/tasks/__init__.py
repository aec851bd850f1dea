"""Tasks: the numbered mandates of a work plan and the bodies that lead, cooperate, answer for them.

Each task names the rule that read it (`evidence.rule`), after the mechanism:
- `tasks/bracket`, `tasks/label:责任单位`, `tasks/closing`: a numbered item closed by a
  responsibility clause in brackets (`（市水利局牵头，市住建局配合，各县（区）政府负责）`, `〔…〕`), by
  labelled lines (`责任单位：…`), or by a sentence of units and verbs (loaders.extract.tasks.items,
  .clauses, .roles); `tasks/bracket:cut`: a bracket the text's end cuts (a page's excerpt);
- `tasks/inline:由…牵头`, `tasks/inline:…负责`, `tasks/inline:…牵头`, `tasks/inline:…会同`: an
  item without a clause that assigns its work in a sentence (loaders.extract.tasks.inline);
  `tasks/inline:…要在…`: units opening a sentence with when their work is due
  (loaders.extract.tasks.subjects);
- `tasks/heading`: an item under a heading that names its units (`（一）省监察厅牵头的工作`,
  `一、强化科技创新（区科技局牵头）`); `+heading` when a task takes that lead
  (loaders.extract.tasks.headings);
- `tasks/table`: a row of a task table (`序号 重点任务 牵头单位 配合单位 完成时限`; cut by tabs,
  bars or spaces: loaders.extract.tasks.table; by single spaces or one cell a line:
  .flattened, .cell_lines);
- `tasks/colon-units`: an item naming its bodies after a colon under a heading saying they follow
  (`本县灾害防救业务主政单位如下：` / `（一）风灾、震灾：消防局。`: loaders.extract.tasks.colon_units);
- `tasks/cited`: a task a news report cites by its number (第1项任务“…”，主责单位是X), whose number
  also names a task another rule read there without one (loaders.extract.tasks.cited).
Items are named as the document numbers them, items a copy ran together on one line included
(loaders.extract.tasks.flat); a task the document does not number is item 0 (0-1, 0-2). A
unit has one role in a task: a lead named again in the 责任单位 list leads (plan.disjoint).
A rule the document states for all its tasks (列第一位者为牵头单位, 其余为配合单位, 责任单位为牵头单位)
is appended when it changed a task's roles: `tasks/label:责任单位+first-leads`
(loaders.extract.tasks.plan). Paragraphs that open with a body and 负责 (市能源局负责…) are
duties: see loaders.extract.duties. The words are in ontology/lexicon/roles.yaml.
"""

from __future__ import annotations

from loaders.extract import extractor
from loaders.extract.tasks.cited import cited_tasks
from loaders.extract.tasks.colon_units import colon_unit_tasks
from loaders.extract.tasks.headings import heading_roles, heading_task, inherit
from loaders.extract.tasks.inline import inline_tasks
from loaders.extract.tasks.items import item_clauses, numbered, unit_tasks
from loaders.extract.tasks.marks import WordMarks
from loaders.extract.tasks.plan import Plan
from loaders.extract.tasks.subjects import DueTimes, subject_tasks
from loaders.records import Facts, TaskFact
from loaders.view import DocumentView


@extractor("tasks")
def extract_tasks(view: DocumentView) -> Facts:
    """Every task of the document: its items' clauses, else their inline mandates; its tables' rows."""
    plan = Plan(view)
    tasks: list[TaskFact] = []
    verbs, due = WordMarks(view, "INLINE_VERB"), DueTimes(plan.text)
    found_clauses = item_clauses(plan)
    headed = heading_roles(plan, found_clauses)
    for unit, clauses, roles in zip(plan.units, found_clauses, headed):
        found = numbered(unit_tasks(plan, unit, clauses) or inline_tasks(plan, unit, verbs)
                         or subject_tasks(plan, unit, due))
        if roles is not None:
            inherit(plan, found, roles)
            if not found and not unit.children and (task := heading_task(plan, unit, roles)):
                found = [task]
        tasks += found
    told = {task.item for task in tasks}
    tasks += [task for task in colon_unit_tasks(plan) if task.item not in told]  # read by no other rule
    return Facts(tasks=cited_tasks(plan, tasks) + table_tasks(plan))


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
