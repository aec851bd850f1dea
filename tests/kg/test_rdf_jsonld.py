"""JSON-LD is written from the blocks directly: it must be plain JSON, and two independent
JSON-LD processors (rdflib's and pyoxigraph's) must read from it the graph the N-Triples
export states, literals with every kind of escape included."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pyoxigraph
import pytest
import rdflib

from kg.dump import GraphData
from kg.export import parts
from kg.export.rdf import export_rdf_all
from kg.export.terms import jsonld_value
from govkg.ids import make_id
from kg.model import Edge, Node

BASE = "https://data.example.test/govkg/"
NOW = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::kg.export.describe.PlaceholderWarning")]


def _graphs(path, fmt: str) -> tuple[set, set]:
    """The quads rdflib reads, and those pyoxigraph reads, as (s, p, o, graph) N-Triples terms
    (graph "" for the default graph)."""
    dataset = rdflib.Dataset()
    dataset.parse(path, format={"jsonld": "json-ld", "nquads": "nquads"}[fmt])
    default = rdflib.graph.DATASET_DEFAULT_GRAPH_ID
    by_rdflib = {(s.n3(), p.n3(), _term(o.n3()), "" if g in (None, default) else g.n3())
                 for s, p, o, g in dataset.quads((None, None, None, None))}
    quads = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.JSON_LD if fmt == "jsonld"
                             else pyoxigraph.RdfFormat.N_QUADS)
    by_oxigraph = {(str(q.subject), str(q.predicate), _term(q.object),
                    "" if isinstance(q.graph_name, pyoxigraph.DefaultGraph) else str(q.graph_name)) for q in quads}
    return by_rdflib, by_oxigraph


def _term(term) -> str:
    """An object as rdflib's n3() writes it, its language tag in lower case (tags are
    case-insensitive; pyoxigraph lowers them), so the two readers' quads compare."""
    text = str(term)
    if not text.startswith('"'):
        return text
    literal = rdflib.util.from_n3(text)
    return rdflib.Literal(str(literal), lang=literal.language and literal.language.lower(),
                          datatype=literal.datatype).n3()


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    assert len(set(keys)) == len(keys), f"a key repeats in {keys}"  # JSON leaves that undefined
    return dict(pairs)


def _same_graph_as_ntriples(data: GraphData, tmp_path, jobs: int = 1) -> rdflib.Graph:
    """JSON-LD states the quads N-Quads states: each document's facts in its named graph."""
    # one export of both, so that each file's DCAT dataset lists the same two distributions
    counts = export_rdf_all(data, tmp_path, ["nquads", "jsonld"], stem="g", base=BASE, now=NOW, jobs=jobs)
    # plain JSON, whatever reads it, with no key twice in an object
    json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
    assert counts["jsonld"] == counts["nquads"]  # a triple merged into an array still counts
    expected, _ = _graphs(tmp_path / "g.nq", "nquads")
    by_rdflib, by_oxigraph = _graphs(tmp_path / "g.jsonld", "jsonld")
    assert by_rdflib == expected  # no blank nodes: the same quads are the same dataset
    assert by_oxigraph == expected
    assert len(expected) == counts["jsonld"]["triples"]  # and none written twice
    dataset, union = rdflib.Dataset(), rdflib.Graph()
    dataset.parse(tmp_path / "g.jsonld", format="json-ld")
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def test_sample_gazette_jsonld_is_its_ntriples_graph(sample_data, tmp_path):
    graph = _same_graph_as_ntriples(sample_data, tmp_path)
    assert len(graph) > 10_000
    graphs = {g for *_, g in _graphs(tmp_path / "g.jsonld", "jsonld")[1] if g}
    assert len(graphs) == sum(n.label == "Document" for n in sample_data.nodes.values()) == 27


def test_jsonld_written_in_parts_is_the_same_graph(sample_data, tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "PARALLEL_EDGES", 0)
    _same_graph_as_ntriples(sample_data, tmp_path, jobs=3)


def test_literals_with_escapes_types_and_languages(tmp_path):
    awkward = '引号"反斜杠\\换行\n回车\r制表\t响铃\x07删除\x7f 雙語 𠀋'
    doc_id = "阳政发〔2020〕1号"
    doc = Node("Document", doc_id, {"id": doc_id, "number": doc_id, "title": awkward, "date": "2020-03-04",
                                   "pages": [1, 2], "source": "/in/a.txt", "content_hash": "ab" * 16})
    agency_id = make_id("Agency", awkward)
    agency = Node("Agency", agency_id, {"id": agency_id, "name": awkward, "kind": "department", "known": True,
                                        "written": ["市局", awkward]})
    edge = Edge("ISSUED_BY", doc, agency, make_id("edge", doc_id), {
        "doc": doc_id, "date": "2020-03-04", "evidence": awkward, "page": 1, "span": [0, 9], "rule": "test"})
    data = GraphData()
    data.nodes.update({doc.id: doc, agency.id: agency})
    data.edges.append(edge)
    graph = _same_graph_as_ntriples(data, tmp_path)
    titles = {str(o) for o in graph.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))}
    assert awkward in titles


def test_values_of_one_predicate_share_a_key(tmp_path):
    """Lists (pages, written forms, an edge's resolution steps), two rules with one predicate
    (a name's pinyin and the written forms are both skos:altLabel) and several classes."""
    doc_id = "阳政发〔2020〕2号"
    doc = Node("Document", doc_id, {"id": doc_id, "number": doc_id, "title": "通知", "pages": [3, 4, 5]})
    agency_id = make_id("Agency", "阳泉市水务局")
    agency = Node("Agency", agency_id, {"id": agency_id, "name": "阳泉市水务局", "kind": "department",
                                        "written": ["市水务局", "水务局"], "resolution": ["简称", "辖区"]})
    edge = Edge("ISSUED_BY", doc, agency, make_id("edge", doc_id, "r"), {
        "doc": doc_id, "evidence": "市水务局", "page": 3, "span": [0, 4], "resolution": ["简称", "辖区"]})
    data = GraphData()
    data.nodes.update({doc.id: doc, agency.id: agency})
    data.edges.append(edge)
    graph = _same_graph_as_ntriples(data, tmp_path)
    node = next(n for n in json.loads((tmp_path / "g.jsonld").read_bytes())["@graph"]
                if n["@id"].endswith(agency_id.split(":")[1]))
    assert node["@type"] == ["org:Organization", "cpov:PublicOrganisation"]
    assert len(node["skos:altLabel"]) == 3  # the two written forms and the pinyin
    agency_iri = rdflib.URIRef(node["@id"])
    alt = {str(o) for o in graph.objects(agency_iri, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert {"市水务局", "水务局"} < alt


@pytest.mark.parametrize("term, value", [
    ("<https://x.test/a>", '{"@id":"https://x.test/a"}'),
    ('"阳泉"@zh', '{"@value":"阳泉","@language":"zh"}'),
    ('"yáng quán"@zh-Latn-pinyin', '{"@value":"yáng quán","@language":"zh-Latn-pinyin"}'),
    ('"2020-03-04"^^<http://www.w3.org/2001/XMLSchema#date>',
     '{"@value":"2020-03-04","@type":"http://www.w3.org/2001/XMLSchema#date"}'),
    ('"a \\"b\\"@zh"', '"a \\"b\\"@zh"'),  # a plain string whose text ends like a language tag
    ('"x"^^<http://www.w3.org/2001/XMLSchema#string>', '"x"'),
])
def test_ntriples_terms_become_jsonld_values(term, value):
    assert jsonld_value(term) == value
    json.loads(value)
