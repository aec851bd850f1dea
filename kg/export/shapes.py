"""SHACL shapes generated from ontology/schema.yaml and ontology/rdf_mapping.yaml.

`python -m kg.export.shapes` writes ontology/shapes.ttl; tests/kg/test_shapes.py fails when the
committed file is stale. Node shapes follow the node types (required schema properties become
sh:minCount 1, enums sh:in, types sh:datatype, edges sh:class); the shapes of the patterns
(memberships, intervals, acts, statements) and of the DCAT/PROV description follow the code
that writes them, with their enums and required properties read from the schema too.
"""

from __future__ import annotations

import argparse

from pathlib import Path

from kg.export.mapping import Mapping, Rule, load_mapping
from kg.export.patterns import END, MEMBERSHIP, START
from kg.export.shape_model import NodeShape, PropertyShape, render
from kg.schema import Property

OUT = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
LANG = "rdf:langString"


def _rule_shapes(rule: Rule, prop: Property, mapping: Mapping) -> list[PropertyShape]:
    low, many = int(prop.required), prop.type.startswith("list")
    one = None if many else 1
    p = rule.properties[0] if rule.properties else None
    if rule.kind == "label":
        return [PropertyShape("skos:prefLabel", low, None, LANG, language=("zh",), unique_lang=True, name=prop.name),
                PropertyShape("rdfs:label", low, None, LANG, name=prop.name)]
    if rule.kind == "alt_label":
        return [PropertyShape("skos:altLabel", 0, None, LANG, name=prop.name)]
    if rule.kind == "literal":
        return [PropertyShape(p, low, one, LANG if rule.lang else rule.datatype or "xsd:string", name=prop.name)]
    if rule.kind == "concept":
        values = tuple(c.iri for c in mapping.concepts[rule.scheme].values())
        return [PropertyShape(p, low, one, in_=values, name=prop.name)]
    if rule.kind in ("term", "term_suffix"):
        classes = (rule.term_class,) if rule.term_class else ("skos:Concept",)
        return [PropertyShape(p, low if rule.kind == "term" else 0, one, classes=classes, name=prop.name)]
    if rule.kind == "link":
        return [PropertyShape(p, 0, one, classes=(mapping.nodes[rule.link].target,), name=prop.name),
                *_rule_shapes(rule.fallback, Property(prop.name, prop.type), mapping)]
    if rule.kind == "positional":
        return [PropertyShape(q, low, 1, rule.datatype, name=prop.name) for q in rule.properties]
    return [PropertyShape(p, low, one, "xsd:string", name=prop.name)]  # basename


def _properties(rules: dict[str, tuple[Rule, ...]], props: dict[str, Property],
                mapping: Mapping) -> list[PropertyShape]:
    return [shape for name, todo in rules.items() for rule in todo
            for shape in _rule_shapes(rule, props[name], mapping)]


def _edge_props(mapping: Mapping, types: list[str]) -> dict[str, Property]:
    """Provenance and edge properties of `types`; required only where every type requires it."""
    schema, props = mapping.schema, {}
    for name in mapping.edge_rules:
        found = [schema.edge_properties(t)[name] for t in types if name in schema.edge_properties(t)]
        if found:
            required = len(found) == len(types) and all(p.required for p in found)
            enum = tuple(dict.fromkeys(v for p in found for v in p.enum))
            props[name] = Property(name, found[0].type, required, enum)
    return props


def _edge_rule_shapes(mapping: Mapping, types: list[str]) -> list[PropertyShape]:
    props = _edge_props(mapping, types)
    return _properties({n: r for n, r in mapping.edge_rules.items() if n in props}, props, mapping)


def _node_shapes(mapping: Mapping) -> list[NodeShape]:
    shapes = {}
    for label, node in mapping.nodes.items():
        schema_node = mapping.schema.node(label)
        shapes[label] = NodeShape(label, node.target, schema_node.description)
        shapes[label].add(*_properties(node.rules, schema_node.properties, mapping))
    for type_, edge in mapping.edges.items():
        for source, properties in edge.by_source.items():
            targets = tuple(dict.fromkeys(t for a, b in mapping.schema.edge(type_).pairs if a == source
                                          for t in mapping.nodes[b].targets))
            shapes[source].add(*(PropertyShape(p, classes=targets, name=type_) for p in properties))
    variants = [_variant(shapes[label], name, value, classes[0]) for label, node in mapping.nodes.items()
                for name, value, classes in node.variants]
    return [*shapes.values(), *variants]


def _variant(shape: NodeShape, name: str, value: str, target: str) -> NodeShape:
    """The shape of the nodes a `classes_when` rule gives other classes: the same properties."""
    variant = NodeShape(f"{shape.name}{value.title().replace('_', '')}", target,
                        f"{shape.comment} — {name} {value}")
    variant.properties = dict(shape.properties)
    return variant


def _ends(mapping: Mapping, types: list[str], side: int) -> tuple[str, ...]:
    """The target classes of the source (side 0) or target (side 1) labels of edge types."""
    pairs = [pair for t in types for pair in mapping.schema.edge(t).pairs]
    return tuple(dict.fromkeys(t for pair in pairs for t in mapping.nodes[pair[side]].targets))


def _pattern_shapes(mapping: Mapping) -> list[NodeShape]:
    by_pattern: dict[str, list[str]] = {}
    for type_, edge in mapping.edges.items():
        by_pattern.setdefault(edge.pattern or "", []).append(type_)
    tenure, groups = by_pattern.get(START, []) + by_pattern.get(END, []), by_pattern.get(MEMBERSHIP, [])
    doc, act, instant = mapping.document.target, ("govkg:PersonnelAct",), ("time:Instant",)

    membership = NodeShape("Membership", "org:Membership", "a post tenure or a seat on a leading group")
    membership.add(PropertyShape("org:member", 1, 1, classes=_ends(mapping, tenure + groups, 0)),
                   PropertyShape("org:organization", 0, 1, classes=_ends(mapping, groups, 1)),
                   PropertyShape("govkg:post", 0, 1, classes=_ends(mapping, tenure, 1)),
                   PropertyShape("org:role", 0, 1, iri=True),
                   PropertyShape("org:memberDuring", 0, 1, classes=("time:Interval",)),
                   PropertyShape("prov:wasDerivedFrom", 1, None, classes=(doc,)),
                   PropertyShape("prov:wasGeneratedBy", 0, 1, classes=act),
                   PropertyShape("prov:wasInvalidatedBy", 0, 1, classes=act))
    interval = NodeShape("Interval", "time:Interval", "the time a tenure lasted")
    interval.add(PropertyShape("time:hasBeginning", 0, 1, classes=instant),
                 PropertyShape("time:hasEnd", 0, 1, classes=instant))
    moment = NodeShape("Instant", "time:Instant", "the date a tenure begins or ends")
    moment.add(PropertyShape("time:inXSDDate", 1, 1, "xsd:date"))
    personnel = NodeShape("PersonnelAct", act[0], "an appointment or removal stated in a document")
    personnel.add(PropertyShape("prov:used", 1, 1, classes=(doc,)), *_edge_rule_shapes(mapping, tenure))
    statement = NodeShape("Statement", "rdf:Statement", "an edge of the graph with its evidence")
    statement.add(*(PropertyShape(p, 1, 1, iri=True) for p in ("rdf:subject", "rdf:predicate", "rdf:object")),
                  PropertyShape("prov:wasDerivedFrom", 1, 1, classes=(doc,)),
                  *_edge_rule_shapes(mapping, by_pattern.get("", [])))
    return [membership, interval, moment, personnel, statement]


def _description_shapes() -> list[NodeShape]:
    described = (PropertyShape("dcterms:title", 1, None, LANG, unique_lang=True),
                 PropertyShape("dcterms:description", 1, None, LANG),
                 PropertyShape("dcterms:publisher", 1, 1, classes=("foaf:Agent",)),
                 PropertyShape("dcterms:license", 1, 1, classes=("dcterms:LicenseDocument",)),
                 PropertyShape("dcterms:issued", 1, 1, "xsd:date"),
                 PropertyShape("dcterms:modified", 1, 1, "xsd:dateTime"),
                 PropertyShape("dcterms:language", 1, None, classes=("dcterms:LinguisticSystem",)))
    catalog = NodeShape("Catalog", "dcat:Catalog", "the DCAT catalogue a portal harvests")
    catalog.add(*described, PropertyShape("dcat:dataset", 1, None, classes=("dcat:Dataset",)))
    dataset = NodeShape("Dataset", "dcat:Dataset", "the DCAT description of an export")
    dataset.add(*described, PropertyShape("dcat:distribution", 1, None, classes=("dcat:Distribution",)))
    distribution = NodeShape("Distribution", "dcat:Distribution", "one file of an export")
    distribution.add(PropertyShape("dcat:mediaType", 1, 1, classes=("dcterms:MediaType",)),
                     PropertyShape("dcterms:format", 1, 1, classes=("dcterms:MediaTypeOrExtent",)),
                     PropertyShape("dcat:accessURL", 1, 1, iri=True),
                     PropertyShape("dcat:downloadURL", 1, 1, iri=True))
    graph = NodeShape("NamedGraph", "prov:Entity", "a document's named graph, described with PROV")
    graph.add(PropertyShape("prov:wasDerivedFrom", 1, 1, iri=True),
              PropertyShape("prov:wasGeneratedBy", 1, 1, classes=("prov:Activity",)),
              PropertyShape("prov:generatedAtTime", 1, 1, "xsd:dateTime"))
    return [catalog, dataset, distribution, graph]


def build_shapes(mapping: Mapping | None = None) -> list[NodeShape]:
    mapping = mapping or load_mapping()
    return [*_node_shapes(mapping), *_pattern_shapes(mapping), *_description_shapes()]


def shapes_text(mapping: Mapping | None = None) -> str:
    header = ("# Generated by `python -m kg.export.shapes` from ontology/schema.yaml and\n"
              "# ontology/rdf_mapping.yaml. Do not edit: change those files and regenerate.\n")
    return header + render(build_shapes(mapping))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.export.shapes",
                                     description="Write the SHACL shapes generated from ontology/schema.yaml.")
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help=f"output file (default: {OUT})")
    out = parser.parse_args(argv).out
    out.write_text(shapes_text(), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
