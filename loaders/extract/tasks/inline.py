"""Mandates stated inline: an item without a clause may still assign its work in a sentence.

- `…补贴标准由市能源局牵头、市财政局配合研究确定`: 由 + the lead, then more units, each list
  with its own verb (rule `tasks/inline:由…牵头`);
- `市住房城乡建设局负责，市城管局、市财政局配合，…`: units opening a sentence with their verb,
  when more units follow (`tasks/inline:…负责`); `X负责…` alone is a duty (loaders.extract.duties)
  or the part of a task a sentence answers for; `县水务局牵头，组织开展…`: a lead alone
  (`tasks/inline:…牵头`), perhaps after a word opening the sentence (即, 同时);
- `X要会同Y、Z抓紧…`, `由X牵头，会同Y、Z，…`: X leads, Y and Z cooperate (`tasks/inline:…会同`).
One task per such sentence. A unit (a topic of a 纪要, an item of a plan) that states one task
also gives it the units its other sentences make answer for part of it and the rivers it
names (`+answering`). The words are in ontology/lexicon/roles.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.tasks.marks import WordMarks
from loaders.extract.tasks.plan import Plan
from loaders.extract.tasks.roles import TOGETHER, Roles, role_of_verb
from loaders.extract.tasks.units import acting_places, strict_units
from loaders.lexicon import lexicon
from loaders.records import TaskFact
from loaders.spans.posts import is_person_name
from loaders.structure.outline import Unit

_LEX = lexicon()
_BY = _LEX["roles.agent_marker"]
_ANSWER = _LEX.alternation("roles.answer_verb") + f"(?![{_LEX['roles.not_a_verb_after']}])"
# A sentence that opens with the units answering for (part of) a task: `X、Y负责做好…`.
ANSWERS = re.compile(rf"(?:^|(?<=[。;]))[ \t]*([^。;,{_BY}\n]{{2,60}}?)"
                     rf"{_LEX.alternation('roles.answers_qualifiers')}?{_ANSWER}")
# `由X(具体)牵头`, or units opening a sentence with their verb when more units follow
# (`市住房城乡建设局负责，市城管局、市财政局配合，…`); `X要会同Y、Z抓紧…`: X leads, Y and Z cooperate.
_PARTNERED = frozenset(_LEX.words("roles.partnered_verbs"))  # 由X主导: a mandate only after 由, with partners
_MANDATE = (_LEX.alternation("roles.inline_verbs")
            + f"(?!{_LEX.alternation('roles.not_a_mandate')}|[{_LEX['roles.not_a_verb_after']}])")
# After 由 the list may run over a comma (由市财政局、农业局，各县（市）、区人民政府负责落实): its
# pieces must all be bodies (strict_units), which prose before a comma is not, and a verb right
# after the comma is another clause's (由A、B等单位组成联合工作组，负责检查: the group does it).
def _inline(opens: str) -> re.Pattern:
    """The inline mandate, its units after 由 or where `opens` (a lookbehind) lets a sentence open."""
    return re.compile(rf"(?:(?P<by>{_BY})(?!{_LEX.alternation('roles.not_agent_after')})"
                      rf"|{opens}[ \t]*{_LEX.alternation('roles.sentence_openers')}?)"
                      rf"(?P<units>(?:(?(by)[^。;:{_BY}]|[^,。;:{_BY}])){{2,40}}?)(?<!,)"
                      rf"{_LEX.alternation('roles.modal')}?{_LEX.alternation('roles.qualifiers')}?"
                      rf"(?P<verb>{_MANDATE})(?:{_LEX.alternation('roles.verb_tails', 'roles.answer_verb')})?")


INLINE = _inline("(?<=[。;:,])")
# … and at the start of an item's text, after its number (1.县河长办牵头督促…).
INLINE_OPENING = _inline("")
# The units after the lead in its sentence, each list with its verb and perhaps the verb's
# object: `、市财政局配合研究确定`, `,Y按职责分工负责`, `,各设区市人民政府负责落实属地责任`,
# `,会同市发展改革委、市财政局,`.
INLINE_MORE = re.compile(rf"[,、]([^,。;]{{2,160}}?){_LEX.alternation('roles.more_qualifiers')}?"
                         rf"({_LEX.alternation('roles.more_verbs')})[^,、。;]*"
                         rf"|[,、]{_LEX.alternation('roles.together')}([^,。;]{{2,80}}?)(?=[,。;])")
# The units after 会同, up to the work they are to do (or the verb they share: 负责落实).
_TOGETHER_UNITS = re.compile(rf"[^,。;]{{2,80}}?(?={_LEX.alternation('roles.qualifiers')}?"
                             rf"{_LEX.alternation('roles.work_verbs', 'roles.verbs')}|[,。;])")


def inline_tasks(plan: Plan, unit: Unit, verbs: WordMarks) -> list[TaskFact]:
    """…补贴标准由市能源局牵头、市财政局配合研究确定: one task per sentence. `verbs`: where the
    verbs of inline mandates (INLINE_VERB) stand; a unit without any states none."""
    if not verbs.within(unit.text_start, unit.end):
        return []
    text, tasks = plan.text, []
    for m in _mandates(text, unit):
        lead = strict_units(text, *m.span("units"))
        # 由马娜牵头，区收储办负责…: a person leads, the units after answer for the work
        leader = not lead and is_person_name("".join(m["units"].split()), strong=True)
        if not lead and not leader:
            continue
        roles, verb = Roles(), m["verb"]
        together = verb in TOGETHER
        if lead:
            roles.add("lead" if together else role_of_verb(verb), lead)
        if together and (units := _TOGETHER_UNITS.match(text, m.end(), unit.end)):
            roles.add("cooperate", strict_units(text, *units.span()))
        else:
            _more_units(text, m.end(), unit.end, roles)
        if leader and roles.empty() or verb in _PARTNERED and not (m["by"] and roles.cooperate):
            continue  # 政府主导、残联牵头、部门配合: a slogan's words, no mandate without 由
        by = m["by"] is not None
        leads = roles.lead and not together  # `县水务局牵头，组织开展…`: a lead names a task
        if not by and not (leads or roles.cooperate or len(roles.responsible) > len(lead)):
            continue  # `X负责…` alone: a sentence answering for part of a task (ANSWERS), or a duty
        start, end = _sentence(text, m.start(), m.end(), unit.text_start, unit.end)
        rule = f"tasks/inline:{_BY if by else ''}…{verb}"
        tasks.append(plan.task(unit.item or "0", start, end, end, roles, rule))
    if len(tasks) == 1:
        _whole_unit(plan, unit, tasks[0])
    return tasks


def _mandates(text: str, unit: Unit) -> Iterator[re.Match]:
    """The inline mandates of a unit: one opening its text, then one after each punctuation."""
    at = unit.text_start
    if opening := INLINE_OPENING.match(text, at, unit.end):
        yield opening
        at = opening.end()
    yield from INLINE.finditer(text, at, unit.end)


def _more_units(text: str, at: int, end: int, roles: Roles) -> None:
    """The lists of units that follow the lead in its sentence, each in its verb's role,
    up to the first that names no unit."""
    while more := INLINE_MORE.match(text, at, end):
        together = more.group(3) is not None  # `,会同Y、Z,`
        names = strict_units(text, *more.span(3 if together else 1))
        if not names and not together:
            names = acting_places(text, *more.span(1))
        if not names:
            return
        roles.add("cooperate" if together else role_of_verb(more.group(2)), names)
        at = more.end()


def _whole_unit(plan: Plan, unit: Unit, task: TaskFact) -> None:
    """A unit (a topic of a 纪要, an item of a plan) that states one task in a sentence: the
    units its other sentences make answer for part of it (`…确保7月底前开工。桥东区政府、桥西区
    政府负责做好沿线征迁工作。`) and the rivers it names, its heading included, are the task's;
    its evidence is then the whole unit."""
    text, named = plan.text, set(task.lead + task.cooperate + task.responsible)
    answering = []
    for m in ANSWERS.finditer(text, unit.text_start, unit.end):
        for names in strict_units(text, *m.span(1)):
            name = plan.name(names)
            if name not in named:
                answering.append(name)
                named.add(name)
    rivers = [r for r in plan.named(unit.start, unit.end, "RIVER") if r not in task.rivers]
    if answering or rivers:
        task.responsible += answering
        task.rivers += rivers
        task.evidence = plan.view.evidence(unit.start, unit.end, task.evidence.rule + "+answering")


def _sentence(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The sentence (between 。 or ;) holding text[start:end], within [low, high)."""
    left = max(text.rfind("。", low, start), text.rfind(";", low, start))
    rights = [i for i in (text.find("。", end, high), text.find(";", end, high)) if i >= 0]
    return (low if left < 0 else left + 1), (min(rights) if rights else high)
