"""PDF → page texts in reading order, column-aware.

pypdfium2 is the primary reader and pdfplumber the fallback, by measurement on a generated
50-page two-column gazette (2 busy cores): collecting characters takes pdfplumber ~14 pages/s
and pypdfium2 ~170; with loaders.read.layout, reading runs at 5–13 pages/s through pdfplumber
and 35–90 through pypdfium2. Both feed the same layout and read a page to the identical text
(a test holds them to it). pypdfium2 also decodes CID fonts that pdfminer leaves as
`(cid:NN)` (seen on an encrypted file), while pdfplumber finds rotated CJK lines that pdfium
drops; so pdfplumber reads a page whenever pypdfium2's text for it is empty or undecodable.
A page neither reader finds text on is read by OCR (loaders.read.ocr) and marked method "ocr".
"""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path
from typing import NamedTuple

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from govkg.errors import InputError
from loaders.read.encoding import chinese_score
from loaders.read.expansion import check_expansion
from loaders.read.layout import Char, layout_page
from loaders.read.ocr import PageOcr

PASSWORD_ERROR = 4  # PDFium's FPDF_ERR_PASSWORD
GARBLED_SHARE = 0.3  # a page is undecodable when this share of its glyphs has no text
NOISE_MIN = 20  # non-ASCII characters needed before a page can be judged noise
EOF_TAIL = 4096  # bytes at the end of a complete PDF that hold its %%EOF marker

# pdfminer logs font trouble as warnings, which would reach the terminal beside the CLI's own
# one-line errors; what matters of it shows in the page notes.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class PageText(NamedTuple):
    """What reading one page gave: its text, the reader used, and a note when it struggled."""

    text: str
    method: str  # pypdfium2 | pdfplumber | ocr | none
    note: str | None = None


def read_pdf(path: Path) -> tuple[list[PageText], list[str]]:
    """Every page's text in reading order, and notes on how the file was opened."""
    _check_complete(path)
    check_expansion(path)  # before PDFium inflates a bomb
    doc, notes = _open(path)
    plumber: list = []  # a pdfplumber document, once a page needs it
    ocr = PageOcr(str(path))
    pages: list[PageText] = []
    try:
        for index in range(len(doc)):
            pages.append(_read_page(doc, path, index, plumber, ocr))
    except pdfium.PdfiumError as e:
        raise InputError(f"PDF page {len(pages) + 1} is corrupt ({e})", where=str(path)) from e
    finally:
        doc.close()
        if plumber:
            _close_plumber(plumber[0])
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
        if _plumber_page_count(path) == 0:  # PDFium refuses a document without pages, and
            raise InputError("PDF has no pages", where=str(path)) from e  # its error code is stale
        if getattr(e, "err_code", None) == PASSWORD_ERROR:
            raise InputError("PDF is encrypted with a user password", where=str(path)) from e
        raise InputError(f"PDF is corrupt ({e})", where=str(path)) from e
    notes = []
    if pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
        notes.append("PDF is encrypted with an owner password only; opened without a password")
    return doc, notes


def _read_page(doc: pdfium.PdfDocument, path: Path, index: int, plumber: list,
               ocr: PageOcr) -> PageText:
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
    return _scanned(doc[index], number, ocr)


def _scanned(page: pdfium.PdfPage, number: int, ocr: PageOcr) -> PageText:
    """A page without a text layer: OCR when it shows anything (a scan, or text drawn as
    outlines); a page with nothing on it is blank and needs no OCR."""
    if pdfium_c.FPDFPage_CountObjects(page.raw) == 0:
        page.close()
        return PageText("", "none", f"page {number} is blank")
    try:
        text, note = ocr.read(page, number)
    finally:
        page.close()
    return PageText(text, "ocr" if text else "none", note)


def _open_plumber(path: Path):
    """pdfplumber's view of the file, or None when pdfminer cannot parse what pdfium could."""
    try:
        return pdfplumber.open(path, password="")
    except Exception:  # noqa: BLE001 - pdfminer raises many types; all mean "no fallback"
        return None


def _plumber_page_count(path: Path) -> int | None:
    doc = _open_plumber(path)
    if doc is None:
        return None
    try:
        return len(doc.pages)
    except Exception:  # noqa: BLE001 - pdfminer cannot walk the page tree either
        return None
    finally:
        _close_plumber(doc)


def _close_plumber(doc) -> None:
    """pdfplumber's close walks the page tree again, and raises where the tree is broken."""
    if doc is None:
        return
    try:
        doc.close()
    except Exception:  # noqa: BLE001 - then only the file needs closing
        doc.stream.close()


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
