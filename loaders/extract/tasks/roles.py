"""The grammar of responsibility clauses: who leads (牵头), cooperates (配合), is responsible (负责).

A clause is a run of parts separated by , or ; (or by a space or 。 before a label) — each
part a list of bodies closed by a role verb (`市水利局、市农业农村局牵头`, `省财政厅主办`) or by
its label after 为 (`省发展改革委为牵头单位`), or a labelled list (`责任单位:市工信局、市人社局`,
`牵头单位为省发展改革委`), or a deadline (`2020年6月底前完成`, `4月1日起实施`). A list without a
verb takes the verb of the next part
(`各县区人民政府、开发区管委会,阳煤集团负责落实`: all three are responsible); `A会同B负责`
makes A lead and B cooperate. People beside the units are no units: a part labelled by a
leader's label (`牵头领导：张三`) is passed over, and so is a person in a list (`张三副市长牵头`,
loaders.extract.tasks.units). Anything else in a part (`名单由市工信局牵头确定`) means the
brackets hold prose, not a clause, and `parse_roles` returns None. A unit of a list may carry
its role in brackets (`责任单位：省水利厅（牵头），省发展改革委`): it leads; the others keep
the list's role unless the document says they cooperate (loaders.extract.tasks.plan).
This module reads one clause's content (the bodies of its lists: loaders.extract.tasks.units);
loaders.extract.tasks.clauses finds where clauses stand in a text, and
loaders.extract.tasks.table reads the cells of task tables with the same grammar.
The words (verbs, qualifiers, labels, marks, deadline words) are in ontology/lexicon/roles.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.extract.tasks.units import Named, Span, unit_names
from loaders.lexicon import alternation, lexicon

_LEX = lexicon()
VERB_ROLE: dict[str, str] = _LEX.table("roles.verbs")
LABEL_ROLE: dict[str, str] = _LEX.table("roles.labels")
_HOST_LABELS = frozenset(_LEX.words("roles.host_labels"))
MARK_ROLE: dict[str, str] = _LEX.table("roles.marks")
ROLE_LABELS = _LEX.alternation("roles.labels")
DEADLINE_LABELS = _LEX.alternation("roles.deadline_labels")
TOGETHER = _LEX.words("roles.together")
_TOGETHER = re.compile(_LEX.alternation("roles.together"))
_QUALIFIER = f"{_LEX.alternation('roles.qualifiers')}{{0,2}}"
# A list may close with its label after 为 (is) instead of a verb: 省发展改革委为牵头单位.
_AS_WORDS = _LEX.words("roles.as_label")
_AS_LABELS = tuple(a + label for a in _AS_WORDS for label in LABEL_ROLE)
# A role verb closing a list, perhaps with the work it names (牵头落实, 配合实施).
ROLE_VERB = re.compile(rf"{_QUALIFIER}(?P<verb>{alternation(_LEX.words('roles.verbs') + _AS_LABELS)})"
                       rf"{_LEX.alternation('roles.verb_tails')}?\s*$")
# The ends of a list closed by its verb: `省发展改革委牵头、省财政厅参与` is two parts.
_VERB_ENDS = tuple(v + t for v in _LEX.words("roles.verbs") for t in ("", *_LEX.words("roles.verb_tails")))
_VERB_ENDS += _AS_LABELS
# 责任单位：X, or 牵头单位为X (the label, then is)
LABEL = re.compile(rf"\s*(?P<label>{ROLE_LABELS})\s*(?:[:：]|{_LEX.alternation('roles.as_label')})\s*")
DEADLINE_LABEL = re.compile(rf"\s*{DEADLINE_LABELS}\s*[:：]\s*")
# Labels of the people beside a task's units (牵头领导：张三, 责任领导): persons, no units.
PERSON_LABELS = _LEX.alternation("roles.person_labels")
PERSON_LABEL = re.compile(rf"\s*{PERSON_LABELS}\s*[:：]")
# A date, perhaps with what is due by then (2019年底前取得阶段性成果, 2020年6月底前出台), a time
# of the plan's year (年内持续推进, 6月底前完成), or a deadline that never comes (持续推进).
_ENDS = _LEX.chars("roles.deadline_ends")
_DUE = rf"(?:(?!{_LEX.alternation('roles.due_stops')})[^,;，；()])"
DEADLINE = re.compile(
    rf"\s*(?:\d{{4}}年[^,;，；]{{0,10}}?{_ENDS}{_DUE}{{0,10}}"
    rf"|(?:{_LEX['roles.relative_deadline_pattern']}){_DUE}{{0,8}}"
    rf"|{_LEX.alternation('roles.standing_deadlines')}|\d{{4}}年(?:\d{{1,2}}月)?{_ENDS}?)\s*$")
# A label after a space or a full stop starts a part of its own: `牵头单位：省商务厅 责任单位：
# 各市人民政府`, `（牵头单位：省发展改革委。配合单位：省财政厅）`.
_NEXT_LABEL = re.compile(rf"\s*(?:{ROLE_LABELS}|{DEADLINE_LABELS}|{PERSON_LABELS})\s*[:：]")
# A unit's role written in brackets after it: 省水利厅（牵头）.
MARK = re.compile(rf"\s*\((?P<mark>{_LEX.alternation('roles.marks')})\)\s*$")


@dataclass
class Roles:
    lead: list[Named] = field(default_factory=list)
    cooperate: list[Named] = field(default_factory=list)
    responsible: list[Named] = field(default_factory=list)
    deadline: Span | tuple[Span, ...] | None = None  # pieces when a table cell wraps
    listed: bool = False  # a list of units answering for the task: 列第一位者为牵头单位 may apply
    bare: bool = False  # no verb and no label: a list in brackets, a clause only at a line's end
    marked: bool = False  # a unit's role was written in brackets after it (省水利厅（牵头）)

    def add(self, role: str, spans: list[Named]) -> None:
        getattr(self, role).extend(spans)

    def empty(self) -> bool:
        return not (self.lead or self.cooperate or self.responsible)

    def first_leads(self, others: str) -> bool:
        """The document's rule 列第一位者为牵头单位: the first unit listed leads, the rest take
        the role `others` (responsible as listed; cooperate when the document says 其余为配合单位).
        Whether it changed the roles."""
        if self.listed and self.responsible and not self.lead:
            first, rest = self.responsible[:1], self.responsible[1:]
            self.lead, self.responsible = first, []
            self.add(others, rest)
            return True
        return False

    def responsible_lead(self) -> bool:
        """The document's rule 表中“责任单位”为牵头单位: the units that answer for a task lead it."""
        if self.responsible and not self.lead:
            self.lead, self.responsible = self.responsible, []
            return True
        return False

    def others_cooperate(self) -> bool:
        """The document's rule 标明“牵头”的为牵头单位，其余为配合单位: beside a marked lead, the
        other units of the list cooperate."""
        if self.marked and self.lead and self.responsible:
            self.cooperate, self.responsible = self.cooperate + self.responsible, []
            return True
        return False


def role_of_verb(verb: str) -> str:
    """The role a verb gives the units before it (负责, 落实 and any other: responsible); a
    label after 为 gives its own (为牵头单位: lead)."""
    for word in _AS_WORDS:
        if verb.startswith(word) and verb[len(word):] in LABEL_ROLE:
            return LABEL_ROLE[verb[len(word):]]
    return VERB_ROLE.get(verb, "responsible")


def _marked(text: str, spans: list[Named], roles: Roles, whole: bool = False) -> list[Named]:
    """Units whose role is written after them in brackets go to that role (the brackets left
    out of the name); the others are returned. In a list that is one of several parts of the
    clause (`州卫生健康委、州农业农村局（牵头），州财政局`), a mark after its last unit, the only
    mark, is the whole list's."""
    if any(isinstance(a, tuple) for a, _ in spans):
        return spans  # a list sharing its last words (`A区、B区人民政府`) carries no marks
    if whole and len(spans) > 1:
        marks = [MARK.search(text, a, b) for a, b in spans]
        last = marks[-1]
        if last and last.start() > spans[-1][0] and not any(marks[:-1]):
            roles.add(MARK_ROLE[last.group("mark")], spans[:-1] + [(spans[-1][0], last.start())])
            roles.marked = True
            return []
    rest = []
    for a, b in spans:
        m = MARK.search(text, a, b)
        if m and m.start() > a:
            roles.add(MARK_ROLE[m.group("mark")], [(a, m.start())])
            roles.marked = True
        else:
            rest.append((a, b))
    return rest


def _parts(text: str, start: int, end: int) -> list[Span]:
    """The parts of a clause: text[start:end] cut at , and ; outside brackets, at 、 after a
    role verb (`省发展改革委牵头、省财政厅参与`), and at a space or 。 before a label."""
    depth, parts, left = 0, [], start
    for i in range(start, end):
        ch = text[i]
        if ch in "(（〔【[":
            depth += 1
        elif ch in ")）〕】]":
            depth -= 1
        elif depth <= 0 and (ch in ",;，；" or ch == "、" and text.endswith(_VERB_ENDS, left, i)
                             or ch in " \t。" and _NEXT_LABEL.match(text, i + 1, end)):
            parts.append((left, i))
            left = i + 1
    parts.append((left, end))
    return [(a, b) for a, b in parts if text[a:b].strip()]


def _verb_part(text: str, a: int, verb: re.Match, roles: Roles, pending: list[Named]) -> bool:
    """A list closed by its verb, text[a:verb end]; False when a piece is no body."""
    together = _TOGETHER.search(text, a, verb.start())
    if together:  # A会同B负责: A leads, B cooperates
        first = unit_names(text, a, together.start(), False)
        others = unit_names(text, together.end(), verb.start(), False)
        if first is None or others is None:
            return False
        roles.add("lead", pending + first)
        roles.add("cooperate", others)
    else:
        names = unit_names(text, a, verb.start(), False)
        if names is None:
            return False
        roles.add(role_of_verb(verb.group("verb")), pending + names)
    pending.clear()
    return True


def parse_roles(text: str, start: int, end: int) -> Roles | None:
    """The roles stated by text[start:end] (a clause's content), or None if it is not a clause."""
    roles, pending, label_role, verbs, people = Roles(), [], None, 0, False
    hosts: list[Named] | None = None  # units of a 主办单位 label, which leads unless a 牵头 label does
    parts = _parts(text, start, end)
    for a, b in parts:
        label = LABEL.match(text, a, b)
        if label:
            label_role, a, people = LABEL_ROLE[label.group("label")], label.end(), False
            if label.group("label") in _HOST_LABELS:
                label_role, hosts = "host", hosts or []
        elif PERSON_LABEL.match(text, a, b) or (people and not DEADLINE_LABEL.match(text, a, b)):
            people = True  # 牵头领导：张三、李四: the people beside the units
            continue
        when = DEADLINE_LABEL.match(text, a, b)
        if when or DEADLINE.fullmatch(text, a, b):
            roles.deadline = (when.end() if when else a, b)
            continue
        verb = ROLE_VERB.search(text, a, b)
        if verb and verb.start() > a:
            if not _verb_part(text, a, verb, roles, pending):
                return None
            verbs += 1
            continue
        names = unit_names(text, a, b, strict=label_role is None)
        if names is None:
            return None
        names = _marked(text, names, roles, whole=len(parts) > 1)
        if label_role == "host":
            hosts += names
        elif label_role:
            roles.add(label_role, names)
        else:
            pending += names
    roles.add("responsible", pending)
    if hosts:  # （牵头单位：市文化局；主办单位：市广电局）: beside a lead, the hosts answer for the work
        roles.add("responsible" if roles.lead else "lead", hosts)
    # a list answering for the task, by no verb, by 负责 or by its label: 列第一位者为牵头单位 may apply
    roles.listed = label_role in (None, "responsible") and not (roles.lead or roles.cooperate)
    roles.bare = verbs == 0 and label_role is None
    return None if roles.empty() and roles.deadline is None else roles
