"""A load killed at any moment leaves every document whole or absent; loading again gives
the store one clean load gives. `bench/kill_load.py` repeats this many times."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.dump import read_graph
from govkg.settings import Settings
from kg.stores import open_store

KG = [sys.executable, "-m", "kg"]


def corpus(folder: Path, sample: Path) -> Path:
    """The sample and a variant of it whose documents have other numbers: 54 documents."""
    folder.mkdir(exist_ok=True)
    text = sample.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("〔2020〕", "〔2019〕"), encoding="utf-8")
    return folder


def snapshot(env: dict) -> tuple:
    settings = Settings(store="embedded", data_dir=Path(env["KG_DATA_DIR"]), graph=env["KG_GRAPH"])
    with open_store(settings) as store:
        data = read_graph(store)
    nodes = sorted((n.id, json.dumps(n.props, sort_keys=True, ensure_ascii=False)) for n in data.nodes.values())
    edges = sorted((e.id, json.dumps(e.props, sort_keys=True, ensure_ascii=False)) for e in data.edges)
    return nodes, edges


def whole_documents(env: dict) -> bool:
    """Every stored document has all the edges its content says it has."""
    settings = Settings(store="embedded", data_dir=Path(env["KG_DATA_DIR"]), graph=env["KG_GRAPH"])
    with open_store(settings) as store:
        rows = store.query("MATCH (d:Document) OPTIONAL MATCH ()-[r]->() WHERE r.doc = d.id "
                           "RETURN d.id AS doc, count(r) AS edges")
    return all(r["edges"] > 0 for r in rows)


def kill_and_reload(env: dict, folder: Path, delay: float, victim: str) -> None:
    load = subprocess.Popen([*KG, "load", str(folder)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if victim == "load":
        load.send_signal(signal.SIGKILL)
    else:
        pid = int((Path(env["KG_DATA_DIR"]) / "falkordb.pid").read_text())
        os.kill(pid, signal.SIGKILL)
    load.wait(60)
    assert whole_documents(env)
    again = subprocess.run([*KG, "load", str(folder)], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr


@pytest.fixture(scope="module")
def clean(tmp_path_factory, sample_path):
    folder = corpus(tmp_path_factory.mktemp("corpus"), sample_path)
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path_factory.mktemp("kill-data")), "KG_GRAPH": "clean"}
    subprocess.run([*KG, "load", str(folder)], env=env, check=True, capture_output=True, timeout=600)
    yield folder, env, snapshot(env)
    subprocess.run([*KG, "store", "stop"], env=env, capture_output=True, timeout=60)


@pytest.mark.parametrize("seed, victim", [(1, "load"), (2, "load"), (3, "database")])
def test_a_killed_load_then_a_second_load_equals_one_clean_load(clean, seed, victim):
    folder, env, expected = clean
    env = {**env, "KG_GRAPH": f"killed-{seed}"}
    kill_and_reload(env, folder, random.Random(seed).uniform(1.0, 4.0), victim)
    assert snapshot(env) == expected


def edges_per_document(env: dict) -> dict[str, int]:
    settings = Settings(store="embedded", data_dir=Path(env["KG_DATA_DIR"]), graph=env["KG_GRAPH"])
    with open_store(settings) as store:
        rows = store.query("MATCH (d:Document) OPTIONAL MATCH ()-[r]->() WHERE r.doc = d.id "
                           "RETURN d.id AS doc, count(r) AS edges")
    return {r["doc"]: r["edges"] for r in rows}


def test_readers_during_a_load_see_whole_documents_only(clean):
    folder, env, _ = clean
    final = edges_per_document(env)
    env = {**env, "KG_GRAPH": "reading"}
    load = subprocess.Popen([*KG, "load", str(folder)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    seen = 0
    while load.poll() is None:
        for doc, edges in edges_per_document(env).items():
            assert edges == final[doc], doc
            seen += 1
        time.sleep(0.05)
    assert load.returncode == 0 and seen > 0
    assert edges_per_document(env) == final
