"""The writing side of a load: graphs arrive file by file, in file order, and go to the store
several documents at a time (`Store.write_documents`); or, for Neo4j with `writers` > 1, as
that many concurrent document transactions, each a managed transaction that the driver
retries on transient errors (two documents MERGEing one agency can deadlock; one retries).

A file is noted in the file index (kg.fileindex) only once all its documents are written;
the documents a changed file no longer gives are deleted then too, after its new ones are
written, so that a load cut short leaves the old version and a rerun finishes the change.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from kg.fileindex import DocHashes, FileIndex
from kg.model import DocumentGraph
from kg.stores.base import Store

FileEntry = tuple[Path, str, DocHashes]


class Writer:
    BUFFER_EDGES, BUFFER_DOCS = 3000, 100  # past this, write the buffered documents

    def __init__(self, store: Store, writers: int = 1, index: FileIndex | None = None):
        self.store = store
        self.index = index
        self.pool = ThreadPoolExecutor(writers) if writers > 1 and store.name == "neo4j" else None
        self.limit = 2 * writers
        self.running: deque[Future] = deque()
        self.buffer: list[DocumentGraph] = []
        self.edges = 0
        self.files: list[FileEntry] = []  # written once the buffer is
        self.withdrawn: list[str] = []  # documents deleted once the buffer is written

    def write(self, graphs: list[DocumentGraph], entry: FileEntry | None = None) -> int:
        """Write a file's graphs; returns how many documents it no longer gives (deleted)."""
        withdrawn = []
        if entry is not None:
            self.files.append(entry)
            if self.index is not None:
                withdrawn = self.index.withdrawn(entry[0], entry[2])
                self.withdrawn += withdrawn
        if self.pool is not None:
            self._submit(graphs)
            if len(self.files) >= 1000:
                self.flush()
            return len(withdrawn)
        self.buffer += graphs
        self.edges += sum(len(g.edges) for g in graphs)
        if self.edges >= self.BUFFER_EDGES or len(self.buffer) >= self.BUFFER_DOCS:
            self.flush()
        return len(withdrawn)

    def flush(self) -> None:
        if self.buffer:
            self.store.write_documents(self.buffer)
        while self.running:
            self.running.popleft().result()
        for doc in self.withdrawn:
            self.store.delete_document(doc)
        if self.index is not None and self.files:
            self.index.record(self.files)
        self.buffer, self.edges, self.files, self.withdrawn = [], 0, [], []

    def _submit(self, graphs: list[DocumentGraph]) -> None:
        for graph in graphs:
            self.running.append(self.pool.submit(self.store.write_document, graph))
            while len(self.running) > self.limit:
                self.running.popleft().result()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        try:
            if exc_type is None:
                self.flush()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=exc_type is None, cancel_futures=True)
