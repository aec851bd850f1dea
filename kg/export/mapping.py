"""The RDF mapping: ontology/schema.yaml plus ontology/rdf_mapping.yaml, checked together.

Every node property, edge type, edge property and enum value of the schema must be mapped;
anything missing or unknown fails at load, naming the culprit, before a triple is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from govkg.errors import SchemaError
from kg.export.vocab import GOVKG, XSD_OF_TYPE, expand
from kg.schema import Property, Schema, load_schema

WHERE = "ontology/rdf_mapping.yaml"
PATTERNS = ("tenure_start", "tenure_end", "membership")


@dataclass(frozen=True)
class Rule:
    kind: str  # label | alt_label | literal | concept | term | term_suffix | link | basename | positional
    properties: tuple[str, ...] = ()
    lang: str | None = None
    datatype: str | None = None
    scheme: str | None = None
    term_class: str | None = None
    link: str | None = None
    fallback: "Rule | None" = None

    @property
    def predicates(self) -> frozenset[str]:
        """The predicates the rule's pairs can have (a label's pinyin is an alternative label)."""
        if self.kind == "label":
            return frozenset(("skos:prefLabel", "rdfs:label", "skos:altLabel"))
        if self.kind == "alt_label":
            return frozenset(("skos:altLabel",))
        return frozenset(self.properties) | (self.fallback.predicates if self.fallback else frozenset())

    @property
    def per_value(self) -> bool:
        """One pair per value of a list, all with one predicate."""
        return self.kind in ("literal", "alt_label")


@dataclass(frozen=True)
class NodeMap:
    label: str
    path: str
    classes: tuple[str, ...]
    target: str  # the class SHACL shapes target: specific to this node type
    rules: dict[str, tuple[Rule, ...]]
    # (property, value, classes): a node whose property has that value takes those classes
    # instead (an Agency of kind collective is no public organisation)
    variants: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    def classes_of(self, props: dict) -> tuple[str, ...]:
        for name, value, classes in self.variants:
            if props.get(name) == value:
                return classes
        return self.classes

    @property
    def targets(self) -> tuple[str, ...]:
        """The classes a node of this type is known by: its target, and each variant's first."""
        return (self.target, *(classes[0] for _, _, classes in self.variants))


@dataclass(frozen=True)
class EdgeMap:
    type: str
    pattern: str | None
    by_source: dict[str, tuple[str, ...]] = field(default_factory=dict)  # source label → properties


@dataclass(frozen=True)
class Concept:
    scheme: str
    value: str
    iri: str
    zh: str
    en: str


@dataclass(frozen=True)
class Mapping:
    schema: Schema
    nodes: dict[str, NodeMap]
    edges: dict[str, EdgeMap]
    edge_rules: dict[str, tuple[Rule, ...]]
    concepts: dict[str, dict[str, Concept]]
    terms: dict[str, str]
    document: NodeMap  # the node type of source documents


def _literal(spec: str, prop: Property) -> Rule:
    curie, _, lang = spec.partition("@")
    expand(curie)
    return Rule("literal", (curie,), lang=lang or None, datatype=None if lang else XSD_OF_TYPE[prop.type])


def _rule(spec: object, prop: Property, concepts: dict, where: str) -> Rule:
    if spec in ("label", "alt_label"):
        return Rule(spec)
    if isinstance(spec, str):
        return _literal(spec, prop)
    if not isinstance(spec, dict):
        raise SchemaError(f"{where}: cannot read rule {spec!r}", where=WHERE)
    if "positional" in spec:
        for curie in spec["positional"]:
            expand(curie)
        return Rule("positional", tuple(spec["positional"]), datatype=XSD_OF_TYPE[prop.type])
    curie = spec.get("property")
    if not curie:
        raise SchemaError(f"{where}: rule {spec!r} names no property", where=WHERE)
    expand(curie)
    if "concept" in spec:
        scheme = concepts.get(spec["concept"])
        missing = [v for v in prop.enum if v not in (scheme or {})]
        if scheme is None or missing:
            raise SchemaError(f"{where}: concept scheme {spec['concept']!r} lacks {missing or 'all'}", where=WHERE)
        return Rule("concept", (curie,), scheme=spec["concept"])
    if "term" in spec:
        expand(spec["term"])
        return Rule("term", (curie,), term_class=spec["term"])
    if spec.get("term_suffix"):
        return Rule("term_suffix", (curie,))
    if "link" in spec:
        return Rule("link", (curie,), link=spec["link"], fallback=_literal(spec["else"], prop))
    if spec.get("value") == "basename":
        return Rule("basename", (curie,))
    raise SchemaError(f"{where}: unknown rule {spec!r}", where=WHERE)


def _rules(raw: dict, props: dict[str, Property], concepts: dict, where: str) -> dict[str, tuple[Rule, ...]]:
    raw = raw or {}
    for name in props:
        if name not in raw:
            raise SchemaError(f"{where}: property {name!r} is not mapped (map it or write 'skip')", where=WHERE)
    for name in raw:
        if name not in props:
            raise SchemaError(f"{where}: maps {name!r}, which the schema does not have", where=WHERE)
    out = {}
    for name, spec in raw.items():
        specs = [] if spec == "skip" else spec if isinstance(spec, list) else [spec]
        out[name] = tuple(_rule(s, props[name], concepts, f"{where}.{name}") for s in specs)
    return out


def _node(label: str, raw: dict, schema: Schema, concepts: dict) -> NodeMap:
    node = schema.node(label)
    if not node.rdf:
        raise SchemaError(f"node {label} has no rdf classes", where="ontology/schema.yaml")
    for curie in node.rdf:
        expand(curie)
    target = raw.get("shape_target", node.rdf[0])
    classes = node.rdf if target in node.rdf else (*node.rdf, target)
    rules = _rules(raw.get("properties"), node.properties, concepts, f"nodes.{label}")
    return NodeMap(label, raw.get("path", label.lower()), classes, target, rules,
                   _variants(raw.get("classes_when"), node.properties, f"nodes.{label}"))


def _variants(raw: object, props: dict[str, Property], where: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """`classes_when: {kind: {collective: [govkg:Collective]}}`, checked against the schema."""
    out = []
    for name, values in (raw or {}).items():
        if name not in props:
            raise SchemaError(f"{where}.classes_when: the schema has no property {name!r}", where=WHERE)
        for value, classes in (values or {}).items():
            if props[name].enum and value not in props[name].enum:
                raise SchemaError(f"{where}.classes_when.{name}: {value!r} is not one of {list(props[name].enum)}",
                                  where=WHERE)
            if not classes:
                raise SchemaError(f"{where}.classes_when.{name}.{value}: name at least one class", where=WHERE)
            for curie in classes:
                expand(curie)
            out.append((name, value, tuple(classes)))
    return tuple(out)


def _edge(type_: str, raw: object, schema: Schema) -> EdgeMap:
    sources = {a for a, _ in schema.edge(type_).pairs}
    if isinstance(raw, dict) and "pattern" in raw:
        if raw["pattern"] not in PATTERNS:
            raise SchemaError(f"edges.{type_}: unknown pattern {raw['pattern']!r}", where=WHERE,
                              hint=f"known: {', '.join(PATTERNS)}")
        return EdgeMap(type_, raw["pattern"])
    by_source = raw if isinstance(raw, dict) else {label: raw for label in sources}
    if set(by_source) != sources:
        raise SchemaError(f"edges.{type_}: map each source label {sorted(sources)}", where=WHERE)
    props = {s: tuple(p if isinstance(p, list) else [p]) for s, p in by_source.items()}
    for source, curies in props.items():
        if len(set(curies)) < len(curies):  # the same triple twice, and a JSON-LD key twice
            raise SchemaError(f"edges.{type_}.{source}: a property is listed twice", where=WHERE)
        for curie in curies:
            expand(curie)
    return EdgeMap(type_, None, props)


def scheme_iri(scheme: str) -> str:
    return f"{GOVKG}scheme-{scheme}"


def _concepts(raw: dict) -> dict[str, dict[str, Concept]]:
    out: dict[str, dict[str, Concept]] = {}
    for scheme, values in (raw or {}).items():
        out[scheme] = {}
        for value, spec in values.items():
            local = spec.get("id", value)
            if not local.isascii():
                raise SchemaError(f"concepts.{scheme}.{value}: give an ASCII id", where=WHERE)
            out[scheme][value] = Concept(scheme, value, f"{GOVKG}{scheme}-{local}", spec.get("zh", value), spec["en"])
    return out


def _edge_properties(schema: Schema) -> dict[str, Property]:
    """Provenance and every edge's own properties; a name shared by edges unites their enums."""
    props = dict(schema.provenance)
    for edge in schema.edges.values():
        for name, prop in edge.properties.items():
            old = props.get(name)
            enum = tuple(dict.fromkeys((old.enum if old else ()) + prop.enum))
            props[name] = Property(name, prop.type, prop.required, enum, prop.description)
    return props


def parse_mapping(raw: dict, schema: Schema) -> Mapping:
    if not isinstance(raw, dict):
        raise SchemaError("the mapping must be a mapping", where=WHERE)
    concepts = _concepts(raw.get("concepts"))
    missing = [label for label in schema.nodes if label not in (raw.get("nodes") or {})]
    missing += [t for t in schema.edges if t not in (raw.get("edges") or {})]
    if missing:
        raise SchemaError(f"not mapped: {', '.join(missing)}", where=WHERE)
    nodes = {label: _node(label, raw["nodes"][label] or {}, schema, concepts) for label in schema.nodes}
    edges = {t: _edge(t, raw["edges"][t], schema) for t in schema.edges}
    edge_rules = _rules(raw.get("edge_properties"), _edge_properties(schema), concepts, "edge_properties")
    if raw.get("document") not in nodes:
        raise SchemaError(f"document: {raw.get('document')!r} is not a node label", where=WHERE)
    return Mapping(schema, nodes, edges, edge_rules, concepts, dict(raw.get("terms") or {}), nodes[raw["document"]])


def mapping_text() -> str:
    return resources.files("ontology").joinpath("rdf_mapping.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_mapping() -> Mapping:
    return parse_mapping(yaml.load(mapping_text(), Loader=yaml.CSafeLoader), load_schema())
