"""Labels OCR misread by one character: `举头责任单位：`, `豆任单位：`, `奉头单位：` are 牵头责任单位,
责任单位 and 牵头单位 as the page prints them.

Tesseract misreads a character of a label now and then (牵 as 举, 产 or 北; 责 as 豆 or 商), and
a label read wrong loses the whole list of units after it. On a line read by OCR, the words
right before a colon (nothing but a line's start, a bracket or a mark before them) that are no
label of ontology/lexicon/roles.yaml but differ from exactly one label of four characters or
more, and of their length, in one character, are read as that label. Lines from a text layer
or a text file are never touched, and neither are two-character or three-character words,
which one character turns into too many others. The raw text keeps the written form, so the
evidence shows it, and the source's notes say how many labels were read so.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.records import Source
from loaders.text.script import to_simplified

_SHORTEST = 4  # characters: a shorter label is one character away from too many words
_BEFORE_COLON = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4,8}(?=:)")


@lru_cache(maxsize=1)
def _labels() -> dict[int, frozenset[str]]:
    """The labels a list of units or people opens with, by length."""
    lex = lexicon()
    words = [*lex.table("roles.labels"), *lex.words("roles.person_labels"), *lex.words("roles.deadline_labels")]
    by_length: dict[int, set[str]] = {}
    for word in words:
        if len(word) >= _SHORTEST:
            by_length.setdefault(len(word), set()).add(word)
    return {n: frozenset(ws) for n, ws in by_length.items()}


def _one_off(word: str) -> tuple[int, str] | None:
    """(where, the label's character) when exactly one label differs from `word` in one place."""
    labels = _labels().get(len(word), frozenset())
    if word in labels:
        return None
    found = [(i, label[i]) for label in labels
             if (diff := [i for i, (a, b) in enumerate(zip(word, label)) if a != b]) and len(diff) == 1
             for i in diff]
    return found[0] if len(found) == 1 else None


def misread_labels(source: Source, text: str, raw: list[int]) -> list[tuple[int, str]]:
    """(offset, the label's character) for each character of a misread label on an OCR line
    of the normalised `text` (raw: its offsets in the source)."""
    if not source.ocr_lines or ":" not in text:
        return []
    fixes = []
    for m in _BEFORE_COLON.finditer(text):
        fix = _one_off(to_simplified(m.group()))
        if fix and source.ocr_confidence(raw[m.start()], raw[m.end() - 1] + 1) is not None:
            fixes.append((m.start() + fix[0], fix[1]))
    return fixes
