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
from typing import BinaryIO, Iterator

from govkg.errors import KgError
from kg.export.plan import HEAD, Plan, Rendered, Segment
from kg.export.writers import Syntax, out_file

PARALLEL_EDGES = 20_000  # below this, starting processes costs more than it saves
SLICES_PER_JOB = 3  # more slices than processes, so that a slow slice does not hold up the rest

_plan: Plan | None = None  # the plan a forked worker renders, inherited from its parent
_syntax: Syntax | None = None


def render(plan: Plan, syntax: Syntax, edges: int, jobs: int, out: Path) -> Rendered:
    """Write the plan's file to `out`; returns what it holds in all."""
    parallel = jobs > 1 and edges >= PARALLEL_EDGES and "fork" in multiprocessing.get_all_start_methods()
    with out_file(out) as target:
        target.write(syntax.header)
        if parallel:
            with tempfile.TemporaryDirectory(prefix=f".{out.name}.", dir=out.parent) as work:
                rendered = _render_parts(plan, syntax, jobs, Path(work), target)
        else:
            rendered = [_write(plan, syntax, s, target) for s in plan.segments(1)]
        target.write(syntax.footer)
    return _sum(rendered)


def _render_parts(plan: Plan, syntax: Syntax, jobs: int, work: Path, target: BinaryIO) -> list[Rendered]:
    """Head and tail here, the slices between in `jobs` processes, each into its own part
    file, which joins the target as soon as it and the ones before it are done; the tail
    comes last, once the plan has adopted the terms the slices used."""
    head, *middle, tail = plan.segments(jobs * SLICES_PER_JOB)
    rendered = [_write(plan, syntax, head, target)]
    target.flush()  # the parts are copied below the buffer, at the file's own offset
    parts = [(segment, work / f"part-{i:05d}") for i, segment in enumerate(middle)]
    for (_, path), part in zip(parts, _in_processes(plan, syntax, parts, jobs)):
        _append(path, target)
        plan.adopt(part)
        rendered.append(part)
    rendered.append(_write(plan, syntax, tail, target))
    return rendered


def _write(plan: Plan, syntax: Syntax, segment: Segment, out: BinaryIO) -> Rendered:
    return plan.render(segment, lambda blocks: syntax.body(blocks, out, segment == HEAD))


def _sum(rendered: list[Rendered]) -> Rendered:
    return Rendered(sum(r.triples for r in rendered), memberships=sum(r.memberships for r in rendered),
                    redacted=sum(r.redacted for r in rendered))


def _append(path: Path, target: BinaryIO) -> None:
    """A part at the end of the target, copied by the kernel where it can; then gone."""
    with open(path, "rb") as part:
        _copy(part.fileno(), target.fileno(), os.fstat(part.fileno()).st_size)
    path.unlink()


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
    with out_file(path) as out:
        return _write(plan, syntax, segment, out)


def _in_processes(plan: Plan, syntax: Syntax, work: list[tuple[Segment, Path]], jobs: int) -> Iterator[Rendered]:
    """What each part rendered, in order, as soon as it and the ones before it are done."""
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_adopt_plan, initargs=(plan, syntax)) as pool:
            yield from pool.map(_render_here, work)
    except BrokenProcessPool:  # killed, or out of memory
        raise KgError("an export process stopped before its part was written",
                      hint="free memory or export with --jobs 1") from None


def _adopt_plan(plan: Plan, syntax: Syntax) -> None:
    global _plan, _syntax
    _plan, _syntax = plan, syntax


def _render_here(item: tuple[Segment, Path]) -> Rendered:
    return _render(_plan, _syntax, *item)
