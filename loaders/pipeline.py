"""From a file to facts: read → normalise → segment → spaCy → relation extractors.

`documents_of` stops after segmentation, so a loader can skip the documents it already has
(by content hash) before paying for extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from loaders.extract import run_extractors
from loaders.extract.groups.seated import seated_groups
from loaders.merge import merged
from loaders.spans.nlp import get_nlp
from loaders.text.normalize import normalize
from loaders.read import read
from loaders.records import Document, Facts, Source
from loaders.text.segment import segment
from loaders.view import DocumentView


def documents_of(source: Source) -> list[Document]:
    return segment(normalize(source))


# Characters spaCy reads at once. A longer document is read in pieces cut at line breaks (or
# sentence ends), so that memory stays flat however long it is: spaCy holds a token per character.
PIECE = 100_000
_CUTS = ("\n", "。", "；", ";")


def pieces(text: str, size: int = PIECE) -> list[tuple[int, int]]:
    """Spans of at most `size` characters covering text, each ending at a line break or a
    sentence's end where one stands in its second half."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = max(text.rfind(mark, start + size // 2, end) for mark in _CUTS)
        end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out + [(start, len(text))]


def view_of(document: Document, nlp=None) -> DocumentView:
    """The document as extractors read it, with the spans the pipeline marked."""
    nlp = nlp or get_nlp()
    view = DocumentView(document)
    spans = pieces(view.text)
    if len(spans) == 1:
        view.doc = nlp(view.text)
        view.add_marks(view.doc)
        return view
    for (start, end), doc in zip(spans, nlp.pipe(view.text[a:b] for a, b in spans)):
        view.add_marks(doc, start)
    return view


def extract_documents(documents: Iterable[Document]) -> Facts:
    nlp = get_nlp()
    facts = Facts()
    for document in documents:
        facts.documents.append(document)
        found = run_extractors(view_of(document, nlp))
        found.groups = seated_groups(found)
        facts.extend(found)
    return merged(facts)


def extract_source(source: Source) -> Facts:
    return extract_documents(documents_of(source))


def extract_file(path: str | Path, max_bytes: int | None = None) -> Facts:
    return extract_source(read(path, max_bytes=max_bytes))
