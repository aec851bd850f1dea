"""Progress of a long command: a bar on a terminal, lines when stderr is a file or a pipe (a
log, CI, `kg load … 2>load.log`), so that a long load shows what it does before it ends."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

EVERY = 2.0  # seconds between two lines; the first and the last file always get one


class Lines:
    """`kg: load: FILE (3/40 files, 1.2 files/s)`, at most one line every EVERY seconds."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic):
        self.total, self.done, self.clock = total, 0, clock
        self.start = self.last = clock()

    def __call__(self, path: str | Path) -> None:
        self.done += 1
        now = self.clock()
        if self.done in (1, self.total) or now - self.last >= EVERY:
            self.last = now
            rate = self.done / max(now - self.start, 1e-3)
            click.echo(f"kg: load: {path} ({self.done}/{self.total} files, {rate:.1f} files/s)", err=True)


@contextmanager
def progress(total: int) -> Iterator[Callable[[str | Path], None]]:
    """A callback to call once per file done."""
    if not sys.stderr.isatty():
        yield Lines(total)
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("loading", total=total)
        yield lambda _path: bar.advance(task)
