"""Which documents each loaded file gave, by the file's bytes: a reload skips a file without
reading it when its bytes are those last loaded and the store still holds every document
they gave, with the same content hashes.

It only saves work: a file is skipped exactly when reading it would find all its documents
unchanged (the store's hashes are the judge, as for a document), so a lost or stale index
costs a re-read, never a wrong skip. Kept in `files.sqlite` in KG_DATA_DIR: one row per path.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from govkg.errors import InputError
from kg.datadir import prepare, private_open
from loaders.read import not_regular

DocHashes = list[tuple[str, str]]  # (document key, content hash) of every document of a file


def file_digest(path: Path) -> str:
    """The SHA-256 of a regular file. Opened without blocking and checked before a byte is
    read: a FIFO would wait for a writer, and /dev/zero never ends."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        special = not_regular(os.fstat(fd).st_mode)
        if special:
            raise InputError(f"is {special}, not a regular file", where=str(path))
        digest = hashlib.sha256()
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class FileIndex:
    def __init__(self, data_dir: Path):
        path = prepare(data_dir) / "files.sqlite"
        os.close(private_open(path))  # 0600 before SQLite opens it (its journal copies the mode)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, digest TEXT, docs TEXT)")

    def unchanged(self, path: Path, digest: str, known: dict[str, str]) -> int | None:
        """How many documents the file holds when none needs reading again, else None."""
        row = self.db.execute("SELECT digest, docs FROM files WHERE path = ?", (str(path.resolve()),)).fetchone()
        if row is None or row[0] != digest:
            return None
        docs = json.loads(row[1])
        return len(docs) if docs and all(known.get(key) == h for key, h in docs) else None

    def withdrawn(self, path: Path, docs: DocHashes) -> list[str]:
        """The documents the file gave when last loaded that it no longer gives and that no
        other file gives: a corrected text without a 文号 is a document with another key."""
        where = str(path.resolve())
        row = self.db.execute("SELECT docs FROM files WHERE path = ?", (where,)).fetchone()
        if row is None:
            return []
        now = {key for key, _ in docs}
        gone = {key for key, _ in json.loads(row[0])} - now
        if gone:
            for (others,) in self.db.execute("SELECT docs FROM files WHERE path != ?", (where,)):
                gone -= {key for key, _ in json.loads(others)}
        return sorted(gone)

    def record(self, entries: list[tuple[Path, str, DocHashes]]) -> None:
        """Note files whose documents are now all in the store."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                                [(str(p.resolve()), d, json.dumps(docs, ensure_ascii=False)) for p, d, docs in entries])

    def close(self) -> None:
        self.db.close()
