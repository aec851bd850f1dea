"""The graph schema, read from ontology/schema.yaml and validated on load.

Code never spells a label or relationship type as a loose string: it asks the schema
(`SCHEMA.node("Agency")`, `SCHEMA.edge("LEADS")`), which fails naming the culprit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from govkg.errors import SchemaError

PROPERTY_TYPES = {"string", "integer", "float", "boolean", "date", "list[string]", "list[integer]"}


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    required: bool = False
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    properties: dict[str, Property]
    indexes: tuple[str, ...] = ()
    rdf: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeType:
    type: str
    description: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, Property] = field(default_factory=dict)

    def allows(self, source: str, target: str) -> bool:
        return (source, target) in self.pairs


@dataclass(frozen=True)
class Schema:
    version: int
    provenance: dict[str, Property]
    nodes: dict[str, NodeType]
    edges: dict[str, EdgeType]

    def node(self, label: str) -> NodeType:
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(f"unknown node label {label!r}", hint=f"known: {', '.join(self.nodes)}") from None

    def edge(self, type_: str) -> EdgeType:
        try:
            return self.edges[type_]
        except KeyError:
            raise SchemaError(f"unknown edge type {type_!r}", hint=f"known: {', '.join(self.edges)}") from None

    def edge_properties(self, type_: str) -> dict[str, Property]:
        return {**self.provenance, **self.edge(type_).properties}


def _properties(raw: object, where: str) -> dict[str, Property]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SchemaError("properties must be a mapping", where=where)
    props = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or "type" not in spec:
            raise SchemaError(f"property {name!r} needs a type", where=where)
        if spec["type"] not in PROPERTY_TYPES:
            raise SchemaError(f"property {name!r} has unknown type {spec['type']!r}", where=where,
                              hint=f"use one of {', '.join(sorted(PROPERTY_TYPES))}")
        props[name] = Property(name, spec["type"], bool(spec.get("required", False)),
                               tuple(spec.get("enum", ())), spec.get("description", ""))
    return props


def _node(label: str, spec: dict, where: str) -> NodeType:
    props = _properties(spec.get("properties"), f"{where}: nodes.{label}")
    if "id" not in props:
        raise SchemaError(f"node {label} is missing the required property 'id'", where=where)
    for index in spec.get("indexes", ()):
        if index not in props:
            raise SchemaError(f"node {label} indexes unknown property {index!r}", where=where)
    return NodeType(label, spec.get("description", ""), props, tuple(spec.get("indexes", ())),
                    tuple(spec.get("rdf", ())))


def _edge(type_: str, spec: dict, labels: set[str], where: str) -> EdgeType:
    if "pairs" in spec:
        pairs = tuple((a, b) for a, b in spec["pairs"])
    elif "from" in spec and "to" in spec:
        pairs = tuple((a, b) for a in spec["from"] for b in spec["to"])
    else:
        raise SchemaError(f"edge {type_} needs from/to or pairs", where=where)
    for a, b in pairs:
        for label in (a, b):
            if label not in labels:
                raise SchemaError(f"edge {type_} names unknown node label {label!r}", where=where)
    props = _properties(spec.get("properties"), f"{where}: edges.{type_}")
    return EdgeType(type_, spec.get("description", ""), pairs, props)


def parse_schema(raw: object, where: str = "schema.yaml") -> Schema:
    """Validate a parsed schema document; every problem names the place it is in."""
    if not isinstance(raw, dict):
        raise SchemaError("the schema must be a mapping", where=where)
    for section in ("nodes", "edges", "provenance"):
        if not isinstance(raw.get(section), dict) or not raw[section]:
            raise SchemaError(f"missing or empty section {section!r}", where=where)
    nodes = {label: _node(label, spec or {}, where) for label, spec in raw["nodes"].items()}
    edges = {t: _edge(t, spec or {}, set(nodes), where) for t, spec in raw["edges"].items()}
    provenance = _properties(raw["provenance"], f"{where}: provenance")
    return Schema(int(raw.get("version", 1)), provenance, nodes, edges)


def schema_text() -> str:
    return resources.files("ontology").joinpath("schema.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    try:
        raw = yaml.load(schema_text(), Loader=yaml.CSafeLoader)  # libyaml: ~10× the pure-Python parser
    except yaml.YAMLError as exc:
        raise SchemaError(f"not valid YAML: {exc}", where="ontology/schema.yaml") from None
    return parse_schema(raw, "ontology/schema.yaml")
