"""Review decisions on document graphs (kg.review.apply) and as records (kg.review.records):
what each decision does to what a document states, and the file that keeps them."""

from __future__ import annotations

import json

import pytest

from govkg.errors import InputError, QueryError
from govkg.ids import make_id
from kg.model import Node
from kg.people import People
from kg.review.apply import Review
from kg.review.queue import doubt, precision_table
from kg.review.records import Decision, active, append, decision, find, read_decisions
from tests.kg.conftest import GraphFactory

DOC = "阳政办发〔2020〕33号"


def made(kind: str, target: dict, at: str = "2020-05-01T00:00:00+00:00") -> Decision:
    return Decision(kind, target, "tester", "", at, make_id("review", kind, at, json.dumps(target, sort_keys=True)))


@pytest.fixture
def factory() -> GraphFactory:
    return GraphFactory()


@pytest.fixture
def plan(factory):
    """A work plan: 水利局 leads two tasks, 生态环境局 cooperates; and a post of 水利局 with its holder."""
    graph = factory.task_document(DOC, "阳泉市水利局", ["阳泉市生态环境局"])
    water = factory.agency("阳泉市水利局")
    post = Node("Post", make_id("post", "阳泉市水利局", "局长"), {"name": "阳泉市水利局局长", "title": "局长", "agency": "阳泉市水利局"})
    person = factory.node("Official", "张三")
    extra = [factory.edge(DOC, post, "POST_OF", water), factory.edge(DOC, person, "APPOINTED_TO", post, act="任命")]
    graph.edges += extra
    graph.nodes += [post, person]
    return graph


def edge_of(graph, type_: str, source_name: str | None = None):
    return next(e for e in graph.edges if e.type == type_ and (source_name is None or e.source.props.get("name") == source_name))


def test_a_rejected_fact_leaves_with_the_nodes_only_it_named(plan):
    appointment = edge_of(plan, "APPOINTED_TO")
    after = Review([made("reject", {"edge": appointment.id, "doc": DOC})]).apply(plan)
    assert appointment.id not in {e.id for e in after.edges}
    assert appointment.source.id not in {n.id for n in after.nodes}  # the official named by nothing else
    assert appointment.target.id in {n.id for n in after.nodes}  # the post: still the post of its agency
    assert len(after.edges) == len(plan.edges) - 1 and DOC in {n.id for n in after.nodes}


def test_the_latest_verdict_on_a_fact_counts(plan):
    lead = edge_of(plan, "LEADS")
    reject = made("reject", {"edge": lead.id, "doc": DOC}, "2020-05-01T00:00:00+00:00")
    confirm = made("confirm", {"edge": lead.id, "doc": DOC}, "2020-05-02T00:00:00+00:00")
    assert lead.id in {e.id for e in Review([reject, confirm]).apply(plan).edges}
    assert lead.id not in {e.id for e in Review([confirm, reject]).apply(plan).edges}
    assert Review([reject, confirm]).confirmed == {lead.id}


def test_an_undone_decision_counts_for_nothing(plan):
    lead = edge_of(plan, "LEADS")
    reject = made("reject", {"edge": lead.id, "doc": DOC})
    undone = Decision(**{**reject.to_json(), "undone": True})
    assert not Review([undone]) and Review([undone]).apply(plan) is plan


def test_a_merge_moves_facts_keeps_edge_ids_and_posts_follow(plan, factory):
    water, env = factory.agency("阳泉市水利局"), factory.agency("阳泉市生态环境局")
    merge = made("merge", {"label": "Agency", "keep": {"id": env.id, "name": "阳泉市生态环境局"},
                           "drop": {"id": water.id, "name": "阳泉市水利局"}})
    after = Review([merge]).apply(plan)
    assert water.id not in {n.id for n in after.nodes}
    assert {e.id for e in after.edges} == {e.id for e in plan.edges}
    leads = [e for e in after.edges if e.type == "LEADS"]
    assert {e.source.id for e in leads} == {env.id} and all("review:" in " ".join(e.props["resolution"]) for e in leads)
    post = edge_of(after, "POST_OF").source
    assert post.props["name"] == "阳泉市生态环境局局长" and post.id == make_id("post", "阳泉市生态环境局", "局长")
    assert edge_of(after, "APPOINTED_TO").target.id == post.id


def test_merges_chain_and_a_cycle_stops(factory, plan):
    a, b, c = (factory.agency(n) for n in ("阳泉市水利局", "甲局", "乙局"))
    first = made("merge", {"label": "Agency", "keep": {"id": b.id, "name": "甲局"}, "drop": {"id": a.id, "name": "阳泉市水利局"}})
    second = made("merge", {"label": "Agency", "keep": {"id": c.id, "name": "乙局"}, "drop": {"id": b.id, "name": "甲局"}})
    back = made("merge", {"label": "Agency", "keep": {"id": a.id, "name": "阳泉市水利局"}, "drop": {"id": c.id, "name": "乙局"}})
    assert Review([first, second]).remaps[a.id][:2] == (c.id, "乙局")
    Review([first, second, back]).apply(plan)  # ends, whatever it merges


def test_a_rename_gives_the_agency_the_id_of_its_new_name(plan, factory):
    water = factory.agency("阳泉市水利局")
    new_id = make_id("agency", None, "阳泉市水务局")
    rename = made("rename", {"agency": {"id": water.id, "name": "阳泉市水利局"}, "name": "阳泉市水务局", "new_id": new_id})
    after = Review([rename]).apply(plan)
    renamed = next(n for n in after.nodes if n.id == new_id)
    assert renamed.props["name"] == "阳泉市水务局" and "review:rename" in renamed.props["resolution"]
    assert edge_of(after, "POST_OF").source.props["name"] == "阳泉市水务局局长"


def test_a_split_form_gets_an_agency_of_its_own(plan, factory):
    water = factory.agency("阳泉市水利局")
    for e in plan.edges:
        if e.type == "LEADS" and e.source.id == water.id:
            e.props["written"] = "市水务局"
    new_id = make_id("agency", None, "阳泉市水务局")
    split = made("split_agency", {"agency": {"id": water.id, "name": "阳泉市水利局"}, "written": "市水务局",
                                  "name": "阳泉市水务局", "new_id": new_id})
    after = Review([split]).apply(plan)
    assert {e.source.id for e in after.edges if e.type == "LEADS"} == {new_id}
    assert edge_of(after, "POST_OF").target.id == water.id  # the post's fact did not write 市水务局


def test_a_post_moves_to_the_agency_a_reviewer_names(plan, factory):
    post = edge_of(plan, "POST_OF").source
    env = factory.agency("阳泉市生态环境局")
    after = Review([made("post_agency", {"post": {"id": post.id, "name": post.props["name"], "title": "局长"},
                                         "agency": {"id": env.id, "name": "阳泉市生态环境局"}})]).apply(plan)
    moved = edge_of(after, "POST_OF")
    assert moved.target.id == env.id and moved.source.props["agency"] == "阳泉市生态环境局"
    assert edge_of(after, "APPOINTED_TO").target.id == moved.source.id


def test_a_person_split_is_a_not_same_judgement():
    split = made("split_person", {"name": "田强", "jurisdiction": "阳泉市", "left": "甲局", "right": "乙局"})
    people = People([], review=Review([split]))
    assert people.key("田强", "阳泉市", "甲局") != people.key("田强", "阳泉市", "乙局")
    assert People([]).key("田强", "阳泉市", "甲局") == People([]).key("田强", "阳泉市", "乙局")


# -- the file of decisions -----------------------------------------------------------------------

def test_decisions_are_appended_and_undone_by_record(tmp_path):
    path = tmp_path / "reviews.jsonl"
    first = decision("reject", {"edge": "edge:1", "doc": DOC}, "alice", "a wrong bracket")
    append(path, first)
    append(path, decision("undo", {"decision": first.id}, "bob"))
    found = read_decisions(path)
    assert [d.kind for d in found] == ["reject", "undo"] and found[0].undone and found[0].who == "alice"
    assert not active(found)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(QueryError, match="already undone"):
        find(found, first.id[:14])


@pytest.mark.parametrize("kind, target, message", [
    ("approve", {}, "unknown decision 'approve'"),
    ("reject", {"edge": "edge:1"}, "needs doc"),
    ("merge", {"label": "Post", "keep": {"id": "a"}, "drop": {"id": "b"}}, "only Agency and Official"),
])
def test_a_decision_that_says_too_little_is_refused(kind, target, message):
    with pytest.raises(QueryError, match=message):
        decision(kind, target, "alice")


def test_a_damaged_file_is_one_line_naming_it(tmp_path):
    path = tmp_path / "reviews.jsonl"
    path.write_text('{"kind": "reject"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1: not a decision"):
        read_decisions(path)


# -- doubt --------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, expected", [
    ({"rule": "tasks/bracket"}, 0.0),
    ({"rule": "acts/weak", "an": "x", "bn": "y"}, 0.4),
    ({"ocr": 0.5, "rule": "x"}, 0.5),
    ({"a_known": False, "an": "卫健委", "rule": "x"}, 0.3),
    ({"ocr": 0.5, "a_known": False, "an": "卫健委", "rule": "acts/weak"}, 1 - 0.5 * 0.7 * 0.6),
])
def test_doubt_combines_the_signs(row, expected):
    found, reasons = doubt(row, {"acts/weak": 0.6, "tasks/bracket": 1.0})
    assert found == pytest.approx(expected, abs=1e-4) and (len(reasons) > 0) == (expected > 0)


def test_the_precision_table_sums_a_rule_over_kinds():
    rows = [{"kind": "appointments", "rule": "r", "found": 4, "correct": 3, "precision": 0.75},
            {"kind": "removals", "rule": "r", "found": 6, "correct": 6, "precision": 1.0}]
    assert precision_table(rows, "dev")["rules"]["r"] == {"found": 10, "correct": 9, "kinds": ["appointments", "removals"],
                                                         "precision": 0.9}


def test_a_merge_leaves_the_kept_node_its_own_properties(plan, factory):
    water = factory.node("Agency", "阳泉市水利局", known=False, kind="other", written=["水利部门"])
    env = factory.agency("阳泉市生态环境局")
    plan.nodes = [water if n.id == water.id else n for n in plan.nodes]
    merge = made("merge", {"label": "Agency", "keep": {"id": env.id, "name": "阳泉市生态环境局"},
                           "drop": {"id": water.id, "name": "阳泉市水利局"}})
    kept = next(n for n in Review([merge]).apply(plan).nodes if n.id == env.id)
    assert kept.props["known"] is True and kept.props["kind"] == "department"
    assert "水利部门" in kept.props["written"]
