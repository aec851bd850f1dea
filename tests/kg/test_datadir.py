"""The data directory stays private (issue 15, failure 7): govkg's files are 0600 and its
folders 0700 even in a directory others can read, which it warns about; and the file index
never opens a FIFO or a device (failure 4)."""

from __future__ import annotations

import dataclasses
import os
import stat
import warnings
from pathlib import Path

import pytest

from govkg.errors import InputError
from govkg.settings import Settings
from kg.datadir import DataDirWarning
from kg.fileindex import FileIndex, file_digest
from kg.lock import writer_lock
from kg.stores.falkor import FalkorStore


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*")
            if not p.is_socket()}


def test_files_in_an_open_data_directory_are_private_and_the_directory_is_warned_about(tmp_path, factory):
    data = tmp_path / "open"
    data.mkdir()
    os.chmod(data, 0o755)
    (data / "falkordb.log").write_text("an older govkg's log\n")
    os.chmod(data / "falkordb.log", 0o644)
    settings = dataclasses.replace(Settings.from_env(), data_dir=data, graph="private")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with writer_lock(data), FalkorStore(settings) as store:
            store.write_document(factory.task_document("D1", "甲局", ["乙局"]))
            FileIndex(data).record([(data / "falkordb.log", "0", [("D1", "h")])])
        store.server.stop()
    found = modes(data)
    assert {"falkordb.log", "load.lock", "files.sqlite", "falkordb-aof"} <= set(found)
    assert any(name.startswith("falkordb-aof/") for name in found)
    loose = {name: oct(mode) for name, mode in found.items()
             if mode != (0o700 if (data / name).is_dir() else 0o600)}
    assert loose == {}
    assert stat.S_IMODE(data.stat().st_mode) == 0o755  # the user's folder: warned about, not changed
    warned = [str(c.message) for c in caught if c.category is DataDirWarning]
    assert len(warned) == 1 and "mode 755" in warned[0] and f"chmod 700 '{data}'" in warned[0]


def test_a_new_data_directory_is_private_without_a_warning(tmp_path):
    data = tmp_path / "new" / "kg"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with writer_lock(data):
            pass
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "load.lock").stat().st_mode) == 0o600


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_the_file_index_never_reads_a_fifo_or_a_device(tmp_path, special):
    path = Path("/dev/zero")
    if special == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    with pytest.raises(InputError, match="not a regular file"):
        file_digest(path)  # before: waited for a writer, or read /dev/zero for ever
