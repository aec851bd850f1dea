"""Render a plan's segments into part files, side by side in forked processes, and join them.

Turning a graph into RDF text is pure Python, one core's work; a large export is cut into
slices that processes render at once. The processes are forked, so they read the graph the
parent already holds instead of receiving a copy; each returns only small counts and the terms
it used. Joined in order, the parts give the file a one-process export gives, byte for byte.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kg.errors import KgError
from kg.export.plan import HEAD, Plan, Rendered, Segment
from kg.export.writers import Syntax, text_file

PARALLEL_EDGES = 20_000  # below this, starting processes costs more than it saves
SLICES_PER_JOB = 3  # more slices than processes, so that a slow slice does not hold up the rest

_plan: Plan | None = None  # the plan a forked worker renders, inherited from its parent
_syntax: Syntax | None = None


def render(plan: Plan, syntax: Syntax, edges: int, jobs: int, out: Path) -> Rendered:
    """Write the plan's file to `out`; returns what it holds in all."""
    if jobs > 1 and edges >= PARALLEL_EDGES and "fork" in multiprocessing.get_all_start_methods():
        with tempfile.TemporaryDirectory(prefix=f".{out.name}.", dir=out.parent) as work:
            return _render_parts(plan, syntax, jobs, Path(work), out)
    with text_file(out) as target:
        target.write(syntax.header)
        rendered = [plan.render(s, lambda blocks: syntax.body(blocks, target, s == HEAD))
                    for s in plan.segments(1)]
        target.write(syntax.footer)
        return _sum(rendered)


def _render_parts(plan: Plan, syntax: Syntax, jobs: int, work: Path, out: Path) -> Rendered:
    """Head and tail here, the slices between in `jobs` processes, each into its own part
    file; the tail comes last, once the plan has adopted the terms the slices used."""
    segments = plan.segments(jobs * SLICES_PER_JOB)
    paths = [work / f"part-{i:05d}" for i in range(len(segments))]
    head, *middle, tail = zip(segments, paths)
    rendered = [_render(plan, syntax, *head), *_in_processes(plan, syntax, middle, jobs)]
    for part in rendered[1:]:
        plan.adopt(part)
    rendered.append(_render(plan, syntax, *tail))
    _join(paths, syntax, out)
    return _sum(rendered)


def _sum(rendered: list[Rendered]) -> Rendered:
    return Rendered(sum(r.triples for r in rendered), memberships=sum(r.memberships for r in rendered),
                    redacted=sum(r.redacted for r in rendered))


def _join(paths: list[Path], syntax: Syntax, out: Path) -> None:
    """The header, the parts one after the other (copied by the kernel where it can), the footer."""
    with open(out, "wb") as target:
        target.write(syntax.header.encode())
        target.flush()
        for path in paths:
            with open(path, "rb") as part:
                _copy(part.fileno(), target.fileno(), os.fstat(part.fileno()).st_size)
        target.write(syntax.footer.encode())


def _copy(source: int, target: int, size: int) -> None:
    try:
        while size > 0:
            copied = os.copy_file_range(source, target, size)
            if copied == 0:
                break
            size -= copied
    except OSError:  # a file system that cannot: through user space
        while chunk := os.read(source, 1 << 20):
            os.write(target, chunk)


def _render(plan: Plan, syntax: Syntax, segment: Segment, path: Path) -> Rendered:
    with text_file(path) as out:
        return plan.render(segment, lambda blocks: syntax.body(blocks, out, segment == HEAD))


def _in_processes(plan: Plan, syntax: Syntax, work: list[tuple[Segment, Path]], jobs: int) -> list[Rendered]:
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_adopt_plan, initargs=(plan, syntax)) as pool:
            return list(pool.map(_render_here, work))
    except BrokenProcessPool:  # killed, or out of memory
        raise KgError("an export process stopped before its part was written",
                      hint="free memory or export with --jobs 1") from None


def _adopt_plan(plan: Plan, syntax: Syntax) -> None:
    global _plan, _syntax
    _plan, _syntax = plan, syntax


def _render_here(item: tuple[Segment, Path]) -> Rendered:
    return _render(_plan, _syntax, *item)
