"""The `kg` command as a user runs it: one process per command, the embedded store in a
temporary data directory, errors as one line with exit code 2."""

import json
import os
import subprocess
import sys

import networkx as nx
import pytest

KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli-data")
    environ = {**os.environ, "KG_DATA_DIR": str(data), "KG_STORE": "embedded", "KG_GRAPH": "cli"}
    yield environ
    subprocess.run([*KG, "store", "stop"], env=environ, capture_output=True, timeout=60)


def kg(env, *args, ok=True):
    out = subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=300)
    if ok:
        assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def loaded(env, sample_path):
    out = kg(env, "load", str(sample_path))
    assert "27 documents written" in out.stdout
    return env


def test_load_twice_changes_nothing(loaded, sample_path):
    before = json.loads(kg(loaded, "stats", "--format", "json").stdout)
    out = kg(loaded, "load", str(sample_path))
    assert "0 documents written" in out.stdout and "27 unchanged" in out.stdout
    assert json.loads(kg(loaded, "stats", "--format", "json").stdout) == before
    assert before["nodes"]["Document"] == 27 and before["edges"]["APPOINTED_TO"] >= 15


def test_load_says_how_each_file_was_read(tmp_path):
    """A file that took more than plain reading (a codec, joined lines) says so, one note a line."""
    notice = tmp_path / "gb-notice.txt"
    notice.write_bytes("关于任免张三同志职务的通知\n任命张三为市财政局局长。\n".encode("gb18030"))
    own = {**os.environ, "KG_DATA_DIR": str(tmp_path / "data"), "KG_STORE": "embedded", "KG_GRAPH": "notes"}
    try:
        out = kg(own, "load", str(notice))
    finally:
        subprocess.run([*KG, "store", "stop"], env=own, capture_output=True, timeout=60)
    assert "1 documents written" in out.stdout
    assert f"kg: note: {notice}: decoded as gb18030" in out.stderr.splitlines()


def test_query_list_and_rows_as_json(loaded):
    listing = json.loads(kg(loaded, "query", "--list", "--format", "json").stdout)
    assert len(listing) >= 20
    assert all({"name", "description", "params"} <= set(q) for q in listing)
    rows = json.loads(kg(loaded, "query", "post_holders", "--param", "post=西城分局局长",
                         "--param", "on=2020-04-01", "--format", "json").stdout)
    assert [r["official"] for r in rows] == ["李武"]
    csv_out = kg(loaded, "query", "documents", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("number,date,title") and len(csv_out) == 28


def test_export_gexf_has_the_counts_of_stats(loaded, tmp_path):
    stats = json.loads(kg(loaded, "stats", "--format", "json").stdout)
    path = tmp_path / "g.gexf"
    kg(loaded, "export", "gexf", "-o", str(path))
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == sum(stats["nodes"].values())
    assert graph.number_of_edges() == sum(stats["edges"].values())


def test_viz_writes_a_page(loaded, tmp_path):
    path = tmp_path / "v.html"
    out = kg(loaded, "viz", "--official", "石成芳", "-o", str(path))
    assert "nodes" in out.stdout and path.read_text(encoding="utf-8").count("<circle") >= 3


def test_judge_records_a_decision(loaded, tmp_path):
    env = {**loaded, "KG_JUDGEMENTS": str(tmp_path / "j.csv")}
    kg(env, "judge", "田强", "--left", "阳泉市卫生健康委员会", "--right", "阳泉市公安局", "--decision", "not_same")
    rows = json.loads(kg(env, "judge", "--format", "json").stdout)
    assert rows[0]["decision"] == "not_same" and rows[0]["name"] == "田强"


def test_extract_prints_the_facts_format(sample_path):
    out = subprocess.run([*KG, "extract", str(sample_path)], capture_output=True, text=True, timeout=300)
    facts = json.loads(out.stdout)
    assert {"documents", "appointments", "removals", "tasks", "groups", "rivers"} <= set(facts)
    assert all("evidence" in a for a in facts["appointments"])


def test_eval_scores_against_the_gold(gold, sample_path, tmp_path):
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([*KG, "eval", "--gold", str(gold_path), str(sample_path), "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    scores = {s["kind"]: s for s in json.loads(out.stdout)}
    assert scores["appointments"]["f1"] >= 0.98 and scores["removals"]["f1"] >= 0.98
    # the sample's gold gives tasks for some of its documents: only those are scored for tasks
    assert scores["task_agencies"]["found"] == scores["task_agencies"]["gold"] == scores["task_agencies"]["correct"]


def test_export_rdf_parses_with_the_counts_of_stats(loaded, tmp_path):
    from rdflib import Graph, Namespace, RDF

    from kg.export.vocab import GOVKG

    org = Namespace("http://www.w3.org/ns/org#")
    stats = json.loads(kg(loaded, "stats", "--format", "json").stdout)
    path = tmp_path / "g.ttl"
    kg(loaded, "export", "rdf", "--format", "turtle", "-o", str(path))
    again = tmp_path / "jobs" / "g.ttl"
    again.parent.mkdir()
    kg(loaded, "export", "rdf", "--format", "turtle", "-o", str(again), "--jobs", "1")
    graph = Graph().parse(path, format="turtle")
    assert len(Graph().parse(again, format="turtle")) == len(graph)
    collective = Namespace(GOVKG).Collective  # 各县（区）政府: no organisation of its own
    agencies = set(graph.subjects(RDF.type, org.Organization)) | set(graph.subjects(RDF.type, collective))
    assert len(agencies) >= stats["nodes"]["Agency"]
    trig = tmp_path / "g.trig"
    kg(loaded, "export", "rdf", "--format", "trig", "-o", str(trig), "--doc", "阳政任字〔2020〕6号")
    assert trig.stat().st_size > 0


def test_a_relative_data_directory_is_taken_from_where_kg_runs(tmp_path, sample_path):
    """KG_DATA_DIR=./kgdata: the store server, which runs in its own directory, must find it."""
    environ = {**os.environ, "KG_DATA_DIR": "kgdata", "KG_STORE": "embedded", "KG_GRAPH": "rel"}
    try:
        out = subprocess.run([*KG, "load", str(sample_path)], env=environ, cwd=tmp_path, capture_output=True,
                             text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        stats = subprocess.run([*KG, "stats", "--format", "json"], env=environ, cwd=tmp_path, capture_output=True,
                               text=True, timeout=120)
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["nodes"]["Document"] == 27
        assert (tmp_path / "kgdata" / "falkordb.log").exists()
    finally:
        subprocess.run([*KG, "store", "stop"], env=environ, cwd=tmp_path, capture_output=True, timeout=60)


@pytest.mark.parametrize("kind", ["graphml", "gexf", "csv"])
def test_exports_withhold_contact_details_unless_included(loaded, tmp_path, kind):
    def export(*flags):
        out = tmp_path / f"{kind}{len(flags)}"
        kg(loaded, "export", kind, "-o", str(out), "--doc", "阳政办发〔2020〕25号", *flags)
        files = sorted(out.iterdir()) if out.is_dir() else [out]
        return "".join(f.read_text(encoding="utf-8") for f in files)

    assert "18635381792" not in export() and "18635381792" in export("--include-contacts")


def test_store_stop_force_of_a_store_that_is_not_running(tmp_path):
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "none")}
    out = kg(env, "store", "stop", "--force")
    assert out.stdout.strip() == "not running"


# -- issue 17: exports other tools take, the store named, scripts and logs -------------------

def test_two_rdf_exports_of_one_store_are_the_same_bytes_and_placeholders_are_warned(loaded, tmp_path):
    first, again = tmp_path / "a" / "g.trig", tmp_path / "b" / "g.trig"  # the name is in the DCAT description
    first.parent.mkdir(), again.parent.mkdir()
    out = kg(loaded, "export", "rdf", "--format", "trig", "-o", str(first))
    kg(loaded, "export", "rdf", "--format", "trig", "-o", str(again))
    assert first.read_bytes() == again.read_bytes()
    warnings = [line for line in out.stderr.splitlines() if line.startswith("kg: warning: ")]
    assert len(warnings) == 2 and "KG_RDF_BASE" in warnings[0] and "KG_RDF_PUBLISHER" in warnings[1]
    quiet = {**loaded, "KG_RDF_BASE": "https://data.example.test/kg/", "KG_RDF_PUBLISHER": "阳泉市数据局"}
    assert "warning" not in kg(quiet, "export", "rdf", "-o", str(tmp_path / "c.ttl")).stderr


def test_export_neo4j_and_ftm_have_the_counts_of_stats(loaded, tmp_path):
    stats = json.loads(kg(loaded, "stats", "--format", "json").stdout)
    kg(loaded, "export", "neo4j", "-o", str(tmp_path / "neo4j"))
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in (tmp_path / "neo4j" / "nodes").glob("*.csv"))
    assert rows == sum(stats["nodes"].values())  # no node holds a line break in the sample
    assert (tmp_path / "neo4j" / "import.sh").exists() and (tmp_path / "neo4j" / "schema.cypher").exists()
    kg(loaded, "export", "ftm", "-o", str(tmp_path / "g.ftm.json"))
    entities = [json.loads(line) for line in (tmp_path / "g.ftm.json").read_text(encoding="utf-8").splitlines()]
    assert sum(e["schema"] == "Person" for e in entities) == stats["nodes"]["Official"]


def test_store_status_names_the_store_in_use(tmp_path):
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "none")}
    assert json.loads(kg(env, "store", "status").stdout)["store"] == "embedded"
    env = {**env, "KG_STORE": "neo4j"}
    env.pop("KG_NEO4J_URI", None)
    status = json.loads(kg(env, "store", "status").stdout)
    assert status["store"] == "neo4j" and status["answers"] is False and "KG_NEO4J_URI not set" in status["error"]


def test_store_clear_yes_for_scripts_and_load_progress_in_a_log(tmp_path, sample_path):
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "d"), "KG_STORE": "embedded", "KG_GRAPH": "scripted"}
    try:
        out = kg(env, "load", str(sample_path))  # stderr is a pipe here, as in a log
        assert f"kg: load: {sample_path} (1/1 files, " in out.stderr
        assert kg(env, "store", "clear", "--yes").stdout.strip() == "cleared"
        assert json.loads(kg(env, "stats", "--format", "json").stdout)["nodes"]["Document"] == 0
    finally:
        subprocess.run([*KG, "store", "stop"], env=env, capture_output=True, timeout=60)
