"""Blocks → text in one RDF syntax, as UTF-8 bytes, streamed: nothing holds the whole graph.

N-Triples, N-Quads, Turtle and TriG are written directly from the blocks (one statement per
subject in Turtle and TriG, whose blocks carry prefixed predicates). A body can be written in
parts and the parts joined: each part opens and closes its own named graphs, and a document's
graph never spans two parts. JSON-LD gets blocks whose pairs are already JSON members
(`"skos:prefLabel":{…}`, keyed by a compact IRI of the context): one node object per block,
a document's inside its named graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

import json

from kg.export.emit import Block
from kg.export.vocab import PREFIXES

_SEP = b" ;\n    "
CHUNK = 512  # blocks per write: small chunks stay in the CPU cache


def _lines(blocks: Iterable[Block], out: BinaryIO, opens: bool, *, quads: bool) -> int:
    """One string per block: `s po .\n` for each of its pairs, by a single join."""
    buf, written = [], 0
    for graph, s, pos in blocks:
        if not pos:
            continue
        subject = s.encode()
        tail = f" {graph} .\n".encode() if quads and graph else b" .\n"
        buf.append(b"%s %s%s" % (subject, (tail + subject + b" ").join(pos), tail))
        written += len(pos)
        if len(buf) >= CHUNK:
            out.write(b"".join(buf))
            buf.clear()
    out.write(b"".join(buf))
    return written


def _grouped(blocks: Iterable[Block], out: BinaryIO, opens: bool, *, graphs: bool) -> int:
    """Turtle (graphs=False) or TriG: one statement per block, `;` between its pairs."""
    buf, written, current = [], 0, ""
    for graph, s, pos in blocks:
        if not pos:
            continue
        if graphs and graph != current:
            buf.append(("}\n" if current else "").encode() + (f"{graph} {{\n".encode() if graph else b""))
            current = graph
        buf.append(b"%s %s .\n" % (s.encode(), _SEP.join(pos)))
        written += len(pos)
        if len(buf) >= CHUNK:
            out.write(b"".join(buf))
            buf.clear()
    buf.append(b"}\n" if graphs and current else b"")
    out.write(b"".join(buf))
    return written


def _jsonld(blocks: Iterable[Block], out: BinaryIO, opens: bool) -> int:
    """A node object per block, `,` before each but the first of a list. The blocks of a
    document's named graph go inside `{"@id": graph, "@graph": [...]}`, which JSON-LD reads as
    that named graph. The blocks' pairs are members whose keys do not repeat (the emitter
    merged them)."""
    buf, written, current = [], 0, ""
    separator = b"" if opens else b",\n"
    for graph, s, pos in blocks:
        if not pos:
            continue
        if graph != current:
            if current:
                buf.append(b"]}")
                separator = b",\n"
            if graph:
                buf.append(b'%s{"@id":"%s","@graph":[\n' % (separator, graph[1:-1].encode()))
                separator = b""
            current = graph
        written += len(pos)
        buf.append(b'%s{"@id":"%s",%s}' % (separator, s[1:-1].encode(), b",".join(pos)))
        separator = b",\n"
        if len(buf) >= CHUNK:
            out.write(b"".join(buf))
            buf.clear()
    buf.append(b"]}" if current else b"")
    out.write(b"".join(buf))
    return written


@dataclass(frozen=True)
class Syntax:
    # writes blocks and returns the triples written; `opens` says the text follows the header
    # (JSON-LD separates its node objects; every line or statement of the others stands alone)
    body: Callable[[Iterable[Block], BinaryIO, bool], int]
    header: bytes = b""
    footer: bytes = b""
    pairs: str = "ntriples"  # the emitter's pairs: "ntriples", "turtle" (CURIEs) or "jsonld" (members)


_PREFIXES = ("".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n").encode()
_CONTEXT = ('{"@context":' + json.dumps(PREFIXES, indent=1) + ',\n"@graph":[\n').encode()

SYNTAXES: dict[str, Syntax] = {
    "turtle": Syntax(partial(_grouped, graphs=False), _PREFIXES, pairs="turtle"),
    "ntriples": Syntax(partial(_lines, quads=False)),
    "jsonld": Syntax(_jsonld, _CONTEXT, b"\n]}\n", pairs="jsonld"),
    "trig": Syntax(partial(_grouped, graphs=True), _PREFIXES, pairs="turtle"),
    "nquads": Syntax(partial(_lines, quads=True)),
}
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "trig": "trig", "nquads": "nq"}
QUAD_FORMATS = {"trig", "nquads", "jsonld"}  # the formats that keep named graphs


def out_file(path: Path) -> BinaryIO:
    return open(path, "wb", buffering=1 << 20)
