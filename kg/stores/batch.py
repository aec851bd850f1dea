"""Several documents in one write: the bulk path of `Store.write_documents`.

A small write costs FalkorDB mostly the query itself: its parameters travel as Cypher text
that the server parses, and one document (~70 edges) writes at ~4k edges/s alone, a group of
twenty at ~12k. `group_statements` writes a group of documents as the statements of one
(rows of all its documents in each UNWIND) and leaves what writing them one by one leaves:
- the old edges of every document in the group go first (each edge carries its document);
- a node that several documents write gets their properties in document order: each added
  to the last for shared nodes (+=), the last document's alone for owned ones (=);
- the nodes that the documents stated before and no longer do are deleted afterwards when
  no edge is left on them (`dropped`), as after each document.
`plan_groups` cuts the sequence where that would not hold: two versions of one document, or
a node that one document drops (so that a one-by-one write deletes it) and a later one
writes (and so recreates it with its own properties only).
"""

from __future__ import annotations

from typing import Any

from govkg.errors import SchemaError
from kg.model import DocumentGraph
from kg.schema import Schema, load_schema
from kg.stores.cypher import (OWNED, Key, Statement, _edge_props, _props, merge_edges, merge_nodes,
                              node_keys, node_rows, rel_type)

MAX_EDGES = 1500  # per group: past ~1,500 edges the query text (parsed by the server) stops paying
MAX_DOCS = 50


def plan_groups(graphs: list[DocumentGraph], touched: dict[str, set[Key]],
                max_edges: int = MAX_EDGES, max_docs: int = MAX_DOCS) -> list[list[DocumentGraph]]:
    """Consecutive groups of `graphs` that can be written as one; `touched[doc]` are the nodes
    the stored version of `doc` has edges on."""
    groups: list[list[DocumentGraph]] = []
    group: list[DocumentGraph] = []
    docs: set[str] = set()
    dropped: set[Key] = set()
    edges = 0
    for graph in graphs:
        keys = node_keys(graph)
        if group and (graph.doc in docs or keys & dropped or len(group) >= max_docs
                      or edges + len(graph.edges) > max_edges):
            groups.append(group)
            group, docs, dropped, edges = [], set(), set(), 0
        group.append(graph)
        docs.add(graph.doc)
        dropped |= touched.get(graph.doc, set()) - keys
        edges += len(graph.edges)
    return groups + [group] if group else groups


def dropped(group: list[DocumentGraph], touched: dict[str, set[Key]]) -> set[Key]:
    """Nodes the group's documents had edges on and no longer write: deleted if left bare."""
    before = set().union(*(touched.get(g.doc, set()) for g in group))
    return before - set().union(*(node_keys(g) for g in group))


def delete_edges(docs: list[str], schema: Schema | None = None) -> list[Statement]:
    """Every edge the documents stated; one statement per type, using its `doc` index."""
    schema = schema or load_schema()
    return [Statement(f"UNWIND $docs AS d MATCH ()-[r:{rel_type(t, schema)} {{doc: d}}]->() DELETE r",
                      {"docs": docs}) for t in schema.edges]


def touched_query(schema: Schema | None = None) -> str:
    """Both ends of every edge of the documents `$docs`, as columns doc, la, ia, lb, ib."""
    schema = schema or load_schema()
    return " UNION ALL ".join(
        f"UNWIND $docs AS d MATCH (a)-[r:{rel_type(t, schema)} {{doc: d}}]->(b) "
        "RETURN d AS doc, labels(a)[0] AS la, a.id AS ia, labels(b)[0] AS lb, b.id AS ib"
        for t in schema.edges)


def group_statements(group: list[DocumentGraph], schema: Schema | None = None) -> list[Statement]:
    """Delete the group's old edges, MERGE its nodes, then its edges, a statement per label
    and per (label, type, label) pattern."""
    schema = schema or load_schema()
    out = delete_edges([g.doc for g in group], schema)
    for lab, rows in _node_rows(group, schema).items():
        out.append(merge_nodes(lab, rows, len(out), schema))
    for pattern, rows in _edge_rows(group, schema).items():
        out.append(merge_edges(pattern, rows, len(out), schema))
    return out


def _node_rows(group: list[DocumentGraph], schema: Schema) -> dict[str, list[dict[str, Any]]]:
    merged: dict[str, dict[str, dict[str, Any]]] = {}
    for graph in group:
        for lab, rows in node_rows(graph, schema).items():
            by_id = merged.setdefault(lab, {})
            for row in rows:
                old = by_id.get(row["id"])
                by_id[row["id"]] = row["props"] if old is None or lab in OWNED else {**old, **row["props"]}
    return {lab: [{"id": i, "props": p} for i, p in by_id.items()] for lab, by_id in merged.items()}


def _edge_rows(group: list[DocumentGraph], schema: Schema) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    patterns: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for graph in group:
        for pattern, edges in graph.edges_by_pattern().items():
            if not schema.edge(pattern[1]).allows(pattern[0], pattern[2]):
                raise SchemaError(f"edge {pattern[1]} does not connect {pattern[0]} to {pattern[2]}",
                                  where=graph.doc)
            patterns.setdefault(pattern, []).extend(
                {"id": e.id, "src": e.source.id, "dst": e.target.id,
                 "props": _props(_edge_props(e.props, graph.doc, e.id), e.id)} for e in edges)
    return patterns
