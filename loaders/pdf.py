"""PDF → page texts in reading order, column-aware.

pypdfium2 is the primary reader and pdfplumber the fallback, by measurement on a generated
50-page two-column gazette (2 busy cores): collecting characters takes pdfplumber ~14 pages/s
and pypdfium2 ~170; with the layout below, reading runs at 5–13 pages/s through pdfplumber
and 35–90 through pypdfium2. Both feed the same layout and read a page to the identical text
(a test holds them to it). pypdfium2 also decodes CID fonts that pdfminer leaves as
`(cid:NN)` (seen on an encrypted file), while pdfplumber finds rotated CJK lines that pdfium
drops; so pdfplumber reads a page whenever pypdfium2's text for it is empty or undecodable.
"""

from __future__ import annotations

import ctypes
from math import ceil
from pathlib import Path
from statistics import median
from typing import NamedTuple

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kg.errors import InputError
from loaders.encoding import chinese_score

PASSWORD_ERROR = 4  # PDFium's FPDF_ERR_PASSWORD
GARBLED_SHARE = 0.3  # a page is undecodable when this share of its glyphs has no text
NOISE_MIN = 20  # non-ASCII characters needed before a page can be judged noise
EOF_TAIL = 4096  # bytes at the end of a complete PDF that hold its %%EOF marker


class PageText(NamedTuple):
    """What reading one page gave: its text, the reader used, and a note when it struggled."""

    text: str
    method: str  # pypdfium2 | pdfplumber | none
    note: str | None = None


class Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    ink: bool  # False for spaces

    @classmethod
    def of(cls, text: str, x0: float, x1: float, top: float, bottom: float) -> "Char":
        return cls(text, float(x0), float(x1), float(top), float(bottom), not text.isspace())


def read_pdf(path: Path) -> tuple[list[PageText], list[str]]:
    """Every page's text in reading order, and notes on how the file was opened."""
    _check_complete(path)
    doc, notes = _open(path)
    plumber: list = []  # a pdfplumber document, once a page needs it
    pages: list[PageText] = []
    try:
        for index in range(len(doc)):
            pages.append(_read_page(doc, path, index, plumber))
    except pdfium.PdfiumError as e:
        raise InputError(f"PDF page {len(pages) + 1} is corrupt ({e})", where=str(path)) from e
    finally:
        doc.close()
        if plumber and plumber[0] is not None:
            plumber[0].close()
    return pages, notes


def _check_complete(path: Path) -> None:
    """A PDF ends with %%EOF; without it the cross-reference table and pages may be missing."""
    with path.open("rb") as f:
        f.seek(max(path.stat().st_size - EOF_TAIL, 0))
        if b"%%EOF" not in f.read():
            raise InputError("PDF is truncated (no %%EOF end marker)", where=str(path))


def _open(path: Path) -> tuple[pdfium.PdfDocument, list[str]]:
    """Open with the empty user password, as any viewer does; a real one is an error."""
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == PASSWORD_ERROR:
            raise InputError("PDF is encrypted with a user password", where=str(path)) from e
        raise InputError(f"PDF is corrupt ({e})", where=str(path)) from e
    notes = []
    if pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
        notes.append("PDF is encrypted with an owner password only; opened without a password")
    return doc, notes


def _read_page(doc: pdfium.PdfDocument, path: Path, index: int, plumber: list) -> PageText:
    number = index + 1
    chars, width = pdfium_chars(doc[index])
    if chars and not garbled(chars):
        return PageText(layout_page(chars, width), "pypdfium2")
    if not plumber:  # opened on the first page pypdfium2 cannot read
        plumber.append(_open_plumber(path))
    fallback, fallback_width = _plumber_page(plumber[0], index)
    if fallback and not garbled(fallback):
        why = "undecodable" if chars else "empty"  # pdfium drops some rotated CJK text
        note = f"page {number}: pypdfium2 text {why}, read with pdfplumber"
        return PageText(layout_page(fallback, fallback_width), "pdfplumber", note)
    if chars:
        note = f"page {number} text is mostly undecodable glyphs (font without a Unicode map)"
        return PageText(layout_page(chars, width), "pypdfium2", note)
    return PageText("", "none", f"page {number} has no text layer (scanned?)")


def _open_plumber(path: Path):
    """pdfplumber's view of the file, or None when pdfminer cannot parse what pdfium could."""
    try:
        return pdfplumber.open(path, password="")
    except Exception:  # noqa: BLE001 - pdfminer raises many types; all mean "no fallback"
        return None


def _plumber_page(doc, index: int) -> tuple[list[Char], float]:
    if doc is None:
        return [], 0.0
    try:
        return plumber_chars(doc.pages[index])
    except Exception:  # noqa: BLE001 - a page pdfminer cannot parse has no fallback text
        return [], 0.0


def pdfium_chars(page: pdfium.PdfPage) -> tuple[list[Char], float]:
    """Characters with their advance ("loose") boxes, as the page is shown (top-down, turned
    by its /Rotate), and the shown width; without the spaces and line breaks pdfium invents,
    since the layout finds gaps itself. Tight glyph boxes would not do: a non-embedded font's
    have no height, punctuation's are narrow.
    """
    crop, turn = page.get_cropbox(), page.get_rotation()
    textpage = page.get_textpage()
    raw, rect, chars = textpage.raw, pdfium_c.FS_RECTF(), []
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range()
    if len(text) != count:  # text and char indices disagree (characters outside the BMP)
        text = [_unicode(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count)]
    box, box_ref, generated = pdfium_c.FPDFText_GetLooseCharBox, ctypes.byref(rect), \
        pdfium_c.FPDFText_IsGenerated
    for i, ch in enumerate(text):
        ink = not ch.isspace()
        if not ink and (ch in "\r\n" or generated(raw, i) == 1):
            continue
        box(raw, i, box_ref)
        chars.append(Char(ch, *_shown(rect.left, rect.bottom, rect.right, rect.top, crop, turn),
                          ink))
    textpage.close()
    page.close()
    left, bottom, right, top = crop
    return chars, (top - bottom if turn in (90, 270) else right - left)


def _shown(l: float, b: float, r: float, t: float, crop: tuple, turn: int) -> tuple:
    """A box in PDF space (y up) as (x0, x1, top, bottom) on the page as shown: pdfium gives
    unrotated coordinates, a landscape table page is often portrait turned by /Rotate 90."""
    left, bottom, right, top = crop
    if turn == 90:
        return b - bottom, t - bottom, l - left, r - left
    if turn == 180:
        return right - r, right - l, b - bottom, t - bottom
    if turn == 270:
        return top - t, top - b, right - r, right - l
    return l - left, r - left, top - t, top - b


def _unicode(code: int) -> str:
    return "\ufffd" if code == 0 or 0xD800 <= code <= 0xDFFF else chr(code)


def plumber_chars(page) -> tuple[list[Char], float]:
    """pdfplumber's characters, already turned by the page's /Rotate."""
    chars = [Char.of(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars]
    width = float(page.width)
    page.close()  # drop pdfplumber's per-page caches
    return chars, width


def garbled(chars: list[Char]) -> bool:
    """Mostly glyphs without text: pdfminer's (cid:NN), U+FFFD, private-use or control codes;
    or, from a font without a Unicode map, raw codes that read as Latin-1 noise (Ã¤Â¥)."""
    ink = [c.text for c in chars if c.ink]
    bad = sum(1 for t in ink if t.startswith("(cid:") or t == "\ufffd"
              or "\ue000" <= t[0] <= "\uf8ff" or t[0] < " ")
    if bad > GARBLED_SHARE * len(ink):
        return True
    text = "".join(ink)
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    return non_ascii >= NOISE_MIN and chinese_score(text) < GARBLED_SHARE


# --- column layout: characters → lines → reading order ------------------------------------

MIN_GAP = 6.0  # pt; a narrower gap between characters is a word space, never a gutter
MIDDLE = (0.3, 0.7)  # share of the page width where a gutter may stand
MIN_SIDE_LINES = 3  # lines on each side of the gutter before a block reads as two columns
FILL_EMS = 1.5  # a column line "fills" when it ends within this many ems of the column edge
BLOCK_GAP = 2.0  # line pitches; a wider vertical gap ends a block (header rule, new section)
TAB_EMS = 4.0  # a gap this wide separates table cells, written as a tab

Line = list[Char]


def layout_page(chars: list[Char], width: float) -> str:
    """The page's text: one line per text line, two-column blocks left column first.

    Each candidate gutter is tried and the one that puts the most lines into column blocks
    wins, so the wide gap of a table does not hide the narrow gutter of the body text.
    """
    lines = _lines(chars)
    best, best_columned = lines, 0
    for gutter in _gutters(lines, width):
        parts, columned = _reading_order(lines, gutter)
        if columned > best_columned:
            best, best_columned = parts, columned
    return "\n".join(_line_text(part) for part in best)


def _lines(chars: list[Char]) -> list[Line]:
    """Characters grouped by vertical centre (within half a character height), left to right."""
    lines: list[Line] = []
    current: Line = []
    centre = half = 0.0
    for c in sorted(chars, key=lambda c: c.top + c.bottom):
        mid = (c.top + c.bottom) / 2
        if current and abs(mid - centre) <= half:
            current.append(c)
            continue
        if current:
            lines.append(sorted(current, key=lambda c: c.x0))
        current, centre, half = [c], mid, max(c.bottom - c.top, 1.0) / 2
    if current:
        lines.append(sorted(current, key=lambda c: c.x0))
    return lines


def _gutters(lines: list[Line], width: float, keep: int = 3) -> list[float]:
    """Candidate gutters in the middle of the page: the xs most covered by wide gaps between
    neighbouring characters of a line, and the widest stretch the least ink crosses (the
    gutter of columns whose baselines do not line up, which leaves no gaps inside a line)."""
    lo, hi = int(width * MIDDLE[0]), int(width * MIDDLE[1])
    gaps, ink = [], []
    for line in lines:
        chars = [c for c in line if c.ink]
        ink += [(int(c.x0), int(c.x1)) for c in chars]
        gaps += [(int(a.x1) + 1, ceil(b.x0) - 1) for a, b in zip(chars, chars[1:])
                 if b.x0 - a.x1 >= MIN_GAP]
    runs = _cover_runs(gaps, lo, hi)
    peaks = sorted((r for k, r in enumerate(runs) if r[0] >= MIN_SIDE_LINES
                    and (k == 0 or runs[k - 1][0] < r[0])
                    and (k + 1 == len(runs) or runs[k + 1][0] < r[0])), key=lambda r: -r[0])
    found = [lo + (first + last) / 2 for _, first, last in peaks[:keep]]
    runs = _cover_runs(ink, lo, hi)
    least = min(cover for cover, _, _ in runs)
    _, first, last = max((r for r in runs if r[0] == least), key=lambda r: r[2] - r[1])
    return list(dict.fromkeys(found + [lo + (first + last) / 2]))


def _cover_runs(spans: list[tuple[int, int]], lo: int, hi: int) -> list[list[int]]:
    """How many spans cover each x in [lo, hi], as runs [cover, first x - lo, last x - lo]."""
    steps = [0] * (hi - lo + 2)  # a difference array: +1 where a span opens, -1 after it closes
    for start, end in spans:
        start, end = max(lo, start), min(hi, end)
        if start <= end:
            steps[start - lo] += 1
            steps[end - lo + 1] -= 1
    runs: list[list[int]] = []
    cover = 0
    for i, step in enumerate(steps[:-1]):
        cover += step
        if runs and runs[-1][0] == cover:
            runs[-1][2] = i
        else:
            runs.append([cover, i, i])
    return runs


def _sides(line: Line, gutter: float) -> tuple[Line, Line] | None:
    """The line's parts left and right of the gutter, or None when its text runs across it."""
    left = [c for c in line if c.x1 <= gutter]
    right = [c for c in line if c.x0 >= gutter]
    if len(left) + len(right) < len(line):
        return None
    if left and right and right[0].x0 - left[-1].x1 < MIN_GAP:
        return None
    return left, right


def _reading_order(lines: list[Line], gutter: float) -> tuple[list[Line], int]:
    """Lines (or their parts) in reading order around this gutter, and how many lines sit in
    two-column blocks: runs of lines that never cross the gutter, between vertical gaps."""
    out: list[Line] = []
    pitch, columned = _pitch(lines), 0
    block: list[tuple[Line, Line]] = []
    for i, line in enumerate(lines + [[]]):
        sides = _sides(line, gutter) if line else None
        if block and (sides is None or line[0].top - lines[i - 1][0].top > BLOCK_GAP * pitch):
            parts, is_columns = _block_parts(block)
            out += parts
            columned += len(block) if is_columns else 0
            block = []
        if sides is not None:
            block.append(sides)
        elif line:
            out.append(line)
    return out, columned


def _pitch(lines: list[Line]) -> float:
    steps = [b[0].top - a[0].top for a, b in zip(lines, lines[1:]) if b[0].top > a[0].top]
    return median(steps) if steps else 0.0


def _block_parts(block: list[tuple[Line, Line]]) -> tuple[list[Line], bool]:
    """Left column then right column when both sides are full columns, else lines in order."""
    lefts = [left for left, _ in block if left]
    rights = [right for _, right in block if right]
    if min(len(lefts), len(rights)) >= MIN_SIDE_LINES and _filled(lefts) and _filled(rights):
        return lefts + rights, True
    return [left + right for left, right in block], False


def _filled(parts: list[Line]) -> bool:
    """Most lines of a text column reach its right edge; the cells of a table end ragged."""
    ends = [max(c.x1 for c in part) for part in parts]
    em = median(c.bottom - c.top for part in parts for c in part)
    full = sum(1 for end in ends if end >= max(ends) - FILL_EMS * em)
    return full * 2 >= len(ends)


def _line_text(line: Line) -> str:
    """Characters with a space where the gap is wide, a tab between table cells."""
    out: list[str] = []
    prev, spaced = None, False
    for c in line:
        if not c.ink:
            spaced = True
            continue
        if prev is not None:
            width = prev.x1 - prev.x0
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.3 * width:
                continue  # the same glyph printed twice: fake bold
            gap, em = c.x0 - prev.x1, max(prev.bottom - prev.top, 1.0)
            if gap >= TAB_EMS * em:
                out.append("\t")
            elif spaced or gap > 0.5 * (width or em):
                out.append(" ")
        out.append(c.text)
        prev, spaced = c, False
    return "".join(out)
