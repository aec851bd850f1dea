"""What the explorer reads from the store, by node id: a node, the relations on each side of
it, its neighbourhood for the graph view, and the views some labels add (an agency's posts
and holders, an official's career, the agencies that answer for a river).

Every statement is built from the schema (labels and types checked, kg.stores.cypher) and
starts at one node through the `id` index, type by type, so a page costs the same on the
sample and on a million nodes; values travel as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.schema import load_schema
from kg.stores.base import Store
from kg.serve.errors import NotFound
from kg.stores.cypher import label as cypher_label, rel_type

NAME = "coalesce({v}.name, {v}.heading, {v}.title, substring({v}.text, 0, 40), {v}.number, {v}.id)"
ROLES = ("leader", "deputy", "member", "office_director", "office_deputy", "office_member")


@dataclass
class Relation:
    """The edges of one type on one side of a node: up to a page of them, and how many."""

    direction: str  # out | in
    type: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0


def sides(lab: str) -> list[tuple[str, str]]:
    """(direction, edge type) of every relation a node of `lab` can have, in schema order."""
    out = []
    for type_, edge in load_schema().edges.items():
        if any(a == lab for a, _ in edge.pairs):
            out.append(("out", type_))
        if any(b == lab for _, b in edge.pairs):
            out.append(("in", type_))
    return out


def find_node(store: Store, node_id: str, hint: str | None = None) -> tuple[str, dict[str, Any]]:
    """(label, properties) of the node with this id; QueryError (a 404) when there is none.
    `hint` is the label the id's prefix or the search index gives, tried first."""
    labels = list(load_schema().nodes)
    for lab in ([hint] if hint in labels else []) + [lab for lab in labels if lab != hint]:
        rows = store.query(f"MATCH (n:{cypher_label(lab)} {{id: $id}}) RETURN properties(n) AS p", {"id": node_id})
        if rows:
            return lab, rows[0]["p"]
    raise NotFound(f"no node {node_id!r} in the store", where="explorer")


def relations(store: Store, lab: str, node_id: str, per_type: int = 50) -> list[Relation]:
    """Each side's edges (newest first, `per_type` at most) with the node at the other end."""
    found = {(d, t): Relation(d, t) for d, t in sides(lab)}
    if not found:
        return []
    for row in store.query(_relations_statement(lab, list(found)), {"id": node_id, "per": per_type}):
        found[(row["dir"], row["type"])].rows.append(row)
    for row in store.query(_counts_statement(lab, list(found)), {"id": node_id}):
        found[(row["dir"], row["type"])].total = row["n"]
    return [r for r in found.values() if r.total]


def _pattern(lab: str, direction: str, type_: str, other: str = "(m)") -> str:
    arrow = f"-[r:{rel_type(type_)}]->" if direction == "out" else f"<-[r:{rel_type(type_)}]-"
    return f"MATCH (n:{cypher_label(lab)} {{id: $id}}){arrow}{other}"


def _relations_statement(lab: str, keys: list[tuple[str, str]]) -> str:
    columns = (f"RETURN '{{d}}' AS dir, type(r) AS type, r.id AS edge, r.doc AS doc, r.date AS date, "
               f"coalesce(r.act, r.role) AS how, r.title AS title, r.note AS note, r.written AS written, "
               f"labels(m)[0] AS label, m.id AS id, {NAME.format(v='m')} AS name, m.kind AS kind "
               "ORDER BY date DESC, name LIMIT $per")
    return " UNION ALL ".join(f"{_pattern(lab, d, t)} {columns.format(d=d)}" for d, t in keys)


def _counts_statement(lab: str, keys: list[tuple[str, str]]) -> str:
    return " UNION ALL ".join(f"{_pattern(lab, d, t, '()')} RETURN '{d}' AS dir, type(r) AS type, count(r) AS n"
                              for d, t in keys)


def neighbourhood(store: Store, node_id: str, hint: str | None = None, per_type: int = 6) -> dict[str, Any]:
    """The node and its neighbours as Cytoscape elements, a few per relation (`more` counts
    the rest), parallel edges between two nodes kept (each is a fact with its evidence)."""
    lab, props = find_node(store, node_id, hint)
    centre = {"id": node_id, "label": lab, "name": caption(props), "kind": props.get("kind")}
    nodes, edges, more = {node_id: centre}, [], {}
    for rel in relations(store, lab, node_id, per_type):
        for row in rel.rows:
            nodes.setdefault(row["id"], {"id": row["id"], "label": row["label"], "name": row["name"], "kind": row["kind"]})
            source, target = (node_id, row["id"]) if rel.direction == "out" else (row["id"], node_id)
            edges.append({"id": row["edge"], "source": source, "target": target, "type": rel.type, "doc": row["doc"]})
        if rel.total > len(rel.rows):
            more[f"{rel.direction}:{rel.type}"] = rel.total - len(rel.rows)
    return {"centre": node_id, "nodes": list(nodes.values()), "edges": edges, "more": more}


def caption(props: dict[str, Any]) -> str:
    text = props.get("text")
    return str(props.get("name") or props.get("heading") or props.get("title") or (text[:40] if text else None)
               or props.get("number") or props["id"])


# -- what some labels add ----------------------------------------------------------------------

def posts_and_holders(store: Store, agency_id: str, limit: int = 300) -> list[dict[str, Any]]:
    """An agency's posts, each with the acts on it in date order: who held it when."""
    text = (f"MATCH (a:{cypher_label('Agency')} {{id: $id}})<-[:{rel_type('POST_OF')}]-(p:{cypher_label('Post')}) "
            "WITH DISTINCT p LIMIT $limit "
            f"OPTIONAL MATCH (p)<-[r:{rel_type('APPOINTED_TO')}|{rel_type('REMOVED_FROM')}]-(o:{cypher_label('Official')}) "
            "RETURN p.id AS post, p.title AS title, type(r) AS type, r.act AS act, o.id AS official, o.name AS name, "
            "r.date AS date, r.doc AS doc, r.id AS edge ORDER BY title, date")
    return store.query(text, {"id": agency_id, "limit": limit})


def career(store: Store, official_id: str, limit: int = 300) -> list[dict[str, Any]]:
    """An official's appointments, removals and seats on groups, in date order."""
    types = "|".join(rel_type(t) for t in ("APPOINTED_TO", "REMOVED_FROM", "MEMBER_OF"))
    text = (f"MATCH (o:{cypher_label('Official')} {{id: $id}})-[r:{types}]->(x) "
            "RETURN r.date AS date, type(r) AS type, coalesce(r.act, r.role) AS how, x.id AS id, x.name AS name, "
            "labels(x)[0] AS label, x.agency AS agency, coalesce(r.title, r.note) AS note, r.doc AS doc, r.id AS edge "
            "ORDER BY date, doc LIMIT $limit")
    return store.query(text, {"id": official_id, "limit": limit})


def answering_agencies(store: Store, lab: str, node_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The agencies that lead, cooperate on or answer for the tasks concerning a river or a
    district, or the tasks of a program: one row per agency and role, most tasks first."""
    via = f"<-[:{rel_type('CONCERNS')}]-" if lab in ("River", "District") else f"<-[:{rel_type('PART_OF')}]-"
    roles = "|".join(rel_type(t) for t in ("LEADS", "COOPERATES_ON", "RESPONSIBLE_FOR"))
    text = (f"MATCH (x:{cypher_label(lab)} {{id: $id}}){via}(t:{cypher_label('Task')})<-[r:{roles}]-(a:{cypher_label('Agency')}) "
            "RETURN a.id AS id, a.name AS name, type(r) AS role, count(r) AS tasks ORDER BY tasks DESC, name LIMIT $limit")
    return store.query(text, {"id": node_id, "limit": limit})


def document_facts(store: Store, doc: str) -> list[dict[str, Any]]:
    """Every edge a document states, with both ends and the span it was read from."""
    columns = (f"RETURN type(r) AS type, r.id AS edge, r.span AS span, r.page AS page, r.rule AS rule, "
               f"r.evidence AS evidence, labels(a)[0] AS la, a.id AS a, {NAME.format(v='a')} AS an, "
               f"labels(b)[0] AS lb, b.id AS b, {NAME.format(v='b')} AS bn")
    text = " UNION ALL ".join(f"MATCH (a)-[r:{rel_type(t)} {{doc: $doc}}]->(b) {columns}" for t in load_schema().edges)
    return store.query(text, {"doc": doc})


def edge_evidence(store: Store, edge_id: str, doc: str | None) -> dict[str, Any] | None:
    """An edge's properties, its ends and its document, for the evidence page."""
    from kg.review.targets import find_edge

    edge = find_edge(store, edge_id, doc)
    if edge is None:
        return None
    rows = store.query(f"MATCH (d:{cypher_label('Document')} {{id: $doc}}) RETURN properties(d) AS p", {"doc": edge["doc"]})
    return {**edge, "document": rows[0]["p"] if rows else {"id": edge["doc"]}}
