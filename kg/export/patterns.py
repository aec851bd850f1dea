"""Edges that become several resources: post tenures (W3C ORG memberships with a time
interval, opened by an appointment act and closed by a removal act) and leadership-group
memberships. Which edge is which comes from the `pattern` of ontology/rdf_mapping.yaml."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from kg.export.emit import Block, Emitter
from kg.export.terms import typed_literal
from kg.model import Edge

START, END, MEMBERSHIP = "tenure_start", "tenure_end", "membership"


@dataclass
class Tenures:
    closed_by: dict[str, str] = field(default_factory=dict)  # removal key → appointment key it closes

    @property
    def closed(self) -> set[str]:
        return set(self.closed_by.values())


def pair_tenures(edges: Iterable[Edge], pattern_of: dict[str, str | None], key=Emitter.edge_key) -> Tenures:
    """An appointment opens a tenure at its date; a removal of the same official from the same
    post closes the latest tenure still open on its date. A removal that closes nothing (its
    appointment is in no exported document) stands for a tenure known only by its end."""
    events: dict[tuple[str, str], list[tuple[str, int, Edge]]] = defaultdict(list)
    for edge in edges:
        pattern = pattern_of.get(edge.type)
        if pattern in (START, END):  # on one date an appointment sorts before a removal
            events[(edge.source.id, edge.target.id)].append((str(edge.props.get("date") or ""), pattern == END, edge))
    tenures = Tenures()
    for holder_events in events.values():
        open_: list[Edge] = []
        for _, is_end, edge in sorted(holder_events, key=lambda e: e[:2]):
            if not is_end:
                open_.append(edge)
            elif open_:
                tenures.closed_by[key(edge)] = key(open_.pop())
    return tenures


class Patterns:
    def __init__(self, emitter: Emitter, tenures: Tenures, post_org: dict[str, str]):
        self.em = emitter
        self.tenures = tenures
        self.post_org = post_org  # post id → IRI of the organisation the post is in
        self.memberships = 0

    def blocks(self, edge: Edge, pattern: str) -> Iterator[Block]:
        if pattern == START:
            return self._start(edge)
        if pattern == END:
            return self._end(edge)
        return self._group_membership(edge)

    def _holder(self, edge: Edge) -> list[tuple[str, str]]:
        post = edge.target
        pairs = [("org:member", self.em.node_iri(edge.source)), ("govkg:post", self.em.node_iri(post))]
        if post.id in self.post_org:
            pairs.append(("org:organization", self.post_org[post.id]))
        if post.props.get("title"):
            pairs.append(("org:role", self.em.term_iri(str(post.props["title"]), "org:Role")))
        return pairs

    def _act(self, edge: Edge, graph: str) -> Block:
        """The appointment or removal itself: a PROV activity stated by its document."""
        pairs = [("prov:used", self.em.doc_iri(edge))]
        self.em.apply(self.em.mapping.edge_rules, edge.props, pairs)
        return graph, self.em.minter.make("act", self.em.edge_key(edge)), ("prov:Activity", "govkg:PersonnelAct"), pairs

    def _instant(self, graph: str, iri: str, edge: Edge) -> Block:
        return graph, iri, ("time:Instant",), [("time:inXSDDate", typed_literal(edge.props["date"], "xsd:date"))]

    def _membership(self, key: str) -> tuple[str, str]:
        iri = self.em.minter.make("membership", key)
        return iri, iri[:-1] + "/interval>"

    def _start(self, edge: Edge) -> Iterator[Block]:
        graph, act = self.em.graph_of(edge), self._act(edge, self.em.graph_of(edge))
        membership, interval = self._membership(self.em.edge_key(edge))
        self.memberships += 1
        yield act
        yield graph, membership, ("org:Membership",), self._holder(edge) + [
            ("org:memberDuring", interval), ("prov:wasGeneratedBy", act[1]),
            ("prov:wasDerivedFrom", self.em.doc_iri(edge))]
        start = interval[:-len("interval>")] + "start>"
        yield graph, interval, ("time:Interval",), [("time:hasBeginning", start)] if edge.props.get("date") else []
        if edge.props.get("date"):
            yield self._instant(graph, start, edge)

    def _end(self, edge: Edge) -> Iterator[Block]:
        graph, act = self.em.graph_of(edge), self._act(edge, self.em.graph_of(edge))
        opened = self.tenures.closed_by.get(self.em.edge_key(edge))
        membership, interval = self._membership(opened or self.em.edge_key(edge))
        yield act
        if opened:
            yield graph, membership, (), [("prov:wasInvalidatedBy", act[1])]
        else:
            self.memberships += 1
            yield graph, membership, ("org:Membership",), self._holder(edge) + [
                ("org:memberDuring", interval), ("prov:wasInvalidatedBy", act[1]),
                ("prov:wasDerivedFrom", self.em.doc_iri(edge))]
        end = interval[:-len("interval>")] + "end>"
        has_end = [("time:hasEnd", end)] if edge.props.get("date") else []
        yield graph, interval, () if opened else ("time:Interval",), has_end
        if has_end:
            yield self._instant(graph, end, edge)

    def _group_membership(self, edge: Edge) -> Iterator[Block]:
        pairs = [("org:member", self.em.node_iri(edge.source)), ("org:organization", self.em.node_iri(edge.target)),
                 ("prov:wasDerivedFrom", self.em.doc_iri(edge))]
        self.em.apply(self.em.mapping.edge_rules, edge.props, pairs)
        self.memberships += 1
        yield self.em.graph_of(edge), self.em.minter.make("membership", self.em.edge_key(edge)), ("org:Membership",), pairs
