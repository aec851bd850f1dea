"""One writer per data directory: a second `kg load` is told who holds it, not let in."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govkg.errors import StoreError


@contextmanager
def writer_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's write lock, or fail at once naming the holder's pid.
    The kernel drops the lock when its holder dies, so a killed load never leaves it stuck."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data_dir / "load.lock"
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise StoreError(f"another kg load (pid {holder}) is writing to this data directory",
                             where=str(data_dir), hint="wait for it to finish, or stop it") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
