"""Every canned query on the embedded store loaded with the sample gazette."""

import dataclasses
import re

import pytest

from bench.graph import LOOKUPS
from kg.load import load_paths
from kg.queries import get_query, load_queries
from govkg.settings import Settings
from kg.stores import open_store


@pytest.fixture(scope="module")
def loaded(kg_data_dir, sample_path):
    settings = dataclasses.replace(Settings.from_env(), store="embedded", graph="canned")
    store = open_store(settings)
    store.clear()
    report = load_paths([sample_path], store)
    assert report.ok and report.written == 27
    yield store
    store.clear()
    store.close()


def run(store, query_name, **params):
    q = get_query(query_name)
    return store.query(q.cypher, q.bind({**q.example, **params}))


def test_at_most_a_fifth_of_the_queries_find_nothing_on_the_sample(loaded):
    empty = [q.name for q in load_queries().values() if not run(loaded, q.name)]
    assert len(load_queries()) >= 20
    assert len(empty) <= len(load_queries()) // 5, empty


def test_documents_are_the_gold_documents(loaded, gold):
    rows = run(loaded, "documents")
    assert sorted(r["number"] for r in rows) == sorted(d["number"] for d in gold["documents"])
    assert rows[0]["date"] == min(d["date"] for d in gold["documents"])


def test_post_holders_follow_appointments_and_removals(loaded):
    assert [r["official"] for r in run(loaded, "post_holders", on="2020-04-01")] == ["李武"]
    assert run(loaded, "post_holders", on="2020-03-24") == []  # before 7号 nobody is recorded
    rows = run(loaded, "post_holders", post="阳泉市公安局矿区分局局长", on="2020-03-25")
    assert [r["official"] for r in rows] == ["石成芳"]


def test_successions_pair_removal_and_appointment_in_one_document(loaded):
    pairs = {(r["predecessor"], r["successor"]) for r in run(loaded, "successions")}
    assert {("石成芳", "李武"), ("贾权", "延鹏翀"), ("张卫东", "韩文明")} <= pairs


def test_official_career_in_date_order(loaded):
    rows = run(loaded, "official_career", name="石成芳")
    assert {(r["event"], r["what"]) for r in rows} == {
        ("REMOVED_FROM", "阳泉市公安局西城分局局长"), ("APPOINTED_TO", "阳泉市公安局矿区分局局长")}
    assert all(r["doc"] == "阳政任字〔2020〕7号" for r in rows)


def test_personnel_changes_in_march(loaded, gold):
    rows = run(loaded, "personnel_changes")
    assert len(rows) == len(gold["appointments"]) + len(gold["removals"])
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_agency_tasks_accepts_written_and_canonical_names(loaded):
    written = run(loaded, "agency_tasks", agency="市水利局")
    canonical = run(loaded, "agency_tasks", agency="阳泉市水利局")
    assert written == canonical and written
    first = [r for r in written if r["doc"] == "阳政办发〔2020〕33号" and r["item"] == "1"]
    assert first and first[0]["role"] == "LEADS" and "节水型社会" in first[0]["task"]


def test_partners_and_ranking(loaded):
    partners = [r["partner"] for r in run(loaded, "agency_partners")]
    assert "阳泉市生态环境局" in partners[:5]
    ranking = run(loaded, "lead_ranking")
    assert ranking[0]["leads"] >= ranking[-1]["leads"] and isinstance(ranking[0]["leads"], int)


def test_group_composition_and_interlocks(loaded):
    rows = run(loaded, "group_composition")
    leaders = [r for r in rows if r["role"] == "leader"]
    assert [(r["official"], r["title"]) for r in leaders] == [("雷健坤", "市长")]
    assert {r["office_at"] for r in rows} == {"阳泉市农业农村局"}
    interlocked = {r["official"] for r in run(loaded, "group_interlocks")}
    assert {"李文兵", "梁爱卿", "崔文革", "田强"} <= interlocked


def test_river_queries(loaded):
    items = {(r["doc"], r["item"]) for r in run(loaded, "river_tasks")}
    assert {("阳政办发〔2020〕33号", "11"), ("阳政办发〔2020〕33号", "19")} <= items
    assert run(loaded, "river_agencies")


def test_paths_between_agencies_and_officials(loaded):
    path = run(loaded, "agency_path", target="市生态环境局")[0]
    assert path["hops"] == 2 and path["links"][0] in ("LEADS", "COOPERATES_ON", "RESPONSIBLE_FOR")
    officials = run(loaded, "official_path")[0]
    assert officials["chain"][0] == "李文兵" and officials["chain"][-1] == "崔文革"
    assert officials["hops"] == 2


def test_evidence_names_the_sentence_and_span(loaded, sample_path):
    raw = sample_path.read_text(encoding="utf-8")
    rows = run(loaded, "edge_evidence")
    assert rows and rows[0]["fact"] == "APPOINTED_TO" and rows[0]["doc"] == "阳政任字〔2020〕6号"
    start, end = rows[0]["span"]
    assert "郝文保" in raw[start:end]


def test_data_quality_views(loaded):
    resolved = {r["canonical"]: r for r in run(loaded, "resolved_names")}
    assert "市住建局" in resolved["阳泉市住房和城乡建设局"]["written"]
    conflicts = {r["official"]: r["records"] for r in run(loaded, "official_conflicts")}
    assert set(conflicts["田强"]) == {"市卫生健康委员会二级调研员", "市卫生健康委员会副主任"}
    lacking = {(r["doc"], r["item"]) for r in run(loaded, "tasks_without_lead")}
    assert ("阳政办发〔2020〕33号", "21") in lacking


def test_document_structure(loaded, gold):
    rows = run(loaded, "document_tasks")
    gold_items = {str(t["item"]) for t in gold["tasks"]}
    assert gold_items <= {r["item"] for r in rows}
    program = run(loaded, "program_structure")
    assert {r["doc"] for r in program} >= {"阳政办发〔2020〕33号"}


def test_sub_units_and_profile(loaded):
    subs = {r["sub_unit"] for r in run(loaded, "agency_sub_units")}
    assert {"阳泉市公安局西城分局", "阳泉市公安局交通警察支队"} <= subs
    sections = {r["section"] for r in run(loaded, "agency_profile")}
    assert "task" in sections
    police = {r["section"] for r in run(loaded, "agency_profile", agency="阳泉市公安局")}
    assert "sub-unit" in police


# The plain shapes that the canned queries replaced for speed on a large graph (issue 4): on
# the sample both must give the same rows.
PLAIN = {
    "program_structure": """
        MATCH (t:Task)-[:PART_OF]->(p:Program) WHERE p.name = $program
        OPTIONAL MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t)
        RETURN p.name AS program, t.doc AS doc, t.item AS item, t.heading AS task,
               collect(CASE WHEN type(r) = 'LEADS' THEN a.name END) AS lead,
               collect(CASE WHEN type(r) = 'COOPERATES_ON' THEN a.name END) AS cooperate,
               collect(CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN a.name END) AS responsible""",
    "successions": """
        MATCH (old:Official)-[rm:REMOVED_FROM]->(p:Post)<-[ap:APPOINTED_TO]-(new:Official)
        WHERE rm.doc = ap.doc AND old.id <> new.id
        RETURN p.name AS post, old.name AS predecessor, new.name AS successor, ap.date AS date, ap.doc AS doc""",
    "tasks_without_lead": """
        MATCH (t:Task) WHERE NOT (t)<-[:LEADS]-(:Agency)
        OPTIONAL MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t)
        RETURN t.doc AS doc, t.item AS item, t.heading AS task, collect(a.name) AS responsible""",
}


def as_set(rows):
    """Rows as a comparable set; lists inside sorted (collect's order is the store's)."""
    return sorted(repr(sorted((k, sorted(v) if isinstance(v, list) else v) for k, v in r.items())) for r in rows)


@pytest.mark.parametrize("name, params", [
    ("program_structure", {"program": "河长制"}), ("program_structure", {"program": "蓝天保卫战"}),
    ("successions", {}), ("tasks_without_lead", {})])
def test_fast_shapes_answer_as_the_plain_ones(loaded, name, params):
    fast = run(loaded, name, **params)
    plain = loaded.query(PLAIN[name], get_query(name).bind({**get_query(name).example, **params}))
    assert fast and as_set(fast) == as_set(plain)


PLAIN_PATH = """MATCH p = (a:{label})-[*1..4]-(b:{label})
WHERE {ends} AND a <> b
RETURN length(p) AS hops ORDER BY hops LIMIT 1"""
AGENCY_ENDS = ("(a.name = $source OR $source IN a.written) AND (b.name = $target OR $target IN b.written) "
               "AND NOT (b.name = $source OR $source IN b.written)")


def check_paths(store, query, label, ends, pairs):
    for source, target in pairs:
        rows = run(store, query, source=source, target=target)
        plain = store.query(PLAIN_PATH.format(label=label, ends=ends), {"source": source, "target": target})
        assert [r["hops"] for r in rows] == [r["hops"] for r in plain], (source, target)
        for r in rows:
            assert len(r["links"]) == r["hops"] == len(r["chain"]) - 1
    return True


def test_agency_path_is_as_short_as_the_plain_pattern(loaded):
    names = sorted(r["name"] for r in loaded.query("MATCH (a:Agency) RETURN a.name AS name"))
    pairs = [("市水利局", t) for t in names[::6]] + [("阳泉市公安局", t) for t in names[3::11]]
    assert check_paths(loaded, "agency_path", "Agency", AGENCY_ENDS, pairs)
    chain = run(loaded, "agency_path", source="市水利局", target="阳泉市生态环境局")[0]["chain"]
    assert (chain[0], chain[-1]) == ("阳泉市水利局", "阳泉市生态环境局")


def test_official_path_is_as_short_as_the_plain_pattern(loaded):
    names = sorted({r["name"] for r in loaded.query("MATCH (o:Official) RETURN o.name AS name")})
    pairs = [(a, b) for a in names[:4] for b in names[::4] if a != b]
    assert check_paths(loaded, "official_path", "Official", "a.name = $source AND b.name = $target", pairs)


def test_a_path_from_a_node_to_itself_is_not_sought(loaded):
    assert run(loaded, "agency_path", source="市水利局", target="阳泉市水利局") == []
    assert run(loaded, "official_path", source="任仔苏", target="任仔苏") == []


@pytest.mark.parametrize("post", ["阳泉市公安局西城分局局长", "西城分局局长", "公安局西城分局", "西城分局"])
def test_post_holders_by_the_position_its_end_or_its_agency(loaded, post):
    assert [r["official"] for r in run(loaded, "post_holders", post=post, on="2020-04-01")] == ["李武"]


def test_post_holders_keep_titles_whole(loaded):
    chiefs = run(loaded, "post_holders", post="局长", on="2020-12-31")
    assert chiefs and not any(r["post"].endswith("副局长") for r in chiefs)  # a deputy is not the 局长
    deputies = run(loaded, "post_holders", post="交通运输局副局长", on="2020-12-31")
    assert [r["official"] for r in deputies] == ["曹阳"]


GROWING = ("Post", "Task", "Official", "Document")  # labels that grow with the documents loaded


@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_lookups_read_no_growing_label_whole(loaded, name):
    q = get_query(name)
    plan = str(loaded.graph.explain(q.cypher, q.bind(q.example)))
    assert not set(re.findall(r"Label Scan \| \(\w+:(\w+)\)", plan)) & set(GROWING), plan
