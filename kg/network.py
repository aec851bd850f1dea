"""The graph as networkx objects for notebooks, and as GraphML / GEXF files.

- `to_networkx`: a MultiDiGraph with every node's label and properties and every edge's type
  and properties (evidence included).
- `as_of`: the view of the graph on a date: tenures open on that day, nothing that came later.
- `cooperation_graph`: agencies linked by the tasks they share, weighted by their number.
Files written (GraphML, GEXF, CSV) withhold contact details unless asked (kg.export.privacy);
the networkx objects a notebook works on keep them. In the files a node's `label` is its name
(what Gephi shows) and its type is `node_type`; an edge's relation is `relation` (and its
`label`): GEXF reserves an edge's `type` for directed / undirected / mutual.
"""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from kg.dump import GraphData
from kg.export.privacy import Redactor, withheld

TASK_ROLES = ("LEADS", "COOPERATES_ON", "RESPONSIBLE_FOR")


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in data.nodes.values():
        graph.add_node(node.id, label=node.label, **node.props)
    for edge in data.edges:
        graph.add_edge(edge.source.id, edge.target.id, key=edge.id, type=edge.type, **edge.props)
    return graph


def _closed_tenures(graph: nx.MultiDiGraph, day: str) -> set[tuple[str, str, str]]:
    """(official, post, appointment date) of tenures a removal on or before `day` has closed."""
    removals = defaultdict(list)
    for u, v, attrs in graph.edges(data=True):
        if attrs["type"] == "REMOVED_FROM" and (attrs.get("date") or "") <= day:
            removals[(u, v)].append(attrs.get("date") or "")
    closed = set()
    for u, v, attrs in graph.edges(data=True):
        start = attrs.get("date") or ""
        if attrs["type"] == "APPOINTED_TO" and any(d >= start for d in removals.get((u, v), ())):
            closed.add((u, v, start))
    return closed


def as_of(graph: nx.MultiDiGraph, day: str) -> nx.MultiDiGraph:
    """What the documents had said by `day` (ISO), with only the tenures still open then."""
    closed = _closed_tenures(graph, day)

    def keep(u: str, v: str, key: str) -> bool:
        attrs = graph.edges[u, v, key]
        date = attrs.get("date") or ""
        if date > day or attrs["type"] == "REMOVED_FROM":
            return False
        return not (attrs["type"] == "APPOINTED_TO" and (u, v, date) in closed)

    return nx.subgraph_view(graph, filter_edge=keep)


def cooperation_graph(data: GraphData, include_collective: bool = False) -> nx.Graph:
    """Agencies joined by an edge weighted by the number of tasks they share."""
    agencies_of: dict[str, set[str]] = defaultdict(set)
    for edge in data.edges:
        if edge.type in TASK_ROLES:
            if include_collective or edge.source.props.get("kind") != "collective":
                agencies_of[edge.target.id].add(edge.source.id)
    graph = nx.Graph()
    for task, agencies in agencies_of.items():
        for agency in agencies:
            node = data.nodes[agency]
            graph.add_node(agency, name=node.props.get("name"), kind=node.props.get("kind"))
        for a, b in combinations(sorted(agencies), 2):
            weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    return graph


def _flat(value: Any) -> Any:
    """GraphML and GEXF hold scalars only: lists travel as JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def caption(props: dict) -> str:
    """What a node is called where one name is shown: its name, else its heading, title, item."""
    return str(props.get("name") or props.get("heading") or props.get("title") or props.get("item")
               or props.get("number") or props["id"])


def _node_attrs(attrs: dict) -> dict:
    """`label` is the name a reader sees; the node's type moves to `node_type`."""
    props = {k: v for k, v in attrs.items() if k != "label"}
    return {"label": caption({"id": "", **props}), "node_type": attrs.get("label"), **props}


def _edge_attrs(attrs: dict) -> dict:
    props = {k: v for k, v in attrs.items() if k != "type"}
    return {"relation": attrs.get("type"), "label": attrs.get("type"), **props}


def flattened(graph: nx.MultiDiGraph, redact: Redactor | None = None) -> nx.MultiDiGraph:
    """The graph as GraphML and GEXF hold it: scalars only, names as labels, the node type and
    the relation as attributes, and (with `redact`) contact details withheld from every string."""
    redact = redact or Redactor(include=True)
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, {k: _flat(v) for k, v in redact.props(_node_attrs(a)).items() if v is not None})
                        for n, a in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, {x: _flat(y) for x, y in redact.props(_edge_attrs(a)).items() if y is not None})
                        for u, v, k, a in graph.edges(keys=True, data=True))
    return flat


def write_csv(data: GraphData, folder: str | Path, include_contacts: bool = False) -> dict[str, int]:
    """nodes.csv (id, label, properties as JSON) and edges.csv (id, type, source, target, …);
    contact details withheld unless `include_contacts` (kg.export.privacy)."""
    import csv

    data, withheld_count = withheld(data, include_contacts)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "label", "name", "properties"])
        for n in data.nodes.values():
            w.writerow([n.id, n.label, n.props.get("name", ""), json.dumps(n.props, ensure_ascii=False)])
    with open(out / "edges.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "type", "source", "target", "doc", "evidence", "properties"])
        for e in data.edges:
            w.writerow([e.id, e.type, e.source.id, e.target.id, e.props.get("doc", ""),
                        e.props.get("evidence", ""), json.dumps(e.props, ensure_ascii=False)])
    return {"nodes": len(data.nodes), "edges": len(data.edges), "redacted": withheld_count}


def write_graph(graph: nx.MultiDiGraph, path: str | Path, fmt: str, include_contacts: bool = False) -> int:
    """GraphML or GEXF, contact details withheld unless `include_contacts`; how many were."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    redact = Redactor(include_contacts)
    writers[fmt](flattened(graph, redact), str(path))
    return redact.count
