"""A large export is rendered by several processes: the file must be the one a single
process writes, byte for byte, in every format, with the same counts."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from kg.export import parts
from kg.export.rdf import FORMATS, export_rdf
from kg.export.writers import EXTENSIONS

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
BASE = "https://data.example.gov.cn/govkg/"


@pytest.fixture
def always_parallel(monkeypatch):
    """The sample is small: let it take the parallel path anyway."""
    monkeypatch.setattr(parts, "PARALLEL_EDGES", 0)
    calls = []
    original = parts._in_processes
    monkeypatch.setattr(parts, "_in_processes", lambda *a: calls.append(len(a[2])) or original(*a))
    return calls


@pytest.mark.parametrize("fmt", FORMATS)
def test_parallel_export_is_the_one_process_file(sample_data, tmp_path, always_parallel, fmt):
    name = f"govkg.{EXTENSIONS[fmt]}"  # the DCAT distribution names the file: same name in both
    (tmp_path / "one").mkdir(), (tmp_path / "three").mkdir()
    one = export_rdf(sample_data, fmt, tmp_path / "one" / name, base=BASE, now=NOW, jobs=1)
    assert always_parallel == []
    three = export_rdf(sample_data, fmt, tmp_path / "three" / name, base=BASE, now=NOW, jobs=3)
    assert always_parallel and always_parallel[0] > 3  # slices of entities and of documents
    assert three == one and one["triples"] > 5_000 and one["graphs"] == 27
    assert (tmp_path / "three" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "three").iterdir()) == [name]  # no part left behind


def test_small_export_stays_in_one_process(sample_data, tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "_in_processes", lambda *a: pytest.fail("forked for a small graph"))
    counts = export_rdf(sample_data, "nquads", tmp_path / "small.nq", base=BASE, now=NOW, jobs=4)
    assert counts["graphs"] == 27


def test_segments_cover_every_entity_and_document_once(sample_data):
    from kg.export.plan import Plan
    from kg.export.rdf import _names
    from kg.export.run import Run
    from kg.export.mapping import load_mapping
    from kg.export.describe import DatasetInfo
    from kg.export.terms import Minter

    minter, mapping = Minter(BASE), load_mapping()
    run = Run(mapping, minter, _names(sample_data, mapping, minter), {}, False, DatasetInfo(), NOW, 2)
    plan = Plan(sample_data, run, "ntriples")
    for slices in (1, 2, 5, 1000):
        segments = plan.segments(slices)
        assert segments[0][0] == "head" and segments[-1][0] == "tail"
        for kind, size in (("entities", len(plan.entities)), ("documents", len(plan.keys))):
            covered = [i for k, start, stop in segments if k == kind for i in range(start, stop)]
            assert covered == list(range(size))


def test_a_worker_that_dies_fails_the_export_with_one_line_and_no_file(sample_data, tmp_path, always_parallel,
                                                                       monkeypatch):
    from govkg.errors import KgError

    monkeypatch.setattr(parts, "_render_here", _die)
    with pytest.raises(KgError, match="export process stopped"):
        export_rdf(sample_data, "turtle", tmp_path / "g.ttl", base=BASE, now=NOW, jobs=2)
    assert list(tmp_path.iterdir()) == []


def _die(item) -> None:  # a worker killed while rendering (module level: pickled by name)
    os._exit(9)
