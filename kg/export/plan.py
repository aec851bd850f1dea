"""One format's export as a sequence of segments whose blocks, written one after the other,
make the file: the head (concept schemes, the software agent), slices of the entities, slices
of the documents (each document's PROV description and its facts), and the tail (the term
concepts used and the DCAT dataset).

The segments between head and tail depend only on the graph, so they can be rendered in
any process and joined in order; the tail needs the terms every slice used, which the slices
report back (`Rendered`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from kg.dump import GraphData
from kg.export.describe import concept_schemes, dataset, named_graph, software, term_concepts
from kg.export.emit import Block, Emitter
from kg.export.patterns import Patterns, pair_tenures
from kg.export.privacy import Redactor
from kg.export.run import Run

POST_ORGANISATION = "org:postIn"  # the edge property that names the organisation of a post
Segment = tuple[str, int, int]  # ("head" | "entities" | "documents" | "tail", start, stop)
HEAD: Segment = ("head", 0, 0)  # always the first, right after the syntax's header


@dataclass
class Rendered:
    """What one segment wrote and used: triples, term concepts, memberships, redactions."""

    triples: int = 0
    terms: dict[str, str] = field(default_factory=dict)
    term_classes: dict[str, set[str]] = field(default_factory=dict)
    memberships: int = 0
    redacted: int = 0


class Plan:
    """One format's export of one graph: its emitter, the graph grouped by document, and the
    segments it is written in."""

    def __init__(self, data: GraphData, run: Run, pairs: str, graphs: bool = False):
        self.run = run
        self.redact = Redactor(run.include_contacts)
        self.em = em = Emitter(run.mapping, run.minter, self.redact, run.names, pairs)
        self.pattern_of = {t: e.pattern for t, e in run.mapping.edges.items()}
        self.patterns = Patterns(em, pair_tenures(data.edges, self.pattern_of), self._post_organisations(data))
        self.by_doc: dict[str, list] = defaultdict(list)
        for edge in data.edges:
            self.by_doc[str(edge.props.get("doc", ""))].append(edge)
        document = run.mapping.document.label
        self.documents = {n.id: n for n in data.nodes.values() if n.label == document}
        self.entities = [n for n in data.nodes.values() if n.label != document]
        self.keys = list(dict.fromkeys([*self.documents, *self.by_doc]))  # one named graph each
        self.agent, self._agent_block = software(em)
        self.labels = Counter(node.label for node in data.nodes.values())
        em.repeats = self._repeats(graphs)
        em.restated = {key for key, fact in em.repeats if fact[0] == "edge"}

    def _repeats(self, graphs: bool) -> set[tuple[str, tuple]]:
        """(edge key, fact) of the direct statements that an edge before it, in the order of
        the file, already made in the same named graph (`graphs`) or in the file: several
        documents (or one, twice) can state one fact, and a triple is written once. Decided
        here, before any slice is rendered, so parts written apart agree."""
        seen, repeats = set(), set()
        for key in self.keys:
            scope = key if graphs else ""
            for edge in self.by_doc.get(key, ()):
                pattern = self.pattern_of[edge.type]
                for fact in self.patterns.facts(edge, pattern) if pattern else [self.em.fact(edge)]:
                    if (scope, fact) in seen:
                        repeats.add((self.em.edge_key(edge), fact))
                    else:
                        seen.add((scope, fact))
        return repeats

    def _post_organisations(self, data: GraphData) -> dict[str, str]:
        """Post id → IRI of the organisation its edge places it in, for the memberships."""
        placing = {(t, source) for t, e in self.run.mapping.edges.items()
                   for source, properties in e.by_source.items() if POST_ORGANISATION in properties}
        types = {t for t, _ in placing}
        return {e.source.id: self.em.node_iri(e.target) for e in data.edges
                if e.type in types and (e.type, e.source.label) in placing}

    def segments(self, slices: int) -> list[Segment]:
        """Head, `slices` slices of the entities and of the documents, tail."""
        def cut(kind: str, size: int) -> list[Segment]:
            step = -(-size // slices) or 1
            return [(kind, start, min(start + step, size)) for start in range(0, size, step)]
        return [HEAD, *cut("entities", len(self.entities)), *cut("documents", len(self.keys)),
                ("tail", 0, 0)]

    def blocks(self, segment: Segment) -> Iterator[Block]:
        kind, start, stop = segment
        if kind == "head":
            yield from concept_schemes(self.em)
            yield self._agent_block
        elif kind == "entities":
            yield from map(self.em.node_block, self.entities[start:stop])
        elif kind == "documents":
            for key in self.keys[start:stop]:
                yield from self._document(key)
        else:
            yield from term_concepts(self.em)
            yield from dataset(self.em, self.run.info, {f: p.name for f, p in self.run.files.items()},
                               self.keys, self.run.issued or self.run.now.date(), self.run.now)

    def _document(self, key: str) -> Iterator[Block]:
        em, doc = self.em, self.documents.get(key)
        props = doc.props if doc else {}
        yield from named_graph(em, key, props.get("number"), props.get("source"), self.agent, self.run.now)
        if doc:  # a document's description is one of its facts
            yield em.node_block(doc, graph=em.minter.graph(key))
        pattern_of = self.pattern_of
        for edge in self.by_doc.get(key, ()):
            pattern = pattern_of[edge.type]
            if pattern:
                yield from self.patterns.blocks(edge, pattern)
            else:
                yield from em.edge_blocks(edge)

    def render(self, segment: Segment, write) -> Rendered:
        """Write the segment's blocks with `write(blocks) → triples`; report what it used."""
        memberships, redacted, folded = self.patterns.memberships, self.redact.count, self.em.folded
        triples = write(self.blocks(segment)) + self.em.folded - folded
        return Rendered(triples, dict(self.em.terms), dict(self.em.term_classes),
                        self.patterns.memberships - memberships, self.redact.count - redacted)

    def adopt(self, rendered: Rendered) -> None:
        """Take in the terms a segment rendered elsewhere used, in the order it first used
        them, so the tail lists them as a one-process export would."""
        self.em.terms.update(rendered.terms)
        for iri, classes in rendered.term_classes.items():
            self.em.term_classes.setdefault(iri, set()).update(classes)
