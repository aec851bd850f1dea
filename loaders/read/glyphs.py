"""A page's characters and ruling lines as arrays, read from pdfium (or pdfplumber).

`Glyphs` holds one page's characters as numpy arrays in the page's shown coordinates (top
down, turned by its /Rotate), each with its advance ("loose") box. Tight glyph boxes would not
do: a non-embedded font's have no height, punctuation's are narrow.

Speed: loading a text page costs pdfium ~3.4 ms for a page of 1,800 characters; asking for
each character's box through pypdfium2's bindings cost another ~4.5 ms, most of it in ctypes'
argument conversion. Bound here once with plain pointer arguments and writing into one
array, the boxes take ~0.6 ms (0.35 µs a character, nearly all of it the call itself, which is
why the line breaks pdfium adds are dropped before the boxes are read). pdfium has no call that
gives a page's boxes at once.
"""

from __future__ import annotations

import ctypes
from collections import deque
from itertools import repeat
from typing import NamedTuple

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_VOID, _INT, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_double


def _bound(function, *args):
    """The pdfium function with plain pointer and number arguments (no per-call conversion)."""
    address = ctypes.cast(function, _VOID).value
    return ctypes.CFUNCTYPE(_INT, *args)(address)


_LOOSE_BOX = _bound(pdfium_c.FPDFText_GetLooseCharBox, _VOID, _INT, _VOID)
_GENERATED = _bound(pdfium_c.FPDFText_IsGenerated, _VOID, _INT)
_GET_OBJECT = ctypes.CFUNCTYPE(_VOID, _VOID, _INT)(ctypes.cast(pdfium_c.FPDFPage_GetObject, _VOID).value)
_OBJECT_TYPE = _bound(pdfium_c.FPDFPageObj_GetType, _VOID)
_BOUNDS = _bound(pdfium_c.FPDFPageObj_GetBounds, _VOID, _VOID, _VOID, _VOID, _VOID)
RULE_WIDTH = 2.5  # pt; a path object thinner than this one way is a ruling line
# str.isspace by code point, as a table: no space lies above U+3000, and looking codes up in
# it costs a tenth of np.isin, which sorts both sides on every call
_IS_SPACE = np.array([chr(c).isspace() for c in range(0x3002)], dtype=bool)
_NO_SPACE = len(_IS_SPACE) - 1  # U+3001 (、): where every code above the table looks
_CR, _LF = 13, 10


class Char(NamedTuple):
    """One character with its box: what tests and pdfplumber give, one at a time."""

    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    ink: bool  # False for spaces

    @classmethod
    def of(cls, text: str, x0: float, x1: float, top: float, bottom: float) -> "Char":
        return cls(text, float(x0), float(x1), float(top), float(bottom), not text.isspace())


class Glyphs(NamedTuple):
    """A page's characters: `text[i]` is character i, its box x0[i]..x1[i], top[i]..bottom[i]."""

    text: str
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    ink: np.ndarray  # bool: not whitespace

    @classmethod
    def of(cls, chars: list[Char]) -> "Glyphs":
        """From characters one at a time; a character of several code points (pdfminer's
        `(cid:12)`) stands as U+FFFD, which it is."""
        boxes = np.array([c[1:5] for c in chars], dtype=float).reshape(-1, 4)
        text = "".join(c.text if len(c.text) == 1 else "\ufffd" for c in chars)
        ink = np.array([c.ink for c in chars], dtype=bool)
        return cls(text, boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3], ink)


def shown(left, bottom, right, top, crop: tuple, turn: int) -> tuple:
    """Boxes in PDF space (y up) as (x0, x1, top, bottom) on the page as shown: pdfium gives
    unrotated coordinates, and a landscape table page is often portrait turned by /Rotate 90.
    Takes numbers or arrays."""
    c_left, c_bottom, c_right, c_top = crop
    if turn == 90:
        return bottom - c_bottom, top - c_bottom, left - c_left, right - c_left
    if turn == 180:
        return c_right - right, c_right - left, bottom - c_bottom, top - c_bottom
    if turn == 270:
        return c_top - top, c_top - bottom, c_right - right, c_right - left
    return left - c_left, right - c_left, c_top - top, c_top - bottom


def shown_size(page: pdfium.PdfPage) -> tuple[float, float]:
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    return (height, width) if page.get_rotation() in (90, 270) else (width, height)


def pdfium_glyphs(page: pdfium.PdfPage) -> Glyphs:
    """The page's characters without the spaces and line breaks pdfium invents (the layout
    finds gaps itself); spaces the PDF itself draws stay, as non-ink."""
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        text = textpage.get_text_range() if count else ""
        if len(text) != count:  # indices count UTF-16 units: a character outside the BMP takes two
            text = "".join(_unit(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
        handle = ctypes.cast(raw, _VOID).value
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        blank = _IS_SPACE[np.minimum(codes, _NO_SPACE)]
        keep = _drawn(handle, codes, blank)
        rect = _loose_boxes(handle, np.flatnonzero(keep))
    finally:
        textpage.close()
    text = codes[keep].tobytes().decode("utf-32-le")
    x0, x1, top, bottom = shown(rect[:, 0], rect[:, 3], rect[:, 2], rect[:, 1], page.get_cropbox(),
                                page.get_rotation())
    return Glyphs(text, x0, x1, top, bottom, ~blank[keep])


def _loose_boxes(handle: int, chars: np.ndarray) -> np.ndarray:
    """The loose boxes of characters `chars` as pdfium's FS_RECTF holds them (left, top, right,
    bottom; PDF space, y up): one bound call each, written straight into one array. Only the
    characters kept are asked for, not pdfium's line breaks (a tenth of a page's characters)."""
    boxes = (ctypes.c_float * (4 * len(chars)))()
    base = ctypes.addressof(boxes)
    deque(map(_LOOSE_BOX, repeat(handle), chars.tolist(), range(base, base + 16 * len(chars), 16)), 0)
    return np.frombuffer(boxes, dtype=np.float32).reshape(len(chars), 4).astype(float)


def _drawn(handle: int, codes: np.ndarray, blank: np.ndarray) -> np.ndarray:
    """Which characters to keep: ink, and the spaces the PDF itself draws (non-ink). pdfium's
    line breaks go without asking; a page has a hundred of them and few other spaces."""
    keep = ~blank
    for i in np.flatnonzero(blank & (codes != _CR) & (codes != _LF)).tolist():
        keep[i] = _GENERATED(handle, i) != 1
    return keep


def _unit(code: int) -> str:
    """A UTF-16 unit as text: a surrogate half (of a character outside the BMP) is U+FFFD."""
    return "\ufffd" if code == 0 or 0xD800 <= code <= 0xDFFF else chr(code)


def pdfium_rulings(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Thin path objects of the page as (x0, x1, top, bottom) boxes as shown: the ruling lines a
    table is drawn with, whether stroked lines or thin filled rectangles."""
    handle = ctypes.cast(page.raw, _VOID).value
    box = (ctypes.c_float * 4)()
    at = ctypes.addressof(box)
    found = []
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = _GET_OBJECT(handle, i)
        if _OBJECT_TYPE(obj) != pdfium_c.FPDF_PAGEOBJ_PATH or not _BOUNDS(obj, at, at + 4, at + 8, at + 12):
            continue
        left, bottom, right, top = box
        if min(right - left, top - bottom) <= RULE_WIDTH:
            found.append((left, bottom, right, top))
    if not found:
        return []
    rect = np.array(found, dtype=float)
    x0, x1, top, bottom = shown(rect[:, 0], rect[:, 1], rect[:, 2], rect[:, 3], page.get_cropbox(),
                                page.get_rotation())
    return list(zip(x0.tolist(), x1.tolist(), top.tolist(), bottom.tolist()))
