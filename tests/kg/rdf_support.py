"""The hand-made graph the RDF, shape, DCAT-AP and FollowTheMoney tests export: two documents
(an appointment, then the removal from the same post; a work plan with its task's units, a
leading group, a river), and the namespaces and helpers they read the exports with."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyshacl
import rdflib
from rdflib import Namespace, URIRef

from govkg.ids import make_id
from kg.dump import GraphData
from kg.export.vocab import GOVKG
from kg.model import DocumentGraph, Edge, Node

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
DCT = Namespace("http://purl.org/dc/terms/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
GK = Namespace(GOVKG)
BASE = "https://data.example.test/govkg/"
NOW = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads"}
DOC1, DOC2 = "阳政任字〔2020〕6号", "阳政办发〔2020〕33号"
PHONE, MOBILE = "0353-2022222", "13912345678"


def _node(label: str, key: str, **props) -> Node:
    id_ = key if label == "Document" else make_id(label, key)
    return Node(label, id_, {"id": id_, **props})


def _edge(type_: str, a: Node, b: Node, doc: str, date: str, evidence: str, **props) -> Edge:
    id_ = make_id("edge", type_, a.id, b.id, doc, props.get("role"))
    return Edge(type_, a, b, id_, {"id": id_, "doc": doc, "date": date, "evidence": evidence, "page": 3,
                                   "span": [10, 40], "rule": "test", "source": "/data/in/gazette.txt", **props})


def hand_graphs() -> list[DocumentGraph]:
    """Two documents: an appointment, then the removal from the same post; a work plan whose
    task one agency leads, one cooperates on and one answers for; a leading group."""
    agency = lambda name, kind, **p: _node("Agency", name, name=name, kind=kind, jurisdiction="阳泉市", **p)  # noqa: E731
    city, police = agency("阳泉市人民政府", "government", known=True), agency("阳泉市公安局", "department", known=True)
    branch = agency("阳泉市公安局西城分局", "sub_unit", known=False, written=["市公安局西城分局"])
    water = agency("阳泉市水利局", "department", known=True, written=["市水利局", "阳泉市水利局"])
    env, group = agency("阳泉市生态环境局", "department", known=True), agency("阳泉市河长制工作领导小组", "leading_group")
    zhang, lei = (_node("Official", f"阳泉市|{n}", name=n, jurisdiction="阳泉市") for n in ("张三", "雷健坤"))
    post = _node("Post", "西城分局|局长", name="阳泉市公安局西城分局局长", title="局长", agency=branch.props["name"])
    d1 = _node("Document", DOC1, number=DOC1, title="阳泉市人民政府关于张三任免职务的通知", issuer="阳泉市人民政府",
               date="2020-03-04", source="/data/in/gazette.txt", pages=[3], content_hash="aa" * 16)
    d2 = _node("Document", DOC2, number=DOC2, title="阳泉市全面推行河长制工作方案", issuer="阳泉市人民政府",
               date="2020-06-01", source="/data/in/gazette.txt", pages=[5, 6], content_hash="bb" * 16)
    river = _node("River", "桃河", name="桃河", written=["桃河"])
    district = _node("District", "阳泉市", name="阳泉市", level="city")
    program = _node("Program", "河长制", name="河长制", written=["河长制", "河長制"])
    task = _node("Task", f"{DOC2}|6", doc=DOC2, item="6", heading="入河排污口整治", deadline="2020年6月底前",
                 text=f"开展入河排污口排查整治，联系电话：{PHONE}。")
    e1 = lambda t, a, b, ev, **p: _edge(t, a, b, DOC1, "2020-03-04", ev, **p)  # noqa: E731
    e2 = lambda t, a, b, ev, **p: _edge(t, a, b, DOC2, "2020-06-01", ev, **p)  # noqa: E731
    g1 = DocumentGraph(DOC1, "aa", [city, police, branch, zhang, post, d1], [
        e1("ISSUED_BY", d1, city, d1.props["title"]),
        e1("PART_OF", branch, police, "市公安局西城分局", rule="resolve"),
        e1("POST_OF", post, branch, "任命张三为市公安局西城分局局长"),
        e1("APPOINTED_TO", zhang, post, f"任命张三为市公安局西城分局局长（手机{MOBILE}）", act="任命")])
    g2 = DocumentGraph(DOC2, "bb", [city, water, env, group, zhang, lei, post, d2, river, district, program, task], [
        e2("ISSUED_BY", d2, city, d2.props["title"]),
        e2("REMOVED_FROM", zhang, post, "免去张三的市公安局西城分局局长职务", act="免去"),
        e2("STATED_IN", task, d2, "开展入河排污口排查整治"),
        e2("LEADS", env, task, "市生态环境局牵头", written="市生态环境局"),
        e2("COOPERATES_ON", water, task, "市水利局配合"),
        e2("RESPONSIBLE_FOR", city, task, "各县（区）政府负责"),
        e2("CONCERNS", task, river, "桃河"),
        e2("PART_OF", task, program, "河长制"),
        e2("MEMBER_OF", lei, group, "组长：雷健坤 市长", role="leader", title="市长"),
        e2("OFFICE_AT", group, water, "办公室设在市水利局"),
        e2("MENTIONS", d2, river, "桃河")])
    return [g1, g2]


def hand_data() -> GraphData:
    return GraphData.from_documents(hand_graphs())


def load(path: Path, fmt: str) -> tuple[rdflib.Dataset, rdflib.Graph]:
    """The dataset as parsed, and all its triples as one graph."""
    dataset = rdflib.Dataset()
    dataset.parse(path, format=RDFLIB_FORMAT[fmt])
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return dataset, union


def _named(dataset: rdflib.Dataset) -> list[rdflib.Graph]:
    return [g for g in dataset.graphs() if len(g) and g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID]


def validate(graph: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    return pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES))


def iri(path: str, key: str) -> URIRef:
    return URIRef(f"{BASE}{path}/{make_id(path, key).split(':')[1]}")
