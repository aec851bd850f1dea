"""The schema version of each graph in a data directory, so that a govkg that reads the graph
differently never half-works on one an older (or newer) govkg wrote.

`schema-version.json` in KG_DATA_DIR maps every graph to the SCHEMA version that wrote it.
A graph is stamped when it is created (or cleared, or migrated); opening one checks its stamp
first, and a graph that exists without one was written before versions were recorded
(schema 0). Anything but the current version stops the command in one line that says how
to migrate: `kg migrate` re-extracts the graph's documents from the files they came from,
or `kg store clear` and a new `kg load` start over.

Raise SCHEMA when stored graphs stop fitting the code: a label, a property or an id scheme
that changes meaning. (A new govkg version alone re-extracts changed documents on load: the
content hash includes it.)
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from govkg.errors import StoreError
from kg.datadir import prepare, private_open

SCHEMA = 1
FILENAME = "schema-version.json"
MIGRATE_HINT = ("run `kg migrate` to re-extract its documents from the files they came from, "
                "or `kg store clear` and load them again")


def path_of(data_dir: Path) -> Path:
    return Path(data_dir) / FILENAME


def stamped(data_dir: Path, graph: str) -> Any:
    """The version recorded for `graph` (None when none is), as written in the file.
    An unreadable file is an error naming it."""
    with _locked(data_dir) as rec:
        return rec["graphs"].get(graph)


def check(data_dir: Path, graph: str, exists: Callable[[], bool]) -> None:
    """Stamp a new graph; let the current version through; stop anything else in one line.
    `exists` tells whether the graph already holds data (asked only when it has no stamp)."""
    with _locked(data_dir) as rec:
        if graph in rec["migrating"]:
            raise StoreError(f"graph {graph!r}: a `kg migrate` was interrupted", where=str(path_of(data_dir)),
                             hint="run `kg migrate` again to finish it")
        version = rec["graphs"].get(graph)
        if version is None and not exists():
            rec["graphs"][graph] = SCHEMA  # a new graph: this govkg creates it
            return
    problem = mismatch(version)
    if problem:
        raise StoreError(f"graph {graph!r} {problem}", where=str(path_of(data_dir)), hint=hint(version))


def mismatch(version: Any) -> str | None:
    """What is wrong with a graph stamped `version` (None: not stamped, but holding data)."""
    if version == SCHEMA and not isinstance(version, bool):
        return None
    if version is None:
        return f"was written by an older govkg (before schema versions were recorded); this govkg reads schema {SCHEMA}"
    if not _is_version(version):
        return f"has an unknown schema version {version!r}; this govkg reads schema {SCHEMA}"
    older = "an older" if version < SCHEMA else "a newer"
    return f"was written by {older} govkg (schema {version}); this govkg reads schema {SCHEMA}"


def hint(version: Any) -> str:
    if _is_version(version) and version > SCHEMA:
        return "upgrade govkg, or point KG_DATA_DIR at another directory; `kg migrate` re-extracts it with this govkg"
    return MIGRATE_HINT


def _is_version(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def record(data_dir: Path, graph: str) -> None:
    """Stamp `graph` with the current schema (after a clear or a migration)."""
    repair(data_dir)
    with _locked(data_dir) as rec:
        rec["graphs"][graph] = SCHEMA


def repair(data_dir: Path) -> bool:
    """Replace an unreadable record with an empty one (True when it did). The graphs it
    stamped then count as unstamped: each one holding data is checked as an older one."""
    with _locked(data_dir, repair=True) as rec:
        return rec.get("repaired", False)


# -- a migration in progress: its files are kept until it ends, so that an interrupted one
#    is finished from the same list (the half-emptied graph no longer says which files) ------

def pending(data_dir: Path, graph: str) -> list[Path] | None:
    """The files of an unfinished migration of `graph`, or None."""
    with _locked(data_dir) as rec:
        files = rec["migrating"].get(graph)
    return None if files is None else [Path(f) for f in files]


def begin_migration(data_dir: Path, graph: str, files: list[Path]) -> None:
    with _locked(data_dir) as rec:
        rec["migrating"][graph] = [str(f) for f in files]


def end_migration(data_dir: Path, graph: str) -> None:
    with _locked(data_dir) as rec:
        rec["migrating"].pop(graph, None)
        rec["graphs"][graph] = SCHEMA


@contextmanager
def _locked(data_dir: Path, repair: bool = False) -> Iterator[dict[str, Any]]:
    """The record ({"graphs": {graph: version}, "migrating": {graph: [file…]}}), read while
    the data directory is locked and written back, whole, when changed: two commands opening
    two new graphs at once keep both stamps, and a kill never leaves half a file. `repair`
    reads an unreadable record as an empty one (and says so in rec["repaired"])."""
    path = path_of(prepare(data_dir))
    fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released when fd closes
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        try:
            rec = _parse(text, path) if text.strip() else _empty()
        except StoreError:
            if not repair:
                raise
            rec = {**_empty(), "repaired": True}
        before = _dump(rec)
        yield rec
        if rec.get("repaired") or _dump(rec) != before:
            _write(path, rec)
    finally:
        os.close(fd)


def _empty() -> dict[str, Any]:
    return {"graphs": {}, "migrating": {}}


def _parse(text: str, path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("graphs"), dict) \
            or not isinstance(data.get("migrating", {}), dict):
        raise StoreError("is not a schema version record (JSON with a \"graphs\" map)", where=str(path),
                         hint=MIGRATE_HINT)
    return {"graphs": data["graphs"], "migrating": data.get("migrating", {})}


def _dump(rec: dict[str, dict[str, Any]]) -> str:
    out = {"graphs": dict(sorted(rec["graphs"].items()))}
    if rec["migrating"]:
        out["migrating"] = dict(sorted(rec["migrating"].items()))
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def _write(path: Path, rec: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with os.fdopen(private_open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w", encoding="utf-8") as fh:
        fh.write(_dump(rec))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
