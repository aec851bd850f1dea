"""Scanned pages made ready for OCR: the skew found, speckle gone, ink and paper levelled,
one column told from two."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from loaders.read.scan import levelled, one_column, otsu, prepared, skew
from loaders.read.ocr import enlarged
from tests.fixtures import scans


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return Image.open(io.BytesIO(scans.scan_image(scans.SCAN_LINES * 3))).convert("L")


@pytest.mark.parametrize("turn", [-1.4, -0.6, 0.8, 1.5])
def test_the_skew_of_a_turned_page_is_found_to_a_tenth_of_a_degree(page, turn):
    turned = page.rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    assert skew(turned) == pytest.approx(turn, abs=0.15)


def test_a_prepared_page_is_straight_and_free_of_specks(page):
    pixels = np.asarray(page).copy()
    specks = np.random.default_rng(3).random(pixels.shape) < 0.002
    pixels[specks] = 0
    clean, angle = prepared(Image.fromarray(pixels).rotate(1.0, resample=Image.BICUBIC, fillcolor=255))
    assert angle == pytest.approx(1.0, abs=0.15)
    blank = np.asarray(clean)[-200:, :]  # the foot of the page holds no text, only specks before
    assert (blank < 128).mean() < 0.0002


def test_levelling_makes_paper_white_and_ink_black_keeping_the_greys_between():
    pixels = np.array([[200] * 50 + [60] * 30 + [130] * 2], dtype=np.uint8)
    out = np.asarray(levelled(pixels))
    assert (out.min(), out.max()) == (0, 255) and 0 < out[0, -1] < 255
    assert 60 <= otsu(pixels) < 200


def _columns(lines_left: int, right: bool) -> Image.Image:
    image = Image.new("L", (1000, 1400), 255)
    ink = np.asarray(image).copy()
    for k in range(lines_left):
        ink[100 + 30 * k:118 + 30 * k, 80:470] = 0
        if right:
            ink[100 + 30 * k:118 + 30 * k, 530:920] = 0
    return Image.fromarray(ink)


@pytest.mark.parametrize("right, expected", [(False, True), (True, False)])
def test_one_column_is_told_from_two(right, expected):
    assert one_column(_columns(20, right)) is expected


@pytest.mark.parametrize("dpi, enlarged_dpi", [(150, 300), (120, 300), (200, 200), (300, 300)])
def test_a_scan_coarser_than_200_dpi_is_read_enlarged_to_300(dpi, enlarged_dpi):
    """Cleaned at its own resolution (a speck stays a speck for the median filter), then
    enlarged for Tesseract, with the scale that turns its pixels back into points."""
    image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 255)
    out, scale = enlarged(image, dpi / 72)
    assert round(scale * 72) == enlarged_dpi
    assert out.width == round(image.width * enlarged_dpi / dpi)
