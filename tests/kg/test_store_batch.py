"""kg.stores.batch and `FalkorStore.write_documents`: many documents a query, and the store
they leave is the one that writing them one by one leaves."""

from __future__ import annotations

import json

import pytest

from kg.dump import read_graph
from govkg.ids import content_hash
from kg.model import DocumentGraph, Edge, Node
from govkg.settings import Settings
from kg.stores import batch
from kg.stores.falkor import FalkorStore


def doc(key: str, *pairs: tuple[str, str], version: str = "1") -> DocumentGraph:
    """A document whose tasks (one per pair) are led by agencies, each with a `seen` prop."""
    nodes, edges = [], []
    for task, agency in pairs:
        t = Node("Task", f"task:{key}:{task}", {"doc": key, "item": task, "heading": f"{task} v{version}"})
        a = Node("Agency", f"agency:{agency}", {"name": agency, f"seen_{key}": version})
        nodes += [t, a]
        edges.append(Edge("LEADS", a, t, f"edge:{key}:{task}:{agency}", {"doc": key, "evidence": version}))
    return DocumentGraph(key, content_hash(key + version), nodes, edges)


def snapshot(store: FalkorStore) -> list:
    data = read_graph(store)
    nodes = [(n.id, json.dumps(n.props, sort_keys=True)) for n in data.nodes.values()]
    edges = [(e.id, e.source.id, e.target.id, json.dumps(e.props, sort_keys=True)) for e in data.edges]
    return sorted(nodes) + sorted(edges)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("batch")
    one = FalkorStore(Settings(data_dir=data_dir, graph="one_by_one"))
    many = FalkorStore(Settings(data_dir=data_dir, graph="batched"))
    yield one, many
    for store in (one, many):
        store.clear()
        store.close()
    one.server.stop()


# Each case: what is stored first, then the sequence written (one by one vs write_documents).
CASES = {
    "first load": ([], [doc("A", ("1", "水利局")), doc("B", ("1", "水利局"), ("2", "财政局"))]),
    "a shared agency gets every document's properties":
        ([], [doc("A", ("1", "水利局")), doc("B", ("1", "水利局")), doc("C", ("1", "水利局"))]),
    "new versions replace old ones": (
        [doc("A", ("1", "水利局"), ("2", "财政局")), doc("B", ("1", "能源局"))],
        [doc("A", ("1", "水利局"), version="2"), doc("B", ("1", "能源局"), version="2")]),
    "a node one drops and a later one writes": (
        [doc("A", ("1", "孤立局"))],
        [doc("A", ("1", "水利局"), version="2"), doc("B", ("1", "孤立局"))]),
    "two versions of one document in one call": (
        [], [doc("A", ("1", "水利局")), doc("B", ("1", "财政局")), doc("A", ("2", "能源局"), version="2")]),
}


@pytest.mark.parametrize("case", CASES)
def test_write_documents_leaves_what_one_by_one_leaves(stores, case):
    one, many = stores
    before, sequence = CASES[case]
    for store in (one, many):
        store.clear()
        for graph in before:
            store.write_document(graph)
    for graph in sequence:
        one.write_document(graph)
    many.write_documents(sequence)
    assert snapshot(many) == snapshot(one)
    assert snapshot(many)  # something was written


def test_the_sample_gazette_batched_is_the_sample_one_by_one(stores, sample_graphs):
    one, many = stores
    for store in (one, many):
        store.clear()
    for graph in sample_graphs:
        one.write_document(graph)
    many.write_documents(sample_graphs)
    assert snapshot(many) == snapshot(one)
    assert many.stats() == one.stats()


def test_a_bad_document_in_a_group_is_named_and_those_before_it_are_written(stores):
    _, many = stores
    many.clear()
    bad = doc("BAD", ("1", "水利局"))
    bad.edges[0].props["evidence"] = "nul\x00here"
    with pytest.raises(Exception, match="BAD"):
        many.write_documents([doc("A", ("1", "水利局")), bad, doc("C", ("1", "财政局"))])
    assert many.document_hashes().keys() == {"A"}


GROUPS = [
    ("distinct documents stay together", [doc("A", ("1", "x")), doc("B", ("1", "y"))], {}, [2]),
    ("a document twice is cut", [doc("A", ("1", "x")), doc("A", ("1", "y"), version="2")], {}, [1, 1]),
    ("dropped then written is cut", [doc("A", ("1", "x")), doc("B", ("1", "old"))],
     {"A": {("Agency", "agency:old")}}, [1, 1]),
    ("dropped and not written again stays", [doc("A", ("1", "x")), doc("B", ("1", "y"))],
     {"A": {("Agency", "agency:old")}}, [2]),
]


@pytest.mark.parametrize("name, graphs, touched, sizes", GROUPS, ids=[g[0] for g in GROUPS])
def test_plan_groups_cuts_where_one_query_would_differ(name, graphs, touched, sizes):
    assert [len(g) for g in batch.plan_groups(graphs, touched)] == sizes


def test_plan_groups_bounds_edges_and_documents():
    graphs = [doc(f"D{i}", *[(str(n), f"局{n}") for n in range(10)]) for i in range(30)]
    groups = batch.plan_groups(graphs, {}, max_edges=45, max_docs=3)
    assert [len(g) for g in groups] == [3] * 10
    assert [g.doc for group in groups for g in group] == [g.doc for g in graphs]
