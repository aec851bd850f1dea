from collections import Counter

from kg.build import GraphBuilder
from kg.schema import load_schema


def count(graphs, type_):
    return sum(1 for g in graphs for e in g.edges if e.type == type_)


def test_one_graph_per_document_with_the_gold_numbers(sample_graphs, gold):
    assert [g.doc for g in sample_graphs] == [d["number"] for d in gold["documents"]]
    docs = {n.props["number"]: n.props for g in sample_graphs for n in g.nodes if n.label == "Document"}
    for d in gold["documents"]:
        assert docs[d["number"]]["date"] == d["date"]


def test_appointments_and_removals_become_edges(sample_graphs, gold):
    assert count(sample_graphs, "APPOINTED_TO") >= len(gold["appointments"])
    assert count(sample_graphs, "REMOVED_FROM") >= len(gold["removals"])
    posts = {n.props["name"] for g in sample_graphs for n in g.nodes if n.label == "Post"}
    assert "阳泉市公安局西城分局局长" in posts


def test_river_chief_plan_has_task_edges(sample_graphs):
    plan = next(g for g in sample_graphs if g.doc == "阳政办发〔2020〕33号")
    types = Counter(e.type for e in plan.edges)
    assert types["LEADS"] >= 20 and types["RESPONSIBLE_FOR"] >= 25 and types["STATED_IN"] >= 26


def test_every_edge_keeps_its_evidence(sample_graphs, sample_path):
    raw = sample_path.read_text(encoding="utf-8")
    schema = load_schema()
    required = [p for p, spec in schema.provenance.items() if spec.required]
    for g in sample_graphs:
        for e in g.edges:
            assert all(e.props.get(p) for p in required), (e.type, e.props)
            assert e.props["doc"] == g.doc
            assert schema.edge(e.type).allows(e.source.label, e.target.label)
            if "span" in e.props:
                start, end = e.props["span"]
                assert 0 <= start < end <= len(raw)


def test_resolution_keeps_the_written_form_beside_the_canonical(sample_graphs):
    edges = [e for g in sample_graphs for e in g.edges if e.props.get("written") == "市住建局"]
    assert edges, "市住建局 should be resolved with its written form kept"
    assert {e.source.props["name"] for e in edges} == {"阳泉市住房和城乡建设局"}
    assert any("abbreviation" in d or "alias" in d for e in edges for d in e.props["resolution"])


def test_ids_are_deterministic(sample_facts, sample_graphs):
    again = GraphBuilder().build(sample_facts)
    assert [sorted(e.id for e in g.edges) for g in again] == [sorted(e.id for e in g.edges) for g in sample_graphs]
    assert [g.content_hash for g in again] == [g.content_hash for g in sample_graphs]


def test_sub_units_are_part_of_their_parent(sample_graphs):
    part_of = {(e.source.props["name"], e.target.props["name"]) for g in sample_graphs
               for e in g.edges if e.type == "PART_OF" and e.source.label == "Agency"}
    assert ("阳泉市公安局西城分局", "阳泉市公安局") in part_of


def test_contact_details_are_stored_and_flagged(sample_graphs):
    contacts = [c for g in sample_graphs for n in g.nodes if n.label == "Document" for c in n.props.get("contacts", [])]
    assert len(contacts) >= 5 and "18635381792" in contacts
    flagged = [e for g in sample_graphs for e in g.edges if e.props.get("contact")]
    assert all(any(ch.isdigit() for ch in e.props["evidence"]) for e in flagged)
