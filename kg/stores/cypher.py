"""The Cypher both stores run, generated once from the schema.

Labels and relationship types are the only names put into a statement, and only after the
schema knows them and they look like identifiers; every value travels as a parameter.

Writing a document (both stores, same steps):
1. read the ends of the edges it stated before (`touched_query`);
2. in one transaction: delete those edges, MERGE its nodes and edges (`delete_edges`,
   `write_statements`);
3. delete the nodes of step 1 that have no edge left and that it no longer states
   (`delete_orphans`).
Step 2 deletes no node on purpose: FalkorDB 4.16 corrupts edges when it undoes a failed
query that deleted nodes and then created some. Step 3 only deletes, which it undoes safely.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from govkg.errors import SchemaError, StoreError
from kg.model import DocumentGraph, Node
from kg.schema import Schema, load_schema

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
DOCUMENT = "Document"  # the label whose node (id = document key) carries the content_hash
TASK = "Task"  # the label whose nodes belong to one document (property `doc`)
OWNED = (DOCUMENT, TASK)  # nodes one document owns: a rewrite replaces all their properties

Key = tuple[str, str]  # (label, id)


@dataclass(frozen=True)
class Statement:
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)


def ident(name: str) -> str:
    """A schema name safe to place in Cypher, or SchemaError."""
    if not _IDENT.match(name):
        raise SchemaError(f"{name!r} cannot be used as a Cypher label or type")
    return name


def label(name: str, schema: Schema | None = None) -> str:
    return ident((schema or load_schema()).node(name).label)


def rel_type(name: str, schema: Schema | None = None) -> str:
    return ident((schema or load_schema()).edge(name).type)


def index_targets(schema: Schema | None = None) -> tuple[list[Key], list[str]]:
    """Node (label, property) pairs to index — `id` first — and edge types indexed on `doc`."""
    schema = schema or load_schema()
    nodes = [(label(n, schema), ident(p)) for n, t in schema.nodes.items()
             for p in dict.fromkeys(("id", *t.indexes))]
    return nodes, [rel_type(t, schema) for t in schema.edges]


def touched_query(schema: Schema | None = None) -> str:
    """Both ends of every edge of document `$doc`, as columns la, ia, lb, ib."""
    schema = schema or load_schema()
    return " UNION ALL ".join(
        f"MATCH (a)-[r:{rel_type(t, schema)} {{doc: $doc}}]->(b) "
        "RETURN labels(a)[0] AS la, a.id AS ia, labels(b)[0] AS lb, b.id AS ib" for t in schema.edges)


def touched_keys(rows: list[dict[str, Any]]) -> set[Key]:
    return {(row[f"l{end}"], row[f"i{end}"]) for row in rows for end in "ab"}


def delete_edges(doc: str, schema: Schema | None = None) -> list[Statement]:
    """Every edge the document stated; one statement per type, each using its `doc` index."""
    schema = schema or load_schema()
    return [Statement(f"MATCH ()-[r:{rel_type(t, schema)} {{doc: $doc}}]->() DELETE r", {"doc": doc})
            for t in schema.edges]


def delete_orphans(keys: set[Key], schema: Schema | None = None) -> list[Statement]:
    """Delete those of the given nodes that have no edge left."""
    schema = schema or load_schema()
    by_label: dict[str, list[str]] = {}
    for lab, node_id in sorted(keys):
        by_label.setdefault(lab, []).append(node_id)
    return [Statement(f"UNWIND $orphans{i} AS key MATCH (n:{label(lab, schema)} {{id: key}}) "
                      "WHERE NOT (n)--() DELETE n", {f"orphans{i}": node_ids})
            for i, (lab, node_ids) in enumerate(by_label.items())]


def delete_owned(doc: str, schema: Schema | None = None) -> list[Statement]:
    """The Document node and the document's Task nodes, whatever else still points at them."""
    schema = schema or load_schema()
    return [Statement(f"MATCH (d:{label(DOCUMENT, schema)} {{id: $doc}}) DETACH DELETE d", {"doc": doc}),
            Statement(f"MATCH (t:{label(TASK, schema)} {{doc: $doc}}) DETACH DELETE t", {"doc": doc})]


def write_statements(graph: DocumentGraph, schema: Schema | None = None) -> list[Statement]:
    """MERGE the document's nodes (edge endpoints included), then its edges, in batches.
    Nodes the document owns get exactly the new properties; shared ones (an Agency) get the
    new properties added to what other documents wrote."""
    schema = schema or load_schema()
    _require_key(graph.doc, "document key", graph.doc)
    out: list[Statement] = []
    for lab, rows in node_rows(graph, schema).items():
        out.append(merge_nodes(lab, rows, len(out), schema))
    for (src, typ, dst), edges in graph.edges_by_pattern().items():
        if not schema.edge(typ).allows(src, dst):
            raise SchemaError(f"edge {typ} does not connect {src} to {dst}", where=graph.doc)
        rows = [{"id": e.id, "src": e.source.id, "dst": e.target.id,
                 "props": _props(_edge_props(e.props, graph.doc, e.id), e.id)} for e in edges]
        out.append(merge_edges((src, typ, dst), rows, len(out), schema))
    return out


def merge_nodes(lab: str, rows: list[dict[str, Any]], n: int, schema: Schema) -> Statement:
    """`UNWIND $rowsN … MERGE` of one label's nodes; owned labels are replaced, shared ones merged."""
    op = "=" if lab in OWNED else "+="
    return Statement(f"UNWIND $rows{n} AS row MERGE (n:{label(lab, schema)} {{id: row.id}}) "
                     f"SET n {op} row.props", {f"rows{n}": rows})


def merge_edges(pattern: tuple[str, str, str], rows: list[dict[str, Any]], n: int, schema: Schema) -> Statement:
    """`UNWIND $rowsN … MERGE` of one (source label, type, target label) pattern's edges."""
    src, typ, dst = pattern
    return Statement(
        f"UNWIND $rows{n} AS row MATCH (a:{label(src, schema)} {{id: row.src}}) "
        f"MATCH (b:{label(dst, schema)} {{id: row.dst}}) "
        f"MERGE (a)-[r:{rel_type(typ, schema)} {{id: row.id}}]->(b) SET r += row.props",
        {f"rows{n}": rows})


def node_keys(graph: DocumentGraph) -> set[Key]:
    """The (label, id) of every node a write of `graph` MERGEs."""
    return {(n.label, n.id) for n in _all_nodes(graph)}


def count_nodes(name: str) -> str:
    return f"MATCH (n:{label(name)}) RETURN count(n) AS n"


def count_edges(name: str) -> str:
    # count(r), not count(*): FalkorDB's count(*) does not count parallel edges
    return f"MATCH ()-[r:{rel_type(name)}]->() RETURN count(r) AS n"


def document_hash_query() -> str:
    return f"MATCH (d:{label(DOCUMENT)} {{id: $doc}}) RETURN d.content_hash AS hash"


def node_rows(graph: DocumentGraph, schema: Schema) -> dict[str, list[dict[str, Any]]]:
    """One row per (label, id); edge endpoints first, so a node listed in `graph.nodes` wins.
    The Document node gets the content hash, and is added when the graph lacks it."""
    merged: dict[Key, dict[str, Any]] = {}
    for node in _all_nodes(graph):
        schema.node(node.label)
        _require_key(node.id, f"{node.label} id", graph.doc)
        merged.setdefault((node.label, node.id), {}).update(node.props)
    merged[(DOCUMENT, graph.doc)]["content_hash"] = graph.content_hash
    rows: dict[str, list[dict[str, Any]]] = {}
    for (lab, node_id), props in merged.items():
        rows.setdefault(lab, []).append({"id": node_id, "props": _props({**props, "id": node_id}, node_id)})
    return rows


def _all_nodes(graph: DocumentGraph) -> list[Node]:
    ends = [end for e in graph.edges for end in (e.source, e.target)]
    return [Node(DOCUMENT, graph.doc), *ends, *graph.nodes]


def _require_key(value: object, what: str, doc: str) -> None:
    # an empty key means nothing, and FalkorDB's indexes cannot find an empty string
    if not isinstance(value, str) or not value:
        raise StoreError(f"{what} must be a non-empty string, not {value!r}", where=doc)


def _edge_props(props: dict[str, Any], doc: str, edge_id: str) -> dict[str, Any]:
    _require_key(edge_id, "edge id", doc)
    if props.get("doc", doc) != doc:
        raise StoreError(f"edge {edge_id} says doc={props['doc']!r} inside document {doc!r}")
    return {**props, "id": edge_id, "doc": doc}


def _props(props: dict[str, Any], owner: str) -> dict[str, Any]:
    """Store-ready properties: None dropped, dates as ISO strings, anything else refused."""
    for key in props:
        if not isinstance(key, str) or not _IDENT.match(key):
            raise StoreError(f"property name {key!r} of {owner} is not a plain identifier")
    return {k: _value(v, owner, k) for k, v in props.items() if v is not None}


def _value(value: Any, owner: str, key: str) -> Any:
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, bool, int, float)) for v in value):
        return list(value)
    raise StoreError(f"property {key!r} of {owner} is a {type(value).__name__}; "
                     "stores take str, int, float, bool or a list of them")
