"""OCR of scanned pages: image-only PDFs come back as Chinese text, marked as read by OCR."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytesseract
import pytest

from govkg.errors import InputError
from loaders.read import ocr
from loaders.read.ocr import PageOcr
from loaders.read.ocr_lines import Word, line_parts, line_text, words_by_line
from loaders.read import read
from tests.fixtures import make_fixtures as fx
from tests.fixtures import scans


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    out = tmp_path_factory.mktemp("scans")
    return {**scans.build_scans(out), "two_column": fx.two_column_pdf(out / "two-column.pdf")}


@pytest.fixture(scope="module")
def sources(files):
    """Each scan read once: OCR takes a second or more per page."""
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = read(files[name])
        return cache[name]
    return get


def share_found(phrase: str, text: str) -> float:
    """The share of the phrase's characters that OCR got, in order (a tolerant match)."""
    found, position = 0, 0
    for ch in phrase:
        at = text.find(ch, position)
        if at >= 0:
            found, position = found + 1, at + 1
    return found / len(phrase)


KEY_PHRASES = ["阳泉市人民政府办公室", "关于调整河长制工作领导小组成员的通知", "王明厚", "李文兵",
               "市政府副秘书长"]


def test_image_only_page_comes_back_as_chinese_text(sources):
    source = sources("scanned")
    assert [p.method for p in source.pages] == ["ocr"]
    for phrase in KEY_PHRASES:
        assert share_found(phrase, source.text) >= 0.8, (phrase, source.text)
    (note,) = source.notes
    sure = re.fullmatch(r"page 1 read by OCR \(chi_sim, (\d+)% of characters sure\)", note)
    assert sure and int(sure[1]) >= 80, note


def test_mixed_pdf_reads_its_text_page_from_the_layer_and_its_scan_upright_by_ocr(sources):
    """Page 2 was scanned upside down: OSD finds the turn, the reading is the upright one."""
    source = sources("mixed_180")
    first, second = source.pages
    assert (first.method, second.method) == ("pypdfium2", "ocr")
    assert source.text[first.start:first.end] == fx.TITLE + "\n"  # the text layer, exactly
    for phrase in KEY_PHRASES:
        assert share_found(phrase, source.text[second.start:second.end]) >= 0.8, phrase
    assert len(source.notes) == 1 and source.notes[0].startswith("page 2 read by OCR (chi_sim, ")
    assert source.notes[0].endswith("; page image turned 180° clockwise)")


def test_traditional_scan_is_read_with_the_traditional_model(sources):
    source = sources("traditional_scan")
    assert "(chi_tra, " in source.notes[0]
    for phrase in ["臺灣省政府公報", "為加強河川管理", "主管機關為經濟部水利署"]:
        assert share_found(phrase, source.text) >= 0.8, (phrase, source.text)


def test_without_tesseract_a_scanned_page_is_a_one_line_error(files, monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(InputError) as caught:
        read(files["mixed_180"])
    line = str(caught.value)
    assert line.startswith(f"{files['mixed_180']}: page 2 has no text layer and needs OCR, "
                           "but tesseract is not installed")
    assert ocr.INSTALL in line and "\n" not in line


def test_without_tesseract_a_text_pdf_still_reads(files, monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    assert read(files["two_column"]).text.splitlines()[0] == fx.TITLE


def test_missing_language_data_is_named(files, monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a tessdata folder with no models
    with pytest.raises(InputError) as caught:
        read(files["scanned"])
    assert caught.value.message.endswith("but tesseract lacks language data chi_sim+chi_tra")
    assert caught.value.hint == ocr.INSTALL


def test_without_osd_data_all_turns_are_tried_and_the_note_says_so():
    reader = PageOcr("scan.pdf")
    reader.langs = ["chi_sim", "chi_tra", "eng"]
    turns, how = reader._turns(None, 300)
    assert turns == [90, 180, 270]
    assert how == "; orientation not checked by OSD: osd.traineddata missing"


def test_page_with_objects_but_nothing_visible_is_blank_without_running_tesseract(monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(200, 200)
    assert PageOcr("white.pdf").read(page, 3) == (None, "page 3 is blank")


def words(*cells: tuple[str, int, int]) -> list[Word]:
    return [Word(text, left, right, 40, 95.0) for text, left, right in cells]


@pytest.mark.parametrize("line, expected", [
    (words(("阳泉", 0, 300), ("市", 130, 170), ("人民政府", 170, 330)), "阳泉市人民政府"),  # boxes overlap
    (words(("河", 0, 40), ("长", 48, 88), ("制", 96, 136)), "河长制"),  # gaps of a fifth of an em
    (words(("孙春兰", 0, 120), ("国务院副总理", 146, 386)), "孙春兰 国务院副总理"),  # a space's width
    (words(("王明厚", 0, 120), ("副市长", 170, 290)), "王明厚 副市长"),  # an em apart
    (words(("组长：王明厚", 0, 240), ("副市长", 420, 540)), "组长：王明厚\t副市长"),  # a table cell
    (words(("GOV", 0, 60), ("CN", 70, 110)), "GOV CN"),  # Latin words keep their space
    (words(("2020", 0, 80), ("年", 85, 125)), "2020年"),
])
def test_words_join_as_written(line, expected):
    assert line_text(line) == expected


@pytest.mark.parametrize("line, expected", [
    ([Word("徐庆", 0, 80, 40, 93.0), Word("华", 110, 115, 8, 92.0), Word("、", 114, 140, 40, 93.0)], "徐庆华、"),
    ([Word("副", 0, 40, 40, 90.0), Word("省", 45, 80, 40, 93.0), Word("长", 106, 110, 7, 93.0)], "副省长"),
    ([Word("王明厚", 0, 120, 40, 93.0), Word("副市长", 150, 270, 40, 93.0)], "王明厚 副市长"),  # boxes whole
    # boxes too narrow for their characters: 負責 in 1.3 em, 发 in a tenth of one
    ([Word("分", 0, 22, 40, 92.0), Word("工", 40, 62, 36, 93.0), Word("負責", 110, 162, 40, 93.0)], "分工負責"),
    ([Word("嘉政办", 0, 110, 40, 93.0), Word("发", 138, 144, 40, 93.0)], "嘉政办发"),
    ([Word("日", 0, 24, 40, 93.0), Word("前", 52, 90, 40, 93.0)], "日 前"),  # a narrow glyph, boxed whole
    ([Word("孙春兰", 0, 115, 40, 93.0), Word("副总理", 145, 260, 40, 93.0)], "孙春兰 副总理"),
])
def test_a_sliver_of_a_box_measures_no_space(line, expected):
    """Tesseract boxes some Chinese characters as a sliver off the glyph (a fifth of the line's
    height): the gap beside it says nothing of a space, which would cut a name in two."""
    assert line_text(line) == expected


def tesseract_data(block: tuple[int, int], lines: list[list[tuple[str, int, int, float]]]) -> dict:
    """image_to_data's columns for one block of lines, each word (text, left, right, conf)."""
    rows = [(2, 1, 0, block[0], block[1] - block[0], 0, 400, -1.0, "")]
    for number, line in enumerate(lines, 1):
        left, right = min(w[1] for w in line), max(w[2] for w in line)
        rows.append((4, 1, number, left, right - left, number * 60, 40, -1.0, ""))
        rows += [(5, 1, number, l, r - l, number * 60, 40, conf, text) for text, l, r, conf in line]
    keys = ("level", "block_num", "line_num", "left", "width", "top", "height", "conf", "text")
    data = {key: [row[k] for row in rows] for k, key in enumerate(keys)}
    return {**data, "par_num": [1] * len(rows)}


def test_a_speck_in_the_margin_does_not_widen_the_block():
    """Tesseract's block box takes in a speck it read as a character far right of a line; the
    speck is dropped, and the block's edge must be its words', or no line would fill the
    measure and no paragraph would be joined."""
    data = tesseract_data((100, 2400), [[("组建省商务厅，将省对外贸易", 100, 1000, 91.0), ("。", 2380, 2400, 12.0)],
                                        [("经济合作厅的职责划入省商务厅。", 100, 980, 93.0)]])
    first, second = line_parts(data, words_by_line(data))
    assert first.text == "组建省商务厅，将省对外贸易"  # the speck is gone from the text
    assert (first.left, first.right) == (second.left, second.right) == (100, 1000)
    assert first.x1 == first.right and second.x1 == 980
