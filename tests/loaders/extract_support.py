"""Documents for the extractor tests: the sample gazette segmented, and the fixture documents."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from loaders.extract import get_extractor
from loaders.pipeline import view_of
from loaders.text.normalize import normalize, normalize_key
from loaders.read import read
from loaders.records import Document, Facts, Source
from loaders.text.segment import segment

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
FIXTURES = ROOT / "tests" / "fixtures"


@lru_cache(maxsize=1)
def sample_documents() -> tuple[Document, ...]:
    return tuple(segment(normalize(read(SAMPLE))))


def sample_document(number: str) -> Document:
    return next(d for d in sample_documents() if d.number == number)


def run(extractor: str, document: Document) -> Facts:
    return get_extractor(extractor)(view_of(document))


def run_sample(extractor: str) -> Facts:
    facts = Facts()
    for document in sample_documents():
        facts.extend(run(extractor, document))
    return facts


def fixture(kind: str, name: str) -> tuple[Document, dict]:
    """A fixture document (its whole text is its body) and the facts expected from it."""
    path = FIXTURES / kind / f"{name}.txt"
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = normalize(Source.from_pages(str(path), [path.read_text(encoding="utf-8")], "txt"))
    meta = expected["document"]
    document = Document(id=name, text=text, start=0, end=len(text.text), title=name,
                        number=meta["number"], jurisdiction=meta["jurisdiction"], body_start=0)
    return document, expected


def fixture_names(kind: str) -> list[str]:
    return sorted(p.stem for p in (FIXTURES / kind).glob("*.txt"))


def key(value) -> str:
    return normalize_key(str(value or ""))


def f1(found: set, expected: set) -> float:
    hits = len(found & expected)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(expected)
    return 2 * precision * recall / (precision + recall)


def documents_of_text(raw: str) -> list[Document]:
    """The documents of a text given as a string, as a file holding it would give them."""
    return segment(normalize(Source.from_pages("mem.txt", [raw], "txt")))
