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
