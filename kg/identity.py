"""Which Document a piece of text is, so that two different texts never become one.

A document is keyed by its 文号, or (without one) by its title, date and a hash of its text
(loaders.text.segment). Two cases remain where different texts meet under one key:

- in one file, a portal's metadata block (`发文字号：…`) and the document under it are cut
  as two parts with one 文号: they are one document, read as one (`parts_by_key`). Parts
  whose titles differ are two texts numbered alike: the first is kept, the others reported;
- across files, a 文号 already stored from another file with another text (`Claims`): the
  stored document is kept and the new one reported, unless the load is forced. Loading the
  same file again after a correction replaces its document, as it should.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from govkg.ids import content_hash
from kg import __version__
from kg.model import DocumentGraph
from loaders.records import Document
from loaders.text.normalize import normalize_key


def document_hash(document: Document) -> str:
    """What decides whether a stored document is current: its text and the govkg version
    that read it (a new version re-extracts everything)."""
    return content_hash(f"{__version__}\x1f{document.text.text[document.start:document.end]}")


@dataclass
class DocumentParts:
    """The parts of one file that carry one key: those read as the document, and the texts
    that only share its number."""

    key: str
    parts: list[Document] = field(default_factory=list)
    others: list[Document] = field(default_factory=list)

    @property
    def main(self) -> Document:
        """The part whose metadata the Document node carries: the longest."""
        return max(self.parts, key=lambda d: d.end - d.start)

    @property
    def hash(self) -> str:
        everything = self.parts + self.others
        if len(everything) == 1:
            return document_hash(everything[0])
        texts = "\x1e".join(d.text.text[d.start:d.end] for d in everything)
        return content_hash(f"{__version__}\x1f{texts}")

    def collisions(self) -> list[str]:
        return [f"{d.text.source.path}: {self.key} numbers two different texts in this file "
                f"(《{_short(self.main.title)}》 and 《{_short(d.title)}》); the second was not written"
                for d in self.others]


def parts_by_key(documents: list[Document]) -> list[DocumentParts]:
    """The documents of one file grouped by key, in order of first appearance."""
    groups: dict[str, DocumentParts] = {}
    for document in documents:
        group = groups.setdefault(document.key, DocumentParts(document.key))
        if not group.parts or _same_text(group.parts, document):
            group.parts.append(document)
        else:
            group.others.append(document)
    return list(groups.values())


def key_hashes(documents: list[Document]) -> dict[str, str]:
    """Every key of a file and the hash of all it says under that key."""
    return {group.key: group.hash for group in parts_by_key(documents)}


def _title(document: Document) -> str:
    """The title as compared: none when the part has only its number (a metadata block)."""
    title = normalize_key(document.title)
    return "" if not title or title == normalize_key(document.number or "") else title


def _same_text(parts: list[Document], document: Document) -> bool:
    titles = {t for t in map(_title, parts) if t}
    return not titles or not _title(document) or _title(document) in titles


def _short(title: str, width: int = 30) -> str:
    return title if len(title) <= width else title[:width] + "…"


class Claims:
    """The documents stored and written so far: a key may be rewritten by the file that gave
    it, never silently by another file with another text."""

    def __init__(self, stored: dict[str, tuple[str, str | None]], force: bool = False):
        self.stored = stored  # key -> (content hash, source) before this load
        self.written: dict[str, tuple[str, str | None]] = {}  # by this load
        self.force = force

    def refuse(self, graph: DocumentGraph) -> str | None:
        """Why `graph` must not be written (a line naming both files), or None."""
        source = _source(graph)
        earlier = self.written.get(graph.doc)
        if earlier is None and not self.force:
            earlier = self.stored.get(graph.doc)
        if earlier is None or earlier[0] == graph.content_hash or _same_file(earlier[1], source):
            self.written[graph.doc] = (graph.content_hash, source)
            return None
        hint = "" if graph.doc in self.written else "; load it with --force if it replaces that text"
        return (f"{source}: {graph.doc} is the 文号 of a different text already loaded from "
                f"{earlier[1]}; not written{hint}")


def _source(graph: DocumentGraph) -> str | None:
    return next((n.props.get("source") for n in graph.nodes if n.id == graph.doc), None)


def _same_file(a: str | None, b: str | None) -> bool:
    """Unknown sources (a store from before sources were kept) count as the same file."""
    return a is None or b is None or os.path.realpath(a) == os.path.realpath(b)
