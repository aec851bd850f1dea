"""What a decision applies to, looked up in the store from what a reviewer writes: an edge by
its id, a node by its id or by a name (kg.names: an unknown name is one line with the nearest
names, a short form that names several nodes asks for the full name)."""

from __future__ import annotations

from typing import Any

from govkg.errors import QueryError
from govkg.ids import make_id
from kg.schema import load_schema
from kg.stores.base import Store
from kg.stores.cypher import label, rel_type

EDGE_COLUMNS = ("RETURN type(r) AS type, r.doc AS doc, properties(r) AS props, labels(a)[0] AS la, a.id AS a, "
                "coalesce(a.name, a.heading, a.title, a.id) AS an, labels(b)[0] AS lb, b.id AS b, "
                "coalesce(b.name, b.heading, b.item, b.title, b.id) AS bn")


def find_edge(store: Store, edge_id: str, doc: str | None = None) -> dict[str, Any] | None:
    """An edge with its ends' labels, ids and names. With its document, through the `doc`
    index of each type; without, by reading every edge (slow on a large graph)."""
    if doc:
        text = " UNION ALL ".join(f"MATCH (a)-[r:{rel_type(t)} {{doc: $doc}}]->(b) WHERE r.id = $id {EDGE_COLUMNS}"
                                  for t in load_schema().edges)
        rows = store.query(text, {"doc": doc, "id": edge_id})
    else:
        rows = store.query(f"MATCH (a)-[r]->(b) WHERE r.id = $id {EDGE_COLUMNS}", {"id": edge_id})
    return rows[0] if rows else None


def fact_target(store: Store, edge_id: str, doc: str | None = None) -> dict[str, Any]:
    """The target of a confirm or reject: the edge, its document and a line saying what it is."""
    edge = find_edge(store, edge_id, doc)
    if edge is None:
        raise QueryError(f"no fact {edge_id!r}" + (f" in {doc}" if doc else ""), where="review",
                         hint="an edge's id, as its evidence page shows it")
    return {"edge": edge_id, "doc": edge["doc"], "type": edge["type"],
            "summary": f"{edge['an']} {edge['type']} {edge['bn']} ({edge['doc']})"}


def node(store: Store, lab: str, written: str) -> dict[str, str]:
    """{id, name} of the one node of `lab` that an id or a name names."""
    rows = store.query(f"MATCH (n:{label(lab)} {{id: $id}}) RETURN n.id AS id, n.name AS name, n.title AS title",
                       {"id": written})
    if rows:
        return {k: v for k, v in rows[0].items() if v is not None}
    from kg.names import lookup

    found = list(dict.fromkeys(lookup(store, lab).matches(written)))
    if len(found) > 1:
        raise QueryError(f"{written!r} names {len(found)} nodes of {lab}: {', '.join(c for c, _ in found[:4])}",
                         where="review", hint="write the full name or the id")
    return node(store, lab, found[0][1])


def merge_target(store: Store, lab: str, keep: str, drop: str) -> dict[str, Any]:
    if lab not in ("Agency", "Official"):
        raise QueryError(f"only agencies and officials merge, not {lab!r}", where="review")
    kept, dropped = node(store, lab, keep), node(store, lab, drop)
    if kept["id"] == dropped["id"]:
        raise QueryError(f"{keep!r} and {drop!r} are one node already", where="review")
    return {"label": lab, "keep": kept, "drop": dropped}


def rename_target(store: Store, agency: str, name: str) -> dict[str, Any]:
    found = node(store, "Agency", agency)
    return {"agency": found, "name": name.strip(), "new_id": agency_id(name.strip())}


def split_agency_target(store: Store, agency: str, written: str, name: str | None = None) -> dict[str, Any]:
    found = node(store, "Agency", agency)
    forms = store.query(f"MATCH (n:{label('Agency')} {{id: $id}}) RETURN n.written AS written", {"id": found["id"]})
    forms = [f for f in (forms[0]["written"] or []) if f != found["name"]] if forms else []
    if written.strip() not in forms:
        raise QueryError(f"{found['name']} is not written {written.strip()!r} in any document", where="review",
                         hint=f"its written forms: {', '.join(forms) or 'none but its name'}")
    name = (name or written).strip()
    return {"agency": found, "written": written.strip(), "name": name, "new_id": agency_id(name)}


def split_person_target(store: Store, name: str, left: str, right: str) -> dict[str, Any]:
    from kg.people import judged_names

    name, left, right = judged_names(store, name, left, right)
    rows = store.query(f"MATCH (o:{label('Official')} {{name: $name}}) RETURN DISTINCT o.jurisdiction AS j",
                       {"name": name})
    return {"name": name, "jurisdiction": next((r["j"] for r in rows if r["j"]), ""), "left": left, "right": right}


def post_agency_target(store: Store, post: str, agency: str) -> dict[str, Any]:
    return {"post": node(store, "Post", post), "agency": node(store, "Agency", agency)}


def agency_id(name: str) -> str:
    """The id kg.build gives an agency of this canonical name (not a collective designation)."""
    return make_id("agency", None, name)


def target_for(store: Store, kind: str, fields: dict[str, str]) -> dict[str, Any]:
    """The target of a decision from the fields of a form or a command line (names or ids)."""
    def given(key: str) -> str:
        value = (fields.get(key) or "").strip()
        if not value:
            raise QueryError(f"a {kind} decision needs {key}", where="review")
        return value

    builders = {
        "confirm": lambda: fact_target(store, given("edge"), (fields.get("doc") or "").strip() or None),
        "reject": lambda: fact_target(store, given("edge"), (fields.get("doc") or "").strip() or None),
        "merge": lambda: merge_target(store, (fields.get("label") or "Agency").strip(), given("keep"), given("drop")),
        "rename": lambda: rename_target(store, given("agency"), given("name")),
        "split_agency": lambda: split_agency_target(store, given("agency"), given("written"), fields.get("name") or None),
        "split_person": lambda: split_person_target(store, given("name"), given("left"), given("right")),
        "post_agency": lambda: post_agency_target(store, given("post"), given("agency")),
    }
    if kind not in builders:
        raise QueryError(f"unknown decision {kind!r}", where="review", hint=f"valid: {', '.join(builders)}")
    return builders[kind]()
