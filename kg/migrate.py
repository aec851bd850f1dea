"""`kg migrate`: bring a graph written by another schema version to this one by extracting
its documents again from the files they came from.

The files are those the file index (kg.fileindex) recorded for the graph's documents, and the
`source` of any document it does not cover. Nothing is touched until every file is found: a
missing one stops the migration in one line (or, with `drop_missing`, its documents are left
out). Then the graph is emptied, the files are loaded with this govkg, and the graph is
stamped with the current schema (kg.stores.version).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.errors import KgError, StoreError
from govkg.settings import Settings
from kg.stores import open_store, version
from kg.stores.base import Store

if TYPE_CHECKING:  # the loaders (spaCy) are imported only when there is something to load
    from kg.load import LoadReport

UNREADABLE = "unreadable"  # what `was` says of a record that could not be read (it is replaced)


@dataclass
class Plan:
    """The files to read again, and the documents whose file is gone."""

    files: list[Path] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)  # document (or file) → the file it came from


@dataclass
class MigrateReport:
    graph: str
    was: object  # the version found (None: written before versions were recorded)
    plan: Plan
    load: LoadReport | None = None  # None: nothing to do
    now: int = version.SCHEMA

    @property
    def was_text(self) -> str:
        if self.was is None:
            return "no recorded schema"
        return "an unreadable record" if self.was == UNREADABLE else f"schema {self.was!r}"


def plan_files(store: Store, data_dir: Path) -> Plan:
    """Every file that gave a document of this graph, each once, in a stable order."""
    try:
        stored = store.documents()
    except KgError as exc:
        raise StoreError(f"cannot list the graph's documents ({exc.message})", where=str(data_dir),
                         hint="clear the store (`kg store clear`) and load the files again") from None
    sources: dict[str, Path | None] = {}  # document → the file it came from
    for path, keys in _indexed(data_dir):
        for doc in keys & stored.keys():
            sources.setdefault(doc, path)
    for doc, (_hash, source) in stored.items():
        sources.setdefault(doc, Path(source).resolve() if source else None)
    if not stored and store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]:
        raise StoreError("the graph holds data but no document this govkg can read, so its files are unknown",
                         where=str(data_dir), hint="clear the store (`kg store clear`) and load the files again")
    present = {p for p in set(sources.values()) if p is not None and p.is_file()}
    return Plan(sorted(present), {doc: str(p or "") for doc, p in sorted(sources.items()) if p not in present})


def _indexed(data_dir: Path) -> list[tuple[Path, set[str]]]:
    """(file, its documents' keys) for every file the index holds."""
    from kg.fileindex import FileIndex

    index = FileIndex(data_dir)
    try:  # the index is read here only: kg.fileindex keeps writing it
        rows = index.db.execute("SELECT path, docs FROM files ORDER BY path").fetchall()
    finally:
        index.close()
    return [(Path(path), {key for key, _hash in json.loads(docs)}) for path, docs in rows]


def migrate(settings: Settings, *, drop_missing: bool = False, jobs: int = 1,
            progress: Callable[[Path], None] | None = None) -> MigrateReport:
    """Re-extract the graph `settings` names unless it is current, applying the recorded
    judgements on officials as `kg load` does. The caller holds the writer lock."""
    with open_store(settings, check_schema=False) as store:
        was = UNREADABLE if version.repair(settings.data_dir) else version.stamped(settings.data_dir, settings.graph)
        resumed = version.pending(settings.data_dir, settings.graph)
        if resumed is not None:  # finish an interrupted migration from its own list
            plan = Plan([p for p in resumed if p.is_file()], {str(p): str(p) for p in resumed if not p.is_file()})
        elif version.mismatch(was) is None:
            return MigrateReport(settings.graph, was, Plan())
        else:
            plan = plan_files(store, settings.data_dir)
            if plan.missing and not drop_missing:
                doc, path = next(iter(plan.missing.items()))
                raise StoreError(f"{len(plan.missing)} documents come from files that are gone, such as {doc} "
                                 f"from {path or 'an unrecorded file'}", where=f"graph {settings.graph}",
                                 hint="restore them, or run `kg migrate --drop-missing` to migrate without them")
            version.begin_migration(settings.data_dir, settings.graph, plan.files)
        from kg.parallel import load_parallel
        from kg.review import people_for

        store.clear()
        people = people_for(settings)  # the judgements and the reviewers' decisions, as `kg load`
        report = load_parallel(plan.files, store, jobs=jobs, max_bytes=settings.max_bytes, force=True,
                               people=people, index_dir=settings.data_dir, progress=progress)
        version.end_migration(settings.data_dir, settings.graph)
    return MigrateReport(settings.graph, was, plan, report)
