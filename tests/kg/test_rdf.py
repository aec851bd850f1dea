"""RDF export: every format parses back, validates against ontology/shapes.ttl, keeps the
counts of the graph and puts each document's facts in its own named graph (personal contact
details: tests/kg/test_rdf_privacy.py)."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef

from govkg.errors import KgError
from kg.export.describe import DatasetInfo
from kg.export.mapping import load_mapping
from kg.export.patterns import pair_tenures
from kg.export.pinyin import pinyin
from kg.export.rdf import FORMATS, export_rdf, export_rdf_all
from kg.export.writers import QUAD_FORMATS
from kg.export.terms import zh_tag
from tests.kg.rdf_support import (BASE, DCAT, DCT, DOC1, DOC2, FOAF, GK, NOW, ORG, PROV, SKOS, TIME,
                                  _edge, _named, _node, hand_data, iri, load, validate)

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),  # rdflib's own, on parsing
              pytest.mark.filterwarnings("ignore::kg.export.describe.PlaceholderWarning")]

@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[Path, dict[str, int]]]:
    out = tmp_path_factory.mktemp("rdf")
    counts = export_rdf_all(hand_data(), out, base=BASE, now=NOW)
    return {fmt: (out / f"govkg.{ext}", counts[fmt]) for fmt, ext in
            zip(FORMATS, ("ttl", "nt", "jsonld", "trig", "nq"))}


@pytest.fixture(scope="module")
def graph(exported) -> rdflib.Graph:
    return load(exported["turtle"][0], "turtle")[1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_and_validates(exported, fmt):
    path, counts = exported[fmt]
    dataset, union = load(path, fmt)
    assert len(union) == len(load(exported["ntriples"][0], "ntriples")[1]) > 300
    conforms, _, report = validate(union)
    assert conforms, report
    named = {g.identifier for g in _named(dataset)}
    assert len(named) == (2 if fmt in QUAD_FORMATS else 0)


def test_round_trip_keeps_the_counts_of_the_graph(graph, exported):
    data = hand_data()
    label_count = lambda label: sum(n.label == label for n in data.nodes.values())  # noqa: E731
    tenures = 1  # the appointment, closed by the removal of the same official from the same post
    groups = sum(e.type == "MEMBER_OF" for e in data.edges)
    assert len(set(graph.subjects(RDF.type, ORG.Organization))) == label_count("Agency") == 6
    assert len(set(graph.subjects(RDF.type, FOAF.Person))) == label_count("Official") == 2
    assert len(set(graph.subjects(RDF.type, ORG.Post))) == label_count("Post") == 1
    assert len(set(graph.subjects(RDF.type, GK.Task))) == label_count("Task") == 1
    memberships = set(graph.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == tenures + groups == exported["turtle"][1]["memberships"]


def test_appointment_then_removal_is_one_membership_with_a_closed_interval(graph):
    (membership,) = graph.subjects(GK.post, iri("post", "西城分局|局长"))
    assert graph.value(membership, ORG.member) == iri("official", "阳泉市|张三")
    assert graph.value(membership, ORG.organization) == iri("agency", "阳泉市公安局西城分局")
    interval = graph.value(membership, ORG.memberDuring)
    begin, end = (graph.value(graph.value(interval, p), TIME.inXSDDate) for p in (TIME.hasBeginning, TIME.hasEnd))
    assert (str(begin), str(end)) == ("2020-03-04", "2020-06-01")
    opened, closed = graph.value(membership, PROV.wasGeneratedBy), graph.value(membership, PROV.wasInvalidatedBy)
    assert graph.value(opened, GK.actType) == GK["act-appointment"]
    assert graph.value(closed, GK.actType) == GK["act-removal"]
    assert graph.value(closed, PROV.used) == URIRef(f"{BASE}document/{quote(DOC2, safe='')}")
    assert Literal("局长", lang="zh") in set(graph.objects(graph.value(membership, ORG.role), SKOS.prefLabel))


@pytest.mark.parametrize("events, closed", [
    ([("in", "2020-01-01"), ("out", "2020-06-01")], {1: 0}),
    ([("out", "2020-06-01")], {}),  # known only by its end
    ([("in", "2018-01-01"), ("out", "2019-01-01"), ("in", "2020-01-01"), ("out", "2021-01-01")], {1: 0, 3: 2}),
    ([("in", "2018-01-01"), ("in", "2020-01-01"), ("out", "2021-01-01")], {2: 1}),  # the latest open one
    ([("out", "2019-01-01"), ("in", "2020-01-01")], {}),  # a removal before the appointment closes nothing
    ([("out", "2020-01-01"), ("in", "2020-01-01")], {0: 1}),  # same date: appointed, then removed
])
def test_removals_close_the_latest_open_tenure_of_the_same_post(events, closed):
    official, post = _node("Official", "x|王五", name="王五"), _node("Post", "x|局长", name="局长", title="局长")
    edges = [_edge("APPOINTED_TO" if kind == "in" else "REMOVED_FROM", official, post, f"doc{i}", date, "…",
                   act="任命" if kind == "in" else "免去") for i, (kind, date) in enumerate(events)]
    pattern_of = {t: e.pattern for t, e in load_mapping().edges.items()}
    assert pair_tenures(edges, pattern_of) == {edges[r].id: edges[a].id for r, a in closed.items()}


def test_task_roles_sub_units_groups_and_places(graph):
    task = iri("task", f"{DOC2}|6")
    assert (iri("agency", "阳泉市生态环境局"), GK.leads, task) in graph
    assert (iri("agency", "阳泉市水利局"), GK.cooperatesOn, task) in graph
    assert (iri("agency", "阳泉市人民政府"), GK.responsibleFor, task) in graph
    assert (task, DCT.spatial, iri("river", "桃河")) in graph
    assert (iri("agency", "阳泉市公安局西城分局"), ORG.subOrganizationOf, iri("agency", "阳泉市公安局")) in graph
    group = iri("agency", "阳泉市河长制工作领导小组")
    assert graph.value(group, ORG.classification) == GK["kind-leading_group"]
    (seat,) = graph.subjects(ORG.organization, group)
    assert graph.value(seat, ORG.role) == GK["role-leader"] and graph.value(seat, GK.title) == Literal("市长", lang="zh")
    # an agency's jurisdiction links to the district node when the graph has one
    assert graph.value(group, DCT.spatial) == iri("district", "阳泉市")


def test_every_edge_says_where_it_was_read(graph):
    statement = next(graph.subjects(RDF.predicate, GK.leads))
    assert graph.value(statement, GK.evidence) == Literal("市生态环境局牵头", lang="zh")
    assert graph.value(statement, GK.writtenAs) == Literal("市生态环境局", lang="zh")
    assert graph.value(statement, PROV.wasDerivedFrom) == URIRef(f"{BASE}document/{quote(DOC2, safe='')}")
    assert [int(graph.value(statement, p)) for p in (GK.page, GK.startOffset, GK.endOffset)] == [3, 10, 40]


def test_labels_pinyin_written_forms_and_english_kinds(graph):
    water = iri("agency", "阳泉市水利局")
    assert graph.value(water, SKOS.prefLabel) == Literal("阳泉市水利局", lang="zh")
    alt = set(graph.objects(water, SKOS.altLabel))
    assert Literal("yáng quán shì shuǐ lì jú", lang="zh-Latn-pinyin") in alt
    assert Literal("市水利局", lang="zh") in alt and Literal("阳泉市水利局", lang="zh") not in alt
    kind = graph.value(water, DCT.type)
    assert set(graph.objects(kind, SKOS.prefLabel)) == {Literal("水利局", lang="zh"),
                                                         Literal("Water Resources Bureau", lang="en")}
    post_role = graph.value(iri("post", "西城分局|局长"), ORG.role)
    assert Literal("Director", lang="en") in set(graph.objects(post_role, SKOS.prefLabel))
    program_alt = {str(o) for o in graph.objects(iri("program", "河长制"), SKOS.altLabel)}
    assert "河長制" in program_alt and "河长制" not in program_alt  # a program's other written form


@pytest.mark.parametrize("name", ["阳泉市公安局西城分局局长", "阳泉市住房和城乡建设局", "河长制工作领导小组",
                                  "重庆市银行业监督管理局", "阳泉市行政审批服务管理局", "常务副市长"])
def test_pinyin_reads_characters_in_their_phrase(name):
    from pypinyin import Style, lazy_pinyin
    assert pinyin(name) == " ".join(lazy_pinyin(name, style=Style.TONE))


@pytest.mark.parametrize("text, tag", [("阳泉市水利局", "zh"), ("陽泉市水利局", "zh-Hant"), ("市長", "zh-Hant")])
def test_labels_are_tagged_as_written(text, tag):
    assert zh_tag(text) == tag


def test_iris_are_stable_percent_encoded_and_under_the_configured_base(tmp_path, monkeypatch, exported):
    monkeypatch.setenv("KG_RDF_BASE", "https://opendata.example.test/kg/")
    export_rdf(hand_data(), "ntriples", tmp_path / "a.nt", now=datetime(2030, 1, 1, tzinfo=timezone.utc))
    text = (tmp_path / "a.nt").read_text(encoding="utf-8")
    assert f"<https://opendata.example.test/kg/document/{quote(DOC1, safe='')}>" in text
    assert "〔" not in "".join(line.split(" ")[0] for line in text.splitlines())  # no raw 文号 in a subject IRI
    def subjects(g):  # the distributions and their files and types: one per format written
        per_format = {o for p in (DCAT.distribution, DCAT.downloadURL, DCAT.mediaType, DCT["format"])
                      for o in g.objects(None, p)}
        return {str(s).split("/kg/", 1)[-1].split("/govkg/", 1)[-1] for s in g.subjects() if s not in per_format}
    assert subjects(load(tmp_path / "a.nt", "ntriples")[1]) == subjects(load(exported["ntriples"][0], "ntriples")[1])


def test_trig_has_one_named_graph_per_document_described_with_prov(exported):
    dataset, union = load(*[exported["trig"][0], "trig"])
    named = {g.identifier: g for g in _named(dataset)}
    assert set(named) == {iri("graph", d) for d in (DOC1, DOC2)}
    for doc in (DOC1, DOC2):
        g = iri("graph", doc)
        assert str(union.value(g, DCT.identifier)) == doc
        assert str(union.value(g, GK.sourceFile)) == "gazette.txt"
        assert union.value(g, PROV.generatedAtTime).toPython() == NOW
        agent = union.value(union.value(g, PROV.wasGeneratedBy), PROV.wasAssociatedWith)
        assert str(union.value(agent, URIRef("https://schema.org/softwareVersion")))
    # the removal's facts live in the second document's graph, the appointment's in the first
    removal_doc = named[iri("graph", DOC2)]
    assert any(removal_doc.triples((None, PROV.wasInvalidatedBy, None)))
    assert not any(named[iri("graph", DOC1)].triples((None, PROV.wasInvalidatedBy, None)))


def test_dcat_dataset_with_one_distribution_per_format(graph, tmp_path):
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert Literal("政府公报知识图谱：机构、公职人员与职责", lang="zh") in set(graph.objects(dataset, DCT.title))
    assert graph.value(dataset, DCT.license) == URIRef(DatasetInfo().license)
    assert str(graph.value(dataset, DCT.modified)) == NOW.isoformat()
    assert len(set(graph.objects(dataset, DCAT.distribution))) == len(FORMATS)
    info = DatasetInfo(license="https://opendata.example.test/licence", publisher="阳泉市数据局")
    export_rdf(hand_data(), "turtle", tmp_path / "one.ttl", base=BASE, info=info, now=NOW)
    one = load(tmp_path / "one.ttl", "turtle")[1]
    (dataset,) = one.subjects(RDF.type, DCAT.Dataset)
    (dist,) = one.objects(dataset, DCAT.distribution)
    assert one.value(dist, DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/text/turtle")
    assert one.value(dist, DCAT.downloadURL) == URIRef(f"{BASE}one.ttl")
    assert one.value(dataset, DCT.license) == URIRef(info.license)
    assert str(one.value(one.value(dataset, DCT.publisher), FOAF.name)) == "阳泉市数据局"


def test_chosen_documents_only(tmp_path):
    counts = export_rdf(hand_data(), "trig", tmp_path / "one.trig", base=BASE, docs=[DOC1])
    dataset, union = load(tmp_path / "one.trig", "trig")
    assert counts["graphs"] == 1 and counts["memberships"] == 1
    assert not any(union.triples((None, GK.leads, None)))
    with pytest.raises(KgError, match="no such document: 阳政发〔1999〕9号"):
        export_rdf(hand_data(), "trig", tmp_path / "x.trig", docs=["阳政发〔1999〕9号"])


def test_unknown_format_and_bad_base_fail_with_one_line(tmp_path):
    with pytest.raises(KgError, match="unknown RDF format 'rdfxml'.*known: turtle, ntriples"):
        export_rdf(hand_data(), "rdfxml", tmp_path / "x.rdf")
    with pytest.raises(KgError, match="not an absolute http"):
        export_rdf(hand_data(), "turtle", tmp_path / "x.ttl", base="example.org/kg")
    assert not list(tmp_path.iterdir())


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_data):
    """The sample gazette exported as TriG and parsed once (its union is the default view)."""
    data = sample_data
    path = tmp_path_factory.mktemp("sample") / "sample.trig"
    counts = export_rdf(data, "trig", path, base=BASE, now=NOW)
    dataset, union = load(path, "trig")
    return data, counts, dataset, union


def test_sample_gazette_exports_organisations_memberships_dataset_and_prov(sample):
    data, counts, _, graph = sample
    organisations = set(graph.subjects(RDF.type, ORG.Organization))
    assert len(organisations) >= 50
    assert all(any(label.language == "zh" for label in graph.objects(o, SKOS.prefLabel)) for o in organisations)
    for edge in (e for e in data.edges if e.type == "APPOINTED_TO"):
        person = URIRef(f"{BASE}official/{edge.source.id.split(':')[1]}")
        post = URIRef(f"{BASE}post/{edge.target.id.split(':')[1]}")
        assert any((m, GK.post, post) in graph for m in graph.subjects(ORG.member, person)), edge.props["evidence"]
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 1
    graphs = set(graph.subjects(RDF.type, PROV.Entity))
    assert len(graphs) == counts["graphs"] and all(graph.value(g, PROV.wasDerivedFrom) for g in graphs)
    conforms, _, report = validate(graph)
    assert conforms, report


def test_sample_trig_has_one_named_graph_per_document(sample):
    data, counts, dataset, _ = sample
    named = _named(dataset)
    documents = sum(n.label == "Document" for n in data.nodes.values())
    assert len(named) == documents == counts["graphs"] == 27


# -- issue 17: no triple twice, ORG's direct statements, collectives, DCAT from the data -------

@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_states_a_triple_twice(sample_data, tmp_path, fmt):
    """The sample states some facts in several documents (a post's agency, a sub-unit): a
    triple format writes each triple once, a quad format each quad once per graph."""
    import pyoxigraph

    counts = export_rdf(sample_data, fmt, tmp_path / "g", base=BASE, now=NOW)
    syntax = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "trig": "TRIG", "nquads": "N_QUADS"}
    quads = {(q.subject, q.predicate, q.object, q.graph_name if fmt in QUAD_FORMATS else None)
             for q in pyoxigraph.parse(path=str(tmp_path / "g"), format=getattr(pyoxigraph.RdfFormat, syntax[fmt]))}
    assert counts["triples"] == len(quads) > 20_000
    if fmt in ("ntriples", "nquads"):
        lines = (tmp_path / "g").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(set(lines)) == counts["triples"]


def test_officials_hold_posts_and_are_members_of_organisations(graph):
    official, post = iri("official", "阳泉市|张三"), iri("post", "西城分局|局长")
    assert (official, ORG.holds, post) in graph and (post, ORG.heldBy, official) in graph
    assert (official, ORG.memberOf, iri("agency", "阳泉市公安局西城分局")) in graph
    assert (iri("official", "阳泉市|雷健坤"), ORG.memberOf, iri("agency", "阳泉市河长制工作领导小组")) in graph
    for membership in graph.subjects(RDF.type, ORG.Membership):  # memberOf beside every membership
        member = graph.value(membership, ORG.member)
        organisation = graph.value(membership, ORG.organization)
        assert organisation is None or (member, ORG.memberOf, organisation) in graph


def test_collectives_are_a_class_of_their_own(tmp_path):
    data = hand_data()
    collective = _node("Agency", "各县（区）政府", name="各县（区）政府", kind="collective", jurisdiction="阳泉市")
    task = next(n for n in data.nodes.values() if n.label == "Task")
    data.nodes[collective.id] = collective
    data.edges.append(_edge("RESPONSIBLE_FOR", collective, task, DOC2, "2020-06-01", "各县（区）政府负责"))
    export_rdf(data, "turtle", tmp_path / "c.ttl", base=BASE, now=NOW)
    graph = load(tmp_path / "c.ttl", "turtle")[1]
    node = iri("agency", "各县（区）政府")
    assert set(graph.objects(node, RDF.type)) == {GK.Collective}
    assert (node, GK.responsibleFor, iri("task", f"{DOC2}|6")) in graph
    conforms, _, report = validate(graph)
    assert conforms, report


def _dcat(graph: rdflib.Graph) -> tuple:
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = graph.objects(catalog, DCAT.dataset)
    return catalog, dataset


def test_a_catalogue_lists_the_dataset_whose_distributions_have_access_urls(graph):
    catalog, dataset = _dcat(graph)
    assert (dataset, RDF.type, DCAT.Dataset) in graph
    assert graph.value(catalog, DCT.publisher) == graph.value(dataset, DCT.publisher)
    for dist in graph.objects(dataset, DCAT.distribution):
        assert graph.value(dist, DCAT.accessURL) == graph.value(dist, DCAT.downloadURL) is not None
        assert str(graph.value(dist, DCT["format"])).startswith("http://publications.europa.eu/resource/authority/file-type/")


def test_dates_come_from_the_data_so_two_exports_are_the_same_bytes(tmp_path):
    """issued: the newest document's date; modified: the load time the caller gives, else issued."""
    loaded = datetime(2024, 7, 1, 9, 30, tzinfo=timezone.utc)
    first, again = tmp_path / "a" / "g.trig", tmp_path / "b" / "g.trig"
    for path in (first, again):
        path.parent.mkdir()
        export_rdf(hand_data(), "trig", path, base=BASE, info=DatasetInfo(modified=loaded))
    assert first.read_bytes() == again.read_bytes()
    _, dataset = _dcat(load(first, "trig")[1])
    union = load(first, "trig")[1]
    assert str(union.value(dataset, DCT.issued)) == "2020-06-01"  # DOC2, the newer document
    assert union.value(dataset, DCT.modified).toPython() == loaded
    export_rdf(hand_data(), "trig", tmp_path / "c.trig", base=BASE)
    union = load(tmp_path / "c.trig", "trig")[1]
    _, dataset = _dcat(union)
    assert str(union.value(dataset, DCT.modified)) == "2020-06-01T00:00:00+00:00"


@pytest.mark.filterwarnings("default::kg.export.describe.PlaceholderWarning")
def test_placeholder_base_and_publisher_are_warned_about(tmp_path):
    from kg.export.describe import PlaceholderWarning
    from govkg.settings import DEFAULT_RDF_BASE

    with pytest.warns(PlaceholderWarning) as caught:
        export_rdf(hand_data(), "turtle", tmp_path / "a.ttl", base=DEFAULT_RDF_BASE)
    assert [str(w.message).split(":")[0] for w in caught] == ["the RDF base is the example https",
                                                             "the DCAT publisher is a placeholder"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", PlaceholderWarning)
        export_rdf(hand_data(), "turtle", tmp_path / "b.ttl", base=BASE, info=DatasetInfo(publisher="阳泉市数据局"))


def test_a_text_without_a_title_line_exports_a_conforming_document_named_by_its_file(tmp_path):
    """A news report opening with its lead has no title (the loader gives none); the graph names
    its document by the file, so that the portal's record keeps the dcterms:title the shapes ask."""
    from kg.build import GraphBuilder
    from kg.dump import GraphData
    from loaders.pipeline import extract_file

    source = tmp_path / "lead-report.txt"
    source.write_text("1月17日，宁远市人大常委会举行会议，决定任命张三为宁远市人民政府副市长。\n", encoding="utf-8")
    facts = extract_file(source)
    assert facts.documents[0].title == ""
    data = GraphData.from_documents(GraphBuilder().build(facts))
    export_rdf(data, "turtle", tmp_path / "g.ttl", base=BASE, now=NOW)
    graph = rdflib.Graph().parse(tmp_path / "g.ttl")
    conforms, _, report = validate(graph)
    assert conforms, report
    titles = {str(o) for s, o in graph.subject_objects(DCT.title) if "/document/" in str(s)}
    assert titles == {"lead-report.txt"}
