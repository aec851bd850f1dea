"""From a file to facts: read → normalise → segment → spaCy → relation extractors.

`documents_of` stops after segmentation, so a loader can skip the documents it already has
(by content hash) before paying for extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from loaders.extract import run_extractors
from loaders.spans.nlp import get_nlp
from loaders.text.normalize import normalize
from loaders.read import read
from loaders.records import Document, Facts, Source
from loaders.text.segment import segment
from loaders.view import DocumentView


def documents_of(source: Source) -> list[Document]:
    return segment(normalize(source))


def view_of(document: Document, nlp=None) -> DocumentView:
    """The document as extractors read it, with the spans the pipeline marked."""
    view = DocumentView(document)
    view.doc = (nlp or get_nlp())(view.text)
    return view


def extract_documents(documents: Iterable[Document]) -> Facts:
    nlp = get_nlp()
    facts = Facts()
    for document in documents:
        facts.documents.append(document)
        facts.extend(run_extractors(view_of(document, nlp)))
    return facts


def extract_source(source: Source) -> Facts:
    return extract_documents(documents_of(source))


def extract_file(path: str | Path, max_bytes: int | None = None) -> Facts:
    return extract_source(read(path, max_bytes=max_bytes))
