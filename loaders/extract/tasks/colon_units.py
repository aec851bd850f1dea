"""Items naming their unit after a colon, under a heading that says the units follow.

`三、本县灾害防救业务主政单位如下：` and under it `（一）风灾、震灾、火灾：消防局。`, `（二）水灾、土石流：
水利资源处。`: the heading tells that each item names the body in charge of what it lists; the
item's words before its last colon are the task, the bodies after it answer for it (rule
`tasks/colon-units`). A heading naming who leads (主办单位如下) makes them leads. The part after the
colon must be bodies and nothing else, so that an item whose colon opens a sentence gives nothing.
"""

from __future__ import annotations

import re

from loaders.extract.tasks.headings import line_end
from loaders.extract.tasks.plan import Plan
from loaders.extract.tasks.roles import Roles
from loaders.extract.tasks.units import strict_units
from loaders.lexicon import lexicon
from loaders.records import TaskFact
from loaders.structure.outline import Unit

_LEX = lexicon()
_FOLLOW = re.compile(_LEX["roles.units_follow_pattern"])
_LEADING = re.compile(_LEX.alternation("roles.units_follow_lead_words"))
RULE = "tasks/colon-units"


def colon_unit_tasks(plan: Plan) -> list[TaskFact]:
    """A task per item under a heading saying its items' units follow their colons."""
    tasks: list[TaskFact] = []
    for unit in plan.units:
        heading = plan.text[unit.text_start:line_end(plan, unit)]
        if not unit.children or not (follow := _FOLLOW.search(heading)):
            continue
        role = "lead" if _LEADING.search(follow.group()) else "responsible"
        tasks += [task for child in unit.children if (task := _item_task(plan, plan.units[child], role))]
    return tasks


def _item_task(plan: Plan, unit: Unit, role: str) -> TaskFact | None:
    """`风灾、震灾：消防局。`: the words before the last colon, and the bodies after it."""
    text, end = plan.text, unit.end
    while end > unit.text_start and text[end - 1] in " \t\n。;；|":
        end -= 1
    colon = max(text.rfind(":", unit.text_start, end), text.rfind("：", unit.text_start, end))
    if colon <= unit.text_start or not (units := strict_units(text, colon + 1, end)):
        return None
    roles = Roles()
    roles.add(role, units)
    return plan.task(unit.item or "0", unit.text_start, colon, end, roles, RULE)
