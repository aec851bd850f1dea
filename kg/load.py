"""Load files into a store: each document is written whole, or not at all.

Per file: read and segment (cheap), skip the documents whose content hash the store already
has, extract and build the rest, write them (kg.parallel, kg.writer). A file that cannot be
read is reported and the others still load; so is a document whose 文号 another file gave
to a different text, which is not written (kg.identity). A FIFO or a device is refused
before anything opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import GraphBuilder
from govkg.errors import InputError
from kg.identity import key_hashes
from kg.model import DocumentGraph
from kg.people import People
from kg.stores.base import Store
from loaders.pipeline import documents_of, extract_documents
from loaders.read import not_regular, read

SUFFIXES = {".txt", ".text", ".pdf", ".html", ".htm", ".xhtml", ".shtml"}


@dataclass
class LoadReport:
    files: int = 0
    written: int = 0
    unchanged: int = 0
    edges: int = 0
    withdrawn: int = 0  # documents a changed file no longer gives, deleted
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how files were read: `path: decoded as gb18030`

    @property
    def ok(self) -> bool:
        return not self.failures


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the readable files below any directory named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            raise InputError("a broken link or a link loop", where=str(path))
        if not path.exists():
            raise InputError("no such file or directory", where=str(path))
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError("directory holds no .txt, .pdf or .html file", where=str(path))
            yield from found
        else:
            special = not_regular(path.stat().st_mode)
            if special:  # a FIFO or a device would hang the load: hashing it never ends
                raise InputError(f"is {special}, not a regular file", where=str(path))
            yield path


def graphs_of(path: Path, max_bytes: int | None = None, known: dict[str, str] | None = None,
              people: People | None = None) -> tuple[list[DocumentGraph], int]:
    """The graphs of the file's documents whose hash differs from `known` (doc → hash), and
    how many documents were unchanged. Resolution is per file, so the result does not depend
    on which other files load with it, or in which order."""
    documents = documents_of(read(path, max_bytes=max_bytes))
    known = known or {}
    hashes = key_hashes(documents)
    todo = [d for d in documents if known.get(d.key) != hashes[d.key]]
    builder = GraphBuilder(people=people)
    return builder.build(extract_documents(todo)), sum(known.get(k) == h for k, h in hashes.items())


def load_paths(paths: Iterable[str | Path], store: Store, *, max_bytes: int | None = None,
               force: bool = False, progress: Callable[[Path], None] | None = None,
               people: People | None = None) -> LoadReport:
    """Load in this process: kg.parallel.load_parallel with one job and no file index."""
    from kg.parallel import load_parallel

    return load_parallel(paths, store, max_bytes=max_bytes, force=force, progress=progress, people=people)
