"""Blocks → text in one RDF syntax, streamed: nothing holds the whole graph.

N-Triples, N-Quads, Turtle and TriG are written directly from the blocks (one statement per
subject in Turtle and TriG, whose blocks carry prefixed predicates). A body can be written in
parts and the parts joined: each part opens and closes its own named graphs, and a document's
graph never spans two parts. JSON-LD is converted by pyoxigraph from the N-Triples text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
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


def _grouped(blocks: Iterable[Block], out: TextIO, graphs: bool) -> int:
    """Turtle (graphs=False) or TriG: one statement per block, `;` between its pairs."""
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


def _jsonld(ntriples: Path, path: Path) -> None:
    triples = pyoxigraph.parse(path=str(ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES)
    pyoxigraph.serialize(triples, str(path), pyoxigraph.RdfFormat.JSON_LD, prefixes=dict(PREFIXES))


@dataclass(frozen=True)
class Syntax:
    body: Callable[[Iterable[Block], TextIO], int]  # writes blocks, returns the triples written
    header: str = ""
    curies: bool = False  # predicates and classes as prefixed names
    convert: Callable[[Path, Path], None] | None = None  # the final file from the body's text


_PREFIXES = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n"
SYNTAXES: dict[str, Syntax] = {
    "turtle": Syntax(partial(_grouped, graphs=False), _PREFIXES, curies=True),
    "ntriples": Syntax(partial(_lines, quads=False)),
    "jsonld": Syntax(partial(_lines, quads=False), convert=_jsonld),
    "trig": Syntax(partial(_grouped, graphs=True), _PREFIXES, curies=True),
    "nquads": Syntax(partial(_lines, quads=True)),
}
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "trig": "trig", "nquads": "nq"}
QUAD_FORMATS = {"trig", "nquads"}


def text_file(path: Path) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
