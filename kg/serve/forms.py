"""Canned queries as forms: a typed field per parameter, the rows as a table, CSV or JSON.

The same checks as `kg query` (kg.queries: missing, unknown or mistyped parameters, names
that name nothing, with the nearest names) and the same short forms (水利局 runs once per
agency it can mean). Values shown or downloaded pass the privacy rule (kg.export.privacy).
"""

from __future__ import annotations

from typing import Any

from kg.export.privacy import Redactor
from kg.output import to_csv
from kg.queries import CannedQuery, get_query, load_queries, named_runs

INPUTS = {"string": "text", "integer": "number", "float": "number", "boolean": "select", "date": "date"}
MAX_ROWS = 5000  # a page is not a download: the rows past this are left to `kg query`


def fields(canned: CannedQuery, given: dict[str, str]) -> list[dict[str, Any]]:
    """The form's fields: name, input type, required, default, description, example, value."""
    return [{"name": p.name, "type": p.type, "input": INPUTS[p.type], "required": p.required,
             "default": "" if p.default is None else str(p.default).lower() if p.type == "boolean" else p.default,
             "description": p.description, "example": canned.example.get(p.name, ""),
             "value": given.get(p.name, "")} for p in canned.params]


def listing() -> list[dict[str, Any]]:
    return [q.to_json() for q in load_queries().values()]


def run(store, name: str, raw: dict[str, str], include_contacts: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows of the canned query `name` with the parameters given (empty fields left out, so
    their defaults hold), and notes on short forms expanded."""
    canned = get_query(name)
    known = {p.name for p in canned.params}
    given = {k: v.strip() for k, v in raw.items() if k in known and v.strip() != ""}
    params = canned.bind(given)
    runs, notes = named_runs(canned, params, set(given), store)
    rows = []
    for params_ in runs:
        rows += store.query(canned.cypher, params_)
        if len(rows) >= MAX_ROWS:
            notes.append(f"the first {MAX_ROWS} rows; `kg query {name}` gives them all")
            break
    redact = Redactor(include_contacts)
    return [redact.props(row) for row in rows[:MAX_ROWS]], notes


def as_csv(rows: list[dict[str, Any]]) -> str:
    return to_csv(rows)
