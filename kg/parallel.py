"""Load with every core, or on a Dask cluster: workers extract, this process writes.

A file's graphs depend on the file alone (resolution is per file), so workers can extract in
any order, anywhere; the graphs come back and are written in file order, so the store ends
exactly as a one-process load leaves it. Streaming: `window` files wait in the executor and
a file's graphs are dropped once written, so memory does not grow with the corpus. The
content hashes of the stored documents reach each worker once (an initializer for
processes, a broadcast for Dask); a worker skips the unchanged documents of a file before
extracting them, and this process skips, unread, a file whose bytes gave documents that are
all still stored unchanged (kg.fileindex).

    load_parallel(paths, store, jobs=4)                        # processes on this machine
    load_parallel(paths, store, scheduler="tcp://host:8786")   # Dask distributed workers

On a cluster every worker must read the same paths (a shared or mounted file system).
Writing: kg.writer (several documents a query; concurrent transactions for Neo4j).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from kg.build import GraphBuilder
from govkg.errors import KgError, StoreError
from govkg.settings import Settings
from kg.fileindex import DocHashes, FileIndex, file_digest
from kg.identity import Claims, key_hashes
from kg.load import LoadReport, iter_files
from kg.model import DocumentGraph
from kg.people import People
from kg.stores.base import Store
from kg.writer import Writer

# (graphs, unchanged, hashes, texts refused for sharing a 文号, how the file was read) or the
# failure of the file
Outcome = tuple[list[DocumentGraph], int, DocHashes, list[str], list[str]] | str
_WORKER: dict[str, Any] = {}  # what every task of a worker process shares
PARALLEL_BYTES = 1 << 20  # less to read than this (~3 s of one core) is not worth starting workers


def extract_file(path: str, max_bytes: int | None, known: dict[str, str],
                 people: People | None) -> Outcome:
    """A worker's task: `kg.load.graphs_of` with the (key, hash) of every document of the
    file, or the one-line failure `kg load` reports."""
    from loaders.pipeline import documents_of, extract_documents
    from loaders.read import read

    try:
        source = read(Path(path), max_bytes=max_bytes)
        documents = documents_of(source)
        hashes = key_hashes(documents)
        todo = [d for d in documents if known.get(d.key) != hashes[d.key]]
        builder = GraphBuilder(people=people)
        graphs = builder.build(extract_documents(todo))
    except KgError as exc:
        return exc.line()
    unchanged = sum(known.get(key) == h for key, h in hashes.items())
    notes = [f"{path}: {note}" for note in source.notes]  # what reading it took (OCR, a codec, joined lines)
    return graphs, unchanged, list(hashes.items()), builder.collisions, notes


def load_parallel(paths: Iterable[str | Path], store: Store, *, jobs: int = 1,
                  scheduler: str | None = None, writers: int = 1, max_bytes: int | None = None,
                  force: bool = False, people: People | None = None, index_dir: Path | None = None,
                  progress: Callable[[Path], None] | None = None) -> LoadReport:
    """`kg.load.load_paths` with extraction in `jobs` processes or on a Dask `scheduler`,
    documents written several at a time, and (with `index_dir`) unchanged files skipped."""
    files = list(iter_files(paths))
    stored = store.documents()
    known = {} if force else {doc: hash_ for doc, (hash_, _source) in stored.items()}
    index = FileIndex(index_dir) if index_dir is not None else None
    try:
        digests = _digests(files, max_bytes) if index else {}
        skipped = {p: n for p in digests if not force and (n := index.unchanged(p, digests[p], known)) is not None}
        todo = [p for p in files if p not in skipped]
        if scheduler is not None:
            outcomes = _dask_outcomes(todo, scheduler, max_bytes, known, people)
        elif jobs > 1 and sum(p.stat().st_size for p in todo) >= PARALLEL_BYTES:
            outcomes = _process_outcomes(todo, jobs, max_bytes, known, people)
        else:
            outcomes = (extract_file(str(p), max_bytes, known, people) for p in todo)
        with Writer(store, writers, index) as writer:
            report = _write_all(files, skipped, digests, outcomes, writer, Claims(stored, force), progress)
        outcomes.close()  # stop the workers now, not when the generator is collected
        return report
    finally:
        if index is not None:
            index.close()


def _digests(files: list[Path], max_bytes: int | None) -> dict[Path, str]:
    """The files' digests for the file index. A file over the size limit, or one that cannot
    be read, is not hashed: its read reports it, and the other files still load."""
    limit = Settings.from_env().max_bytes if max_bytes is None else max_bytes
    out = {}
    for path in files:
        try:
            if path.stat().st_size <= limit:
                out[path] = file_digest(path)
        except (OSError, KgError):
            continue
    return out


def cpu_jobs(jobs: int) -> int:
    """`--jobs 0` means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _write_all(files: list[Path], skipped: dict[Path, int], digests: dict[Path, str],
               outcomes: Iterator[Outcome], writer: Writer, claims: Claims,
               progress: Callable[[Path], None] | None) -> LoadReport:
    report = LoadReport()
    for path in files:
        report.files += 1
        outcome = ([], skipped[path], None, [], []) if path in skipped else next(outcomes)
        if isinstance(outcome, str):
            report.failures.append(outcome)
            continue
        graphs, unchanged, hashes, refused, notes = outcome
        report.notes += notes
        graphs, refused = _admitted(graphs, claims, refused)
        report.failures += refused
        whole = hashes is not None and path in digests and not refused
        report.withdrawn += writer.write(graphs, (path, digests[path], hashes) if whole else None)
        report.unchanged += unchanged
        report.written += len(graphs)
        report.edges += sum(len(g.edges) for g in graphs)
        if progress:
            progress(path)
    return report


def _admitted(graphs: list[DocumentGraph], claims: Claims, refused: list[str]) -> tuple[list, list[str]]:
    """The graphs that may be written, and why the others may not (kg.identity)."""
    kept, refused = [], list(refused)
    for graph in graphs:
        reason = claims.refuse(graph)
        if reason:
            refused.append(reason)
        else:
            kept.append(graph)
    return kept, refused


# -- where extraction runs --------------------------------------------------------------------

def _in_order(files: list[Path], submit: Callable[[Path], Any], result: Callable[[Any], Outcome],
              window: int) -> Iterator[Outcome]:
    """Outcomes in file order. `window` files wait in the executor while the caller writes
    the outcome it was given (the next file is submitted first, so workers stay busy)."""
    pending: deque = deque()
    todo = iter(files)
    for path in todo:
        pending.append(submit(path))
        if len(pending) >= window:
            break
    while pending:
        outcome = result(pending.popleft())
        next_path = next(todo, None)
        if next_path is not None:
            pending.append(submit(next_path))
        yield outcome


def _process_outcomes(files: list[Path], jobs: int, max_bytes: int | None, known: dict[str, str],
                      people: People | None) -> Iterator[Outcome]:
    """Workers forked from this process once its pipeline is built: they start in
    milliseconds and share its memory pages (a fresh interpreter per worker takes seconds to
    import spaCy and build the gazetteer). They run extraction only, never the threads or
    the console of this process, so what those hold at the fork does not matter to them."""
    from loaders.spans.nlp import get_nlp

    get_nlp()
    _WORKER.update(max_bytes=max_bytes, known=known, people=people)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(max_bytes, known, people)) as pool:
        yield from _in_order(files, lambda p: pool.submit(_worker_task, str(p)), Future.result, 2 * jobs)


def _init_worker(max_bytes: int | None, known: dict[str, str], people: People | None) -> None:
    from loaders.spans.nlp import get_nlp

    _WORKER.update(max_bytes=max_bytes, known=known, people=people)
    get_nlp()  # inherited when forked; built here when spawned


def _worker_task(path: str) -> Outcome:
    return extract_file(path, _WORKER["max_bytes"], _WORKER["known"], _WORKER["people"])


def _dask_outcomes(files: list[Path], scheduler: str, max_bytes: int | None, known: dict[str, str],
                   people: People | None) -> Iterator[Outcome]:
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--scheduler needs Dask distributed", hint='pip install "dask[distributed]"') from None
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise StoreError(f"cannot reach the Dask scheduler: {exc}", where=scheduler) from None
    with client:
        shared = client.scatter([known, people], broadcast=True)
        window = 2 * max(sum(client.nthreads().values()), 1)

        def submit(path: Path):
            return client.submit(extract_file, str(path.resolve()), max_bytes, *shared, pure=False)

        yield from _in_order(files, submit, lambda future: future.result(), window)
