"""One document as every extractor reads it.

Extractors match rules written in simplified characters against `view.text`: the document's
body folded to simplified characters, offset for offset, so that a traditional-script notice
gives the facts of its simplified twin. Offsets are body offsets; `written` gives a span as the
file writes it (the name as written, spaces inside it removed) and `evidence` the raw span,
page and sentence a fact keeps. The outline and the spans spaCy marked are read once, here.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from loaders.records import Document, Evidence
from loaders.structure.outline import Unit, outline
from loaders.text.script import to_simplified

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class DocumentView:
    """A document's body for reading: simplified text, outline, marked spans, evidence."""

    def __init__(self, document: Document, doc: "Doc | None" = None):
        self.document = document
        self.base = document.body_offset
        self.text = to_simplified(document.text.text[self.base:document.end])
        self.doc = doc  # the spaCy doc of `text`, when the pipeline ran

    @property
    def key(self) -> str:
        return self.document.key

    def written(self, start: int, end: int) -> str:
        """text[start:end] as the file writes it, spaces inside removed (田 强 → 田强)."""
        return self.document.text.written(self.base + start, self.base + end)

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Evidence of body span [start, end), read by `rule`."""
        return Evidence.of(self.document, self.base + start, self.base + end, rule)

    def raw_char(self, offset: int) -> str:
        """The raw character at a body offset (① is 1 once normalised: only the raw text tells)."""
        return self.document.text.raw_slice(self.base + offset, self.base + offset + 1)

    @cached_property
    def outline(self) -> list[Unit]:
        """The numbered units of the body (一、 (一) 1. (1) ① 附件)."""
        return outline(self.text, self.raw_char)

    def spans(self, group: str) -> list["Span"]:
        """The spans spaCy marked in a group (agency, place, gazetteer, lexicon)."""
        return list(self.doc.spans.get(group, [])) if self.doc is not None else []
