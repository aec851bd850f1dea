"""A subgraph drawn as one self-contained HTML file: SVG laid out by networkx, a few lines of
script for hover and zoom, no server and no resource fetched from anywhere."""

from __future__ import annotations

import html
import json

import networkx as nx

from kg.dump import GraphData
from kg.export.privacy import withheld
from kg.network import caption
from govkg.errors import QueryError
from kg.names import Names

COLOURS = {"Agency": "#4e79a7", "Official": "#f28e2b", "Post": "#edc948", "Task": "#59a14f",
           "Document": "#9c755f", "River": "#76b7b2", "District": "#b07aa1", "Program": "#e15759"}
SIZE = 900


def find_nodes(data: GraphData, label: str, name: str) -> list[str]:
    """The ids of the nodes of `label` that `name` names: by name, written form or 文号, or as a
    short form (水利局); none is a QueryError with the nearest names (kg.names)."""
    names = Names.of(label, ({"id": n.id, **n.props} for n in data.nodes.values() if n.label == label))
    return list(dict.fromkeys(node for _, node in names.matches(name)))


def find_node(data: GraphData, label: str, name: str) -> str:
    """The id of the one node of `label` that `name` names."""
    found = find_nodes(data, label, name)
    if len(found) > 1:
        shown = ", ".join(str(data.nodes[i].props.get("name") or i) for i in found[:5])
        raise QueryError(f"{name!r} names {len(found)} nodes of {label}: {shown}", hint="write the name out in full")
    return found[0]


def neighbourhood(data: GraphData, centre: str | list[str], depth: int = 1) -> GraphData:
    """The nodes within `depth` links of `centre` (or of any of several centres; either
    direction) and the edges among them."""
    adjacent: dict[str, set[str]] = {}
    for e in data.edges:
        adjacent.setdefault(e.source.id, set()).add(e.target.id)
        adjacent.setdefault(e.target.id, set()).add(e.source.id)
    keep = {centre} if isinstance(centre, str) else set(centre)
    frontier = set(keep)
    for _ in range(depth):
        frontier = {n for f in frontier for n in adjacent.get(f, ())} - keep
        keep |= frontier
    edges = [e for e in data.edges if e.source.id in keep and e.target.id in keep]
    return GraphData({i: data.nodes[i] for i in keep if i in data.nodes}, edges)


def graph_of(data: GraphData) -> nx.MultiGraph:
    """The subgraph with what drawing needs: each node's label and caption, each edge's tip."""
    graph = nx.MultiGraph()
    for node in data.nodes.values():
        graph.add_node(node.id, label=node.label, caption=caption(node.props))
    for e in data.edges:
        graph.add_edge(e.source.id, e.target.id, tip=f"{e.type} · {e.props.get('doc', '')}\n{e.props.get('evidence', '')}")
    return graph


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    pos = nx.spring_layout(graph, seed=7, k=1.6 / max(len(graph), 1) ** 0.5)
    margin = 60
    return {n: (margin + (x + 1) / 2 * (SIZE - 2 * margin), margin + (y + 1) / 2 * (SIZE - 2 * margin))
            for n, (x, y) in pos.items()}


def _svg(graph: nx.Graph) -> str:
    pos, parts = _layout(graph), []
    for u, v, attrs in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        tip = html.escape(str(attrs.get("tip") or f"{attrs.get('weight', 1)} shared tasks"))
        parts.append(f'<line class="edge" data-s="{html.escape(str(u))}" data-t="{html.escape(str(v))}" '
                     f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"><title>{tip}</title></line>')
    for n, attrs in graph.nodes(data=True):
        (x, y), label = pos[n], attrs.get("label", "Agency")
        caption = html.escape(str(attrs.get("caption") or attrs.get("name") or n))
        parts.append(f'<g class="node" data-id="{html.escape(str(n))}" data-label="{label}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{COLOURS.get(label, "#bab0ac")}">'
                     f'<title>{label}: {caption}</title></circle>'
                     f'<text x="{x + 12:.1f}" y="{y + 4:.1f}">{caption[:24]}</text></g>')
    return "\n".join(parts)


SCRIPT = """
const svg = document.querySelector('svg');
let box = [0, 0, %(size)d, %(size)d];
svg.addEventListener('wheel', (ev) => {
  ev.preventDefault();
  const f = ev.deltaY > 0 ? 1.1 : 0.9;
  box = [box[0] + box[2] * (1 - f) / 2, box[1] + box[3] * (1 - f) / 2, box[2] * f, box[3] * f];
  svg.setAttribute('viewBox', box.join(' '));
});
document.querySelectorAll('.node').forEach((g) => {
  g.addEventListener('mouseenter', () => document.querySelectorAll('.edge').forEach((e) => {
    if (e.dataset.s === g.dataset.id || e.dataset.t === g.dataset.id) e.classList.add('on');
  }));
  g.addEventListener('mouseleave', () => document.querySelectorAll('.edge.on').forEach((e) => e.classList.remove('on')));
});
"""


def render_html(data: GraphData, title: str, include_contacts: bool = False) -> str:
    """The page of a subgraph; contact details withheld unless asked (kg.export.privacy)."""
    return render_graph(graph_of(withheld(data, include_contacts)[0]), title)


def render_graph(graph: nx.Graph, title: str) -> str:
    """Any networkx graph whose nodes carry `label` and `caption` (or `name`) attributes."""
    legend = " ".join(f'<span style="color:{c}">●</span> {label}' for label, c in COLOURS.items())
    stats = json.dumps({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()})
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 1em; }}
svg {{ border: 1px solid #ddd; width: 100%; max-width: {SIZE}px; height: auto; }}
.edge {{ stroke: #999; stroke-width: 1.2; }} .edge.on {{ stroke: #d62728; stroke-width: 3; }}
text {{ font-size: 11px; pointer-events: none; }}
</style></head>
<body><h1>{html.escape(title)}</h1><p>{legend}</p>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" data-stats='{stats}'>
{_svg(graph)}
</svg>
<script>{SCRIPT % {"size": SIZE}}</script>
</body></html>
"""
