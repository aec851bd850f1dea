"""Reading PDFs: column order, tables, pages, encryption, damage, and the two readers."""

from __future__ import annotations

import re

import pdfplumber
import pypdfium2 as pdfium
import pytest

from govkg.errors import InputError
from loaders.read import pdf
from loaders.read.document import page_texts
from loaders.read.glyphs import Char, Glyphs, shown_size
from loaders.read.pages import page_layout
from loaders.read.pdf import layout_page
from loaders.read import read
from tests.fixtures import make_fixtures as fx


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return fx.build_all(tmp_path_factory.mktemp("pdf"))


def key(text: str) -> str:
    return "".join(text.split())


def line_keys(text: str) -> list[str]:
    return [key(line) for line in text.splitlines()]


def test_two_column_page_reads_left_column_then_right(files):
    source = read(files["two_column"])
    flat = source.text.replace("\n", "")
    assert source.kind == "pdf" and source.encoding is None
    assert source.text.splitlines()[0] == fx.TITLE
    assert fx.LEFT_TEXT in flat and fx.RIGHT_TEXT in flat
    assert flat.index(fx.LEFT_TEXT) < flat.index(fx.RIGHT_TEXT)


@pytest.mark.parametrize("name", ["two_column", "tables"])
def test_name_title_table_rows_stay_one_line_each(files, name):
    lines = line_keys(read(files[name]).text)
    for role, person, title in fx.TABLE:
        assert key(role + person) + title in lines


def test_four_cell_name_table_reads_column_by_column_one_entry_a_line(files):
    """Names beside titles, two pairs a row: the left column top to bottom, then the right,
    each name with its title, as the text of such a list is written."""
    lines = read(files["tables"]).text.splitlines()
    entries = [row[:2] for row in fx.TABLE4] + [row[2:] for row in fx.TABLE4]
    assert [key(line) for line in lines[-len(entries):]] == [key(name) + key(title) for name, title in entries]
    assert all(line.count("\t") == 1 for line in lines[-len(entries):])


def test_pages_keep_numbers_offsets_and_reading_order(files):
    source = read(files["multipage"])
    assert [p.number for p in source.pages] == [1, 2, 3, 4, 5]
    assert {p.method for p in source.pages} == {"pypdfium2"}
    for page in source.pages:
        text = source.text[page.start:page.end]
        lines = text.strip("\n").splitlines()  # each page after the first starts on a new line
        assert not any(fx.HEADER[0] in line or line == f"- {page.number} -" for line in lines)  # furniture
        assert lines[0].startswith(fx.page_marker(page.number))  # paragraphs joined in each column
        flat = text.replace("\n", "")
        body = fx.page_marker(page.number) + fx.LEFT_TEXT * 4
        assert body in flat and flat.index(body) < flat.index(fx.RIGHT_TEXT * 4)
        assert source.page_at(page.start + text.index(fx.page_marker(page.number))) == page.number
    assert source.text.count("\f") == 4


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_pages_turned_by_rotate_read_as_shown(files, turn):
    source = read(files[f"rotated_{turn}"])
    assert source.text.split("\n") == fx.ROTATED_LINES
    assert source.pages[0].method == "pypdfium2"


def test_rotated_cjk_page_reads_as_shown(files):
    """pdfium finds no characters in this page unless a system CJK font stands in for the
    non-embedded STSong-Light; then pdfplumber reads it. Either way the text is the same."""
    source = read(files["rotated_cjk"])
    assert source.text.split("\n") == fx.ROTATED_CJK
    assert source.pages[0].method in ("pypdfium2", "pdfplumber")


def test_page_pypdfium2_finds_empty_is_read_by_pdfplumber(files, monkeypatch):
    monkeypatch.setattr(pdf, "pdfium_glyphs", lambda page: Glyphs.of([]))
    source = read(files["rotated_cjk"])
    assert source.text.split("\n") == fx.ROTATED_CJK
    assert source.pages[0].method == "pdfplumber"
    assert source.notes == ("page 1: pypdfium2 text empty, read with pdfplumber",)


def _texts(layouts) -> list[list[str]]:
    return [[part.text for part in parts] for parts in page_texts(layouts)]


@pytest.mark.parametrize("name", ["two_column", "tables", "multipage", "rotated_90", "rotated_270"])
def test_pdfplumber_and_pypdfium2_read_pages_alike(files, name):
    doc = pdfium.PdfDocument(str(files[name]))
    sizes = [shown_size(doc[i]) for i in range(len(doc))]
    by_pdfium = _texts([page_layout(pdf.pdfium_glyphs(doc[i]), *sizes[i]) for i in range(len(doc))])
    doc.close()
    with pdfplumber.open(files[name]) as plumbed:
        by_plumber = _texts([page_layout(pdf.plumber_glyphs(page), *size) for page, size in zip(plumbed.pages, sizes)])
    assert by_plumber == by_pdfium


def test_owner_password_only_opens_and_decodes_cid_font(files):
    with pdfplumber.open(files["encrypted_owner"]) as plumbed:
        assert "(cid:" in plumbed.pages[0].extract_text()  # pdfminer cannot map this font
    source = read(files["encrypted_owner"])
    assert "(cid:" not in source.text
    assert fx.page_marker(1) in source.text and fx.page_marker(2) in source.text
    assert any("owner password" in note for note in source.notes)


def garbling(monkeypatch):
    """Make pypdfium2 return every glyph as U+FFFD, as for a font without a Unicode map."""
    real = pdf.pdfium_glyphs

    def garbled_glyphs(page):
        glyphs = real(page)
        text = "".join("\ufffd" if ink else ch for ch, ink in zip(glyphs.text, glyphs.ink))
        return glyphs._replace(text=text)

    monkeypatch.setattr(pdf, "pdfium_glyphs", garbled_glyphs)


def test_undecodable_pypdfium2_page_falls_back_to_pdfplumber(files, monkeypatch):
    expected = read(files["two_column"]).text
    garbling(monkeypatch)
    source = read(files["two_column"])
    assert source.text == expected
    assert source.pages[0].method == "pdfplumber"
    assert source.notes == ("page 1: pypdfium2 text undecodable, read with pdfplumber",)


def test_page_undecodable_by_both_readers_is_noted(files, monkeypatch):
    garbling(monkeypatch)
    source = read(files["encrypted_owner"])
    assert [p.method for p in source.pages] == ["pypdfium2", "pypdfium2"]
    assert sum("undecodable glyphs" in note for note in source.notes) == 2


@pytest.mark.parametrize("text, is_garbled", [
    (fx.LEFT_TEXT, False),
    ("Yangquan Municipal People's Government Gazette, issue 2 of 2020", False),
    ("(cid:4125)(cid:3205)(cid:3431)阳泉", True),
    ("\ufffd" * 5 + "阳泉市", True),
    (fx.LEFT_TEXT.encode("gb18030").decode("latin-1"), True),  # codes without a Unicode map
])
def test_undecodable_text_is_recognised(text, is_garbled):
    chars = [Char.of(t, 0, 1, 0, 1) for t in re.findall(r"\(cid:\d+\)|.", text)]
    assert pdf.garbled(chars) is is_garbled


def test_page_without_text_layer_is_kept_and_noted(files):
    source = read(files["blank_page"])
    first, second = source.pages
    assert source.text[first.start:first.end] == fx.TITLE + "\n"  # a page break is a line break
    assert (second.method, second.start, second.end) == ("none", first.end + 1, first.end + 1)
    assert "page 2 has no text layer and OCR found no text on it" in source.notes


def test_pdf_without_text_even_by_ocr_is_an_error(files):
    with pytest.raises(InputError) as caught:
        read(files["image_only"])
    assert caught.value.message == "PDF has no text on any page, even by OCR"


@pytest.mark.parametrize("name, problem", [
    ("encrypted_user", "PDF is encrypted with a user password"),
    ("truncated", "PDF is truncated (no %%EOF end marker)"),
    ("corrupt", "PDF is corrupt"),
])
def test_unreadable_pdfs_raise_one_line_naming_the_file(files, name, problem):
    with pytest.raises(InputError) as caught:
        read(files[name])
    assert caught.value.where == str(files[name])
    assert caught.value.message.startswith(problem)
    assert "\n" not in str(caught.value)


def chars_of(text: str, x: float, top: float, size: float = 10.0) -> list[Char]:
    """One character per cell of `size` points from x; a space cell is left empty."""
    return [Char.of(ch, x + i * size, x + (i + 1) * size, top, top + size)
            for i, ch in enumerate(text) if ch != "_"]


@pytest.mark.parametrize("cells, expected", [
    ("阳泉市人民政府", "阳泉市人民政府"),
    ("组__长", "组 长"),  # letter-spaced label: a gap of two ems is one space
    ("组长：王明厚_____副市长", "组长：王明厚\t副市长"),  # five empty ems: a table cell
])
def test_line_text_spaces_and_cells(cells, expected):
    assert layout_page(chars_of(cells, 60, 100), 595) == expected


def test_a_narrow_space_character_is_kept():
    """Latin letters 5 pt wide, a 2 pt space: too narrow a gap alone, but the PDF says space."""
    chars, x = [], 60.0
    for ch in "GOV CN":
        width = 2.0 if ch == " " else 5.0
        chars.append(Char.of(ch, x, x + width, 100, 110))
        x += width
    assert layout_page(chars, 595) == "GOV CN"
    assert layout_page([c for c in chars if c.ink], 595) == "GOVCN"


def test_fake_bold_glyphs_printed_twice_are_read_once():
    chars = chars_of("通知", 60, 100)
    chars += [Char.of(c.text, c.x0 + 0.4, c.x1 + 0.4, c.top, c.bottom) for c in chars]
    assert layout_page(chars, 595) == "通知"


def test_columns_with_offset_baselines_read_column_by_column():
    left, right = "一二三四五六七八九十甲乙丙丁戊己庚辛", "子丑寅卯辰巳午未申酉戌亥金木水火土日"
    chars = []
    for k in range(5):  # right column half a line lower: no line has text on both sides
        chars += chars_of(left, 60, 100 + 16 * k) + chars_of(right, 320, 108 + 16 * k)
    assert layout_page(chars, 595).split("\n") == [left] * 5 + [right] * 5


def test_single_column_text_with_ragged_lines_stays_in_order():
    lines = ["第一条为加强河湖管理保护工作制定本办法", "本办法适用于本市", "第二条河长制实行分级管理",
             "市县乡村四级河长", "第三条本办法自印发之日起施行"]
    chars = [c for k, line in enumerate(lines) for c in chars_of(line, 60, 100 + 16 * k)]
    assert layout_page(chars, 595).split("\n") == lines


class BrokenPageTree:
    """What pdfplumber returns for a file whose page tree pdfminer cannot parse: opening
    works, while listing the pages, or closing (which lists them again), raises."""

    def __init__(self):
        self.stream = open(__file__, "rb")

    @property
    def pages(self):
        raise ValueError("Invalid dictionary construct")

    def close(self):
        raise ValueError("Invalid dictionary construct")


def test_pdf_neither_reader_can_walk_is_corrupt_not_a_crash(files, monkeypatch):
    """Found by bench/fuzz.py: closing pdfplumber's document raised out of read()."""
    broken = BrokenPageTree()
    monkeypatch.setattr(pdf.pdfplumber, "open", lambda path, password="": broken)
    with pytest.raises(InputError, match="PDF is corrupt"):
        read(files["corrupt"])
    assert broken.stream.closed
