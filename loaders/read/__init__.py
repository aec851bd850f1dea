"""Read a file to a `Source`: the raw text of its pages joined by form feeds.

The kind is sniffed from the content, not trusted from the name: a gazette download named
.pdf is sometimes an HTML error page, and a .txt may be a PDF. Everything that makes a file
unreadable is an InputError naming the file and the problem in one line.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from govkg.errors import InputError
from govkg.settings import Settings
from loaders.read.encoding import decode
from loaders.read.html import carries_markup, html_text, markup_of_text
from loaders.read.pdf import read_pdf
from loaders.records import PAGE_BREAK, Source

SNIFF = 4096  # bytes read to decide what a file is
HTML_TAG = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|p|table)[\s>/]", re.I)
UNSUPPORTED = [  # (magic bytes, what the file is)
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx/.ofd?); save it as PDF or text"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document (.doc/.xls/.wps?); save it as PDF or text"),
    (b"{\\rtf", "an RTF document; save it as PDF or text"),
    (b"\x7fELF", "an executable program (ELF)"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
    (b"\x89PNG", "a PNG image; govkg OCRs scanned PDFs: convert it to PDF"),
    (b"\xff\xd8\xff", "a JPEG image; govkg OCRs scanned PDFs: convert it to PDF"),
    (b"GIF8", "a GIF image; govkg OCRs scanned PDFs: convert it to PDF"),
    (b"II*\x00", "a TIFF image; govkg OCRs scanned PDFs: convert it to PDF"),
    (b"MM\x00*", "a TIFF image; govkg OCRs scanned PDFs: convert it to PDF"),
]
EXTENSIONS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".shtml": "html", ".txt": "txt"}


def read(path: str | Path, max_bytes: int | None = None, jobs: int = 1) -> Source:
    """The text of a PDF, HTML or plain-text file, page by page, with notes on how it was read.
    `jobs`: pages of a scanned PDF read by OCR at a time."""
    path = Path(path)
    where = str(path)
    size = _checked_size(path, Settings.from_env().max_bytes if max_bytes is None else max_bytes)
    if size == 0:
        raise InputError("file is empty", where=where)
    head = _head(path)
    kind = sniff(head, where)
    notes = _name_notes(path, kind)
    if kind == "pdf":
        return _read_pdf(path, notes, jobs)
    data = path.read_bytes()
    if kind == "html":
        text, codec, more = html_text(data, where)
        return _from_text(where, text, "html", codec, notes + more)
    text, codec, bad = decode(data, where)
    if EXTENSIONS.get(path.suffix.lower()) == "pdf":  # a broken download or a mislabelled copy
        raise InputError(f"not a PDF: the file holds plain text ({codec}); name it .txt to read it as text",
                         where=where)
    if codec not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {codec}")
    if carries_markup(text):  # a page's markup in a text file (a crawler's row): its visible text
        shown, _, more = html_text(markup_of_text(text).encode("utf-8"), where)
        return _from_text(where, shown, "html", codec, notes + bad + more + ["the text holds HTML markup; read as HTML"])
    return _from_text(where, text, "txt", codec, notes + bad)


def _checked_size(path: Path, max_bytes: int) -> int:
    """The file's size from stat, before anything is read into memory."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("file does not exist", where=str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror})", where=str(path)) from e
    if path.is_dir():
        raise InputError("is a directory, not a file", where=str(path))
    special = not_regular(info.st_mode)
    if special:  # reading a FIFO waits for a writer; a device may never end
        raise InputError(f"is {special}, not a regular file", where=str(path))
    if info.st_size > max_bytes:
        raise InputError(f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}",
                         where=str(path), hint="raise KG_MAX_BYTES to read it")
    return info.st_size


def not_regular(mode: int) -> str | None:
    """What a file of this stat mode is when it is not a regular file, else None."""
    for test, what in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a file"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(SNIFF)
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror})", where=str(path)) from e


def sniff(head: bytes, where: str) -> str:
    """pdf, html or txt from the first bytes; an InputError for formats govkg cannot read."""
    if b"%PDF-" in head[:1024]:  # the PDF spec lets the header start anywhere in the first 1 KB
        return "pdf"
    for magic, what in UNSUPPORTED:
        if head.startswith(magic):
            raise InputError(f"unsupported file type: {what}", where=where)
    text = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")  # UTF-16 and BOMs
    if text.startswith(b"<") and HTML_TAG.search(text):
        return "html"
    return "txt"


def _name_notes(path: Path, kind: str) -> list[str]:
    named = EXTENSIONS.get(path.suffix.lower())
    if named and named != kind:
        return [f"file is named {path.suffix} but holds {kind.upper()}; read as {kind}"]
    return []


def _read_pdf(path: Path, notes: list[str], jobs: int = 1) -> Source:
    pages, more = read_pdf(path, jobs)
    if not pages:
        raise InputError("PDF has no pages", where=str(path))
    if all(page.method == "none" for page in pages):
        raise InputError("PDF has no text on any page, even by OCR", where=str(path))
    notes += more + [page.note for page in pages if page.note]
    texts, lines, at = [], [], 0
    for k, page in enumerate(pages):
        # A page break is a line break too: the extractors read lines, and a form feed glued
        # to a line makes it another line (a title `襄汾县县长\f` reads on into the next page's
        # heading), so the form feed between two pages stands on a line of its own.
        lead = "\n" if k and page.text else ""
        texts.append(lead + page.text + ("\n" if page.text and k + 1 < len(pages) else ""))
        lines += [(at + len(lead) + start, at + len(lead) + end, c) for start, end, c in page.confidence]
        at += len(texts[-1]) + len(PAGE_BREAK)
    return Source.from_pages(str(path), texts, "pdf", methods=[page.method for page in pages],
                             notes=tuple(notes), ocr_lines=tuple(lines))


def _from_text(where: str, text: str, kind: str, codec: str, notes: list[str]) -> Source:
    if not text.strip():
        raise InputError("file has no text (only whitespace)", where=where)
    return Source.from_pages(where, text.split(PAGE_BREAK), kind, encoding=codec,
                             notes=tuple(notes))
