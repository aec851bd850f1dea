"""Edges that become several resources: post tenures (W3C ORG memberships with a time
interval, opened by an appointment act and closed by a removal act) and leadership-group
memberships. Which edge is which comes from the `pattern` of ontology/rdf_mapping.yaml.

Beside each membership stand ORG's direct statements: `org:memberOf` from the member to the
organisation, and for a tenure `org:holds` / `org:heldBy` between the official and the post.
Several edges can state one of them (two appointments to one post, two posts in one agency):
`facts` names them, and the plan writes each once per graph (kg.export.plan)."""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Iterator

from kg.export.emit import Block, Emitter
from kg.export.terms import typed_literal
from kg.model import Edge

START, END, MEMBERSHIP = "tenure_start", "tenure_end", "membership"


def pair_tenures(edges: Iterable[Edge], pattern_of: dict[str, str | None],
                 key: Callable[[Edge], str] = Emitter.edge_key) -> dict[str, str]:
    """removal key → key of the appointment it closes.

    An appointment opens a tenure at its date; a removal of the same official from the same
    post closes the latest tenure still open on its date. A removal that closes nothing (its
    appointment is in no exported document) stands for a tenure known only by its end."""
    events: dict[tuple[str, str], list[tuple[str, int, Edge]]] = defaultdict(list)
    closes = {t: pattern == END for t, pattern in pattern_of.items() if pattern in (START, END)}
    for edge in edges:
        if edge.type in closes:  # on one date an appointment sorts before a removal
            events[(edge.source.id, edge.target.id)].append((str(edge.props.get("date") or ""), closes[edge.type], edge))
    closed_by: dict[str, str] = {}
    for holder_events in events.values():
        open_: list[Edge] = []
        for _, is_end, edge in sorted(holder_events, key=lambda e: e[:2]):
            if not is_end:
                open_.append(edge)
            elif open_:
                closed_by[key(edge)] = key(open_.pop())
    return closed_by


class Patterns:
    def __init__(self, emitter: Emitter, closed_by: dict[str, str], post_org: dict[str, str]):
        self.em = emitter
        self.closed_by = closed_by  # removal key → key of the appointment it closes
        self.post_org = post_org  # post id → IRI of the organisation the post is in
        self.memberships = 0

    def facts(self, edge: Edge, pattern: str) -> list[tuple[str, str, str]]:
        """The direct statements (predicate, subject, object) the edge's blocks carry."""
        member = self.em.node_iri(edge.source)
        if pattern == MEMBERSHIP:
            return [("org:memberOf", member, self.em.node_iri(edge.target))]
        post = self.em.node_iri(edge.target)
        facts = [("org:holds", member, post)]
        if edge.target.id in self.post_org:
            facts.append(("org:memberOf", member, self.post_org[edge.target.id]))
        return facts

    def _direct(self, edge: Edge, pattern: str, graph: str) -> Iterator[Block]:
        """org:holds, org:heldBy and org:memberOf, those no edge before this one stated."""
        for fact in self.facts(edge, pattern):
            if (self.em.edge_key(edge), fact) in self.em.repeats:
                continue
            predicate, s, o = fact
            yield self.em.block(graph, s, (), [(predicate, o)])
            if predicate == "org:holds":
                yield self.em.block(graph, o, (), [("org:heldBy", s)])

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

    def _act(self, edge: Edge, graph: str, doc: str) -> Block:
        """The appointment or removal itself: a PROV activity stated by its document."""
        return self.em.block(graph, self.em.minter.make("act", self.em.edge_key(edge)),
                             ("prov:Activity", "govkg:PersonnelAct"), [("prov:used", doc)], edge)

    def _instant(self, graph: str, iri: str, edge: Edge) -> Block:
        return self.em.block(graph, iri, ("time:Instant",),
                             [("time:inXSDDate", typed_literal(edge.props["date"], "xsd:date"))])

    def _membership(self, key: str) -> tuple[str, str]:
        iri = self.em.minter.make("membership", key)
        return iri, iri[:-1] + "/interval>"

    def _start(self, edge: Edge) -> Iterator[Block]:
        graph, doc, _ = self.em.doc_terms(edge)
        act = self._act(edge, graph, doc)
        membership, interval = self._membership(self.em.edge_key(edge))
        start = interval[:-len("interval>")] + "start>"
        self.memberships += 1
        yield act
        yield self.em.block(graph, membership, ("org:Membership",), self._holder(edge) + [
            ("org:memberDuring", interval), ("prov:wasGeneratedBy", act[1]), ("prov:wasDerivedFrom", doc)])
        dated = bool(edge.props.get("date"))
        yield self.em.block(graph, interval, ("time:Interval",), [("time:hasBeginning", start)] if dated else [])
        if dated:
            yield self._instant(graph, start, edge)
        yield from self._direct(edge, START, graph)

    def _end(self, edge: Edge) -> Iterator[Block]:
        graph, doc, _ = self.em.doc_terms(edge)
        act = self._act(edge, graph, doc)
        opened = self.closed_by.get(self.em.edge_key(edge))
        membership, interval = self._membership(opened or self.em.edge_key(edge))
        end = interval[:-len("interval>")] + "end>"
        yield act
        if opened:
            yield self.em.block(graph, membership, (), [("prov:wasInvalidatedBy", act[1])])
        else:  # a tenure known only by its end
            self.memberships += 1
            yield self.em.block(graph, membership, ("org:Membership",), self._holder(edge) + [
                ("org:memberDuring", interval), ("prov:wasInvalidatedBy", act[1]), ("prov:wasDerivedFrom", doc)])
        dated = bool(edge.props.get("date"))
        has_end = [("time:hasEnd", end)] if dated else []
        yield self.em.block(graph, interval, () if opened else ("time:Interval",), has_end)
        if dated:
            yield self._instant(graph, end, edge)
        yield from self._direct(edge, END, graph)

    def _group_membership(self, edge: Edge) -> Iterator[Block]:
        graph, doc, _ = self.em.doc_terms(edge)
        self.memberships += 1
        yield self.em.block(graph, self.em.minter.make("membership", self.em.edge_key(edge)), ("org:Membership",), [
            ("org:member", self.em.node_iri(edge.source)), ("org:organization", self.em.node_iri(edge.target)),
            ("prov:wasDerivedFrom", doc)], edge)
        yield from self._direct(edge, MEMBERSHIP, graph)
