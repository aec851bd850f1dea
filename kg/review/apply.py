"""Reviewers' decisions applied to what a document states: the same function runs when a
document is built (kg.build, so decisions survive re-extraction and `kg load --force`) and
when a decision is made (kg.review.store, on the stored document), so both give one graph.

Order: rejected facts go first (their ids are those the rules gave), then a post's agency is
corrected, an agency's written form split off, nodes merged or renamed; last, every post
follows its agency (a post's id and name are its agency's name and its title). An edge keeps
its id whatever its ends become: the id is the fact as read, the key decisions name it by.
Among decisions on one fact, the latest counts (a confirm after a reject restores it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govkg.ids import make_id
from kg.model import DocumentGraph, Edge, Node
from kg.review.records import Decision, active

REVIEWED = "review"  # prefix of the resolution steps a decision adds (review:merge)


@dataclass
class Review:
    """The decisions in force, indexed for applying them to one document at a time."""

    decisions: list[Decision] = field(default_factory=list)

    def __post_init__(self) -> None:
        counted = active(self.decisions)
        verdicts: dict[str, str] = {}
        for d in counted:
            if d.kind in ("confirm", "reject"):
                verdicts[d.target["edge"]] = d.kind
        self.rejected = {edge for edge, verdict in verdicts.items() if verdict == "reject"}
        self.confirmed = {edge for edge, verdict in verdicts.items() if verdict == "confirm"}
        self.remaps = _remaps([d for d in counted if d.kind in ("merge", "rename")])
        self.splits = {(d.target["agency"]["id"], d.target["written"]): d for d in counted if d.kind == "split_agency"}
        self.post_agency = {d.target["post"]["id"]: d.target["agency"] for d in counted if d.kind == "post_agency"}
        self.person_splits = [d for d in counted if d.kind == "split_person"]

    def __bool__(self) -> bool:
        return bool(self.rejected or self.remaps or self.splits or self.post_agency)

    def apply(self, graph: DocumentGraph) -> DocumentGraph:
        """The document as the decisions have it: the nodes are its Document, the ends of its
        remaining edges and whatever it named without a fact."""
        if not self:
            return graph
        latest = {n.id: n for n in graph.nodes}  # fuller than an edge's ends (written forms added later)
        ends_before = {n.id for e in graph.edges for n in (e.source, e.target)}
        edges = [self._edge(e, latest) for e in graph.edges if e.id not in self.rejected]
        edges = _posts_follow_agencies([e for e in edges if e.source.id != e.target.id])
        nodes: dict[str, Node] = {}
        for node in [n for n in graph.nodes if n.id == graph.doc or n.id not in ends_before]:
            nodes[node.id] = self._node(node)
        for end in (n for e in edges for n in (e.source, e.target)):
            nodes[end.id] = _merged(nodes.get(end.id) or latest.get(end.id), end)
        self._forget_split_forms(nodes, edges)
        return DocumentGraph(graph.doc, graph.content_hash, list(nodes.values()), edges)

    def _forget_split_forms(self, nodes: dict[str, Node], edges: list[Edge]) -> None:
        """An agency no longer lists a written form split off it (unless an edge still has it)."""
        for agency, written in self.splits:
            node = nodes.get(agency)
            if node and written in node.props.get("written", []) and not any(
                    e.props.get("written") == written and agency in (e.source.id, e.target.id) for e in edges):
                kept = [w for w in node.props["written"] if w != written]
                nodes[agency] = Node(node.label, node.id, {**node.props, "written": kept})

    def _edge(self, edge: Edge, latest: dict[str, Node]) -> Edge:
        source = self._node(latest.get(edge.source.id, edge.source), edge)
        target = self._node(latest.get(edge.target.id, edge.target), edge)
        if edge.type == "POST_OF" and edge.source.id in self.post_agency:
            agency = self.post_agency[edge.source.id]
            target = Node("Agency", agency["id"], {"id": agency["id"], "name": agency["name"]})
        if source.id == edge.source.id and target.id == edge.target.id:
            return Edge(edge.type, source, target, edge.id, edge.props)
        steps = [s for s in (_step(edge.source, source), _step(edge.target, target)) if s]
        props = {**edge.props, "resolution": list(dict.fromkeys([*edge.props.get("resolution", []), *steps]))}
        return Edge(edge.type, source, target, edge.id, props)

    def _node(self, node: Node, edge: Edge | None = None) -> Node:
        """The node a decision makes of `node` (itself when none applies): an agency split off
        by the form `edge` wrote, else the node it was merged into or renamed to."""
        written = (edge.props.get("written") if edge is not None else None)
        split = self.splits.get((node.id, written)) if written else None
        if split is not None:
            t = split.target
            return Node(node.label, t["new_id"], {**node.props, "id": t["new_id"], "name": t["name"], "written": [written],
                                                  "known": False, "resolution": _with(node, "split_agency")})
        if node.id in self.remaps:
            new_id, name, kind = self.remaps[node.id]
            # a rename is the same agency under another name; a merge adds only names to the node
            # kept, whose own properties (known, kind, jurisdiction) its other documents give
            kept = node.props if kind == "rename" else {k: v for k, v in node.props.items() if k == "written"}
            return Node(node.label, new_id, {**kept, "id": new_id, "name": name, "resolution": _with(node, kind)})
        return node


def _remaps(decisions: list[Decision]) -> dict[str, tuple[str, str, str]]:
    """old id → (new id, new name, kind), chains followed (A into B, B into C: A into C)."""
    direct: dict[str, tuple[str, str, str]] = {}
    for d in decisions:
        t = d.target
        if d.kind == "merge" and t["drop"]["id"] != t["keep"]["id"]:
            direct[t["drop"]["id"]] = (t["keep"]["id"], t["keep"].get("name", ""), "merge")
        elif d.kind == "rename" and t["new_id"] != t["agency"]["id"]:
            direct[t["agency"]["id"]] = (t["new_id"], t["name"], "rename")
    out = {}
    for old, end in direct.items():
        seen = {old}
        while end[0] in direct and end[0] not in seen:  # a cycle stops where it closes
            seen.add(end[0])
            end = (*direct[end[0]][:2], end[2])
        out[old] = end
    return out


def _with(node: Node, kind: str) -> list[str]:
    return list(dict.fromkeys([*node.props.get("resolution", []), f"{REVIEWED}:{kind}"]))


def _step(before: Node, after: Node) -> str | None:
    return None if before.id == after.id else f"{REVIEWED}:{before.props.get('name', before.id)}→{after.props.get('name')}"


def _merged(old: Node | None, new: Node) -> Node:
    if old is None:
        return new
    written = sorted(set(old.props.get("written", [])) | set(new.props.get("written", [])))
    props: dict[str, Any] = {**old.props, **new.props}
    if written:
        props["written"] = written
    return Node(new.label, new.id, props)


def _posts_follow_agencies(edges: list[Edge]) -> list[Edge]:
    """A post whose POST_OF edge now points at another agency takes that agency's name: its
    id, name and `agency` are rebuilt as kg.build makes them, on every edge it is an end of."""
    moved: dict[str, Node] = {}
    for e in edges:
        agency = e.target.props.get("name")
        if e.type == "POST_OF" and agency and e.source.props.get("agency") not in (None, agency):
            title = e.source.props.get("title", "")
            new_id = make_id("post", agency, title)
            moved[e.source.id] = Node("Post", new_id, {**e.source.props, "id": new_id, "name": agency + title,
                                                       "agency": agency})
    if not moved:
        return edges
    return [Edge(e.type, moved.get(e.source.id, e.source), moved.get(e.target.id, e.target), e.id, e.props)
            for e in edges]
