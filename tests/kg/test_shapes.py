"""SHACL shapes and the govkg vocabulary: generated from the schema, committed up to date,
and strict enough that a broken graph fails naming what is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
import rdflib
import yaml
from rdflib import RDF, RDFS, Literal, Namespace, URIRef

from govkg.errors import SchemaError
from kg.export.mapping import load_mapping, mapping_text, parse_mapping
from kg.export.rdf import export_rdf
from kg.export.shapes import shapes_text
from kg.export.vocab import GOVKG, expand
from kg.model import Node
from kg.schema import load_schema, parse_schema, schema_text
from tests.kg.rdf_support import BASE, hand_data, load, validate

ROOT = Path(__file__).resolve().parents[2]
SH = Namespace("http://www.w3.org/ns/shacl#")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
GK = Namespace(GOVKG)
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::kg.export.describe.PlaceholderWarning")]


def test_committed_shapes_are_up_to_date():
    committed = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    assert committed == shapes_text(), "ontology/shapes.ttl is stale: run `python -m kg.export.shapes`"


def test_shapes_are_well_formed():
    """pySHACL's meta-validation takes ~6 s here; these are the mistakes generation could make."""
    shapes = rdflib.Graph().parse(data=shapes_text(), format="turtle")
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        assert len(list(shapes.objects(node, SH.targetClass))) == 1, node
    for prop in shapes.objects(None, SH.property):
        assert len(list(shapes.objects(prop, SH.path))) == 1, prop
        assert all(isinstance(c, URIRef) for c in shapes.objects(prop, SH["class"]))
    pyshacl.validate(rdflib.Graph(), shacl_graph=shapes)  # loads every shape, or raises


def _property(shapes: rdflib.Graph, target: str, path: str) -> rdflib.term.Node:
    (shape,) = shapes.subjects(SH.targetClass, URIRef(expand(target)))
    found = [p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == URIRef(expand(path))]
    assert len(found) == 1, f"{target} has no single property shape for {path}"
    return found[0]


def test_shapes_follow_the_schema():
    shapes, schema = rdflib.Graph().parse(data=shapes_text(), format="turtle"), load_schema()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {URIRef(expand(n.target)) for n in load_mapping().nodes.values()} <= targets
    name = _property(shapes, "org:Organization", "skos:prefLabel")  # Agency.name is required
    assert shapes.value(name, SH.minCount) == Literal(1)
    assert list(rdflib.collection.Collection(shapes, shapes.value(name, SH.languageIn))) == [Literal("zh")]
    kinds = _property(shapes, "org:Organization", "org:classification")
    allowed = {str(v) for v in rdflib.collection.Collection(shapes, shapes.value(kinds, SH["in"]))}
    assert allowed == {f"{GOVKG}kind-{k}" for k in schema.node("Agency").properties["kind"].enum}
    acts = _property(shapes, "govkg:PersonnelAct", "govkg:actType")  # APPOINTED_TO.act is required
    assert shapes.value(acts, SH.minCount) == Literal(1)
    assert shapes.value(_property(shapes, "govkg:Task", "dcterms:description"), SH.minCount) == Literal(1)
    assert _classes(shapes, _property(shapes, "org:Post", "org:postIn")) == {ORG.Organization, GK.Collective}
    # a collective is no public organisation: a shape of its own, the Agency's properties
    collective = _property(shapes, "govkg:Collective", "skos:prefLabel")
    assert shapes.value(collective, SH.minCount) == Literal(1)


def _classes(shapes: rdflib.Graph, prop: rdflib.term.Node) -> set:
    """sh:class, or the sh:class of each member of an sh:or."""
    either = shapes.value(prop, SH["or"])
    members = rdflib.collection.Collection(shapes, either) if either else [prop]
    return {shapes.value(m, SH["class"]) for m in members}


def test_a_schema_change_changes_the_shapes():
    raw = yaml.safe_load(schema_text())
    raw["nodes"]["Task"]["properties"]["deadline"]["required"] = True
    mapping = parse_mapping(yaml.safe_load(mapping_text()), parse_schema(raw))
    shapes = rdflib.Graph().parse(data=shapes_text(mapping), format="turtle")
    assert shapes.value(_property(shapes, "govkg:Task", "govkg:deadline"), SH.minCount) == Literal(1)


@pytest.mark.parametrize("mutate, culprit", [
    (lambda m: m["nodes"]["Agency"]["properties"].pop("kind"), "nodes.Agency: property 'kind' is not mapped"),
    (lambda m: m["nodes"]["River"]["properties"].update(length="govkg:length"), "maps 'length', which the schema"),
    (lambda m: m["edges"].pop("LEADS"), "not mapped: LEADS"),
    (lambda m: m["edges"].update(POST_OF="wd:P361"), "unknown RDF term 'wd:P361'"),
    (lambda m: m["concepts"]["act"].pop("免去"), "concept scheme 'act' lacks"),
    (lambda m: m["edges"].update(MEMBER_OF={"pattern": "seat"}), "unknown pattern 'seat'"),
    (lambda m: m["edges"].update(PART_OF={"Agency": "org:subOrganizationOf"}), "map each source label"),
    (lambda m: m["edges"].update(LEADS=["govkg:leads", "govkg:leads"]), "LEADS.Agency: a property is listed twice"),
])
def test_a_broken_mapping_fails_naming_the_culprit(mutate, culprit):
    raw = yaml.safe_load(mapping_text())
    mutate(raw)
    with pytest.raises(SchemaError, match=culprit):
        parse_mapping(raw, load_schema())


def _violations(report: rdflib.Graph) -> set[tuple[str, str]]:
    """(focus node, path) of each violation."""
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)))
            for r in report.subjects(RDF.type, SH.ValidationResult)}


def test_a_broken_graph_fails_with_the_violations_named(tmp_path):
    data = hand_data()
    agency = next(n for n in data.nodes.values() if n.props.get("name") == "阳泉市水利局")
    data.nodes[agency.id] = Node("Agency", agency.id, {"id": agency.id, "kind": "department"})  # no name
    export_rdf(data, "turtle", tmp_path / "broken.ttl", base=BASE)
    graph = load(tmp_path / "broken.ttl", "turtle")[1]
    seat = next(graph.subjects(ORG.role, URIRef(f"{GOVKG}role-leader")))
    graph.remove((seat, ORG.member, None))  # a membership without its member
    conforms, report, text = validate(graph)
    assert not conforms
    agency_iri = f"{BASE}agency/{agency.id.split(':')[1]}"
    assert (agency_iri, str(SKOS.prefLabel)) in _violations(report)
    assert (agency_iri, str(RDFS.label)) in _violations(report)
    assert (str(seat), str(ORG.member)) in _violations(report)
    assert "prefLabel" in text and "member" in text


def _govkg_terms_used(graph: rdflib.Graph) -> set[str]:
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    return {str(t) for t in used if str(t).startswith(GOVKG) and "-" not in str(t)[len(GOVKG):]}


def test_govkg_vocabulary_declares_every_term_the_export_uses_in_chinese_and_english(tmp_path):
    export_rdf(hand_data(), "turtle", tmp_path / "hand.ttl", base=BASE)
    used = _govkg_terms_used(load(tmp_path / "hand.ttl", "turtle")[1])
    assert {f"{GOVKG}leads", f"{GOVKG}cooperatesOn", f"{GOVKG}responsibleFor", f"{GOVKG}Task"} <= used
    used |= {expand(c) for c in re.findall(r"govkg:\w+", mapping_text())}  # mapped, maybe not in the sample
    vocabulary = rdflib.Graph().parse(ROOT / "ontology" / "govkg.ttl")
    for term in sorted(used | {str(s) for s in vocabulary.subjects(RDF.type, None) if str(s).startswith(GOVKG)}):
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in vocabulary.objects(URIRef(term), predicate)}
            assert {"zh", "en"} <= languages, f"{term} lacks {predicate} in Chinese and English"
