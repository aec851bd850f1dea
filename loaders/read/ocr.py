"""OCR for PDF pages without a text layer: render the page, read it with Tesseract.

The page is rendered in grey at its scan's resolution (300 dpi if it is no scan), cleaned,
straightened and levelled (loaders.read.scan), and read with Tesseract: as one block of lines
when the page holds one column of text, else with its page segmentation, which finds columns
and blocks itself. Its lines become the page's layout (loaders.read.ocr_lines). (Its word
boxes for Chinese overlap and misplace characters, so they cannot go through
loaders.read.layout.)

Script: Tesseract's combined `chi_sim+chi_tra` model can mix scripts within a simplified page
(落實河長制 among simplified lines), and each model alone "translates" the other script, so
the first scanned page of a file is read with each model and the one sure of more characters
reads the rest of the file (chi_tra only when clearly surer); the note names it. (Mean
confidence does not separate them: on a traditional scan chi_sim averages 85 against
chi_tra's 85, but is sure of 75% of characters against 87%.)
Orientation: a page read upright with low confidence is checked with Tesseract's OSD, or,
without OSD data, read in the other three turns; the most confident reading wins.
"""

from __future__ import annotations

import os
import subprocess
from typing import NamedTuple

import pypdfium2 as pdfium
import pytesseract
from PIL import Image

from govkg.errors import InputError
from loaders.read.ocr_lines import line_parts, line_text, ocr_layout, words_by_line
from loaders.read.pages import PageLayout
from loaders.read.scan import MIN_SKEW, one_column, prepared, scan_dpi

LANGS = ("chi_sim", "chi_tra")  # Debian: tesseract-ocr-chi-sim, tesseract-ocr-chi-tra
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
DPI = 300
MIN_DPI = 150  # a coarser scan is enlarged to this for Tesseract
MAX_SIDE = 8000  # pixels; a poster-sized page is rendered smaller rather than exhaust memory
SURE = 80.0  # Tesseract word confidence (0–100) from which its characters count as sure
GOOD = 0.6  # share of sure characters above which an upright reading is not questioned
DOUBTFUL = 0.4  # below this the note asks a reader to check the page
# chi_tra reads a page only when sure of this much more: on a short clean simplified page the
# two models come within 0.01 of each other, on traditional pages chi_tra leads by 0.13–0.17.
TRADITIONAL_MARGIN = 0.03
TIMEOUT = 300  # seconds for one Tesseract run
ENLARGE_BELOW, ENLARGED_DPI = 200, 300  # a page scanned coarser than this is read enlarged to this


class Reading(NamedTuple):
    text: str
    confidence: float  # share of characters Tesseract is sure of; 0 with no text
    lang: str
    turn: int  # degrees the image was turned clockwise before reading
    lines: tuple = ()  # OcrLine, in reading order


class PageOcr:
    """OCR for the pages of one file: checks Tesseract once, settles the script once."""

    def __init__(self, where: str):
        self.where = where
        self.langs: list[str] | None = None  # installed models, once checked
        self.lang: str | None = None  # the script chosen on the first page read

    def read(self, page: pdfium.PdfPage, number: int) -> tuple[PageLayout | None, str]:
        """The page's lines (None when OCR found none) and a note on how it was read."""
        return self.recognise(self.image(page, number), number)

    def image(self, page: pdfium.PdfPage, number: int) -> tuple[Image.Image, float] | None:
        """The page rendered for OCR and its scale (pixels a point); None when nothing shows.
        A scan is rendered at its own resolution (within MIN_DPI–DPI), anything else at DPI."""
        dpi = min(max(scan_dpi(page) or DPI, MIN_DPI), DPI)
        scale = min(dpi / 72, MAX_SIDE / max(page.get_size()))
        image = page.render(scale=scale, grayscale=True).to_pil()
        page.close()
        low, high = image.getextrema()
        return None if low == high else (image, scale)

    def recognise(self, rendered: tuple[Image.Image, float] | None, number: int) -> tuple[PageLayout | None, str]:
        if rendered is None:  # objects, but none that shows: nothing to read
            return None, f"page {number} is blank"
        self._check(number)
        image, scale = rendered
        clean, angle = prepared(image)
        clean, scale = enlarged(clean, scale)
        reading, how = self._best(clean, round(scale * 72))
        if not reading.text.strip():
            return None, f"page {number} has no text layer and OCR found no text on it"
        straightened = f"; straightened by {angle:.1f}°" if abs(angle) >= MIN_SKEW else ""
        sure = f"{reading.confidence:.0%} of characters sure{how}{straightened}"
        check = "" if reading.confidence >= DOUBTFUL else "; check the text"
        note = f"page {number} read by OCR ({reading.lang}, {sure}{check})"
        width, height = (clean.height, clean.width) if reading.turn in (90, 270) else clean.size
        return ocr_layout(reading.lines, width / scale, height / scale, scale), note

    def _check(self, number: int) -> None:
        """Tesseract and both Chinese models must be there, else one line says how to get them."""
        if self.langs is not None:
            return
        need = f"page {number} has no text layer and needs OCR"
        self.langs = installed_languages()
        if self.langs is None:
            raise InputError(f"{need}, but tesseract is not installed", where=self.where,
                             hint=INSTALL)
        missing = [lang for lang in LANGS if lang not in self.langs]
        if missing:
            raise InputError(f"{need}, but tesseract lacks language data {'+'.join(missing)}",
                             where=self.where, hint=INSTALL)

    def _best(self, image: Image.Image, dpi: int) -> tuple[Reading, str]:
        """The most confident reading over turns (and, on the first page, over scripts)."""
        lang = self.lang or LANGS[0]
        psm = 6 if one_column(image) else 3
        best = recognise(image, lang, 0, self.where, dpi, psm)
        how = ""
        if not best.text:  # nothing at all: a turned page still gives Tesseract shapes to read
            return best, how
        if best.confidence < GOOD:
            turns, how = self._turns(image, dpi)
            for turn in turns:
                reading = recognise(image.rotate(-turn, expand=True), lang, turn, self.where, dpi)  # psm 3: a
                # turned page shows its lines as columns
                best = max(best, reading, key=lambda r: r.confidence)
        if self.lang is None:
            turned = image.rotate(-best.turn, expand=True)
            other = recognise(turned, LANGS[1], best.turn, self.where, dpi, psm if not best.turn else 3)
            if other.confidence > best.confidence + TRADITIONAL_MARGIN:
                best = other
            self.lang = best.lang
        if best.turn:
            how += f"; page image turned {best.turn}° clockwise"
        return best, how

    def _turns(self, image: Image.Image, dpi: int) -> tuple[list[int], str]:
        """Turns worth trying: the one OSD finds, or all three when OSD cannot tell."""
        if "osd" not in (self.langs or []):
            return [90, 180, 270], "; orientation not checked by OSD: osd.traineddata missing"
        turn = orientation(image, self.where, dpi)
        if turn is None:  # too few characters for OSD: the turns themselves will tell
            return [90, 180, 270], ""
        return ([turn] if turn else []), ""


def enlarged(image: Image.Image, scale: float) -> tuple[Image.Image, float]:
    """A coarse scan, cleaned at its own resolution, enlarged for Tesseract to ENLARGED_DPI:
    at 150 dpi a character is some 22 pixels high, and Tesseract misreads strokes (住房 as
    住羽) and misplaces the boxes the spaces are measured from."""
    dpi = scale * 72
    if dpi >= ENLARGE_BELOW:
        return image, scale
    factor = ENLARGED_DPI / dpi
    return image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS), scale * factor


def installed_languages() -> list[str] | None:
    """Tesseract's installed models (TESSDATA_PREFIX is honoured), None without Tesseract."""
    try:
        done = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (done.stdout + done.stderr).splitlines()
    return [line.strip() for line in lines if line.strip() and " " not in line.strip()]


def recognise(image: Image.Image, lang: str, turn: int, where: str, dpi: int = DPI, psm: int = 3) -> Reading:
    """The page's text in Tesseract's reading order, and how sure Tesseract is of it. `psm`:
    3 finds columns and blocks; 6 reads the page as one block of lines, and drops fewer short
    lines (a paragraph's last `项。`, a heading `二、组成人员`) on a page of one column."""
    data = _tesseract(pytesseract.image_to_data, where, image, lang=lang,
                      config=f"--psm {psm} --dpi {dpi}", output_type=pytesseract.Output.DICT)
    lines = words_by_line(data)
    words = [w for line in lines.values() for w in line]
    chars = sum(len(w.text) for w in words)
    confidence = sum(len(w.text) for w in words if w.conf >= SURE) / chars if chars else 0.0
    return Reading("\n".join(map(line_text, lines.values())), confidence, lang, turn, line_parts(data, lines))


def orientation(image: Image.Image, where: str, dpi: int = DPI) -> int | None:
    """Clockwise degrees that turn the page upright, by OSD on a half-size image (as fast,
    as right); None when the page has too few characters for OSD to judge."""
    small = image.reduce(2)
    try:
        found = _tesseract(pytesseract.image_to_osd, where, small, output_type=pytesseract.Output.DICT,
                           config=f"--psm 0 --dpi {dpi // 2}")
    except InputError:
        return None
    return int(found["rotate"]) % 360


def _tesseract(run, where: str, image: Image.Image, **kw):
    """One Tesseract run, on one thread: its OpenMP threads slow it down 2–3× on a busy 2-core
    machine, and files are what runs in parallel."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return run(image, timeout=TIMEOUT, **kw)
    except RuntimeError as e:  # pytesseract's timeout; TesseractError is a RuntimeError too
        lines = str(getattr(e, "message", e)).strip().splitlines() or ["failed"]
        raise InputError(f"OCR failed: {lines[-1][:200]}", where=where) from e
