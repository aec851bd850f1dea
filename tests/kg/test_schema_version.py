"""Schema versions of the graphs in a data directory (kg.stores.version): a new graph is
stamped, the current one passes, anything else stops in one line that says how to migrate."""

from __future__ import annotations

import json
import stat

import pytest

from govkg.errors import StoreError
from kg.stores import version
from kg.stores.version import SCHEMA


def write(data_dir, graphs: dict, **more) -> None:
    data_dir.mkdir(exist_ok=True)
    version.path_of(data_dir).write_text(json.dumps({"graphs": graphs, **more}), encoding="utf-8")


def stamps(data_dir) -> dict:
    return json.loads(version.path_of(data_dir).read_text(encoding="utf-8"))["graphs"]


def test_a_new_graph_is_stamped_privately_and_then_passes(tmp_path):
    version.check(tmp_path, "g", exists=lambda: False)
    assert stamps(tmp_path) == {"g": SCHEMA}
    assert stat.S_IMODE(version.path_of(tmp_path).stat().st_mode) == 0o600
    version.check(tmp_path, "g", exists=lambda: pytest.fail("a stamped graph is not looked at"))


def test_graphs_are_stamped_one_by_one(tmp_path):
    version.check(tmp_path, "a", exists=lambda: False)
    version.check(tmp_path, "b", exists=lambda: False)
    assert stamps(tmp_path) == {"a": SCHEMA, "b": SCHEMA}


@pytest.mark.parametrize("stamp, says, hint", [
    (None, "written by an older govkg (before schema versions were recorded)", "kg migrate"),
    (0, "written by an older govkg (schema 0)", "kg migrate"),
    (SCHEMA + 1, f"written by a newer govkg (schema {SCHEMA + 1})", "upgrade govkg"),
    ("1", "unknown schema version '1'", "kg migrate"),
    (True, "unknown schema version True", "kg migrate"),
    (-1, "unknown schema version -1", "kg migrate"),
])
def test_another_version_stops_in_one_line(tmp_path, stamp, says, hint):
    write(tmp_path, {} if stamp is None else {"g": stamp})
    with pytest.raises(StoreError) as err:
        version.check(tmp_path, "g", exists=lambda: True)
    line = err.value.line()
    assert "\n" not in line and says in line and hint in line
    assert line.startswith(f"{version.path_of(tmp_path)}: graph 'g' ")
    assert f"reads schema {SCHEMA}" in line


@pytest.mark.parametrize("text", ["not json", "[]", '{"graphs": []}', '{"graphs": {}, "migrating": 3}'])
def test_an_unreadable_record_names_the_file(tmp_path, text):
    version.path_of(tmp_path).write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match="is not a schema version record") as err:
        version.check(tmp_path, "g", exists=lambda: False)
    assert "kg migrate" in err.value.line()


def test_repair_replaces_an_unreadable_record_only(tmp_path):
    write(tmp_path, {"g": SCHEMA})
    assert version.repair(tmp_path) is False and stamps(tmp_path) == {"g": SCHEMA}
    version.path_of(tmp_path).write_text("{", encoding="utf-8")
    assert version.repair(tmp_path) is True and stamps(tmp_path) == {}


def test_an_interrupted_migration_keeps_the_graph_closed_until_it_ends(tmp_path):
    write(tmp_path, {"g": 0})
    version.begin_migration(tmp_path, "g", [tmp_path / "a.txt"])
    version.record(tmp_path, "g")  # the clear during a migration stamps the emptied graph
    with pytest.raises(StoreError, match="a `kg migrate` was interrupted") as err:
        version.check(tmp_path, "g", exists=lambda: True)
    assert "run `kg migrate` again" in err.value.line()
    assert version.pending(tmp_path, "g") == [tmp_path / "a.txt"]
    version.end_migration(tmp_path, "g")
    assert version.pending(tmp_path, "g") is None and stamps(tmp_path) == {"g": SCHEMA}
    version.check(tmp_path, "g", exists=lambda: True)
