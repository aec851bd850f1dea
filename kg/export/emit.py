"""Nodes and property edges of the graph → blocks of RDF, by the rules of the mapping.

A block is `(graph, subject, pos)`: the named graph (`""` for the default graph), the subject
term and its predicate–object pairs, each already the UTF-8 bytes of the output's syntax
(`<full IRI> "…"@zh` for the line formats; `skos:prefLabel "…"@zh` for Turtle and TriG, whose
objects are N-Triples terms, which Turtle reads too; for JSON-LD, a member
`"skos:prefLabel":{"@value":…}`). Writers then only join bytes. A JSON object may not repeat
a key, so a JSON-LD block that can (a list of values, two rules with one predicate, several
classes) has its repeated keys merged into arrays here; `folded` counts the triples that no
longer have a member of their own. Rule results are remembered per property value in the
output's syntax, so a value repeated across the graph is turned into text once, and encoded
once: joining text that mixes Chinese and ASCII widens every IRI to two bytes a character, and
encoding it narrows them back, a quarter of an N-Quads export's time.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable

from kg.export.mapping import Mapping, Rule
from kg.export.privacy import Redactor
from kg.export.rules import FACTORIES
from kg.export.terms import Minter, jsonld_merged, jsonld_pair, jsonld_types, jsonld_value
from kg.export.vocab import nt
from govkg.ids import make_id
from kg.model import Edge, Node

Pair = bytes  # `predicate object`, or a JSON-LD member `"predicate":object`
Block = tuple[str, str, list[Pair]]
# per property: its rules' functions, the memo of their pairs by value, and whether a list
# value gives several pairs of one predicate
Rules = list[tuple[str, list[Callable[[Any, dict], list[Pair]]], dict | None, bool]]
STATEMENT = ("rdf:predicate", "rdf:subject", "rdf:object", "prov:wasDerivedFrom")  # and the edge's properties
DEFAULT = ""  # the default graph
MEMO = 50_000  # cached pairs per property: most values repeat (dates, pages, sentences, kinds)


def _encoded(rule: Callable[[Any, dict], list[str]]) -> Callable[[Any, dict], list[bytes]]:
    return lambda value, props: list(map(str.encode, rule(value, props)))


class Emitter:
    """Turns nodes, edges and values into blocks; remembers the term concepts it used."""

    def __init__(self, mapping: Mapping, minter: Minter, redact: Redactor,
                 names: dict[str, dict[str, str]], pairs: str):
        self.mapping = mapping
        self.minter = minter
        self.redact = redact
        self.names = names  # label → name → node IRI, for `link` rules
        self.curies = pairs != "ntriples"  # predicates and classes as CURIEs, or full IRIs
        self.json = pairs == "jsonld"  # pairs as JSON-LD members (`"skos:prefLabel":{…}`)
        self.folded = 0  # triples merged into another's JSON-LD member
        # a predicate (in the output's syntax) and an N-Triples term as one pair
        self.pair: Callable[[str, str], Pair] = jsonld_pair if self.json else self._pair
        self.value: Callable[[str], str] = jsonld_value if self.json else str  # an N-Triples term as written
        self.terms: dict[str, str] = {}  # term IRI → term as written
        self.term_classes: dict[str, set[str]] = {}
        self._nodes = {label: self._compile(n.rules) for label, n in mapping.nodes.items()}
        self._types = {label: self.types(*n.classes) for label, n in mapping.nodes.items()}
        self._type_folds = {label: self._folds(n.classes) for label, n in mapping.nodes.items()}
        self._variants = {label: n for label, n in mapping.nodes.items() if n.variants}
        self._edges = self._compile(mapping.edge_rules)
        self._edges_of = {t: [r for r in self._edges if r[0] in mapping.schema.edge_properties(t)]
                          for t in mapping.edges}  # only what an edge of the type can carry
        # the predicates an edge type's properties state, and the blocks whose pairs can share
        # a predicate whatever the values (JSON-LD merges those)
        self._edge_predicates = {t: [p for name, *_ in rules for r in mapping.edge_rules[name] for p in r.predicates]
                                 for t, rules in self._edges_of.items()}
        self._repeating = {label for label, n in mapping.nodes.items() if _repeats(*n.rules.values())}
        self._repeating_edges = {t for t, ps in self._edge_predicates.items() if _repeats(ps, STATEMENT)}
        # per edge type and source label: its predicates, and the start of its statement
        self._edge_pos = {t: {src: ([self.p(c) for c in ps],
                                    [*self.types("rdf:Statement"), self.pair(self.p("rdf:predicate"), nt(ps[0]))])
                              for src, ps in e.by_source.items()} for t, e in mapping.edges.items()}
        self._subject, self._object = self.p("rdf:subject"), self.p("rdf:object")
        self._docs: dict[str, tuple[str, str, Pair]] = {}
        self._term_iris: dict[str, str] = {}
        self.zh_literals: dict[str, str] = {}  # text → its literal, for rules.py
        # (edge key, fact) of direct statements an earlier edge of the graph already made
        # (kg.export.plan), which are not written again: no triple twice in any format
        self.repeats: set[tuple[str, tuple]] = set()
        self.restated: set[str] = set()  # keys of plain edges whose triples an earlier edge wrote

    # -- syntax ------------------------------------------------------------------------------

    def p(self, curie: str) -> str:
        """A predicate or class in the output's syntax."""
        return curie if self.curies else nt(curie)

    @staticmethod
    def _pair(predicate: str, term: str) -> Pair:
        return f"{predicate} {term}".encode()

    def head(self, curie: str) -> str:
        """What a pair of this predicate starts with; its object as written follows."""
        return f'"{curie}":' if self.json else f"{self.p(curie)} "

    def types(self, *classes: str) -> list[Pair]:
        """`rdf:type` pairs; in JSON-LD one `@type` member for all the classes."""
        if self.json:
            return [jsonld_types(classes)] if classes else []
        return [(f"a {c}" if self.curies else f"{nt('rdf:type')} {nt(c)}").encode() for c in classes]

    def _folds(self, classes: tuple[str, ...]) -> int:
        return max(len(classes) - 1, 0) if self.json else 0

    def block(self, graph: str, subject: str, classes: tuple[str, ...], pairs: Iterable[tuple[str, str]],
              edge: Edge | None = None) -> Block:
        """A block from CURIE pairs and the properties of the edge it stands for, if any, for
        the few resources that are not hot paths."""
        pairs = list(pairs)
        pos = [*self.types(*classes), *(self.pair(self.p(p), o) for p, o in pairs)]
        several = edge is not None and self.apply(self._edges_of[edge.type], edge.props, pos)
        self.folded += self._folds(classes)
        if self.json and (several or self._repeats({p for p, _ in pairs}, len(pairs), edge)):
            pos = self._merged(pos)
        return graph, subject, pos

    def _repeats(self, predicates: set[str], pairs: int, edge: Edge | None) -> bool:
        """Whether pairs with these predicates, and the properties of the edge, can repeat one."""
        if len(predicates) < pairs:
            return True
        return edge is not None and (edge.type in self._repeating_edges
                                     or not predicates.isdisjoint(self._edge_predicates[edge.type]))

    def _merged(self, pos: list[Pair]) -> list[Pair]:
        merged = jsonld_merged(pos)
        self.folded += len(pos) - len(merged)
        return merged

    def _compile(self, rules: dict[str, tuple[Rule, ...]]) -> Rules:
        """Per property, its rules' functions and a memo of the pairs each value gave, unless
        a rule reads other properties (alt_label) or names are nearly all distinct (label)."""
        return [(name, [_encoded(FACTORIES[r.kind](self, r)) for r in todo],
                 None if any(r.kind in ("alt_label", "label") for r in todo) else {},
                 any(r.per_value for r in todo))
                for name, todo in rules.items() if todo]

    # -- blocks ------------------------------------------------------------------------------

    def node_block(self, node: Node, graph: str = DEFAULT) -> Block:
        label = node.label
        if label in self._variants:  # rare: an Agency of kind collective
            classes = self._variants[label].classes_of(node.props)
            pos, folds = self.types(*classes), self._folds(classes)
        else:
            pos, folds = list(self._types[label]), self._type_folds[label]
        several = self.apply(self._nodes[label], node.props, pos)
        self.folded += folds
        if self.json and (several or label in self._repeating):
            pos = self._merged(pos)
        return graph, self.node_iri(node), pos

    def edge_blocks(self, edge: Edge) -> tuple[Block, Block]:
        """The edge's triples in its document's graph, and the statement that carries its
        evidence (standard RDF reification, so every triple says where it was read)."""
        graph, _, derived = self.doc_terms(edge)
        s, o = self.node_iri(edge.source), self.node_iri(edge.target)
        predicates, head = self._edge_pos[edge.type][edge.source.label]
        pos = [*head, self.pair(self._subject, s), self.pair(self._object, o), derived]
        several = self.apply(self._edges_of[edge.type], edge.props, pos)
        if self.json and (several or edge.type in self._repeating_edges):
            pos = self._merged(pos)
        key = self.edge_key(edge)
        direct = [] if key in self.restated else [self.pair(p, o) for p in predicates]
        return (graph, s, direct), (graph, self.minter.make("statement", key), pos)

    @staticmethod
    def fact(edge: Edge) -> tuple[str, str, str, str]:
        """What an edge's direct triples say: the same for every edge of one type between two nodes."""
        return ("edge", edge.type, edge.source.id, edge.target.id)

    @staticmethod
    def apply(rules: Rules, props: dict[str, Any], pos: list[Pair]) -> bool:
        """Append the pairs of the properties to `pos`; True when a list of values gave
        several pairs of one predicate."""
        get = props.get
        several = False
        for name, functions, memo, per_value in rules:
            value = get(name)
            if value is None:
                continue
            if type(value) is list:
                if not value:
                    continue
                several = several or (per_value and len(value) > 1)
                key = tuple(value)
            elif value == "":
                continue
            else:
                key = value
            if memo is None:
                got = [po for function in functions for po in function(value, props)]
                pos += dict.fromkeys(got) if type(value) is list else got
                continue
            got = memo.get(key)
            if got is None:  # two values of a list can give one pair (two numbers, both withheld)
                got = list(dict.fromkeys(po for function in functions for po in function(value, props)))
                if len(memo) >= MEMO:
                    memo.clear()
                memo[key] = got
            pos += got
        return several

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



def _repeats(*groups: Iterable[Rule] | Iterable[str]) -> bool:
    """Whether a predicate comes twice among these rules' predicates (or predicates)."""
    counts = Counter(p for group in groups for item in group
                     for p in (item.predicates if isinstance(item, Rule) else (item,)))
    return any(n > 1 for n in counts.values())
