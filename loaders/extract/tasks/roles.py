"""The grammar of responsibility clauses: who leads (牵头), cooperates (配合), is responsible (负责).

A clause is a run of parts separated by , or ; — each part a list of bodies closed by a role
verb (`市水利局、市农业农村局牵头`), or a labelled list (`责任单位:市工信局、市人社局`), or a
deadline (`2020年6月底前完成`). A list without a verb takes the verb of the next part
(`各县区人民政府、开发区管委会,阳煤集团负责落实`: all three are responsible); `A会同B负责`
makes A lead and B cooperate. Anything else in a part (`名单由市工信局牵头确定`) means the
brackets hold prose, not a clause, and `parse_roles` returns None. A unit of a list may carry
its role in brackets (`责任单位：省水利厅（牵头），省发展改革委`): it leads; the others keep
the list's role unless the document says they cooperate (see `others_cooperate`).
This module reads one clause's content; loaders.extract.tasks.clauses finds where clauses stand in a
text, and loaders.extract.tasks.table reads the cells of task tables with the same grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.spans.agency import agency_spans, is_agency

Span = tuple[int, int]
Named = Span | tuple[Span, ...]  # a body's name, or its pieces when the list shares its last words
_QUALIFIER = r"(?:分别|共同|按职责分工|按照职责分工|按职责|按照职责|各自|具体|按属地|属地){0,2}"
ROLE_VERB = re.compile(
    rf"{_QUALIFIER}(?P<verb>牵头负责|牵头|配合|参与|协助|协同|负责落实|负责实施|负责|落实|组织实施)\s*$")
# The labels of a list of units, and the role each gives (责任单位 and 实施单位: responsible).
LABEL_ROLE = {"牵头单位": "lead", "牵头部门": "lead", "主责单位": "lead", "主责部门": "lead",
              "配合单位": "cooperate", "配合部门": "cooperate", "协办单位": "cooperate", "协办部门": "cooperate",
              "参与单位": "cooperate", "参与部门": "cooperate",
              "责任单位": "responsible", "责任部门": "responsible", "实施单位": "responsible"}
ROLE_LABELS = "|".join(LABEL_ROLE)
DEADLINE_LABELS = "完成时限|完成时间|时间节点|时间要求|时限"
LABEL = re.compile(rf"\s*(?P<label>{ROLE_LABELS})\s*[:：]\s*")
DEADLINE_LABEL = re.compile(rf"\s*(?:{DEADLINE_LABELS})\s*[:：]\s*")
# A date, perhaps with what is due by then (2019年底前取得阶段性成果, 2020年6月底前出台).
DEADLINE = re.compile(r"\s*(?:\d{4}年[^,;，；]{0,10}?(?:前|底|末|内)(?:(?!牵头|配合|负责)[^,;，；()]){0,10}"
                      r"|长期坚持|持续推进|持续实施|\d{4}年(?:\d{1,2}月)?(?:底|末)?)\s*$")
VERB_ROLE = {"牵头负责": "lead", "牵头": "lead", "配合": "cooperate", "参与": "cooperate",
             "协助": "cooperate", "协同": "cooperate"}
# A unit's role written in brackets after it: 省水利厅（牵头）.
MARK = re.compile(r"\s*\((?P<mark>牵头|配合|参与|协办)\)\s*$")
MARK_ROLE = {"牵头": "lead", "配合": "cooperate", "参与": "cooperate", "协办": "cooperate"}
_PROSE = re.compile(r"[的要将由对在把被是应可]|[。:]")


@dataclass
class Roles:
    lead: list[Span] = field(default_factory=list)
    cooperate: list[Span] = field(default_factory=list)
    responsible: list[Span] = field(default_factory=list)
    deadline: Span | tuple[Span, ...] | None = None  # pieces when a table cell wraps
    listed: bool = False  # a plain list of units, no verb: 列第一位者为牵头单位 may apply
    bare: bool = False  # no verb and no label: a list in brackets, a clause only at a line's end
    marked: bool = False  # a unit's role was written in brackets after it (省水利厅（牵头）)

    def add(self, role: str, spans: list[Span]) -> None:
        getattr(self, role).extend(spans)

    def empty(self) -> bool:
        return not (self.lead or self.cooperate or self.responsible)

    def first_leads(self) -> None:
        """The document's rule 列第一位者为牵头单位: the first unit listed leads, the rest cooperate."""
        if self.listed and self.responsible and not self.lead:
            self.lead, self.cooperate = self.responsible[:1], self.cooperate + self.responsible[1:]
            self.responsible = []

    def responsible_lead(self) -> None:
        """The document's rule 表中“责任单位”为牵头单位: the units that answer for a task lead it."""
        if self.responsible and not self.lead:
            self.lead, self.responsible = self.responsible, []

    def others_cooperate(self) -> None:
        """The document's rule 标明“牵头”的为牵头单位，其余为配合单位: beside a marked lead, the
        other units of the list cooperate."""
        if self.marked and self.lead and self.responsible:
            self.cooperate, self.responsible = self.cooperate + self.responsible, []


def _marked(text: str, spans: list[Span], roles: Roles, whole: bool = False) -> list[Span]:
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
    depth, parts, left = 0, [], start
    for i in range(start, end):
        ch = text[i]
        if ch in "(（〔":
            depth += 1
        elif ch in ")）〕":
            depth -= 1
        elif ch in ",;，；" and depth <= 0:
            parts.append((left, i))
            left = i + 1
    parts.append((left, end))
    return [(a, b) for a, b in parts if text[a:b].strip()]


def strict_units(text: str, start: int, end: int) -> list[Named]:
    """The bodies of a list where every piece must be one (or share the last one's name)."""
    return _names(text, start, end, True) or []


def _names(text: str, start: int, end: int, strict: bool) -> list[Named] | None:
    """The bodies of a list, or None when a piece is not a body's name."""
    units: list[Named] = []
    spans = agency_spans(text, start, end)
    for i, (a, b) in enumerate(spans):
        piece = text[a:b]
        if is_agency(piece):
            units.append((a, b))
        elif text[a] == "各" and i < len(spans) - 1 and is_agency(text[slice(*spans[-1])]):
            units.append((a, spans[-1][1]))  # 各市、自治州人民政府: every body of those kinds, one unit
            break
        elif shared := _shared_suffix(text, (a, b), spans[i + 1:]):
            units.append(((a, b), shared))
        elif not strict and len(piece) <= 12 and not _PROSE.search(piece):
            units.append((a, b))
        else:
            return None
    return units or None


# `浉河区、平桥区人民政府`: places of one kind listed before the body they all have
_PLACE_BODY = re.compile(r"[\u4e00-\u9fff]{1,8}?([区县市镇乡旗])(人民政府|政府|党委|党工委|管委会)")


def _shared_suffix(text: str, span: Span, later: list[Span]) -> Span | None:
    """The body's name a place of a list shares with the list's last item (浉河区 in
    `浉河区、平桥区人民政府` is 浉河区 + 人民政府): the span of the shared words, or None."""
    if not later or text[span[1] - 1] not in "区县市镇乡旗":
        return None
    last = _PLACE_BODY.fullmatch(text, *later[-1])
    return last.span(2) if last else None  # 翁源县、曲江区政府: a county and a district


def _verb_part(text: str, a: int, verb: re.Match, roles: Roles, pending: list[Span]) -> bool:
    """A list closed by its verb, text[a:verb end]; False when a piece is no body."""
    role = VERB_ROLE.get(verb.group("verb"), "responsible")
    together = text.find("会同", a, verb.start())
    if together >= 0:  # A会同B负责: A leads, B cooperates
        first = _names(text, a, together, False)
        others = _names(text, together + 2, verb.start(), False)
        if first is None or others is None:
            return False
        roles.add("lead", pending + first)
        roles.add("cooperate", others)
    else:
        names = _names(text, a, verb.start(), False)
        if names is None:
            return False
        roles.add(role, pending + names)
    pending.clear()
    return True


def parse_roles(text: str, start: int, end: int) -> Roles | None:
    """The roles stated by text[start:end] (a clause's content), or None if it is not a clause."""
    roles, pending, label_role, verbs = Roles(), [], None, 0
    parts = _parts(text, start, end)
    for a, b in parts:
        label = LABEL.match(text, a, b)
        if label:
            label_role, a = LABEL_ROLE.get(label.group("label"), "responsible"), label.end()
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
        names = _names(text, a, b, strict=label_role is None)
        if names is None:
            return None
        names = _marked(text, names, roles, whole=len(parts) > 1)
        if label_role:
            roles.add(label_role, names)
        else:
            pending += names
    roles.add("responsible", pending)
    roles.listed = verbs == 0 and label_role in (None, "responsible")
    roles.bare = verbs == 0 and label_role is None
    return None if roles.empty() and roles.deadline is None else roles
