"""One error contract for every command: the typical mistakes a user makes give one line on
stderr that says what is wrong (an unknown name with the nearest names), exit code 2, and
no traceback. Each command runs as a user runs it, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

KG = [sys.executable, "-m", "kg"]
SAMPLE_DOC = "阳政办发〔2020〕33号"


@pytest.fixture(scope="module")
def env(tmp_path_factory, sample_path):
    data = tmp_path_factory.mktemp("contract-data")
    environ = {**os.environ, "KG_DATA_DIR": str(data), "KG_STORE": "embedded", "KG_GRAPH": "contract"}
    done = subprocess.run([*KG, "load", str(sample_path)], env=environ, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    yield environ
    subprocess.run([*KG, "store", "stop"], env=environ, capture_output=True, timeout=60)


def run(env, *args, **extra):
    return subprocess.run([*KG, *args], env={**env, **extra}, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


MISTAKES = [  # (arguments, what the one line must say)
    (["query", "agency_tasks", "--param", "agency=水力局"], "no Agency named '水力局' in the store (did you mean 阳泉市水利局"),
    (["query", "official_career", "--param", "name=李五"], "no Official named '李五' in the store (did you mean 李武"),
    (["query", "agency_path", "--param", "source=水力局", "--param", "target=市水利局"], "no Agency named '水力局'"),
    (["query", "document_tasks", "--param", "doc=阳政办发〔2020〕99号"], "no Document named"),
    (["query", "no_such_query"], "no canned query named 'no_such_query'"),
    (["query", "post_holders", "--param", "post=局长"], "missing parameter 'on'"),
    (["query", "post_holders", "--param", "post=局长", "--param", "on=tomorrow"], "must be a date"),
    (["query", "post_holders", "--param", "pots=局长"], "unknown parameter 'pots'"),
    (["viz", "--agency", "水力局", "-o", "{tmp}/v.html"], "no Agency named '水力局' in the store (did you mean 阳泉市水利局"),
    (["viz", "--official", "李五", "-o", "{tmp}/v.html"], "no Official named '李五' in the store (did you mean 李武"),
    (["viz", "--agency", "市水利局", "--doc", SAMPLE_DOC, "-o", "{tmp}/v.html"], "name exactly one of"),
    (["judge", "李五", "--left", "阳泉市水利局", "--right", "阳泉市公安局", "--decision", "same"],
     "no Official named '李五' in the store (did you mean 李武"),
    (["judge", "李武", "--left", "水力局", "--right", "阳泉市公安局", "--decision", "same"], "no Agency named '水力局'"),
    (["judge", "李武", "--left", "阳泉市水利局"], "a judgement needs --left, --right and --decision"),
    (["eval", "--errors", "foo", "--gold", "{sample}", "{sample}"], "Invalid value for '--errors'"),
    (["eval", "--gold", "{tmp}/no-gold.json", "{sample}"], "does not exist"),
    (["export", "turtle", "-o", "{tmp}/g.ttl"], "Invalid value for '{rdf|graphml|gexf|csv|neo4j|ftm}'"),
    (["export", "rdf", "--doc", "阳政发〔1999〕9号", "-o", "{tmp}/g.ttl"], "no such document: 阳政发〔1999〕9号"),
    (["export", "gexf", "-o", "{tmp}/no/such/dir/g.gexf"], "No such file or directory"),
    (["cypher", "CREATE (n:Agency {id: 'x'}) RETURN n"], "read-only"),
    (["load", "/no/such/file.pdf"], "/no/such/file.pdf: no such file or directory"),
    (["extract", "/no/such/file.txt"], "file does not exist"),
    (["store", "clear"], "no terminal to ask (add --yes)"),
]


@pytest.mark.parametrize("args, message", MISTAKES, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _) in enumerate(MISTAKES)])
def test_a_mistake_is_one_line_and_exit_code_2(env, tmp_path, sample_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)).replace("{sample}", str(sample_path)) for a in args]
    done = run(env, *args)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("kg: error: ") and message in lines[0], lines[0]


@pytest.mark.parametrize("args, message", [
    (["stats"], "unknown store 'nosuch' (valid: embedded, neo4j)"),
    (["store", "status"], "unknown store 'nosuch' (valid: embedded, neo4j)"),
])
def test_an_unknown_store_is_one_line(env, args, message):
    done = run(env, *args, KG_STORE="nosuch")
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [f"kg: error: KG_STORE: {message}"]


def test_a_text_file_named_pdf_is_refused_saying_what_it_is(env, tmp_path):
    fake = tmp_path / "gazette.pdf"
    fake.write_text("阳泉市人民政府关于张三任职的通知\n任命张三为阳泉市水利局局长。\n", encoding="utf-8")
    done = run(env, "extract", str(fake))
    assert done.returncode == 2 and "not a PDF" in done.stderr and "text" in done.stderr


def test_a_short_form_finds_the_agencies_it_can_mean(env):
    full = run(env, "query", "agency_tasks", "--param", "agency=阳泉市水利局", "--format", "csv")
    short = run(env, "query", "agency_tasks", "--param", "agency=水利局", "--format", "csv")
    assert short.returncode == 0 and short.stdout == full.stdout and len(full.stdout.splitlines()) > 3
    assert short.stderr.strip() == "kg: note: agency 水利局 → 阳泉市水利局"
    page = run(env, "viz", "--agency", "水利局", "-o", os.devnull)
    assert page.returncode == 0 and "nodes" in page.stdout
