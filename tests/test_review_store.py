"""Review decisions on a store loaded with the sample: applied at once, kept through
`kg load --force`, gone from queries and exports, and undone by reading the file again."""

from __future__ import annotations

import dataclasses

import pytest

from govkg.errors import QueryError, StoreError
from govkg.settings import Settings
from kg.dump import read_graph
from kg.load import load_paths
from kg.queries import get_query
from kg.review import decide, load_review, people_for, review_file, undo
from kg.review.queue import review_queue
from kg.review.records import read_decisions
from kg.review.targets import target_for
from kg.stores import open_store
from tests.kg.conftest import dump

DOC = "阳政办发〔2020〕33号"


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    return dataclasses.replace(Settings.from_env(), store="embedded", data_dir=tmp_path_factory.mktemp("review-data"),
                               graph="review", judgements=None)


@pytest.fixture(scope="module")
def store(settings, sample_path):
    store = open_store(settings)
    store.clear()
    assert load_paths([sample_path], store, people=people_for(settings)).ok
    yield store
    store.clear()
    store.close()
    store.server.stop()


def reload(store, settings, sample_path) -> None:
    """`kg load --force` of the sample, as the command builds it."""
    assert load_paths([sample_path], store, force=True, people=people_for(settings)).ok


def lead_of(store, task_heading: str) -> dict:
    rows = store.query("MATCH (a:Agency)-[r:LEADS]->(t:Task {doc: $doc}) WHERE t.heading = $h "
                       "RETURN r.id AS edge, a.name AS agency", {"doc": DOC, "h": task_heading})
    assert rows, task_heading
    return rows[0]


def test_a_rejected_fact_is_gone_from_queries_and_exports_and_stays_gone(store, settings, sample_path):
    before = dump(store)
    fact = lead_of(store, "深入开展联合执法检查")
    found, applied = decide(store, settings, "reject", target_for(store, "reject", {"edge": fact["edge"], "doc": DOC}),
                            "alice", "the bracket names the river office, not a lead")
    assert applied.docs == [DOC] and found.who == "alice"
    evidence = store.query(get_query("document_evidence").cypher, {"doc": DOC, "limit": 5000})
    assert not [r for r in evidence if r["fact"] == "LEADS" and r["subject"] == fact["agency"] and "联合执法" in r["evidence"]]
    assert fact["edge"] not in {e.id for e in read_graph(store).edges}
    reload(store, settings, sample_path)
    assert fact["edge"] not in {e.id for e in read_graph(store).edges}
    undo(store, settings, found.id, "bob", "it was right")
    assert dump(store) == before


def test_a_merge_and_a_rename_survive_a_load_and_undo_in_any_order(store, settings, sample_path):
    before = dump(store)
    target = target_for(store, "merge", {"label": "Agency", "keep": "阳泉市水利局", "drop": "水利部门"})
    merge, applied = decide(store, settings, "merge", target, "alice")
    assert applied.docs and not store.query("MATCH (a:Agency {name: '水利部门'}) RETURN a.id AS id")
    kept = store.query("MATCH (a:Agency {name: '阳泉市水利局'})-[r]-() RETURN count(r) AS n")[0]["n"]
    reload(store, settings, sample_path)
    assert store.query("MATCH (a:Agency {name: '阳泉市水利局'})-[r]-() RETURN count(r) AS n")[0]["n"] == kept
    assert not store.query("MATCH (a:Agency {name: '水利部门'}) RETURN a.id AS id")
    rename, _ = decide(store, settings, "rename", target_for(store, "rename", {"agency": "阳泉市水利局", "name": "阳泉市水务局"}))
    assert store.query("MATCH (a:Agency {name: '阳泉市水务局'})-[r]-() RETURN count(r) AS n")[0]["n"] == kept
    undo(store, settings, merge.id)  # the agency it merged into is called otherwise now: still found
    assert store.query("MATCH (a:Agency {name: '水利部门'}) RETURN a.id AS id")
    undo(store, settings, rename.id)
    assert dump(store) == before


def test_a_person_split_reads_the_documents_again(store, settings):
    rows = store.query("MATCH (o:Official)-[:APPOINTED_TO|REMOVED_FROM]->(p:Post) WITH o, collect(DISTINCT p.agency) AS a "
                       "WHERE size(a) > 1 RETURN o.name AS name, a ORDER BY name LIMIT 1")
    assert rows, "the sample has an official with posts at two agencies"
    name, (left, right) = rows[0]["name"], rows[0]["a"][:2]
    found, applied = decide(store, settings, "split_person", target_for(store, "split_person",
                                                                        {"name": name, "left": left, "right": right}))
    assert applied.docs and not applied.notes
    assert len(store.query("MATCH (o:Official {name: $n}) RETURN o.id AS id", {"n": name})) == 2
    undo(store, settings, found.id)
    assert len(store.query("MATCH (o:Official {name: $n}) RETURN o.id AS id", {"n": name})) == 1


@pytest.mark.parametrize("kind, fields, message", [
    ("reject", {"edge": "edge:nosuch", "doc": DOC}, "no fact 'edge:nosuch'"),
    ("merge", {"keep": "阳泉市水利局", "drop": "水力局"}, "no Agency named '水力局'"),
    ("split_agency", {"agency": "阳泉市水利局", "written": "水局"}, "is not written '水局'"),
    ("post_agency", {"post": "no such post", "agency": "阳泉市水利局"}, "no Post named"),
])
def test_a_target_that_names_nothing_is_refused_before_anything_is_recorded(store, settings, kind, fields, message):
    count = len(read_decisions(review_file(settings)))
    with pytest.raises(QueryError, match=message):
        decide(store, settings, kind, target_for(store, kind, fields))
    assert len(read_decisions(review_file(settings))) == count


def test_a_decision_waits_for_no_load(store, settings):
    from kg.lock import writer_lock

    fact = lead_of(store, "深入开展联合执法检查")
    with writer_lock(settings.data_dir), pytest.raises(StoreError, match="another kg load"):
        decide(store, settings, "confirm", target_for(store, "confirm", {"edge": fact["edge"], "doc": DOC}))


def test_the_queue_puts_the_most_doubtful_first_and_leaves_confirmed_facts_out(store, settings):
    rows = review_queue(store, load_review(settings), limit=500)
    assert rows and [r["doubt"] for r in rows] == sorted((r["doubt"] for r in rows), reverse=True)
    assert any("unknown name" in " ".join(r["reasons"]) for r in rows)
    first = rows[0]
    decide(store, settings, "confirm", target_for(store, "confirm", {"edge": first["edge"], "doc": first["doc"]}))
    assert first["edge"] not in {r["edge"] for r in review_queue(store, load_review(settings), limit=500)}


# -- the same from the command line ----------------------------------------------------------------

def kg(settings, *args):
    import os
    import subprocess
    import sys

    env = {**os.environ, "KG_DATA_DIR": str(settings.data_dir), "KG_GRAPH": settings.graph, "KG_STORE": "embedded"}
    env.pop("KG_JUDGEMENTS", None)
    return subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args, message", [
    (["review", "merge", "阳泉市水利局", "水力局"], "no Agency named '水力局' in the store (did you mean 阳泉市水利局"),
    (["review", "reject", "edge:nosuch", "--doc", DOC], "no fact 'edge:nosuch' in " + DOC),
    (["review", "undo", "review:nosuch"], "no decision 'review:nosuch' to undo"),
    (["review", "split-person", "李五", "--left", "阳泉市水利局", "--right", "阳泉市公安局"], "no Official named '李五'"),
])
def test_a_review_mistake_is_one_line(store, settings, args, message):
    done = kg(settings, *args)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [done.stderr.strip()], done.stderr
    assert done.stderr.startswith("kg: error: ") and message in done.stderr


def test_reviews_from_the_command_line_are_listed_undone_and_exported(store, settings, tmp_path):
    import csv
    import json

    fact = lead_of(store, "深入开展联合执法检查")
    done = kg(settings, "review", "reject", fact["edge"], "--doc", DOC, "--reviewer", "carol", "--why", "no lead")
    assert done.returncode == 0 and "reject" in done.stdout, done.stderr
    decision_id = done.stdout.split(":")[0] + ":" + done.stdout.split(":")[1]
    listed = json.loads(kg(settings, "review", "list", "--format", "json").stdout)
    assert listed[-1]["id"] == decision_id and listed[-1]["who"] == "carol"
    assert kg(settings, "review", "undo", decision_id[:14]).returncode == 0
    assert fact["edge"] in {e.id for e in read_graph(store).edges}
    out = tmp_path / "reviews.csv"
    assert kg(settings, "review", "export", "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {"id", "kind", "target", "who", "why", "at", "undone"} <= set(rows[0])
    assert [r["kind"] for r in rows if r["who"] == "carol"] == ["reject"] and rows[-1]["kind"] == "undo"
