"""Blocks → text in one RDF syntax, streamed: nothing holds the whole graph.

N-Triples, N-Quads, Turtle and TriG are written directly from the blocks (one statement per
subject in Turtle and TriG, whose blocks carry prefixed predicates). A body can be written in
parts and the parts joined: each part opens and closes its own named graphs, and a document's
graph never spans two parts. JSON-LD gets blocks whose pairs are already JSON members
(`"skos:prefLabel":{"@value":…}`, keys as compact IRIs of the context): one node object per block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, TextIO

import json

from kg.export.emit import Block
from kg.export.vocab import PREFIXES

_SEP = " ;\n    "
CHUNK = 512  # blocks per write: small chunks stay in the CPU cache


def _lines(blocks: Iterable[Block], out: TextIO, opens: bool, *, quads: bool) -> int:
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


def _grouped(blocks: Iterable[Block], out: TextIO, opens: bool, *, graphs: bool) -> int:
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


def _jsonld(blocks: Iterable[Block], out: TextIO, opens: bool) -> int:
    """A node object per block, `,` before each but the file's first. The blocks' pairs are
    already members (`"key":value`); a key that comes more than once gets one array."""
    buf, written = [], 0
    separator = "" if opens else ",\n"
    for _, s, pos in blocks:
        if not pos:
            continue
        written += len(pos)
        if len(pos) > 1:
            keys = [po.partition('":')[0] for po in pos]  # `"skos:prefLabel`: no key holds `":`
            if len(set(keys)) < len(keys):
                pos = _merged(keys, pos)
        buf.append(f'{separator}{{"@id":"{s[1:-1]}",{",".join(pos)}}}')
        separator = ",\n"
        if len(buf) >= CHUNK:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    return written


def _merged(keys: list[str], members: list[str]) -> list[str]:
    """Members with one key each, the values of a repeated key in one array."""
    values: dict[str, list[str]] = {}
    for key, member in zip(keys, members):
        values.setdefault(key, []).append(member[len(key) + 2:])
    return [f'{key}":{vs[0]}' if len(vs) == 1 else f'{key}":[{",".join(vs)}]' for key, vs in values.items()]


@dataclass(frozen=True)
class Syntax:
    # writes blocks and returns the triples written; `opens` says the text follows the header
    # (JSON-LD separates its node objects; every line or statement of the others stands alone)
    body: Callable[[Iterable[Block], TextIO, bool], int]
    header: str = ""
    footer: str = ""
    pairs: str = "ntriples"  # the emitter's pairs: "ntriples", "turtle" (CURIEs) or "jsonld" (members)


_PREFIXES = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n"
_CONTEXT = '{"@context":' + json.dumps(PREFIXES, indent=1) + ',\n"@graph":[\n'

SYNTAXES: dict[str, Syntax] = {
    "turtle": Syntax(partial(_grouped, graphs=False), _PREFIXES, pairs="turtle"),
    "ntriples": Syntax(partial(_lines, quads=False)),
    "jsonld": Syntax(_jsonld, _CONTEXT, "\n]}\n", pairs="jsonld"),
    "trig": Syntax(partial(_grouped, graphs=True), _PREFIXES, pairs="turtle"),
    "nquads": Syntax(partial(_lines, quads=True)),
}
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "trig": "trig", "nquads": "nq"}
QUAD_FORMATS = {"trig", "nquads"}


def text_file(path: Path) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
