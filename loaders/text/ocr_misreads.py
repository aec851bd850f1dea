"""Labels and part numbers OCR misread, read as the page prints them, on lines read by OCR only.

Labels misread by one character: `举头责任单位：`, `豆任单位：`, `奉头单位：`, `第一可组长：` are
牵头责任单位, 责任单位, 牵头单位 and 第一副组长.

Tesseract misreads a character of a label now and then (牵 as 举, 产 or 北; 责 as 豆 or 商), and
a label read wrong loses the whole list of units after it. On a line read by OCR, the words
right before a colon (nothing but a line's start, a bracket or a mark before them) that are no
label of ontology/lexicon/roles.yaml or of a group's roles (groups.yaml) but differ from exactly one label of four characters or
more, and of their length, in one character, are read as that label; two-character and
three-character words are left, as one character turns them into too many others. A label's
colon read as a semicolon (`配合单位;征地事务部`, or `牵头单位;:` with the colon read too) is its
colon, and an opening mark of another shape right before a label (`〈牵头单位:`, `《牵头单位:`),
closed by ")", its bracket. Lines from a text layer or a text file are never touched. The raw text keeps the written
form, so the evidence shows it, and the source's notes say how many labels were read so.

Part numbers with a misread mark: a bracket of the wrong shape on one side (`〈一)`, `(二〉`) is
(一), (二); a comma after a number opening a line (`5,一般公共预算收入…`) is its stop (5.). A
bracket pair of one shape (〈一〉) is as printed, and so is a comma inside a number (10,000).
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.records import Source
from loaders.text.script import to_simplified

_SHORTEST = 4  # characters: a shorter label is one character away from too many words
_BEFORE_COLON = re.compile(r"(?<![\u4e00-\u9fff])(?P<word>[\u4e00-\u9fff]{2,8})(?P<mark>[:;])(?P<again>:?)")
_NUMERAL = rf"(?:[{lexicon()['numbering.cn_digits']}]{{1,3}}|\d{{1,2}})"
# After NFKC: ( is ASCII; 〈 and 〉 stay.
_WRONG_BRACKET = re.compile(rf"(?P<open>[〈<]){_NUMERAL}\)|\({_NUMERAL}(?P<close>[〉>])")
# An opening bracket misread as another mark before a label (〈牵头单位:…), closed by ")".
_OPENERS = {"〈": "〉", "《": "》", "“": "”", "<": ">"}
_COMMA_STOP = re.compile(r"(?m)^[ \t]*\d{1,2}(?P<comma>,)(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _all_labels() -> frozenset[str]:
    """The labels a list of units or people opens with: a task's units, its people and its
    deadline, a group's roles (副组长, 第一副组长)."""
    lex = lexicon()
    return frozenset([*lex.table("roles.labels"), *lex.words("roles.person_labels"),
                      *lex.words("roles.deadline_labels"), *lex.table("groups.roles")])


@lru_cache(maxsize=1)
def _labels() -> dict[int, frozenset[str]]:
    """The labels of _SHORTEST characters or more, by length."""
    by_length: dict[int, set[str]] = {}
    for word in _all_labels():
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
    """(offset, the right character) for each character of a misread label on an OCR line of
    the normalised `text` (raw: its offsets in the source), for its colon read as a semicolon
    (`配合单位;征地事务部`, `牵头单位;:用地科`, the colon read twice, goes as a space), and for
    the bracket before it read as another opening mark (`〈牵头单位:用地科,…)`)."""
    if not source.ocr_lines or (":" not in text and ";" not in text):
        return []
    fixes = []
    for m in _BEFORE_COLON.finditer(text):
        word = to_simplified(m["word"])
        fix = _one_off(word) if len(word) >= _SHORTEST else None
        if fix:
            word = word[:fix[0]] + fix[1] + word[fix[0] + 1:]
        known = word in _all_labels()
        mark = m["mark"] == ";" and known
        if not (fix and m["mark"] == ":" or known) or not _on_ocr_line(source, raw, m.start(), m.end()):
            continue
        fixes += [(m.start() + fix[0], fix[1])] if fix else []
        fixes += [(m.start("mark"), ":")] + ([(m.start("again"), " ")] if m["again"] else []) if mark else []
        if m.start() and _bracket_misread(text, m.start() - 1):
            fixes.append((m.start() - 1, "("))
    return fixes


def _bracket_misread(text: str, at: int) -> bool:
    """Whether text[at], an opening mark of another shape, is a bracket that ")" closes."""
    closer = _OPENERS.get(text[at])
    if closer is None:
        return False
    end = text.find("\n", at)
    line = text[at + 1:end if end >= 0 else len(text)]
    bracket = line.find(")")
    return bracket >= 0 and (closer not in line or line.index(closer) > bracket)


def misread_numbers(source: Source, text: str, raw: list[int]) -> list[tuple[int, str]]:
    """(offset, the mark's character) for each misread mark of a part number on an OCR line."""
    if not source.ocr_lines:
        return []
    fixes = [(m.start("open"), "(") if m["open"] else (m.start("close"), ")") for m in _WRONG_BRACKET.finditer(text)]
    fixes += [(m.start("comma"), ".") for m in _COMMA_STOP.finditer(text)]
    return sorted((at, ch) for at, ch in fixes if _on_ocr_line(source, raw, at, at + 1))


def _on_ocr_line(source: Source, raw: list[int], start: int, end: int) -> bool:
    return source.ocr_confidence(raw[start], raw[end - 1] + 1) is not None
