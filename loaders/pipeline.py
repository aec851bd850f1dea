"""From a file to facts: read → normalise → segment → spaCy → relation extractors."""

from __future__ import annotations

from pathlib import Path

from loaders.extract import run_extractors
from loaders.nlp import get_nlp
from loaders.normalize import normalize
from loaders.read import read
from loaders.records import Facts, Source
from loaders.segment import segment


def extract_source(source: Source) -> Facts:
    text = normalize(source)
    documents = segment(text)
    nlp = get_nlp()
    facts = Facts(documents=list(documents))
    for document in documents:
        facts.extend(run_extractors(document, nlp(document.body)))
    return facts


def extract_file(path: str | Path, max_bytes: int | None = None) -> Facts:
    return extract_source(read(path, max_bytes=max_bytes))
