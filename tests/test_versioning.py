"""Versions a user relies on: `kg --version` is the package's; a graph written by another
schema version is refused in one line, before anything reads or writes it, and `kg migrate`
brings it to this one from the files its documents came from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

from govkg.errors import StoreError
from govkg.settings import Settings
from kg.migrate import migrate
from kg.parallel import load_parallel
from kg.stores import open_store, version
from kg.stores.server import FalkorServer

KG = [sys.executable, "-m", "kg"]
DOCS = Path(__file__).parent / "fixtures" / "docs"
FILES = ("pingshun-county-notice.txt", "shanxi-province-notice.txt", "shiyan-gazette-mini.txt")


def test_kg_version_is_the_installed_package_version():
    for flag in ("--version", "-V"):
        out = subprocess.run([*KG, flag], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0 and out.stdout == f"kg (govkg) {installed_version('govkg')}\n"


@pytest.fixture
def corpus(tmp_path) -> list[Path]:
    """Copies of three small documents, so that a test can take one away."""
    (tmp_path / "docs").mkdir()
    return [Path(shutil.copy(DOCS / name, tmp_path / "docs" / name)) for name in FILES]


@pytest.fixture
def settings(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", graph="m")
    yield settings
    FalkorServer(settings.data_dir).stop()


def load(settings: Settings, files: list[Path]) -> None:
    with open_store(settings) as store:
        assert load_parallel(files, store, index_dir=settings.data_dir).ok


def documents(settings: Settings) -> dict:
    with open_store(settings) as store:
        return store.documents()


def stamp(settings: Settings, graphs: dict) -> None:
    version.path_of(settings.data_dir).write_text(json.dumps({"graphs": graphs}), encoding="utf-8")


def test_an_older_graph_is_refused_in_one_line_then_migrated(corpus, tmp_path):
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "data"), "KG_STORE": "embedded", "KG_GRAPH": "cli"}

    def kg(*args):
        return subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=300)

    try:
        assert kg("store", "start").returncode == 0  # one server for every command
        assert kg("load", str(corpus[0].parent)).returncode == 0
        before = kg("stats", "--format", "json").stdout
        stamp(Settings(data_dir=tmp_path / "data"), {})  # as a govkg before schema versions left it
        for args in (("stats",), ("load", str(corpus[0]))):
            out = kg(*args)
            assert out.returncode == 2 and len(out.stderr.splitlines()) == 1, out.stderr
            assert "graph 'cli' was written by an older govkg" in out.stderr and "`kg migrate`" in out.stderr
        out = kg("migrate")
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith(f"graph cli: migrated from no recorded schema to schema {version.SCHEMA}: "
                                     f"{len(corpus)} files")
        assert kg("stats", "--format", "json").stdout == before
        assert "nothing to migrate" in kg("migrate").stdout
    finally:
        kg("store", "stop")


def test_migrate_reads_the_same_documents_again(corpus, settings):
    load(settings, corpus)
    before = documents(settings)
    stamp(settings, {"m": 0})
    with pytest.raises(StoreError, match=r"graph 'm' was written by an older govkg \(schema 0\)"):
        open_store(settings)
    report = migrate(settings)
    assert report.was == 0 and report.load.ok and report.plan.files == sorted(corpus)
    assert documents(settings).keys() == before.keys()
    assert version.stamped(settings.data_dir, "m") == version.SCHEMA


def test_a_missing_file_stops_the_migration_before_anything_changes(corpus, settings):
    load(settings, corpus)
    before = documents(settings)
    corpus[0].unlink()
    stamp(settings, {"m": 0})
    with pytest.raises(StoreError, match="come from files that are gone") as err:
        migrate(settings)
    assert str(corpus[0]) in err.value.line() and "--drop-missing" in err.value.line()
    with open_store(settings, check_schema=False) as store:
        assert store.documents() == before  # untouched
    report = migrate(settings, drop_missing=True)
    assert report.plan.files == sorted(corpus[1:]) and report.plan.missing
    assert set(documents(settings)) == set(before) - set(report.plan.missing)


def test_an_interrupted_migration_is_refused_then_finished(corpus, settings, monkeypatch):
    load(settings, corpus)
    before = documents(settings)
    stamp(settings, {"m": 0})

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.parallel.load_parallel", killed)
    with pytest.raises(KeyboardInterrupt):
        migrate(settings)
    monkeypatch.undo()
    with pytest.raises(StoreError, match="a `kg migrate` was interrupted"):
        open_store(settings)  # the graph was emptied: it must not pass for a current one
    report = migrate(settings)
    assert report.plan.files == sorted(corpus) and report.load.ok
    assert documents(settings).keys() == before.keys()


def test_clearing_an_older_graph_makes_it_current(corpus, settings):
    load(settings, corpus)
    stamp(settings, {"m": version.SCHEMA + 1})
    with pytest.raises(StoreError, match="newer govkg"):
        open_store(settings)
    with open_store(settings, check_schema=False) as store:
        store.clear()
    assert documents(settings) == {}
    load(settings, corpus[:1])
    assert len(documents(settings)) >= 1
