"""OCR for PDF pages without a text layer: render the page, read it with Tesseract.

The page is rendered at 300 dpi in grey and read with Tesseract's page segmentation, which
finds columns and text blocks itself; its lines are kept in its reading order. (Its word
boxes for Chinese overlap and misplace characters, so they cannot go through loaders.read.layout.)

Script: Tesseract's combined `chi_sim+chi_tra` model can mix scripts within a simplified page
(落實河長制 among simplified lines), and each model alone "translates" the other script, so
the first scanned page of a file is read with each model and the one sure of more characters
reads the rest of the file; the note names it. (Mean confidence does not separate them: on a
traditional scan chi_sim averages 85 against chi_tra's 85, but is sure of 75% of characters
against 87%.)
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
from loaders.read.layout import TAB_EMS

LANGS = ("chi_sim", "chi_tra")  # Debian: tesseract-ocr-chi-sim, tesseract-ocr-chi-tra
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
DPI = 300
MAX_SIDE = 8000  # pixels; a poster-sized page is rendered smaller rather than exhaust memory
SURE = 80.0  # Tesseract word confidence (0–100) from which its characters count as sure
GOOD = 0.6  # share of sure characters above which an upright reading is not questioned
DOUBTFUL = 0.4  # below this the note asks a reader to check the page
TIMEOUT = 300  # seconds for one Tesseract run
WORD_LEVEL = 5  # image_to_data row levels: 4 is a text line, 5 a word


class Reading(NamedTuple):
    text: str
    confidence: float  # share of characters Tesseract is sure of; 0 with no text
    lang: str
    turn: int  # degrees the image was turned clockwise before reading


class PageOcr:
    """OCR for the pages of one file: checks Tesseract once, settles the script once."""

    def __init__(self, where: str):
        self.where = where
        self.langs: list[str] | None = None  # installed models, once checked
        self.lang: str | None = None  # the script chosen on the first page read

    def read(self, page: pdfium.PdfPage, number: int) -> tuple[str, str]:
        """The page's text ("" when OCR found none) and a note on how it was read."""
        scale = min(DPI / 72, MAX_SIDE / max(page.get_size()))
        image = page.render(scale=scale, grayscale=True).to_pil()
        low, high = image.getextrema()
        if low == high:  # objects, but none that shows: nothing to read
            return "", f"page {number} is blank"
        self._check(number)
        reading, how = self._best(image, round(scale * 72))
        if not reading.text.strip():
            return "", f"page {number} has no text layer and OCR found no text on it"
        sure = f"{reading.confidence:.0%} of characters sure{how}"
        check = "" if reading.confidence >= DOUBTFUL else "; check the text"
        return reading.text, f"page {number} read by OCR ({reading.lang}, {sure}{check})"

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
        best = recognise(image, lang, 0, self.where, dpi)
        how = ""
        if not best.text:  # nothing at all: a turned page still gives Tesseract shapes to read
            return best, how
        if best.confidence < GOOD:
            turns, how = self._turns(image, dpi)
            for turn in turns:
                reading = recognise(image.rotate(-turn, expand=True), lang, turn, self.where, dpi)
                best = max(best, reading, key=lambda r: r.confidence)
        if self.lang is None:
            turned = image.rotate(-best.turn, expand=True)
            other = recognise(turned, LANGS[1], best.turn, self.where, dpi)
            best = max(best, other, key=lambda r: r.confidence)
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


def installed_languages() -> list[str] | None:
    """Tesseract's installed models (TESSDATA_PREFIX is honoured), None without Tesseract."""
    try:
        done = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (done.stdout + done.stderr).splitlines()
    return [line.strip() for line in lines if line.strip() and " " not in line.strip()]


def recognise(image: Image.Image, lang: str, turn: int, where: str, dpi: int = DPI) -> Reading:
    """The page's text in Tesseract's reading order, and how sure Tesseract is of it."""
    data = _tesseract(pytesseract.image_to_data, where, image, lang=lang,
                      config=f"--psm 3 --dpi {dpi}", output_type=pytesseract.Output.DICT)
    lines = _words_by_line(data)
    words = [w for line in lines for w in line]
    chars = sum(len(w.text) for w in words)
    confidence = sum(len(w.text) for w in words if w.conf >= SURE) / chars if chars else 0.0
    return Reading("\n".join(map(_line_text, lines)), confidence, lang, turn)


def _words_by_line(data: dict) -> list[list[Word]]:
    """image_to_data's rows of words, grouped by text line in Tesseract's reading order."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, text in enumerate(data["text"]):
        if data["level"][i] == WORD_LEVEL and text.strip():
            left = data["left"][i]
            word = Word(text.strip(), left, left + data["width"][i], data["height"][i],
                        float(data["conf"][i]))
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                             []).append(word)
    return list(lines.values())


class Word(NamedTuple):
    text: str
    left: int
    right: int
    height: int
    conf: float


def _line_text(words: list[Word]) -> str:
    """Words joined as written. Tesseract cuts Chinese into "words" at every small gap, and its
    word boxes overlap (one may span the line), so only a gap of a full em is a space, or any
    gap between two Latin words; between cells of a table it is a tab, as in text pages."""
    em = max(sorted(w.height for w in words)[len(words) // 2], 1)
    out = [words[0].text]
    for prev, word in zip(words, words[1:]):
        gap = word.left - prev.right
        if gap >= TAB_EMS * em:
            out.append("\t")
        elif gap >= em or _latin(prev.text[-1]) and _latin(word.text[0]):
            out.append(" ")
        out.append(word.text)
    return "".join(out)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


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
