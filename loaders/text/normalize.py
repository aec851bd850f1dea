"""Normalise raw text for matching, keeping a map from every normalised character to the raw.

- NFKC per character: full-width punctuation and digits become ASCII (（ → (, ， → ,), while
  〔〕【】《》“”、。 stay; the ideographic space becomes a space; ︰, written for a colon in Hong
  Kong's releases, becomes one.
- Spaces inside words are dropped: between single CJK characters (`田 强`, `组 长`), after a
  short label's first character alone (`副 组长:`, as OCR splits it), and
  between a digit and a CJK character (`2020 年 3 月`, `15 号`). Spaces between longer words
  stay, so a list of names written `郝文保 武雪` is not merged; so does a wide gap after or
  before a digit, which is a table's column gap (`1     推行…`, `…保障局      2021年6月底前`).
- Line breaks become `\n` (`\r\n`, a lone `\r`, U+2028), and so do a dump's escaped breaks (`\r\n`
  written out) and a page's `<br>` tags kept in plain text; tabs stay (they carry table structure).
  A text wrapped at a fixed width (a printed page's copy) loses the breaks inside its
  paragraphs (loaders.text.wrapped); the source's notes say how many.
- A document whose paragraph breaks a crawl dropped, its outline run on in one line, gets a
  break back before each numbered part (loaders.text.runon); the notes say how many.
- Circled numbers (①) stay: they mark list items.
- Question marks opening a line (`???(一)…`) are an indent a lossy copy could not encode:
  spaces, so that the line's number is read.
- Pinyin that a web mirror printed after characters (`會(huì)議`, `常務(wù)`) goes: it is page
  noise that would cut names and words apart. The raw text keeps it; `Text.written` leaves it
  out of names, and the source's notes say how many were dropped.
- On lines read by OCR, a label misread by one character (`举头责任单位:`) is read as the label,
  and a part number's misread mark (`〈一)`, `5,`) as the mark (loaders.text.ocr_misreads); the
  raw text keeps the written form and the notes say how many.
- Quotation marks around a post (`“陸委會副主委”`, a mainland report on Taiwan) go
  (loaders.text.quotes); the raw text keeps them and the notes say how many.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from loaders.lexicon import lexicon
from loaders.records import Source, Text
from loaders.text.keys import normalize_key  # noqa: F401  (re-exported: the key's old home)
from loaders.text.ocr_misreads import misread_labels, misread_numbers
from loaders.text.runon import run_on_breaks
from loaders.text.quotes import post_quotes
from loaders.text.wrapped import joined_breaks

_SPACE_RUN = re.compile(r"[ \u00a0\u3000]+")

# The rest of a short label after its first character, up to its colon (副 组长:, as OCR splits it).
_LABEL_REST = re.compile(r"[\u4e00-\u9fff]{2,3}:")
# … or a list's label spaced character by character to a width, run on after a title (…党组书记副 主 任:).
_SPACED_LABEL_REST = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){0,2}:")
_ROLE_LABELS = frozenset(lexicon().table("groups.roles"))
_WORD_GAP = 2  # the widest run of spaces inside a number-and-unit word (`2020  年`)


LINE_BREAKS = "\u2028\u2029\u0085"


def is_cjk(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0003134f")


@lru_cache(maxsize=None)
def _nfkc(ch: str) -> str:
    if ch in LINE_BREAKS:
        return "\n"
    if "\u2460" <= ch <= "\u24ff":  # ① ⑴ ⒈ mark list items: NFKC would make ① a bare 1
        return ch
    if ch == "\u3000":  # as wide as a Chinese character: two spaces keep a table's columns aligned
        return "  "
    if ch == "\ufe30":  # ︰, the vertical two-dot leader Hong Kong's releases write for a colon: NFKC gives ..
        return ":"
    out = unicodedata.normalize("NFKC", ch)
    return " " if out.isspace() and out not in "\t\n\f" else out


def _folded(raw: str, i: int) -> str:
    """What raw[i] becomes: \r\n is one line break, and a lone \r (old Mac files) is one too."""
    if raw[i] == "\r":
        return "" if raw[i + 1:i + 2] == "\n" else "\n"
    return _nfkc(raw[i])


# Per code point, learnt as texts show it: 0 not seen yet, 1 folds to itself, 2 changes.
_FOLDS = np.zeros(0x110000, dtype=np.uint8)


def _changing(codes: np.ndarray) -> np.ndarray:
    """Where the characters that change stand (ASCII stays as it is, but for \r)."""
    flags = _FOLDS[codes]
    if not flags.all():
        for code in np.unique(codes[flags == 0]).tolist():
            ch = chr(code)
            _FOLDS[code] = 2 if code == 13 or (code > 127 and _nfkc(ch) != ch) else 1
        flags = _FOLDS[codes]
    return np.flatnonzero(flags == 2)


def _fold(raw: str) -> tuple[str, list[int]]:
    """NFKC per character with the offset map. The characters that change are found with
    numpy over the code points (Python would make one string object per character), and
    only they are folded one by one; the runs between them are copied whole."""
    codes = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    positions = _changing(codes).tolist()
    if not positions:
        return raw, list(range(len(raw)))
    chars: list[str] = []
    done = 0
    for i in positions:
        chars.append(raw[done:i])
        chars.append(_folded(raw, i))
        done = i + 1
    chars.append(raw[done:])
    widths = np.ones(len(raw), dtype=np.intp)  # how many characters each raw one becomes
    widths[positions] = [len(c) for c in chars[1::2]]
    return "".join(chars), np.repeat(np.arange(len(raw)), widths).tolist()


def _single_cjk(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is one CJK character standing alone between spaces/line ends."""
    return end - start == 1 and is_cjk(text[start])


def _drop_space(text: str, a: int, b: int) -> bool:
    """Whether the space run text[a:b] sits inside a word and should go."""
    if a == 0 or b >= len(text):
        return False
    left, right = text[a - 1], text[b]
    if (left.isdigit() and is_cjk(right)) or (is_cjk(left) and right.isdigit()):
        return b - a <= _WORD_GAP
    if not (is_cjk(left) and is_cjk(right)):
        return False
    if text.startswith(":", b + 1):
        return True  # a label's last character set apart (副组 长:, as OCR splits it): one word
    left_alone = a - 1 == 0 or not is_cjk(text[a - 2])
    if left_alone and _LABEL_REST.match(text, b):
        return True  # … or its first (副 组长:)
    if b - a == 1 and (spaced := _SPACED_LABEL_REST.match(text, b)) \
            and (text[a - 1] + spaced[0][:-1].replace(" ", "")) in _ROLE_LABELS:
        return True  # … or every one of them (党组书记副 主 任:)
    # a name padded to a list's width and copied into prose: 陈  静同志
    right_alone = b + 1 >= len(text) or not is_cjk(text[b + 1]) or text.startswith("同志", b + 1)
    return left_alone and right_alone


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The spans of _SPACE_RUN. Folded text has plain spaces only (NBSP and the ideographic
    space fold to one), which str.find reaches far faster than the regex engine."""
    if "\u00a0" in text or "\u3000" in text:
        return [m.span() for m in _SPACE_RUN.finditer(text)]
    runs, start = [], text.find(" ")
    while start >= 0:
        end = start + 1
        while text.startswith(" ", end):
            end += 1
        runs.append((start, end))
        start = text.find(" ", end)
    return runs


def _join_spaced(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    drops = [(a, b) for a, b in _space_runs(text) if _drop_space(text, a, b)]
    return _cut(text, offsets, drops) if drops else (text, offsets)


def _drop_pinyin(source: Source, text: str, offsets: list[int]) -> tuple[str, list[int]]:
    notes = source.glosses(text)
    if not notes:
        return text, offsets
    source.notes = (*source.notes, f"dropped {len(notes)} pinyin annotations printed after characters")
    return _cut(text, offsets, notes)


def _drop_post_quotes(source: Source, text: str, offsets: list[int]) -> tuple[str, list[int]]:
    marks = post_quotes(text)
    if not marks:
        return text, offsets
    source.notes = (*source.notes, f"dropped {len(marks) // 2} pairs of quotation marks around posts")
    return _cut(text, offsets, marks)


def _read_misread(source: Source, text: str, offsets: list[int]) -> str:
    """The text with the labels and part numbers OCR misread as the page prints them."""
    labels, numbers = misread_labels(source, text, offsets), misread_numbers(source, text, offsets)
    if labels:
        source.notes = (*source.notes, f"read {len(labels)} characters of labels OCR misread (a character of the "
                                       "label, its colon as ;, its bracket as 〈) as the label")
    if numbers:
        source.notes = (*source.notes, f"read {len(numbers)} marks of part numbers OCR misread (〈一) as (一), 5, as 5.)")
    if not labels and not numbers:
        return text
    chars = list(text)
    for at, ch in labels + numbers:
        chars[at] = ch
    return "".join(chars)


def _cut(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """text and its offsets without the (sorted, disjoint) spans."""
    chars: list[str] = []
    kept: list[int] = []
    done = 0
    for a, b in spans:
        chars.append(text[done:a])
        kept += offsets[done:a]
        done = b
    chars.append(text[done:])
    kept += offsets[done:len(text)]
    return "".join(chars), kept


def _insert_breaks(text: str, offsets: list[int], at: list[int]) -> tuple[str, list[int]]:
    """text with a line break before each of the (sorted) offsets `at`, each mapped to the raw
    character it stands before."""
    chars: list[str] = []
    mapped: list[int] = []
    done = 0
    for i in at:
        chars += [text[done:i], "\n"]
        mapped += offsets[done:i] + [offsets[i]]
        done = i
    chars.append(text[done:])
    mapped += offsets[done:len(text)]
    return "".join(chars), mapped


# A copy that lost its indent's ideographic spaces to `?` (`???(一)第一检查督导组`): indentation.
_LOST_INDENT = re.compile(rf"(?m)^\?{{2,}}|^\?(?=\s*[(（\d{lexicon()['numbering.cn_digits']}])")


def _lost_indent(text: str) -> str:
    if "\n?" not in text and not text.startswith("?"):
        return text
    return _LOST_INDENT.sub(lambda m: " " * len(m.group()), text)


# A copy kept in a database dump writes its line breaks as escapes (`\r\n 王冲免去…`): breaks they are.
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n|\\r")
_ESCAPES_OF_A_DUMP = 3  # fewer is a path or a formula's `\n`, not a dump's breaks


def _escaped_breaks(text: str) -> str:
    if text.count("\\n") < _ESCAPES_OF_A_DUMP:
        return text
    return _ESCAPED_BREAK.sub(lambda m: " " * (len(m.group()) - 1) + "\n", text)


# … or as a page's line-break tags in plain text (`沪府办〔2016〕63号<br> 上海市人民政府办公厅关于…`):
# breaks they are too, where a text holds a few (a text mostly of markup is read as HTML:
# loaders.read.html).
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _tag_breaks(text: str) -> str:
    if text.count("<br") + text.count("<BR") < _ESCAPES_OF_A_DUMP:
        return text
    return _BREAK_TAG.sub(lambda m: " " * (len(m.group()) - 1) + "\n", text)


def normalize(source: Source) -> Text:
    """The normalised text of a source with its offset map back to the raw text."""
    text, offsets = _fold(source.text)
    text = _tag_breaks(_escaped_breaks(_lost_indent(text)))  # as long as before: the offsets stand
    text, offsets = _drop_pinyin(source, text, offsets)
    text, offsets = _drop_post_quotes(source, text, offsets)
    text, offsets = _join_spaced(text, offsets)
    text = _read_misread(source, text, offsets)  # as long as before: the offsets stand
    if wrapped := joined_breaks(source, text, offsets):
        text, offsets = _cut(text, offsets, wrapped)
    if breaks := run_on_breaks(text):
        source.notes = (*source.notes, f"put back {len(breaks)} line breaks a copy ran on (before numbered parts or member-list labels)")
        text, offsets = _insert_breaks(text, offsets, breaks)
    offsets.append(len(source.text))
    return Text(text, offsets, source)
