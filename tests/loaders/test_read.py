"""Reading text files: encodings, pages, sniffing, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.errors import InputError
from loaders.read import read
from tests.fixtures import make_fixtures as fx

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "yangquan-gazette-2020-02.txt"


@pytest.fixture(scope="module")
def sample_copies(tmp_path_factory):
    text = SAMPLE.read_text(encoding="utf-8")
    return text, fx.encoded_copies(text, tmp_path_factory.mktemp("encodings"))


@pytest.mark.parametrize("label, codec, noted", [
    ("utf-8", "utf-8", False),
    ("utf-8-sig", "utf-8-sig", False),
    ("gb18030", "gb18030", True),
    ("utf-16", "utf-16", True),
    ("utf-16-le", "utf-16-le", True),  # no byte-order mark
])
def test_sample_gazette_reads_to_the_same_text_in_every_encoding(sample_copies, label, codec,
                                                                    noted):
    text, paths = sample_copies
    source = read(paths[label])
    assert source.text == text == read(SAMPLE).text
    assert (source.kind, source.encoding) == ("txt", codec)
    assert source.notes == ((f"decoded as {codec}",) if noted else ())
    assert [(p.number, p.start, p.end, p.method) for p in source.pages] == [
        (1, 0, len(text), "text")]


@pytest.mark.parametrize("text, written_as, codec", [
    ("阳泉市人民政府关于郗文保等二人任免职务的通知", "gbk", "gb18030"),
    ("组长：王明厚", "gb2312", "gb18030"),  # the detector's first guess is Korean cp949
    ("阳泉市人民政府", "utf-16-le", "utf-16-le"),  # no BOM and no ASCII, so no NUL bytes
    (fx.BIG5_TEXT, "big5", "cp950"),
    ("臺灣省政府公報：為加強河川管理，特訂定本辦法。", "gb18030", "gb18030"),
])
def test_short_chinese_texts_are_detected(tmp_path, text, written_as, codec):
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(written_as))
    source = read(path)
    assert (source.text, source.encoding) == (text, codec)


def test_form_feeds_split_pages(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("第一页\n正文\f第二页\f第三页", encoding="gb18030")
    source = read(path)
    assert [source.text[p.start:p.end] for p in source.pages] == ["第一页\n正文", "第二页", "第三页"]
    assert [source.page_at(source.text.index(w)) for w in ("正文", "第二页", "第三页")] == [1, 2, 3]


def test_raw_text_keeps_carriage_returns(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行".encode("utf-8"))
    assert read(path).text == "第一行\r\n第二行"  # normalize drops them, with offsets


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.txt", "file does not exist"),
    (lambda d: d, "is a directory, not a file"),
    (lambda d: write(d, "empty.txt", b""), "file is empty"),
    (lambda d: write(d, "blank.txt", b" \n\t\n"), "file has no text (only whitespace)"),
    (lambda d: write(d, "nul.txt", b"abc\x00\x01\x02\x00\xff\x00\x00\x10"),
     "binary file (NUL bytes)"),
    (lambda d: write(d, "noise.txt", bytes(range(128, 256)) * 8), "not a text file"),
    (lambda d: write(d, "doc.docx", b"PK\x03\x04" + b"\x00" * 40), "unsupported file type: a ZIP"),
    (lambda d: write(d, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40),
     "unsupported file type: a legacy Office"),
    (lambda d: write(d, "scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
     "unsupported file type: a PNG image"),
    (lambda d: write(d, "bad-bom.txt", b"\xef\xbb\xbf\xff\xfe\xfd"), "not valid utf-8-sig text"),
])
def test_unreadable_files_raise_one_line_naming_the_file(tmp_path, make, problem):
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.where == str(path)
    assert caught.value.message.startswith(problem)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "阳泉".encode() * 100)

    def no_reading(*args, **kwargs):
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InputError) as caught:
        read(path, max_bytes=599)
    assert caught.value.message == "file is 600 bytes, over the limit of 599"
    assert caught.value.hint == "raise KG_MAX_BYTES to read it"


def test_size_limit_defaults_to_the_settings(tmp_path, monkeypatch):
    path = write(tmp_path, "small.txt", "阳泉市".encode())
    monkeypatch.setenv("KG_MAX_BYTES", "8")
    with pytest.raises(InputError, match="over the limit of 8"):
        read(path)
    assert read(path, max_bytes=9).text == "阳泉市"


def test_content_decides_the_kind_not_the_name(tmp_path):
    pdf_as_txt = fx.two_column_pdf(tmp_path / "notice.txt")
    html_as_pdf = write(tmp_path, "notice.pdf", "<html><body><p>阳泉市人民政府</p></body></html>".encode())
    as_pdf, as_html = read(pdf_as_txt), read(html_as_pdf)
    assert (as_pdf.kind, as_html.kind) == ("pdf", "html")
    assert fx.TITLE in as_pdf.text and as_html.text == "阳泉市人民政府"
    assert as_pdf.notes == ("file is named .txt but holds PDF; read as pdf",)
    assert as_html.notes == ("file is named .pdf but holds HTML; read as html",)


def test_text_mentioning_tags_is_not_html(tmp_path):
    path = write(tmp_path, "notes.txt", "附件：<table> 与 <p> 标签说明".encode())
    assert read(path).kind == "txt"


def test_text_holding_a_pages_markup_is_read_for_its_visible_text(tmp_path):
    """A crawler's database row copied to a .txt: the page's markup inside a SQL statement."""
    paragraphs = "".join(f'<p style="text-indent: 2em;"><span>（{n}）做好第{n}项工作。（市财政局负责）</span></p> '
                         for n in range(1, 13))
    row = f"insert into policy (id, title, content) values (9, '关于做好工作的通知', '{paragraphs}');"
    source = read(write(tmp_path, "row.txt", row.encode()))
    assert source.kind == "html" and "<span" not in source.text and "style=" not in source.text
    assert "（3）做好第3项工作。（市财政局负责）" in source.text.splitlines()
    assert source.notes == ("the text holds HTML markup; read as HTML",)


def test_a_transcripts_closed_paragraphs_are_markup_and_its_own_lines_stay_apart(tmp_path):
    """A news transcript under a Markdown heading: few tags, each paragraph closed by </p>; the
    heading and byline above the markup stay lines of their own."""
    text = ("### 宁远等3省省委主要负责同志职务调整\n\n宁远台消息\n\n<p>日前，中共中央决定：</p>"
            "<p>王明同志任宁远省委书记；</p><p>李华同志不再担任宁远省委书记职务。</p>\n")
    source = read(write(tmp_path, "transcript.txt", text.encode()))
    assert source.kind == "html" and "<p>" not in source.text
    assert source.text.splitlines()[:3] == ["### 宁远等3省省委主要负责同志职务调整", "宁远台消息", "日前，中共中央决定："]


def test_text_with_a_few_stray_tags_stays_text(tmp_path):
    text = "关于做好工作的通知<br>\n" + "市财政局负责做好预算工作。\n" * 40
    source = read(write(tmp_path, "notice.txt", text.encode()))
    assert source.kind == "txt" and "<br>" in source.text


@pytest.mark.parametrize("text, share", [
    ("中", 1.0),  # GB2312 level-1 hanzi (row D6)
    ("國", 1.0),  # Big5 level-1 only (row B0); GB2312 has no traditional form
    ("①，“", 1.0),  # GB2312 numbering (row A2), full-width comma, general punctuation
    ("丂", 0.0),  # GBK, in neither standard's common rows
    ("éΩ", 0.0),  # GB2312 rows A8 and A6, Big5 row A3: letters, not hanzi
    ("\ud800𠀀", 0.0),  # a lone surrogate and a character beyond the BMP encode in neither
    ("abc中國é", 2 / 3),  # ASCII is not counted
    ("abc", 1.0),
])
def test_chinese_score_counts_common_hanzi_and_cjk_punctuation(text, share):
    from loaders.read.encoding import chinese_score

    assert chinese_score(text) == pytest.approx(share)
