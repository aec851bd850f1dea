"""Canned Cypher queries: one `queries/NAME.cypher` file each, with a typed header.

    // name: agency_tasks
    // description: Tasks an agency leads, cooperates on or answers for
    // param: agency string            (no default: required)
    // param: limit integer = 50
    // example: agency=市水利局      (parameters that show the query at work on the sample)

Parameters are checked (missing, unknown, wrong type) before anything is sent to a store,
and values travel only as Cypher parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from govkg.errors import QueryError

_HEADER = re.compile(r"^//\s*(name|description|param|example):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(string|integer|float|boolean|date)(?:\s*=\s*(.*?))?\s*(?:#\s*(.*))?$")
TYPES = ("string", "integer", "float", "boolean", "date")
INT_RANGE = (0, 2**31 - 1)  # what every store reads the same as a count, a LIMIT or a SKIP


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any = None
    required: bool = True
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "default": self.default,
                "required": self.required, "description": self.description}


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    example: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description,
                "params": [p.to_json() for p in self.params], "example": self.example}

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Typed parameter values from user input; one-line errors list the valid ones."""
        known = {p.name: p for p in self.params}
        valid = ", ".join(f"{p.name}:{p.type}" for p in self.params) or "none"
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise QueryError(f"unknown parameter {unknown[0]!r}", where=self.name, hint=f"parameters: {valid}")
        out = {}
        for p in self.params:
            if p.name in raw:
                try:
                    out[p.name] = convert(p, raw[p.name], self.name)
                except QueryError as exc:
                    raise QueryError(exc.message, where=self.name, hint=f"parameters: {valid}") from None
            elif p.required:
                raise QueryError(f"missing parameter {p.name!r}", where=self.name, hint=f"parameters: {valid}")
            else:
                out[p.name] = p.default
        return out


def convert(p: Param, value: Any, where: str) -> Any:
    if p.type == "integer" and type(value) is int:  # from Python callers, unconverted
        return _in_range(p, value, where)
    if value is None or not isinstance(value, str):
        return value
    try:
        if p.type == "integer":
            return _in_range(p, int(value), where)
        if p.type == "float":
            return float(value)
        if p.type == "boolean":
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes")
        if p.type == "date":
            return date.fromisoformat(value).isoformat()
    except ValueError:
        article = "an" if p.type[0] in "aeiou" else "a"
        raise QueryError(f"parameter {p.name!r} must be {article} {p.type}, not {value!r}", where=where) from None
    return value


def _in_range(p: Param, value: int, where: str) -> int:
    """Integer parameters are counts and limits; FalkorDB reads LIMIT and SKIP as 32-bit
    numbers (LIMIT 4294967296 returns no row), so a value outside what every store reads the
    same is refused rather than answered wrongly."""
    if not INT_RANGE[0] <= value <= INT_RANGE[1]:
        raise QueryError(f"parameter {p.name!r} must be an integer from {INT_RANGE[0]} to {INT_RANGE[1]:,}, "
                         f"not {value}", where=where)
    return value


def _param(text: str, where: str) -> Param:
    m = _PARAM.match(text.strip())
    if not m:
        raise QueryError(f"bad param line {text!r}", where=where, hint="write: name type [= default] [# description]")
    name, type_, default, description = m.groups()
    if default is None:
        return Param(name, type_, None, True, description or "")
    p = Param(name, type_, None, False, description or "")
    value = None if default == "null" else convert(p, default.strip().strip("\"'"), where)
    return Param(name, type_, value, False, description or "")


def parse_query(text: str, where: str) -> CannedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    example: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m and m.group(1) == "param":
            params.append(_param(m.group(2), where))
        elif m and m.group(1) == "example":
            example = dict(pair.split("=", 1) for pair in m.group(2).split() if "=" in pair)
        elif m:
            meta[m.group(1)] = m.group(2).strip()
    for key in ("name", "description"):
        if not meta.get(key):
            raise QueryError(f"missing header '// {key}: …'", where=where)
    body = "\n".join(l for l in text.splitlines() if not l.strip().startswith("//")).strip()
    return CannedQuery(meta["name"], meta["description"], tuple(params), body, example)


@lru_cache(maxsize=1)
def load_queries() -> dict[str, CannedQuery]:
    queries = {}
    for entry in sorted(resources.files("queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            q = parse_query(entry.read_text(encoding="utf-8"), f"queries/{entry.name}")
            if q.name != entry.name[:-7]:
                raise QueryError(f"header name {q.name!r} differs from the file name", where=f"queries/{entry.name}")
            queries[q.name] = q
    return queries


def get_query(name: str) -> CannedQuery:
    queries = load_queries()
    if name not in queries:
        raise QueryError(f"no canned query named {name!r}", hint=f"known: {', '.join(queries)}")
    return queries[name]


MAX_RUNS = 12  # a short form that names more nodes than this must be written out


def named_runs(canned: CannedQuery, params: dict[str, Any], given: set[str], store) -> tuple[list[dict], list[str]]:
    """The parameter sets to run the query with, and a note per short form expanded.

    Every parameter the user gave that names a node (kg.names) must name one: an unknown
    name is a QueryError with the nearest names; a short form (水利局) runs the query once
    for each node it can mean (阳泉市水利局, 盂县水利局), in order."""
    from itertools import product

    from kg.names import EXACT, lookup, query_names

    choices, notes = [], []
    for param, (label, how) in query_names(canned.name, [p.name for p in canned.params]).items():
        value = params.get(param)
        if param not in given or not isinstance(value, str):
            continue
        names = lookup(store, label)
        found = names.matches(value, how)
        if how == EXACT and value.strip() not in names.forms:
            canonical = list(dict.fromkeys(c for c, _ in found))
            choices.append([(param, c) for c in canonical])
            notes.append(f"{param} {value} → {', '.join(canonical)}")
    runs = [dict(params, **dict(combo)) for combo in product(*choices)]
    if len(runs) > MAX_RUNS:
        raise QueryError(f"{notes[0].split(' → ')[0]} names {len(runs)} nodes", where=canned.name,
                         hint="write the name out in full")
    return runs, notes
