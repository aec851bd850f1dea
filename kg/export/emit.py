"""Nodes and property edges of the graph → blocks of RDF, by the rules of the mapping.

A block is `(graph, subject, pos)`: the named graph (`""` for the default graph), the subject
term and its predicate–object pairs, each already the UTF-8 bytes of the output's syntax
(`<full IRI> "…"@zh` for the line formats; `skos:prefLabel "…"@zh` for Turtle and TriG, whose
objects are N-Triples terms, which Turtle reads too; for JSON-LD, the key and the member
`"skos:prefLabel":{"@value":…}`, the key apart so that the writer can merge repeated ones
without parsing). Writers then only join bytes. Rule results are remembered per property value in the
output's syntax, so a value repeated across the graph is turned into text once, and encoded
once: joining text that mixes Chinese and ASCII widens every IRI to two bytes a character, and
encoding it narrows them back, a quarter of an N-Quads export's time.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from kg.export.mapping import Mapping, Rule
from kg.export.privacy import Redactor
from kg.export.rules import FACTORIES
from kg.export.terms import Minter, jsonld_member, jsonld_pair
from kg.export.vocab import nt
from kg.ids import make_id
from kg.model import Edge, Node

Pair = bytes | tuple[bytes, bytes]  # `predicate object`, or JSON-LD's (key, member)
Block = tuple[str, str, list[Pair]]
Rules = list[tuple[str, list[Callable[[Any, dict], list[Pair]]], dict | None]]
DEFAULT = ""  # the default graph
MEMO = 50_000  # cached pairs per property: most values repeat (dates, pages, sentences, kinds)


def _encoded(finish: Callable[[str], bytes], rule: Callable[[Any, dict], list[str]]) -> Callable[[Any, dict], list[bytes]]:
    return lambda value, props: list(map(finish, rule(value, props)))


class Emitter:
    """Turns nodes, edges and values into blocks; remembers the term concepts it used."""

    def __init__(self, mapping: Mapping, minter: Minter, redact: Redactor,
                 names: dict[str, dict[str, str]], pairs: str):
        self.mapping = mapping
        self.minter = minter
        self.redact = redact
        self.names = names  # label → name → node IRI, for `link` rules
        self.curies = pairs != "ntriples"  # predicates and classes as CURIEs, or full IRIs
        self.json = pairs == "jsonld"  # pairs as JSON-LD members, made from the CURIE pairs
        self._finish = jsonld_member if self.json else str.encode  # a pair as written
        self.terms: dict[str, str] = {}  # term IRI → term as written
        self.term_classes: dict[str, set[str]] = {}
        self._nodes = {label: self._compile(n.rules) for label, n in mapping.nodes.items()}
        self._types = {label: self.types(*n.classes) for label, n in mapping.nodes.items()}
        self._edges = self._compile(mapping.edge_rules)
        self._edges_of = {t: [r for r in self._edges if r[0] in mapping.schema.edge_properties(t)]
                          for t in mapping.edges}  # only what an edge of the type can carry
        # per edge type and source label: its predicates, and the start of its statement
        self._edge_pos = {t: {src: ([self.p(c) for c in ps],
                                    [*self.types("rdf:Statement"), self.pair(self.p("rdf:predicate"), nt(ps[0]))])
                              for src, ps in e.by_source.items()} for t, e in mapping.edges.items()}
        self._subject, self._object = self.p("rdf:subject"), self.p("rdf:object")
        self._docs: dict[str, tuple[str, str, Pair]] = {}
        self._term_iris: dict[str, str] = {}
        self.zh_literals: dict[str, str] = {}  # text → its literal, for rules.py

    # -- syntax ------------------------------------------------------------------------------

    def p(self, curie: str) -> str:
        """A predicate or class in the output's syntax."""
        return curie if self.curies else nt(curie)

    def pair(self, predicate: str, term: str) -> Pair:
        """A predicate (in the output's syntax) and an N-Triples term as one pair."""
        return jsonld_pair(predicate, term) if self.json else f"{predicate} {term}".encode()

    def types(self, *classes: str) -> list[Pair]:
        return [self._finish(f"a {c}" if self.curies else f"{nt('rdf:type')} {nt(c)}") for c in classes]

    def block(self, graph: str, subject: str, classes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> Block:
        """A block from CURIE pairs, for the few resources that are not hot paths."""
        return graph, subject, [*self.types(*classes), *(self.pair(self.p(p), o) for p, o in pairs)]

    def _compile(self, rules: dict[str, tuple[Rule, ...]]) -> Rules:
        """Per property, its rules' functions and a memo of the pairs each value gave, unless
        a rule reads other properties (alt_label) or names are nearly all distinct (label)."""
        return [(name, [_encoded(self._finish, FACTORIES[r.kind](self, r)) for r in todo],
                 None if any(r.kind in ("alt_label", "label") for r in todo) else {})
                for name, todo in rules.items() if todo]

    # -- blocks ------------------------------------------------------------------------------

    def node_block(self, node: Node, graph: str = DEFAULT) -> Block:
        pos = list(self._types[node.label])
        self.apply(self._nodes[node.label], node.props, pos)
        return graph, self.node_iri(node), pos

    def edge_blocks(self, edge: Edge) -> tuple[Block, Block]:
        """The edge's triples in its document's graph, and the statement that carries its
        evidence (standard RDF reification, so every triple says where it was read)."""
        graph, _, derived = self.doc_terms(edge)
        s, o = self.node_iri(edge.source), self.node_iri(edge.target)
        predicates, head = self._edge_pos[edge.type][edge.source.label]
        pos = [*head, self.pair(self._subject, s), self.pair(self._object, o), derived]
        self.apply(self._edges_of[edge.type], edge.props, pos)
        return ((graph, s, [self.pair(p, o) for p in predicates]),
                (graph, self.minter.make("statement", self.edge_key(edge)), pos))

    def edge_props(self, edge: Edge, pos: list[Pair]) -> None:
        self.apply(self._edges_of[edge.type], edge.props, pos)

    @staticmethod
    def apply(rules: Rules, props: dict[str, Any], pos: list[Pair]) -> None:
        get = props.get
        for name, functions, memo in rules:
            value = get(name)
            if value is None:
                continue
            if type(value) is list:
                if not value:
                    continue
                key = tuple(value)
            elif value == "":
                continue
            else:
                key = value
            if memo is None:
                for function in functions:
                    pos += function(value, props)
                continue
            got = memo.get(key)
            if got is None:
                got = [po for function in functions for po in function(value, props)]
                if len(memo) >= MEMO:
                    memo.clear()
                memo[key] = got
            pos += got

    # -- IRIs --------------------------------------------------------------------------------

    def node_iri(self, node: Node) -> str:
        return self.minter.nodes.get(node.id) or self.minter.node(self.mapping.nodes[node.label].path, node.id)

    def doc_terms(self, edge: Edge) -> tuple[str, str, Pair]:
        """The named graph, the document IRI and `prov:wasDerivedFrom <document>` of an edge."""
        key = str(edge.props.get("doc", ""))
        terms = self._docs.get(key)
        if terms is None:
            doc = self.minter.node(self.mapping.document.path, key)
            terms = (self.minter.graph(key), doc, self.pair(self.p("prov:wasDerivedFrom"), doc))
            self._docs[key] = terms
        return terms

    @staticmethod
    def edge_key(edge: Edge) -> str:
        return edge.id or make_id("edge", edge.type, edge.source.id, edge.target.id, edge.props.get("doc"))

    def term_iri(self, term: str, term_class: str | None = None) -> str:
        iri = self._term_iris.get(term)
        if iri is None:
            iri = self._term_iris[term] = self.minter.make("term", term)
            self.terms[iri] = term
            self.term_classes[iri] = set()
        if term_class:
            self.term_classes[iri].add(term_class)
        return iri

