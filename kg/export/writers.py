"""Blocks → a file in one RDF syntax, streamed: nothing holds the whole graph.

N-Triples, N-Quads, Turtle and TriG are written directly from the blocks (one statement per
subject in Turtle and TriG, whose blocks carry prefixed predicates); JSON-LD goes through
pyoxigraph's serialiser from a temporary N-Triples file. A writer returns the triples written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO

import pyoxigraph

from kg.export.emit import Block
from kg.export.vocab import PREFIXES

_SEP = " ;\n    "

CHUNK = 512  # blocks per write: small chunks stay in the CPU cache


def _lines(blocks: Iterable[Block], out: TextIO, quads: bool) -> int:
    """One string per block: `s po .\n` for each of its pairs, by a single join."""
    buf, written = [], 0
    for graph, s, pos in blocks:
        if not pos:
            continue
        tail = f" {graph} .\n" if quads and graph else " .\n"
        buf.append(f"{s} {(tail + s + ' ').join(pos)}{tail}")
        written += len(pos)
        if len(buf) >= CHUNK:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    return written


def _text(path: Path) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)


def write_ntriples(blocks: Iterable[Block], path: Path) -> int:
    with _text(path) as out:
        return _lines(blocks, out, quads=False)


def write_nquads(blocks: Iterable[Block], path: Path) -> int:
    with _text(path) as out:
        return _lines(blocks, out, quads=True)


def _prefixes() -> str:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n"


def _grouped(blocks: Iterable[Block], out: TextIO, graphs: bool) -> int:
    """Turtle (graphs=False) or TriG: one statement per block, `;` between its pairs."""
    out.write(_prefixes())
    buf, written, current = [], 0, ""
    for graph, s, pos in blocks:
        if not pos:
            continue
        if graphs and graph != current:
            buf.append(("}\n" if current else "") + (f"{graph} {{\n" if graph else ""))
            current = graph
        buf.append(f"{s} {_SEP.join(pos)} .\n")
        written += len(pos)
        if len(buf) >= CHUNK:
            out.write("".join(buf))
            buf.clear()
    buf.append("}\n" if graphs and current else "")
    out.write("".join(buf))
    return written


def write_turtle(blocks: Iterable[Block], path: Path) -> int:
    with _text(path) as out:
        return _grouped(blocks, out, graphs=False)


def write_trig(blocks: Iterable[Block], path: Path) -> int:
    with _text(path) as out:
        return _grouped(blocks, out, graphs=True)


def write_jsonld(blocks: Iterable[Block], path: Path) -> int:
    """Through a temporary N-Triples file next to the output; pyoxigraph streams it."""
    fd, tmp = tempfile.mkstemp(suffix=".nt", dir=path.parent)
    os.close(fd)
    try:
        written = write_ntriples(blocks, Path(tmp))
        triples = pyoxigraph.parse(path=tmp, format=pyoxigraph.RdfFormat.N_TRIPLES)
        pyoxigraph.serialize(triples, str(path), pyoxigraph.RdfFormat.JSON_LD, prefixes=dict(PREFIXES))
    finally:
        os.unlink(tmp)
    return written


WRITERS: dict[str, Callable[[Iterable[Block], Path], int]] = {
    "turtle": write_turtle, "ntriples": write_ntriples, "jsonld": write_jsonld,
    "trig": write_trig, "nquads": write_nquads,
}
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "trig": "trig", "nquads": "nq"}
QUAD_FORMATS = {"trig", "nquads"}
CURIE_FORMATS = {"turtle", "trig"}  # predicates and classes as prefixed names
