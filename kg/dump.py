"""The whole graph (or chosen documents' part of it) read back from a store, for exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import DocumentGraph, Edge, Node
from kg.schema import load_schema
from kg.stores.base import Store

PAGE = 20_000  # rows per read, so a large graph is not one huge reply


@dataclass
class GraphData:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @classmethod
    def from_documents(cls, graphs: list[DocumentGraph]) -> "GraphData":
        data = cls()
        for graph in graphs:
            for node in graph.nodes:
                data.nodes[node.id] = node
            data.edges.extend(graph.edges)
        return data

    def only_documents(self, docs: set[str]) -> "GraphData":
        """The edges stated by the given documents and the nodes they touch."""
        edges = [e for e in self.edges if e.props.get("doc") in docs]
        ids = {n for e in edges for n in (e.source.id, e.target.id)} | docs
        return GraphData({i: n for i, n in self.nodes.items() if i in ids}, edges)


def _paged(store: Store, cypher: str):
    skip = 0
    while True:
        rows = store.query(f"{cypher} SKIP $skip LIMIT $limit", {"skip": skip, "limit": PAGE})
        yield from rows
        if len(rows) < PAGE:
            return
        skip += PAGE


def read_graph(store: Store) -> GraphData:
    """Every node and edge of the store, labels and types checked against the schema."""
    schema, data = load_schema(), GraphData()
    for label in schema.nodes:
        for row in _paged(store, f"MATCH (n:{label}) RETURN properties(n) AS p ORDER BY n.id"):
            data.nodes[row["p"]["id"]] = Node(label, row["p"]["id"], row["p"])
    for type_ in schema.edges:
        cypher = f"MATCH (a)-[r:{type_}]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p ORDER BY r.id"
        for row in _paged(store, cypher):
            source, target = data.nodes.get(row["a"]), data.nodes.get(row["b"])
            if source and target:
                data.edges.append(Edge(type_, source, target, row["p"].get("id", ""), row["p"]))
    return data
