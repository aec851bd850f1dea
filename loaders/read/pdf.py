"""PDF → page texts in reading order: columns, tables, running heads, paragraphs, OCR.

pypdfium2 is the primary reader and pdfplumber the fallback. pypdfium2 decodes CID fonts that
pdfminer leaves as `(cid:NN)` (seen on an encrypted file), while pdfplumber finds rotated CJK
lines that pdfium drops; so pdfplumber reads a page whenever pypdfium2's text for it is empty
or undecodable. Both feed the same layout (loaders.read.pages), which takes its ruling lines
from pdfium either way, and read a page to the identical text (a test holds them to it). A
page neither reader finds text on is read by OCR (loaders.read.ocr) and marked method "ocr";
OCR pages run `jobs` at a time (Tesseract is a process of its own). The pages are then read
together (loaders.read.document): furniture dropped, paragraphs and table rows joined.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from govkg.errors import InputError
from loaders.read.document import page_texts
from loaders.read.encoding import chinese_score
from loaders.read.expansion import check_expansion
from loaders.read.glyphs import Char, Glyphs, pdfium_glyphs, pdfium_rulings, shown_size
from loaders.read.layout import layout_page  # noqa: F401 - the page text of a list of characters
from loaders.read.ocr import PageOcr
from loaders.read.pages import PageLayout, page_layout

PASSWORD_ERROR = 4  # PDFium's FPDF_ERR_PASSWORD
GARBLED_SHARE = 0.3  # a page is undecodable when this share of its glyphs has no text
NOISE_MIN = 20  # non-ASCII characters needed before a page can be judged noise
SAMPLE = 400  # non-ASCII characters read to judge it
EOF_TAIL = 4096  # bytes at the end of a complete PDF that hold its %%EOF marker

# pdfminer logs font trouble as warnings, which would reach the terminal beside the CLI's own
# one-line errors; what matters of it shows in the page notes.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class PageText(NamedTuple):
    """What reading one page gave: its text, the reader used, a note when it struggled, and
    for OCR the (start, end, confidence) of each line of the text."""

    text: str
    method: str  # pypdfium2 | pdfplumber | ocr | none
    note: str | None = None
    confidence: tuple[tuple[int, int, float], ...] = ()


class _Read(NamedTuple):
    layout: PageLayout | None
    method: str
    note: str | None = None


def read_pdf(path: Path, jobs: int = 1) -> tuple[list[PageText], list[str]]:
    """Every page's text in reading order, and notes on how the file was opened."""
    _check_complete(path)
    check_expansion(path)  # before PDFium inflates a bomb
    doc, notes = _open(path)
    plumber: list = []  # a pdfplumber document, once a page needs it
    ocr = PageOcr(str(path))
    read: list[_Read] = []
    try:
        for index in range(len(doc)):
            read.append(_read_page(doc, path, index, plumber))
        _read_scans(doc, read, ocr, jobs)
    except pdfium.PdfiumError as e:
        raise InputError(f"PDF page {len(read) + 1} is corrupt ({e})", where=str(path)) from e
    finally:
        doc.close()
        if plumber:
            _close_plumber(plumber[0])
    bodies = page_texts([r.layout or PageLayout(0.0, 0.0) for r in read])
    return [_page_text(parts, r) for parts, r in zip(bodies, read)], notes


def _page_text(parts: list, read: _Read) -> PageText:
    lines, spans, at = [], [], 0
    for part in parts:
        if part.confidence is not None:
            spans.append((at, at + len(part.text), part.confidence))
        lines.append(part.text)
        at += len(part.text) + 1
    return PageText("\n".join(lines), read.method, read.note, tuple(spans))


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


def _read_page(doc: pdfium.PdfDocument, path: Path, index: int, plumber: list) -> _Read:
    number, page = index + 1, doc[index]
    try:
        width, height = shown_size(page)
        glyphs = pdfium_glyphs(page)
        if glyphs.text and not garbled(glyphs):
            return _Read(page_layout(glyphs, width, height, pdfium_rulings(page)), "pypdfium2")
        if not plumber:  # opened on the first page pypdfium2 cannot read
            plumber.append(_open_plumber(path))
        fallback = _plumber_page(plumber[0], index)
        if fallback.text and not garbled(fallback):
            why = "undecodable" if glyphs.text else "empty"  # pdfium drops some rotated CJK text
            note = f"page {number}: pypdfium2 text {why}, read with pdfplumber"
            return _Read(page_layout(fallback, width, height, pdfium_rulings(page)), "pdfplumber", note)
        if glyphs.text:
            note = f"page {number} text is mostly undecodable glyphs (font without a Unicode map)"
            return _Read(page_layout(glyphs, width, height), "pypdfium2", note)
        if pdfium_c.FPDFPage_CountObjects(page.raw) == 0:
            return _Read(None, "none", f"page {number} is blank")
        return _Read(None, "ocr")  # read once every page is seen, `jobs` at a time
    finally:
        page.close()


def _read_scans(doc: pdfium.PdfDocument, read: list[_Read], ocr: PageOcr, jobs: int) -> None:
    """OCR for the pages without text: the first alone (it settles the script), then the
    rest in `jobs` threads, each page rendered only as a thread is free for it."""
    waiting = [i for i, r in enumerate(read) if r.method == "ocr"]
    if not waiting:
        return
    read[waiting[0]] = _scanned(ocr.read(doc[waiting[0]], waiting[0] + 1))
    with ThreadPoolExecutor(max(jobs, 1)) as pool:
        running: deque = deque()
        for index in waiting[1:]:
            if len(running) >= 2 * max(jobs, 1):
                done = running.popleft()
                read[done[0]] = _scanned(done[1].result())
            image = ocr.image(doc[index], index + 1)
            running.append((index, pool.submit(ocr.recognise, image, index + 1)))
        for index, future in running:
            read[index] = _scanned(future.result())


def _scanned(result: tuple[PageLayout | None, str]) -> _Read:
    layout, note = result
    return _Read(layout, "ocr" if layout is not None else "none", note)


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


def _plumber_page(doc, index: int) -> Glyphs:
    if doc is None:
        return Glyphs.of([])
    try:
        return plumber_glyphs(doc.pages[index])
    except Exception:  # noqa: BLE001 - a page pdfminer cannot parse has no fallback text
        return Glyphs.of([])


def plumber_glyphs(page) -> Glyphs:
    """pdfplumber's characters, already turned by the page's /Rotate."""
    chars = [Char.of(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars]
    page.close()  # drop pdfplumber's per-page caches
    return Glyphs.of(chars)


def garbled(glyphs: Glyphs | list[Char]) -> bool:
    """Mostly glyphs without text: pdfminer's (cid:NN), U+FFFD, private-use or control codes;
    or, from a font without a Unicode map, raw codes that read as Latin-1 noise (Ã¤Â¥). The
    second test reads the first characters only: noise is noise from the start."""
    if not isinstance(glyphs, Glyphs):
        glyphs = Glyphs.of(glyphs)
    codes = np.frombuffer(glyphs.text.encode("utf-32-le"), dtype=np.uint32)[glyphs.ink]
    bad = (codes == 0xFFFD) | ((codes >= 0xE000) & (codes <= 0xF8FF)) | (codes < 0x20)
    if bad.sum() > GARBLED_SHARE * len(codes):
        return True
    non_ascii = codes[codes > 0x7F][:SAMPLE]
    return len(non_ascii) >= NOISE_MIN and chinese_score(non_ascii.tobytes().decode("utf-32-le")) < GARBLED_SHARE
