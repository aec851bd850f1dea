"""发文字号 (document numbers): 机关代字 + 〔年份〕 + 发文顺序号 + 号.

GB/T 9704-2012 writes the year in hexagonal brackets 〔〕 (`国发〔2018〕39号`); typed and OCRed
copies use ［］ [] () （） 【】 or mixed pairs (`阳政发(2020〕1号`), OCR may double either bracket
(`晋政办函【2024]】75号`, `晋政办函〔【2024]75号`), put spaces anywhere
(`阳政办发〔2020〕15 号`), sometimes 第 before the sequence (`〔2020〕第3号`), and 號 in
traditional print. Orders (政府令) carry only `第N号` under the `…令` line. `canonical` writes
one key for all of these: the 代字 as written without spaces, the year in 〔〕, 号.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from loaders.lexicon import lexicon

_OPEN, _CLOSE = "〔［\\[（(【", "〕］\\]）)】"
_CJK = "\u4e00-\u9fff"
# The 机关代字 is a run of CJK (rarely Latin) characters; 2–14 covers 国发 … 晋农业农村明电.
# Function words (的 了 在 …) never stand in a 代字, so running text does not leak into it.
_CHAR = rf"(?![的了是在对将把被从向于以为和及与见据照])[{_CJK}A-Za-z]"
DOC_NUMBER = re.compile(
    rf"(?P<prefix>{_CHAR}(?:{_CHAR}|\s){{0,14}}?)\s*[{_OPEN}]{{1,2}}\s*(?P<year>(?:19|20)\d\d)\s*"
    rf"[{_CLOSE}]{{1,2}}\s*(?P<di>第?)\s*(?P<seq>\d{{1,5}})\s*[号號]")
_LEX = lexicon()
_NUMERALS = _LEX.chars("numbering.cn_digits", "numbering.zeros")
ORDER_NUMBER = re.compile(rf"^[(（]?\s*第\s*(?P<seq>\d{{1,5}}|{_NUMERALS}{{1,6}})\s*[号號]\s*[)）]?$")
# Words that can stand right before a number in running text but are not part of its 代字.
_LEAD_WORDS = _LEX.words("documents.number_lead_words")
_SIGNER = re.compile(_LEX["documents.signer_pattern"])
# A portal's metadata line names the number: `文　　号：深府人〔2023〕15号`, `发文字号：…`.
_LABEL = re.compile(_LEX["documents.number_labels_pattern"])
_LINE_EDGE = "()（）[]［］ \t\u3000"


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    number: str  # canonical


def _trim_prefix(prefix: str) -> str:
    prefix = "".join(prefix.split())
    changed = True
    while changed:
        changed = False
        for word in _LEAD_WORDS:
            if prefix.startswith(word) and len(prefix) > len(word) + 1:
                prefix, changed = prefix[len(word):], True
    return prefix


def _build(prefix: str, year: str, di: str, seq: str) -> str:
    return f"{_trim_prefix(prefix)}〔{year}〕{di}{int(seq)}号"


def canonical(written: str) -> str | None:
    """The one key of a written number (`阳政办发［2020］15 号` → `阳政办发〔2020〕15号`)."""
    folded = unicodedata.normalize("NFKC", written)
    m = DOC_NUMBER.search(folded)
    return _build(m["prefix"], m["year"], m["di"], m["seq"]) if m else None


def find_numbers(text: str) -> Iterator[NumberMatch]:
    """Every document number in running text, with its span and canonical form."""
    for m in DOC_NUMBER.finditer(text):
        raw, trimmed = m["prefix"], _trim_prefix(m["prefix"])
        start, need = len(raw), len(trimmed)
        while need:  # the trimmed 代字 is the last `need` non-space characters of the prefix
            start -= 1
            need -= not raw[start].isspace()
        yield NumberMatch(m.start() + start, m.end(), _build(trimmed, m["year"], m["di"], m["seq"]))


def number_line(line: str) -> str | None:
    """The canonical number when a line holds only a 发文字号 (and maybe `签发人：…`, or the
    label `文号：` of a portal's metadata block)."""
    folded = unicodedata.normalize("NFKC", line)
    if "号" not in folded and "號" not in folded:  # every number ends so: most lines stop here
        return None
    core = _SIGNER.sub("", _LABEL.sub("", folded)).strip(_LINE_EDGE)
    m = DOC_NUMBER.fullmatch(core)
    if not m or len(_trim_prefix(m["prefix"])) != len("".join(m["prefix"].split())):
        return None
    return _build(m["prefix"], m["year"], m["di"], m["seq"])


def order_line(line: str) -> str | None:
    """`第5号` / `第 五 号` alone on a line (the number of a 政府令), written without spaces."""
    m = ORDER_NUMBER.match("".join(line.split()))
    return f"第{m['seq']}号" if m else None
