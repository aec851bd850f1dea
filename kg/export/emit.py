"""Nodes and property edges of the graph → blocks of RDF, by the rules of the mapping.

A block is `(graph, subject, types, pairs)`: the named graph (`""` for the default graph), the
subject term, its classes as CURIEs and its `(predicate CURIE, object term)` pairs. Writers
turn blocks into any syntax; nothing here knows about syntax beyond N-Triples terms.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from kg.export.mapping import Mapping, Rule
from kg.export.pinyin import pinyin
from kg.export.privacy import Redactor
from kg.export.terms import Minter, lang_literal, typed_literal, zh_tag
from kg.export.vocab import nt
from kg.ids import make_id
from kg.model import Edge, Node

Block = tuple[str, str, tuple[str, ...], list[tuple[str, str]]]
_HAN = re.compile(r"[\u4e00-\u9fff]")
DEFAULT = ""  # the default graph


class Emitter:
    """Turns values into (predicate, object) pairs; remembers the term concepts it used."""

    def __init__(self, mapping: Mapping, minter: Minter, redact: Redactor, names: dict[str, dict[str, str]]):
        self.mapping = mapping
        self.minter = minter
        self.redact = redact
        self.names = names  # label → name → node IRI, for `link` rules
        self.terms: dict[str, str] = {}  # term IRI → term as written
        self.term_classes: dict[str, set[str]] = {}
        self._suffix_sizes = sorted({len(t) for t in mapping.terms}, reverse=True)
        self._doc_path = mapping.document.path
        self._rule = {"label": self._label, "alt_label": self._alt_label, "literal": self._literal,
                      "concept": self._concept, "term": self._term, "term_suffix": self._term_suffix,
                      "link": self._link, "basename": self._basename, "positional": self._positional}

    # -- blocks ------------------------------------------------------------------------------

    def node_block(self, node: Node) -> Block:
        spec = self.mapping.nodes[node.label]
        pairs: list[tuple[str, str]] = []
        self.apply(spec.rules, node.props, pairs)
        return DEFAULT, self.minter.node(spec.path, node.id), spec.classes, pairs

    def edge_blocks(self, edge: Edge) -> Iterator[Block]:
        """The edge's triples in its document's graph, and the statement that carries its
        evidence (standard RDF reification, so every triple says where it was read)."""
        graph = self.graph_of(edge)
        s, o = self.node_iri(edge.source), self.node_iri(edge.target)
        properties = self.mapping.edges[edge.type].by_source[edge.source.label]
        yield graph, s, (), [(p, o) for p in properties]
        pairs = [("rdf:subject", s), ("rdf:predicate", nt(properties[0])), ("rdf:object", o),
                 ("prov:wasDerivedFrom", self.doc_iri(edge))]
        self.apply(self.mapping.edge_rules, edge.props, pairs)
        yield graph, self.minter.make("statement", self.edge_key(edge)), ("rdf:Statement",), pairs

    def apply(self, rules: dict[str, tuple[Rule, ...]], props: dict[str, Any], pairs: list) -> None:
        for name, todo in rules.items():
            value = props.get(name)
            if value is None or value == "" or value == []:
                continue
            for rule in todo:
                self._rule[rule.kind](rule, value, pairs, props)

    # -- IRIs --------------------------------------------------------------------------------

    def node_iri(self, node: Node) -> str:
        return self.minter.node(self.mapping.nodes[node.label].path, node.id)

    def doc_iri(self, edge: Edge) -> str:
        return self.minter.node(self._doc_path, str(edge.props.get("doc", "")))

    def graph_of(self, edge: Edge) -> str:
        return self.minter.make("graph", str(edge.props.get("doc", "")))

    @staticmethod
    def edge_key(edge: Edge) -> str:
        return edge.id or make_id("edge", edge.type, edge.source.id, edge.target.id, edge.props.get("doc"))

    def term_iri(self, term: str, term_class: str | None = None) -> str:
        iri = self.minter.make("term", term)
        if iri not in self.terms:
            self.terms[iri] = term
            self.term_classes[iri] = set()
        if term_class:
            self.term_classes[iri].add(term_class)
        return iri

    # -- rules -------------------------------------------------------------------------------

    def _zh(self, text: str) -> str:
        text = self.redact(text)
        return lang_literal(text, zh_tag(text))

    def _label(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        text = str(value)
        label = self._zh(text)
        pairs += [("skos:prefLabel", label), ("rdfs:label", label)]
        if _HAN.search(text):
            pairs.append(("skos:altLabel", lang_literal(pinyin(text), "zh-Latn-pinyin")))

    def _alt_label(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        name = props.get("name")
        for text in value if isinstance(value, list) else [value]:
            if text and text != name:  # SKOS: a preferred label is never also an alternative one
                pairs.append(("skos:altLabel", self._zh(str(text))))

    def _literal(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        p = rule.properties[0]
        for v in value if isinstance(value, list) else [value]:
            if rule.lang:
                pairs.append((p, self._zh(str(v)) if rule.lang == "zh" else lang_literal(self.redact(str(v)), rule.lang)))
            else:
                pairs.append((p, typed_literal(self.redact(v) if isinstance(v, str) else v, rule.datatype)))

    def _concept(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        concept = self.mapping.concepts[rule.scheme].get(str(value))
        pairs.append((rule.properties[0], f"<{concept.iri}>" if concept else typed_literal(str(value), None)))

    def _term(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        pairs.append((rule.properties[0], self.term_iri(str(value), rule.term_class)))

    def _term_suffix(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        text, terms = str(value), self.mapping.terms
        for size in self._suffix_sizes:
            if len(text) > size and text[-size:] in terms:  # the suffix, never the whole name
                pairs.append((rule.properties[0], self.term_iri(text[-size:])))
                return

    def _link(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        iri = self.names.get(rule.link, {}).get(str(value))
        if iri:
            pairs.append((rule.properties[0], iri))
        else:
            self._literal(rule.fallback, value, pairs, props)

    def _basename(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        pairs.append((rule.properties[0], typed_literal(re.split(r"[\\/]", str(value))[-1], None)))

    def _positional(self, rule: Rule, value: Any, pairs: list, props: dict) -> None:
        for p, v in zip(rule.properties, value):
            pairs.append((p, typed_literal(v, rule.datatype)))
