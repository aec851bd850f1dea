"""Every canned query on the embedded store loaded with the sample gazette."""

import dataclasses

import pytest

from kg.load import load_paths
from kg.queries import get_query, load_queries
from kg.settings import Settings
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
