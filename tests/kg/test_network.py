import networkx as nx
import pytest

from kg.dump import GraphData
from kg.model import Edge, Node
from kg.network import as_of, cooperation_graph, to_networkx, write_graph


def test_networkx_graph_keeps_every_node_edge_and_property(sample_data):
    g = to_networkx(sample_data)
    assert g.number_of_nodes() == len(sample_data.nodes)
    assert g.number_of_edges() == len(sample_data.edges)
    u, v, attrs = next((u, v, a) for u, v, a in g.edges(data=True) if a["type"] == "APPOINTED_TO")
    assert g.nodes[u]["label"] == "Official" and g.nodes[v]["label"] == "Post"
    assert attrs["evidence"] and attrs["doc"].startswith("阳政任字")


def _tenure_graph():
    official, post = Node("Official", "o", {"id": "o", "name": "石成芳"}), Node("Post", "p", {"id": "p", "name": "西城分局局长"})
    other = Node("Post", "q", {"id": "q", "name": "矿区分局局长"})
    edges = [Edge("APPOINTED_TO", official, post, "a1", {"date": "2018-01-01", "doc": "d1"}),
             Edge("REMOVED_FROM", official, post, "r1", {"date": "2020-03-25", "doc": "d2"}),
             Edge("APPOINTED_TO", official, other, "a2", {"date": "2020-03-25", "doc": "d2"})]
    return to_networkx(GraphData({n.id: n for n in (official, post, other)}, edges))


@pytest.mark.parametrize("day, posts", [
    ("2017-12-31", set()),
    ("2019-06-01", {"p"}),
    ("2020-03-25", {"q"}),
    ("2021-01-01", {"q"}),
])
def test_as_of_keeps_only_the_tenures_open_that_day(day, posts):
    view = as_of(_tenure_graph(), day)
    held = {v for _, v, a in view.edges(data=True) if a["type"] == "APPOINTED_TO"}
    assert held == posts
    assert not any(a["type"] == "REMOVED_FROM" for *_, a in view.edges(data=True))


def test_cooperation_graph_weights_shared_tasks(sample_data):
    coop = cooperation_graph(sample_data)
    names = {coop.nodes[n]["name"]: n for n in coop}
    water, ecology = names["阳泉市水利局"], names["阳泉市生态环境局"]
    assert coop.edges[water, ecology]["weight"] >= 3  # river-chief plan items 6, 18, 24 at least
    assert not any(coop.nodes[n]["kind"] == "collective" for n in coop)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_files_read_back_with_the_same_counts(sample_data, tmp_path, fmt, reader):
    g = to_networkx(sample_data)
    path = tmp_path / f"graph.{fmt}"
    write_graph(g, path, fmt)
    back = reader(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
