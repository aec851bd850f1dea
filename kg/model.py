"""What a store receives: the nodes and edges one document states, with deterministic ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Node:
    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Edge:
    type: str
    source: Node
    target: Node
    id: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class DocumentGraph:
    """Everything one document says. A store writes it whole or not at all, replacing what
    the same document (same `doc` key) said before."""

    doc: str  # the document key: 文号 or stable id; every edge's `doc` property equals it
    content_hash: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def nodes_by_label(self) -> dict[str, list[Node]]:
        out: dict[str, list[Node]] = {}
        for node in self.nodes:
            out.setdefault(node.label, []).append(node)
        return out

    def edges_by_pattern(self) -> dict[tuple[str, str, str], list[Edge]]:
        """Edges grouped by (source label, type, target label), one write statement each."""
        out: dict[tuple[str, str, str], list[Edge]] = {}
        for edge in self.edges:
            out.setdefault((edge.source.label, edge.type, edge.target.label), []).append(edge)
        return out
