"""A document's text as it was read, cut into pieces at the spans of the facts it states, so
the page can mark each span and link it to its facts.

The text comes from the file the document was read from (kg.review.store.source_file), read
again as `kg load` reads it (kept for the next page while the file is unchanged); spans are
offsets in that raw text. A file that is gone or changed since leaves the page its facts,
without the text. Contact details are withheld unless the explorer was started to show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.export.privacy import Redactor

CONTEXT = 160  # characters shown on each side of a span on an evidence page


@dataclass(frozen=True)
class Piece:
    text: str
    edges: tuple[str, ...] = ()  # the facts whose span covers it
    start: int = 0


def raw_parts(path: Path, doc: str, max_bytes: int | None = None) -> list[tuple[int, str]]:
    """(raw offset, raw text) of each part of the file that is the document `doc`."""
    stat = path.stat()
    return _parts(str(path), stat.st_mtime_ns, stat.st_size, doc, max_bytes)


@lru_cache(maxsize=16)
def _parts(path: str, _mtime: int, _size: int, doc: str, max_bytes: int | None) -> list[tuple[int, str]]:
    from loaders.pipeline import documents_of
    from loaders.read import read

    source = read(path, max_bytes=max_bytes)
    out = []
    for d in documents_of(source):
        if d.key == doc:
            start, end = d.text.raw_span(d.start, d.end)
            out.append((start, source.text[start:end]))
    return out


def pieces(offset: int, text: str, facts: list[dict[str, Any]]) -> list[Piece]:
    """`text` (starting at raw `offset`) cut at every span boundary; each piece names the facts
    covering it. Facts without a span, or outside the text, are left out."""
    spans = [(s[0], s[1], f["edge"]) for f in facts if (s := f.get("span")) and isinstance(s, list) and len(s) == 2
             and offset <= s[0] < s[1] <= offset + len(text)]
    cuts = sorted({offset, offset + len(text), *(p for a, b, _ in spans for p in (a, b))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(e for s, t, e in spans if s <= a and b <= t)
        out.append(Piece(text[a - offset:b - offset], covering, a))
    return out


def withheld(chunks: list[Piece], include_contacts: bool) -> list[Piece]:
    """The pieces with contact details withheld: over the whole text at once when that keeps
    its length (numbers become `*`), so a number across two pieces is caught; else piece by piece."""
    if include_contacts:
        return chunks
    redact = Redactor()
    whole = "".join(p.text for p in chunks)
    hidden = redact(whole)
    if len(hidden) != len(whole):
        return [Piece(redact(p.text), p.edges, p.start) for p in chunks]
    out, at = [], 0
    for p in chunks:
        out.append(Piece(hidden[at:at + len(p.text)], p.edges, p.start))
        at += len(p.text)
    return out


def context(parts: list[tuple[int, str]], span: list[int] | None) -> tuple[str, str, str] | None:
    """(before, span, after) around a span, from the document's raw text."""
    if not span or len(span) != 2:
        return None
    for offset, text in parts:
        if offset <= span[0] < span[1] <= offset + len(text):
            a, b = span[0] - offset, span[1] - offset
            return text[max(a - CONTEXT, 0):a], text[a:b], text[b:b + CONTEXT]
    return None
