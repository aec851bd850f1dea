"""One document as every extractor reads it.

Extractors match rules written in simplified characters against `view.text`: the document's
body folded to simplified characters, offset for offset, so that a traditional-script notice
gives the facts of its simplified twin. Offsets are body offsets; `written` gives a span as the
file writes it (the name as written, spaces inside it removed) and `evidence` the raw span,
page and sentence a fact keeps. The outline and the spans spaCy marked are read once, here.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from loaders.records import Document, Evidence
from loaders.structure.outline import Unit, outline
from loaders.text.script import to_simplified

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Mark(NamedTuple):
    """A span the pipeline marked, in body offsets, with the attributes of spaCy's Span that
    rules read: a long document is read by spaCy in pieces, whose spans are shifted here."""

    start_char: int
    end_char: int
    label_: str
    kb_id_: str = ""
    id_: str = ""  # the rule that marked it, where a component names one


class DocumentView:
    """A document's body for reading: simplified text, outline, marked spans, evidence."""

    def __init__(self, document: Document):
        self.document = document
        self.base = document.body_offset
        self.text = to_simplified(document.text.text[self.base:document.end])
        self.doc: "Doc | None" = None  # the spaCy doc of `text` when it was read in one piece
        self.marks: dict[str, list[Mark]] = {}  # span group → marks, in order

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
    def heading(self) -> str:
        """What the document calls itself, in simplified characters: its title, else the first
        line of a text without one (三、联席会议工作规则), which still tells what kind of text it is."""
        if self.document.title:
            return to_simplified(self.document.title)
        return next((line.strip() for line in self.text.splitlines() if line.strip()), "")

    @cached_property
    def outline(self) -> list[Unit]:
        """The numbered units of the body (一、 (一) 1. (1) ① 附件)."""
        return outline(self.text, self.raw_char)

    def spans(self, group: str) -> list[Mark]:
        """The spans spaCy marked in a group (agency, place, gazetteer, lexicon)."""
        return self.marks.get(group, [])

    def add_marks(self, doc: "Doc", offset: int = 0) -> None:
        """Keep the span groups of a spaCy doc read from text[offset:]."""
        for group, spans in doc.spans.items():
            self.marks.setdefault(group, []).extend(
                Mark(s.start_char + offset, s.end_char + offset, s.label_, s.kb_id_, s.id_) for s in spans)
