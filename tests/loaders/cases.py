"""Runners for the case tables in tests/cases/<mechanism>.yaml: text in, facts out, in a form
a table can state. A case table names its runner; the runner reads the case's text the way
govkg reads a document (or a clause, or a line) and returns what the table compares.

Runners are plain data in, plain data out, so that a case is one YAML row:

    - name: 主责单位 leads beside 协办单位
      text: 主责单位：市水利局；协办单位：市生态环境局、市财政局
      expect: {lead: [市水利局], cooperate: [市生态环境局, 市财政局], responsible: []}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loaders.pipeline import extract_source
from loaders.records import Facts, Source

RUNNERS: dict[str, Callable[[str], Any]] = {}


def runner(name: str) -> Callable[[Callable[[str], Any]], Callable[[str], Any]]:
    def register(func: Callable[[str], Any]) -> Callable[[str], Any]:
        RUNNERS[name] = func
        return func
    return register


def facts_of(text: str) -> Facts:
    """The facts of a text read as a file of its own."""
    return extract_source(Source.from_pages("case.txt", [text], "txt"))


def _spans(text: str, spans) -> list[str]:
    """Names of a role list: a span, or the pieces of a name a list shares (A区、B区人民政府)."""
    return ["".join(text[a:b] for a, b in (s if isinstance(s[0], tuple) else (s,))) for s in spans]


@runner("acts")
def acts(text: str) -> list[list]:
    """[kind, person, post, org, act, note] of every act, in order."""
    return [[a.kind, a.person, a.post, a.org, a.act, a.note] for a in facts_of(text).acts]


@runner("tasks")
def tasks(text: str) -> dict[str, dict]:
    """Each task's units by role (and rivers when it names any), by item."""
    out = {}
    for t in facts_of(text).tasks:
        entry = {"lead": t.lead, "cooperate": t.cooperate, "responsible": t.responsible}
        if t.rivers:
            entry["rivers"] = t.rivers
        out[t.item] = entry
    return out


@runner("roles")
def roles(text: str) -> dict[str, list[str]] | None:
    """The roles one clause states (loaders.extract.tasks.roles), None when it is no clause."""
    from loaders.extract.tasks.roles import parse_roles

    found = parse_roles(text, 0, len(text))
    if found is None:
        return None
    return {role: _spans(text, getattr(found, role)) for role in ("lead", "cooperate", "responsible")}


@runner("groups")
def groups(text: str) -> list[dict]:
    """Each group's name, office and members as [role, person, title]."""
    return [{"name": g.name, "office_at": g.office_at,
             "members": [[m.role, m.person, m.title] for m in g.members]} for g in facts_of(text).groups]


@runner("rivers")
def rivers(text: str) -> list[str]:
    """The rivers and lakes a text names, in order of first mention."""
    from loaders.spans.places import find_places

    return list(dict.fromkeys(text[p.start:p.end] for p in find_places(text) if p.label == "RIVER"))


@runner("documents")
def documents(text: str) -> list[dict]:
    """Each document's 文号, date, issuer and title."""
    return [{"number": d.number, "date": d.date, "issuer": d.issuer, "title": d.title}
            for d in facts_of(text).documents]


@runner("dates")
def dates(text: str) -> list[str]:
    from loaders.text.dates import find_dates

    return [d.iso for d in find_dates(text)]


@runner("river_grammar")
def river_grammar(text: str) -> list[list[str]]:
    """[name, rule] of every river the grammar of loaders.spans.places finds in the text
    alone (no gazetteer), in order, a name again each time it is found again."""
    from loaders.spans.places import find_places

    return [[text[p.start:p.end], p.rule] for p in find_places(text) if p.label == "RIVER"]


@runner("place_grammar")
def place_grammar(text: str) -> list[list[str]]:
    """[name, rule] of every river and town the grammar finds beside the places the gazetteer
    knows (which it leaves to the gazetteer, and which bound the names before them)."""
    from loaders.spans.gazetteer import get_gazetteer
    from loaders.spans.places import find_places

    known = [(h.start, h.end) for h in get_gazetteer().find(text) if h.label in ("RIVER", "DISTRICT")]
    return [[text[p.start:p.end], p.rule] for p in find_places(text, known)]


@runner("place_spans")
def place_spans(text: str) -> list[list[str]]:
    """[name, label, rule] of the pipeline's place spans over the text normalised as a file's:
    gazetteer places that stand as names, and the grammar's."""
    from loaders.spans.nlp import get_nlp
    from loaders.text.normalize import normalize

    doc = get_nlp()(normalize(Source.from_pages("case.txt", [text], "txt")).text)
    return [[s.text, s.label_, s.id_] for s in doc.spans["place"]]


@runner("group_line")
def group_line(text: str) -> list[list[str]]:
    """[role, name, title, rule] of the rows one line of a member list gives, read by the first
    reader of loaders.extract.groups.rows whose shape it has; a line without a label has no role."""
    from loaders.extract.groups.rows import line_rows

    return [[r.role, text[slice(*r.name)], "".join(text[a:b] for a, b in r.title_spans), r.rule]
            for r in line_rows(text, 0, len(text), "")]


@runner("group_office")
def group_office(text: str) -> list[list[str]]:
    """[role, name, title, rule] of the office staff a sentence about a group's office names."""
    from loaders.extract.groups.office import office_staff

    return [[r.role, text[slice(*r.name)], "".join(text[a:b] for a, b in r.title_spans), r.rule]
            for r in office_staff(text, [(0, len(text))])]


@runner("group_rules")
def group_rules(text: str) -> list[dict]:
    """Each group's name with the rule that named it, and [person, rule] of its members."""
    return [{"name": g.name, "rule": g.evidence.rule,
             "members": [[m.person, m.evidence.rule] for m in g.members]} for g in facts_of(text).groups]


@runner("group_units")
def group_units(text: str) -> list[dict]:
    """Each group's name, office and member units: groups whose members are bodies."""
    return [{"name": g.name, "office_at": g.office_at, "member_agencies": g.member_agencies}
            for g in facts_of(text).groups]


@runner("furniture")
def furniture(text: str) -> bool:
    """Whether a line is page furniture (a page number, a gazette's running head)."""
    from loaders.structure.furniture import is_furniture

    return is_furniture(text)


@runner("group_list")
def group_list(text: str) -> list[dict]:
    """The member lists of a text (loaders.extract.groups.members): [role, name, title, rule] of
    each row in reading order, and the lines after the list that are about the office."""
    from loaders.extract.groups.members import member_blocks

    return [{"rows": [[r.role, text[slice(*r.name)], "".join(text[a:b] for a, b in r.title_spans), r.rule]
                      for r in block.rows],
             "office": [text[a:b] for a, b in block.office]} for block in member_blocks(text)]


@runner("act_rules")
def act_rules(text: str) -> list[list]:
    """[kind, person, post, rule] of every act, in order: the rule that read each (acts/…)."""
    return [[a.kind, a.person, a.post, a.evidence.rule] for a in facts_of(text).acts]


@runner("acts_of_page")
def acts_of_page(text: str) -> list[list]:
    """[kind, person, post, org, act, note] of every act of a web page (HTML), in order: the
    page's visible text read as a file."""
    from loaders.read.html import visible_text

    return acts(visible_text(text))


@runner("decision")
def decision(text: str) -> list:
    """[body, meeting, date] of the decision behind the acts of the text's first document."""
    from loaders.extract.acts.decision import decision_context
    from loaders.pipeline import documents_of, view_of

    first = documents_of(Source.from_pages("case.txt", [text], "txt"))[0]
    return list(decision_context(view_of(first)))


# -- tasks and duties (loaders.extract.tasks, loaders.extract.duties) --------------------------

_ROLES = ("lead", "cooperate", "responsible")


@runner("task-rows")
def task_rows_of(text: str) -> list[dict]:
    """Each row of the task tables of a text (loaders.extract.tasks.table): its number, its task
    (pieces wrapped over lines joined), its units by role and its deadline."""
    from loaders.extract.tasks.table import task_rows

    return [{"item": row.item, "text": "".join(text[a:b] for a, b in row.text),
             **{role: _spans(text, getattr(row.roles, role)) for role in _ROLES},
             "deadline": _spans(text, [row.roles.deadline])[0] if row.roles.deadline else None}
            for row in task_rows(text)]


@runner("task-row-ends")
def task_row_ends(text: str) -> list[str]:
    """The last line of each row of the task tables of a text: where the layout lets a row end."""
    from loaders.extract.tasks.table import task_rows

    return [text[slice(*row.span)].strip().splitlines()[-1].strip() for row in task_rows(text)]


@runner("task-rules")
def task_rules(text: str) -> dict[str, str]:
    """The rule that read each task (and duty) of a text, by item."""
    return {t.item: t.evidence.rule for t in facts_of(text).tasks}


@runner("deadlines")
def deadlines(text: str) -> str | None:
    """The deadline one clause states (loaders.extract.tasks.roles), None when it states none."""
    from loaders.extract.tasks.roles import parse_roles

    found = parse_roles(text, 0, len(text))
    return _spans(text, [found.deadline])[0] if found and found.deadline else None


@runner("duties")
def duties(text: str) -> list[dict]:
    """Each duty a text gives a body (loaders.extract.duties): the body (bodies listed together
    joined by 、), its role when it does not
    answer for the duty (lead, cooperate), the duty's text, and the rivers it names when it names any."""
    out = []
    for t in facts_of(text).tasks:
        if t.evidence.rule.startswith("duties/"):
            role = next(r for r in ("lead", "cooperate", "responsible") if getattr(t, r))
            out.append({"body": "、".join(getattr(t, role)), **({"role": role} if role != "responsible" else {}),
                        "text": t.text, **({"rivers": t.rivers} if t.rivers else {})})
    return out


@runner("river_mentions")
def river_mentions(text: str) -> list[list[str]]:
    """[name, rule] of every river mention of a text read as a file (gazetteer and grammar, a
    river's other name in brackets left out), in order."""
    return [[m.name, m.evidence.rule] for m in facts_of(text).mentions if m.kind == "river"]
