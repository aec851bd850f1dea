"""Scanned copies of a born-digital PDF for the parity harness: each page rasterised, turned a
little, speckled, blurred and saved as JPEG, as a flatbed scanner and a copier leave a page.

The source PDF must embed its font (pdfium has nothing to draw the non-embedded STSong-Light
with), so scans are made from the one-column layout set in AR PL UMing CN. Every defect is
drawn from a generator seeded by the file's name: the same file gives the same scan.
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


@dataclass(frozen=True)
class ScanSetting:
    name: str
    dpi: int
    max_turn: float = 1.5  # degrees either way
    speckle: float = 0.002  # share of pixels flipped to black or white
    blur: float = 0.6  # Gaussian radius in pixels
    quality: int = 70  # JPEG


SCANS = {s.name: s for s in (ScanSetting("scan-150", 150), ScanSetting("scan-200", 200),
                             ScanSetting("scan-300", 300, blur=0.8))}


def _rng(path: Path, setting: ScanSetting) -> random.Random:
    seed = hashlib.sha256(f"{path.name}:{setting.name}".encode()).digest()
    return random.Random(int.from_bytes(seed[:8], "big"))


def scan_page(image: Image.Image, setting: ScanSetting, rng: random.Random) -> Image.Image:
    """A grey page image as scanned: turned, blurred, speckled."""
    turn = rng.uniform(-setting.max_turn, setting.max_turn)
    image = image.rotate(turn, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if setting.blur:
        image = image.filter(ImageFilter.GaussianBlur(setting.blur))
    pixels = np.asarray(image).copy()
    noise = np.random.default_rng(rng.getrandbits(32)).random(pixels.shape)
    pixels[noise < setting.speckle / 2] = 0
    pixels[noise > 1 - setting.speckle / 2] = 255
    return Image.fromarray(pixels)


def scanned_copy(source: Path, out: Path, setting: ScanSetting) -> Path:
    """`out`: every page of `source` as a JPEG image at the setting's resolution, no text."""
    rng = _rng(source, setting)
    doc = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(out))
    try:
        for index in range(len(doc)):
            page = doc[index]
            image = page.render(scale=setting.dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            jpeg = io.BytesIO()
            scan_page(image, setting, rng).save(jpeg, format="JPEG", quality=setting.quality)
            width, height = (side * 72 / setting.dpi for side in image.size)
            c.setPageSize((width, height))
            c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width, height)
            c.showPage()
    finally:
        doc.close()
    c.save()
    return out
