"""Load with every core, or on a Dask cluster: workers extract, this process writes.

`kg.load.graphs_of(path)` depends on the file alone (resolution is per file), so workers can
run it in any order, anywhere; the graphs come back and are written in file order, so the
store ends exactly as a one-process load leaves it. Streaming: at most `window` files are in
flight, and a file's graphs are dropped once written, so memory does not grow with the
corpus. The content hashes of the stored documents reach each worker once (an initializer
for processes, a broadcast for Dask), and a worker skips the unchanged documents before
extracting them, as `load_paths` does.

    load_parallel(paths, store, jobs=4)                        # processes on this machine
    load_parallel(paths, store, scheduler="tcp://host:8786")   # Dask distributed workers

On a cluster every worker must read the same paths (a shared or mounted file system).
Writes: the embedded store takes one writer; Neo4j takes `writers` concurrent document
transactions, which the driver's managed transactions retry on transient errors (deadlocks
between two documents that MERGE the same agency are one).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from kg.errors import KgError, StoreError
from kg.load import LoadReport, graphs_of, iter_files, load_paths
from kg.model import DocumentGraph
from kg.people import People
from kg.stores.base import Store

Outcome = tuple[list[DocumentGraph], int] | str  # (graphs, unchanged) or a failure line
_WORKER: dict[str, Any] = {}  # what every task of a worker process shares


def extract_file(path: str, max_bytes: int | None, known: dict[str, str],
                 people: People | None) -> Outcome:
    """A worker's task: the graphs of one file, or the one-line failure `kg load` reports."""
    try:
        return graphs_of(Path(path), max_bytes, known, people)
    except KgError as exc:
        return exc.line()


def load_parallel(paths: Iterable[str | Path], store: Store, *, jobs: int = 1,
                  scheduler: str | None = None, writers: int = 1, max_bytes: int | None = None,
                  force: bool = False, people: People | None = None,
                  progress: Callable[[Path], None] | None = None) -> LoadReport:
    """`kg.load.load_paths` with extraction in `jobs` processes or on a Dask `scheduler`."""
    files = list(iter_files(paths))
    if jobs <= 1 and scheduler is None:
        return load_paths(files, store, max_bytes=max_bytes, force=force, people=people, progress=progress)
    known = {} if force else store.document_hashes()
    if scheduler is not None:
        outcomes = _dask_outcomes(files, scheduler, max_bytes, known, people)
    else:
        outcomes = _process_outcomes(files, jobs, max_bytes, known, people)
    return _write_all(files, outcomes, store, writers, progress)


def cpu_jobs(jobs: int) -> int:
    """`--jobs 0` means every core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# -- where extraction runs --------------------------------------------------------------------

def _in_order(files: list[Path], submit: Callable[[Path], Any], result: Callable[[Any], Outcome],
              window: int) -> Iterator[Outcome]:
    """Outcomes in file order, with at most `window` files submitted and not yet consumed."""
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
    # forkserver: workers start from a clean process, not a fork of this one and its threads
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.build", "loaders.pipeline"])
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(max_bytes, known, people)) as pool:
        yield from _in_order(files, lambda p: pool.submit(_worker_task, str(p)), Future.result, 2 * jobs)


def _init_worker(max_bytes: int | None, known: dict[str, str], people: People | None) -> None:
    from loaders.nlp import get_nlp

    _WORKER.update(max_bytes=max_bytes, known=known, people=people)
    get_nlp()  # build the pipeline once per worker, before the first file


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


# -- writing, in file order ---------------------------------------------------------------------

def _write_all(files: list[Path], outcomes: Iterator[Outcome], store: Store, writers: int,
               progress: Callable[[Path], None] | None) -> LoadReport:
    report = LoadReport()
    with _Writer(store, writers) as writer:
        for path, outcome in zip(files, outcomes):
            report.files += 1
            if isinstance(outcome, str):
                report.failures.append(outcome)
                continue
            graphs, unchanged = outcome
            report.unchanged += unchanged
            writer.write(graphs)
            report.written += len(graphs)
            report.edges += sum(len(g.edges) for g in graphs)
            if progress:
                progress(path)
    return report


class _Writer:
    """One document after another; or, for Neo4j, `writers` document transactions at once,
    each a managed transaction (retried by the driver on transient errors)."""

    def __init__(self, store: Store, writers: int):
        self.store = store
        self.pool = ThreadPoolExecutor(writers) if writers > 1 and store.name == "neo4j" else None
        self.running: deque[Future] = deque()
        self.limit = 2 * writers

    def write(self, graphs: list[DocumentGraph]) -> None:
        for graph in graphs:
            if self.pool is None:
                self.store.write_document(graph)
                continue
            self.running.append(self.pool.submit(self.store.write_document, graph))
            while len(self.running) > self.limit:
                self.running.popleft().result()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            while self.running:
                self.running.popleft().result()
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
