"""Load files into a store: each document is written whole, or not at all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import GraphBuilder
from kg.errors import InputError, KgError
from kg.stores.base import Store
from loaders.pipeline import extract_file

SUFFIXES = {".txt", ".text", ".pdf", ".html", ".htm", ".xhtml"}


@dataclass
class LoadReport:
    files: int = 0
    written: int = 0
    unchanged: int = 0
    edges: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the readable files below any directory named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or directory", where=str(path))
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError("directory holds no .txt, .pdf or .html file", where=str(path))
            yield from found
        else:
            yield path


def load_paths(paths: Iterable[str | Path], store: Store, *, max_bytes: int | None = None,
               force: bool = False, progress: Callable[[Path], None] | None = None) -> LoadReport:
    report, builder = LoadReport(), GraphBuilder()
    for path in iter_files(paths):
        report.files += 1
        try:
            graphs = builder.build(extract_file(path, max_bytes=max_bytes))
        except KgError as exc:
            report.failures.append(exc.line())
            continue
        for graph in graphs:
            if not force and store.document_hash(graph.doc) == graph.content_hash:
                report.unchanged += 1
                continue
            store.write_document(graph)
            report.written += 1
            report.edges += len(graph.edges)
        if progress:
            progress(path)
    return report
