"""kg.parallel: `kg load --jobs N` and `--scheduler` (Dask) leave the store a one-process load
leaves, stream the corpus, and report a bad file while the others load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.corpus import Corpus
from kg.cli import cli
from kg.dump import read_graph
from kg.parallel import _in_order, load_parallel
from govkg.settings import Settings
from kg.stores import open_store

DOCS = 9  # three of each shape: appointments, task plan, leadership group


@pytest.fixture(autouse=True)
def workers_even_for_a_small_corpus(monkeypatch):
    monkeypatch.setattr("kg.parallel.PARALLEL_BYTES", 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    Corpus(seed=3).write(out, DOCS)
    return out


def snapshot(data_dir: Path) -> dict:
    """Stats and every node and edge id with its properties: what two stores must share."""
    with open_store(Settings(data_dir=data_dir)) as store:
        data = read_graph(store)
        stats = store.stats()
    return {"stats": stats,
            "nodes": sorted((n.label, n.id, json.dumps(n.props, sort_keys=True, ensure_ascii=False))
                            for n in data.nodes.values()),
            "edges": sorted((e.type, e.id, e.source.id, e.target.id) for e in data.edges)}


def cli_load(data_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["load", *args], env={"KG_DATA_DIR": str(data_dir)})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    data_dir = tmp_path_factory.mktemp("jobs1")
    cli_load(data_dir, str(corpus), "--jobs", "1")
    return snapshot(data_dir)


def test_the_corpus_loads_facts_of_every_shape(one_process):
    edges = one_process["stats"]["edges"]
    assert one_process["stats"]["nodes"]["Document"] == DOCS
    assert edges["APPOINTED_TO"] > 0 and edges["REMOVED_FROM"] > 0
    assert edges["LEADS"] > 0 and edges["MEMBER_OF"] > 0


def test_two_processes_give_the_store_of_one(corpus, one_process, tmp_path):
    output = cli_load(tmp_path, str(corpus), "--jobs", "2")
    assert f"{DOCS} documents written" in output
    assert snapshot(tmp_path) == one_process


def test_a_dask_cluster_gives_the_store_of_one(corpus, one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, local_directory=str(tmp_path / "dask")) as cluster:
        cli_load(tmp_path, str(corpus), "--scheduler", cluster.scheduler_address)
    assert snapshot(tmp_path) == one_process


def test_a_reload_in_parallel_skips_unchanged_documents(corpus, tmp_path):
    with open_store(Settings(data_dir=tmp_path)) as store:
        first = load_parallel([corpus], store, jobs=2)
        again = load_parallel([corpus], store, jobs=2)
    assert (first.written, first.unchanged) == (DOCS, 0)
    assert (again.written, again.unchanged) == (0, DOCS)


def test_a_bad_file_is_reported_and_the_others_load(corpus, tmp_path):
    bad = tmp_path / "in" / "broken.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4 not really")
    for path in sorted(corpus.iterdir())[:3]:
        (bad.parent / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with open_store(Settings(data_dir=tmp_path / "data")) as store:
        report = load_parallel([bad.parent], store, jobs=2)
    assert report.written == 3 and len(report.failures) == 1
    assert "broken.pdf" in report.failures[0]


@pytest.mark.parametrize("files, window", [(0, 2), (1, 2), (7, 2), (7, 3), (3, 8)])
def test_outcomes_come_in_file_order_with_a_bounded_window(files, window):
    submitted, in_flight = [], []

    def submit(path):
        submitted.append(path)
        in_flight.append(len(submitted) - len(consumed))
        return path

    consumed: list = []
    for outcome in _in_order(list(range(files)), submit, lambda p: p, window):
        consumed.append(outcome)
    assert consumed == list(range(files))
    assert max(in_flight, default=0) <= window + 1  # the window, and the one being written


def test_a_reload_reads_only_the_files_that_changed_or_lost_documents(corpus, tmp_path, monkeypatch):
    import kg.parallel

    files = tmp_path / "in"
    files.mkdir()
    for path in sorted(corpus.iterdir()):
        (files / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    read: list[str] = []
    extract = kg.parallel.extract_file
    monkeypatch.setattr(kg.parallel, "extract_file", lambda path, *a: read.append(Path(path).name) or extract(path, *a))
    with open_store(Settings(data_dir=tmp_path / "data")) as store:
        load = lambda: load_parallel([files], store, index_dir=tmp_path / "data")  # noqa: E731
        assert load().written == DOCS and len(read) == DOCS
        read.clear()
        assert (load().written, load().unchanged, read) == (0, DOCS, [])
        changed, lost = sorted(files.iterdir())[:2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n本通知自印发之日起施行。\n", encoding="utf-8")
        store.delete_document(store.query("MATCH (d:Document) WHERE d.source ENDS WITH $f RETURN d.id AS id",
                                          {"f": lost.name})[0]["id"])
        report = load()
    assert sorted(read) == sorted([changed.name, lost.name])
    assert (report.written, report.unchanged) == (2, DOCS - 2)


def test_a_corrected_text_without_a_number_replaces_its_old_version(tmp_path):
    """A document without a 文号 is known by its text: corrected, it is another document, and
    the one its file gave before leaves the store; a document another file gives stays."""
    real = Path(__file__).parent / "fixtures" / "real" / "docs"
    source = next(real.glob("912_*.txt")).read_text(encoding="utf-8")
    files = tmp_path / "in"
    files.mkdir()
    (files / "minutes.txt").write_text(source, encoding="utf-8")
    (files / "copy.txt").write_text(source, encoding="utf-8")
    with open_store(Settings(data_dir=tmp_path / "data")) as store:
        load = lambda path: load_parallel([path], store, index_dir=tmp_path / "data")  # noqa: E731
        load(files)
        before = set(store.documents())
        (files / "minutes.txt").write_text(source + "本规则自印发之日起施行。\n", encoding="utf-8")
        report = load(files / "minutes.txt")
        after = set(store.documents())
    assert len(before) == 1 and report.withdrawn == 0  # the copy still gives the old version
    assert before < after and len(after) == 2
    with open_store(Settings(data_dir=tmp_path / "data2")) as store:
        load = lambda path: load_parallel([path], store, index_dir=tmp_path / "data2")  # noqa: E731
        load(files / "minutes.txt")
        old = set(store.documents())
        (files / "minutes.txt").write_text(source + "本规则自印发之日起施行。\n附则略。\n", encoding="utf-8")
        report = load(files / "minutes.txt")
        new = set(store.documents())
    assert report.withdrawn == 1 and len(new) == 1 and not old & new
