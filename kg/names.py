"""Names a user writes for nodes (`--param agency=水利局`, `kg viz --agency 市水利局`,
`kg judge 田强 --left …`): which nodes they can mean, and, when none, the nearest names.

One rule for every command: a name, a written form or a 文号 names its node; a short form
names every node whose name or written form ends with it (水利局 → 阳泉市水利局, 盂县水利局);
anything else is a QueryError in one line with the nearest names (`did you mean …?`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from govkg.errors import QueryError

EXACT, PART = "exact", "part"  # the canned query matches the whole name, or any part of it
# Canned-query parameters that name a node: the label and how the query matches the value.
# By parameter name, unless the query gives the name another meaning (BY_QUERY).
NAMED: dict[str, tuple[str, str]] = {
    "agency": ("Agency", EXACT), "river": ("River", EXACT), "district": ("District", EXACT),
    "program": ("Program", EXACT), "doc": ("Document", EXACT), "name": ("Official", EXACT),
    "post": ("Post", PART), "group": ("Agency", PART),
}
BY_QUERY: dict[tuple[str, str], tuple[str, str]] = {
    ("agency_path", "source"): ("Agency", EXACT), ("agency_path", "target"): ("Agency", EXACT),
    ("official_path", "source"): ("Official", EXACT), ("official_path", "target"): ("Official", EXACT),
}
NEAREST = 3
LOOKUP = "MATCH (n:{label}) RETURN n.id AS id, n.name AS name, n.written AS written, n.number AS number"


@dataclass
class Names:
    """Every form of the nodes of one label: name, written forms, 文号 → (canonical, node id)."""

    label: str
    forms: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, label: str, rows: Iterable[dict[str, Any]]) -> "Names":
        names = cls(label)
        for row in rows:
            canonical = str(row.get("name") or row.get("number") or row["id"])
            written = row.get("written") or []
            for form in (row.get("name"), row.get("number"), row["id"], *written):
                if form:
                    names.forms.setdefault(str(form), set()).add((canonical, str(row["id"])))
        return names

    def matches(self, written: str, how: str = EXACT) -> list[tuple[str, str]]:
        """(canonical, id) of the nodes `written` names; raises with the nearest names if none."""
        written = written.strip()
        if how == PART:
            found = {n for form, nodes in self.forms.items() if written in form for n in nodes}
        else:
            found = set(self.forms.get(written, ()))
            if not found and written:  # a short form: the end of a longer name or written form
                found = {n for form, nodes in self.forms.items() if form.endswith(written) for n in nodes}
        if not found:
            raise QueryError(f"no {self.label} named {written!r} in the store", hint=self.nearest(written))
        return sorted(found)

    def nearest(self, written: str) -> str | None:
        close = difflib.get_close_matches(written, list(self.forms), n=NEAREST * 3, cutoff=0.4)
        canonical = list(dict.fromkeys(c for form in close for c, _ in sorted(self.forms[form])))[:NEAREST]
        return f"did you mean {' or '.join(canonical)}?" if canonical else None


def query_names(query: str, params: list[str]) -> dict[str, tuple[str, str]]:
    """The parameters of a canned query that name nodes: name → (label, how)."""
    return {p: BY_QUERY.get((query, p)) or NAMED[p] for p in params if (query, p) in BY_QUERY or p in NAMED}


def lookup(store, label: str) -> Names:
    """The names of a label's nodes in a store (a label of the schema, checked)."""
    from kg.schema import load_schema

    load_schema().node(label)
    return Names.of(label, store.query(LOOKUP.format(label=label)))
