import json

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
def test_files_read_back_with_every_relation_name_and_property(sample_data, tmp_path, fmt, reader):
    """What Gephi and networkx read: names as labels, the node type and the relation as
    attributes (GEXF reserves an edge's `type`), every property (lists as JSON text)."""
    g = to_networkx(sample_data)
    path = tmp_path / f"graph.{fmt}"
    write_graph(g, path, fmt, include_contacts=True)
    back = reader(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    relations = lambda graph, key: sorted((u, v, a[key]) for u, v, a in graph.edges(data=True))  # noqa: E731
    assert relations(back, "relation") == relations(g, "type")
    assert all(a["label"] == a["relation"] for *_, a in back.edges(data=True))
    for node, attrs in g.nodes(data=True):
        shown = back.nodes[node]
        assert shown["node_type"] == attrs["label"]
        assert shown["label"] == str(attrs.get("name") or attrs.get("heading") or attrs.get("title")
                                     or attrs.get("item") or attrs.get("number") or node)
        assert {k: shown[k] for k in attrs if k not in ("label", "id")} == \
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in attrs.items()
             if k not in ("label", "id")}
    agencies = [a for _, a in back.nodes(data=True) if a["node_type"] == "Agency"]
    assert "阳泉市水利局" in {a["label"] for a in agencies}
    u, v, attrs = next((u, v, a) for u, v, a in g.edges(data=True) if a["type"] == "APPOINTED_TO")
    (shown,) = [a for a in back.get_edge_data(u, v).values() if a["relation"] == "APPOINTED_TO"
                and a.get("evidence") == attrs["evidence"]][:1]
    assert {k: shown[k] for k in ("doc", "date", "evidence", "act", "page")} == {k: attrs[k] for k in ("doc", "date", "evidence", "act", "page")}


# -- one privacy rule for every export (issue 15, failure 6) -----------------------------------

CONTACT_DOC = "阳政办发〔2020〕25号"  # prints its contact persons' phone numbers


EVIDENCE = "联系人：市水利局 张三，电话：0353-2880832，手机 13912345678，邮箱 zhang.san@yq.gov.cn"


@pytest.fixture(scope="module")
def contact_doc(sample_data):
    """The sample document that prints phone numbers, and an edge whose evidence holds some."""
    data = sample_data.only_documents({CONTACT_DOC})
    contacts = [c for n in data.nodes.values() if n.label == "Document" for c in n.props.get("contacts", [])]
    assert "18635381792" in contacts and len(contacts) >= 2
    agency = Node("Agency", "agency:w", {"id": "agency:w", "name": "阳泉市水利局"})
    task = Node("Task", "task:w", {"id": "task:w", "item": "一", "text": "做好防汛"})
    data.nodes.update({agency.id: agency, task.id: task})
    data.edges.append(Edge("LEADS", agency, task, "edge:w", {"id": "edge:w", "doc": CONTACT_DOC,
                                                            "evidence": EVIDENCE, "contact": True}))
    return data, contacts + ["0353-2880832", "13912345678", "zhang.san@yq.gov.cn"]


def _written(path) -> str:
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return "".join(f.read_text(encoding="utf-8") for f in files)


@pytest.mark.parametrize("kind", ["graphml", "gexf", "csv", "viz"])
def test_every_export_withholds_contact_details_unless_asked(contact_doc, tmp_path, kind):
    from kg.network import write_csv
    from kg.viz import render_html

    data, contacts = contact_doc

    def export(include: bool, out):
        if kind == "csv":
            return write_csv(data, out, include_contacts=include)["redacted"]
        if kind == "viz":
            out.write_text(render_html(data, "sample", include_contacts=include), encoding="utf-8")
            return 1
        return write_graph(to_networkx(data), out, kind, include_contacts=include)

    withheld, shown = tmp_path / "withheld", tmp_path / "shown"
    redacted = export(False, withheld)
    export(True, shown)
    text, full = _written(withheld), _written(shown)
    assert not [c for c in contacts if c in text or c.replace("-", "") in text], "a contact detail leaked"
    assert "13912345678" in full and "***********" in text and "***@***" in text and redacted > 0
    assert CONTACT_DOC in text  # 文号, ids and keys are kept
