"""The bad-input corpus (tests/fixtures/bad_inputs.py): every file gives its one-line error or
reads correctly, through the library and through `kg extract`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run_kg
from govkg.errors import InputError
from kg.load import iter_files
from loaders import pipeline
from loaders import read as read_module
from loaders.read import read
from tests.fixtures import bad_inputs as bad
from tests.fixtures import make_fixtures as fx

SMALL_LIMIT = 1 << 19  # max_bytes for the too_big case (a 1 MiB sparse file)
ROOT = os.geteuid() == 0

ERRORS = {  # case → the problem its one line must state
    "empty": "file is empty",
    "whitespace": "file has no text (only whitespace)",
    "random": "binary file (NUL bytes)",
    "latin1": "not a text file: binary or an encoding other than",
    "elf": "unsupported file type: an executable program (ELF)",
    "png": "unsupported file type: a PNG image",
    "docx": "unsupported file type: a ZIP archive",
    "encrypted_user": "PDF is encrypted with a user password",
    "truncated": "PDF is truncated (no %%EOF end marker)",
    "corrupt": "PDF is corrupt (",
    "zero_pages": "PDF has no pages",
    "blank_pdf": "PDF has no text on any page, even by OCR",
    "no_text_pdf": "PDF has no text on any page, even by OCR",
    "too_big": "file is 1,048,576 bytes, over the limit of 524,288",
    "huge": "file is 524,288,000 bytes, over the limit of",
    "missing": "file does not exist",
    "symlink_loop": "cannot read file (Too many levels of symbolic links)",
    "unreadable": "cannot read file (Permission denied)",
    "empty_dir": "is a directory, not a file",
    "only_unsupported_dir": "is a directory, not a file",
}
ENCODED = {"gb18030": "gb18030", "gbk": "gb18030", "big5": "cp950", "utf16le_bom": "utf-16",
           "utf16be_bom": "utf-16", "utf16le": "utf-16-le", "utf16be": "utf-16-be",
           "utf8_bom": "utf-8-sig"}
GOOD = [*ENCODED, "encrypted_empty_password", "html", "pdf_named_txt", "html_named_pdf",
        "traditional", "chinese_name", "scanned", "mixed", "corrupt_xref"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return bad.build(tmp_path_factory.mktemp("bad-inputs"))


@pytest.fixture(scope="module")
def outcomes(corpus):
    """Each file read once (scans take OCR time): its Source, or the InputError it raised."""
    found: dict[str, object] = {}
    for name, path in corpus.items():
        try:
            found[name] = read(path, max_bytes=limit(name))
        except InputError as e:
            found[name] = e
    return found


@pytest.fixture(scope="module")
def sources(outcomes):
    return {name: outcomes[name] for name in GOOD}


def test_corpus_is_big_enough(corpus):
    assert len(corpus) >= 25 and set(ERRORS) | set(GOOD) == set(corpus)


def limit(name: str) -> int | None:
    return SMALL_LIMIT if name == "too_big" else None


def skip_unreadable_as_root(name: str) -> None:
    if name == "unreadable" and ROOT:
        pytest.skip("running as root: chmod 000 does not stop root from reading")


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_input_is_one_line_naming_the_file_and_the_problem(corpus, outcomes, name):
    skip_unreadable_as_root(name)
    assert isinstance(outcomes[name], InputError), outcomes[name]
    line = str(outcomes[name])
    assert line.startswith(f"{corpus[name]}: {ERRORS[name]}"), line
    assert "\n" not in line and "Traceback" not in line


def test_size_is_checked_before_a_byte_is_read(corpus, monkeypatch):
    huge = corpus["huge"]
    assert huge.stat().st_size == bad.HUGE and huge.stat().st_blocks * 512 < 1 << 20  # sparse
    monkeypatch.setattr(read_module, "_head", lambda path: pytest.fail("read before size check"))
    with pytest.raises(InputError, match="over the limit"):
        read(huge)


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encodings_read_to_the_text_written(sources, name):
    expected = bad.TRADITIONAL if name == "big5" else bad.TEXT
    assert (sources[name].text, sources[name].encoding) == (expected, ENCODED[name])


def test_good_files_read_with_the_notes_they_deserve(sources):
    assert any("owner password" in n for n in sources["encrypted_empty_password"].notes)
    assert fx.page_marker(2) in sources["encrypted_empty_password"].text
    assert sources["pdf_named_txt"].notes == ("file is named .txt but holds PDF; read as pdf",)
    assert sources["html_named_pdf"].notes == ("file is named .pdf but holds HTML; read as html",)
    assert sources["traditional"].text == bad.TRADITIONAL
    assert sources["chinese_name"].text == bad.TEXT
    assert sources["corrupt_xref"].text.splitlines()[0] == fx.TITLE  # PDFium rebuilds the xref
    assert [p.method for p in sources["scanned"].pages] == ["ocr"]
    assert [p.method for p in sources["mixed"].pages] == ["pypdfium2", "ocr"]
    assert "河长制工作领导小组" in sources["scanned"].text


def test_html_keeps_the_content_and_drops_scripts_navigation_and_footer(sources):
    source = sources["html"]
    assert source.text.splitlines() == ["阳泉市人民政府办公室", "关于印发河长制工作方案的通知"]
    assert "不应出现" not in source.text and "tracker" not in source.text


def test_directories_of_nothing_readable_are_an_error_for_load(corpus):
    for name in ("empty_dir", "only_unsupported_dir"):
        with pytest.raises(InputError, match="directory holds no"):
            list(iter_files([corpus[name]]))


def test_load_of_the_corpus_directory_meets_every_readable_file(corpus, outcomes):
    """What `kg load DIR` meets: every good file by its suffix, each read once above."""
    met = set(iter_files([corpus["empty"].parent]))
    good = {corpus[name] for name in GOOD if corpus[name].suffix in (".txt", ".pdf", ".html")}
    assert good <= met
    assert corpus["docx"] not in met and corpus["elf"] not in met  # unknown suffixes: skipped


@pytest.fixture
def cached_reads(corpus, outcomes, monkeypatch):
    """In this process the CLI gets each file's reading from the cache (OCR was paid once);
    real `kg extract` processes read for themselves in the last test."""
    by_path = {str(corpus[name]): outcome for name, outcome in outcomes.items()}

    def cached(path, max_bytes=None):
        outcome = by_path[str(path)]
        if isinstance(outcome, InputError):
            raise outcome
        return outcome
    monkeypatch.setattr(pipeline, "read", cached)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_cli_prints_one_line_and_exits_2_for_bad_input(corpus, name, monkeypatch, capsys,
                                                        cached_reads):
    skip_unreadable_as_root(name)
    code, out, err = run_kg(["extract", str(corpus[name]), "--format", "json"], monkeypatch, capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"kg: error: {corpus[name]}: {ERRORS[name]}")
    assert err.count("\n") == 1 and err.endswith("\n") and "Traceback" not in err


@pytest.mark.parametrize("name", GOOD)
def test_cli_extracts_good_input(corpus, name, monkeypatch, capsys, cached_reads):
    code, out, err = run_kg(["extract", str(corpus[name]), "--format", "json"], monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert set(json.loads(out)) >= {"documents", "appointments", "tasks"}


def test_real_kg_processes_exit_cleanly(corpus):
    """A few cases in real `kg extract` processes, run side by side (each starts spaCy)."""
    kg = Path(sys.executable).with_name("kg")
    cases = {"encrypted_user": 2, "chinese_name": 0}
    runs = {name: subprocess.Popen([str(kg), "extract", str(corpus[name]), "--format", "json"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in cases}
    for name, process in runs.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == cases[name], (name, err)
        if cases[name]:
            assert err.startswith(f"kg: error: {corpus[name]}: {ERRORS[name]}")
            assert err.count("\n") == 1 and "Traceback" not in err and out == ""
        else:
            assert err == "" and json.loads(out)["documents"] is not None


# -- bombs are refused before the parser expands them (issue 15, failure 8) --------------------


def test_a_pdf_bomb_is_refused_before_pdfium_opens_it(tmp_path, monkeypatch):
    from loaders.read import pdf
    from tests.fixtures.bad import make

    bomb = make.pdf_bomb(tmp_path)
    assert bomb.stat().st_size < 1 << 20  # a few hundred KB expanding to 300 MB
    monkeypatch.setattr(pdf, "_open", lambda path: pytest.fail("PDFium opened the bomb"))
    with pytest.raises(InputError, match=r"PDF streams expand to over 268,435,456 bytes .*decompression bomb"):
        read(bomb)


def test_real_pdfs_expand_within_their_budget(tmp_path):
    from loaders.read.expansion import check_expansion

    for path in (fx.two_column_pdf(tmp_path / "a.pdf"), fx.encrypted_pdf(tmp_path / "b.pdf", "")):
        assert check_expansion(path) < 100 * path.stat().st_size


def test_deep_html_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from loaders.read import html
    from tests.fixtures.bad import make

    monkeypatch.setattr(html, "LexborHTMLParser", lambda markup: pytest.fail("parsed the deep page"))
    with pytest.raises(InputError, match="HTML elements nest 200,002 deep, over the limit of 512"):
        read(make.html_deep(tmp_path))


@pytest.mark.parametrize("markup, depth", [
    ("<div><p>a<p>b<br><img src=x></div>", 1),
    ("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>", 2),
    ("<div></p>" * 1000, 1000),  # a stray end tag closes nothing, in a browser too
    ("<div></span>" * 1000, 1000),
    ("<div></div>" * 1000, 1),
    ("<b>" * 600, 600),
])
def test_nesting_depth_is_counted_as_a_browser_nests(markup, depth):
    from loaders.read.html import max_depth

    assert max_depth(markup) == depth


# -- a few bad bytes are read through and noted (issue 15, failure 9) -------------------------

def _damaged(text: str, codec: str, bad: bytes, lines: tuple[int, ...]) -> tuple[bytes, int]:
    """`text` in `codec` with `bad` put after the given lines (between characters), and
    where the first bad byte stands."""
    data = text.encode(codec)
    cuts = [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    for line in sorted(lines, reverse=True):
        data = data[:cuts[line]] + bad + data[cuts[line]:]
    return data, cuts[min(lines)] if lines else -1


@pytest.mark.parametrize("text, codec, bad, lines, read_as", [
    (fx.BIG5_TEXT * 20, "cp950", b"", (), "cp950"),
    (fx.BIG5_TEXT * 20, "cp950", b"\xff", (5,), "cp950"),
    (bad.TEXT * 20, "utf-8", b"\xff", (3, 30), "utf-8"),
    (bad.TEXT * 20, "utf-8-sig", b"\x80", (7,), "utf-8-sig"),
    (bad.TEXT * 20, "gb18030", b"\xff", (11,), "gb18030"),
])
def test_a_few_bad_bytes_are_replaced_and_reported(tmp_path, text, codec, bad, lines, read_as):
    data, first = _damaged(text, codec, bad, lines)
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    source = read(path)  # before: refused whole, "not a text file" or "not valid … text"
    assert source.encoding == read_as and source.text.replace("\ufffd", "") == text
    n = len(lines)
    noted = [note for note in source.notes if "undecodable" in note]
    assert noted == ([f"{n} undecodable byte sequence{'s' if n > 1 else ''} replaced with U+FFFD "
                      f"(read as {read_as}; the first at byte {first})"] if n else [])


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf\xff\xfe\xfd",  # a BOM and nothing readable
    bytes(range(0x80, 0x100)) * 40,  # mostly undecodable in every codec
])
def test_many_bad_bytes_are_still_refused(tmp_path, data):
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read(path)
