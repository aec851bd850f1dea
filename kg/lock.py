"""One writer per data directory: a second `kg load` (or a `kg store clear`) is told who holds
it, not let in."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govkg.errors import StoreError
from kg.datadir import prepare, private_open


@contextmanager
def writer_lock(data_dir: Path, what: str = "kg load") -> Iterator[None]:
    """Hold the data directory's write lock, or fail at once naming the holder and its pid.
    The kernel drops the lock when its holder dies, so a killed load never leaves it stuck."""
    prepare(data_dir)
    with os.fdopen(private_open(data_dir / "load.lock"), "r+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, _, holder = fh.read().strip().partition(" ")
            raise StoreError(f"another {holder or 'kg load'} (pid {pid or '?'}) is writing to this data directory",
                             where=str(data_dir), hint="wait for it to finish, or stop it") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()} {what}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
