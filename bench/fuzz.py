"""Fuzz the readers, normaliser, segmenter, extractors and contact finder (hypothesis).

    .venv/bin/python -m bench.fuzz --minutes 12            # every target, time shared
    .venv/bin/python -m bench.fuzz --target read --minutes 3 --batch 300

Only a KgError (InputError …) may leave a target; anything else is a crash. Each target runs
in its own process, so that a crash inside PDFium (a signal, not an exception) is reported
too: the input being tried is written to $TMPDIR/govkg-fuzz/TARGET.last first, and kept.
Hypothesis shrinks an exception to a minimal example, printed and saved beside it.
OCR is stubbed out while fuzzing: Tesseract is an outside program, and a second per page
would leave no time for the readers themselves.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import traceback
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from kg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]
CRASHES = Path(tempfile.gettempdir()) / "govkg-fuzz"  # outside the repository
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
FRAGMENTS = ["阳泉市人民政府", "关于", "的通知", "任命", "免去", "为", "同志", "的职务", "兼任", "试用期一年",
             "牵头", "配合", "负责", "责任单位：", "领导小组", "组长：", "副组长：", "成员：", "办公室设在",
             "〔2020〕", "阳政发", "号", "2020年3月15日", "一、", "（二）", "3.", "①", "\n", "\t", "\f",
             "　", "，", "。", "；", "：", "、", "（", "）", "市水利局", "河长制", "桃河", "郊区", "县",
             "0353-1234567", "13812345678", "任免", "附件", "抄送：", "印发", "第2期", "目录", "(cid:12)",
             "\ufffd", "\u200b", "\u2028", "①②", "〔", "〕", "【", "】", "《", "》"]
CODECS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be",
          "latin-1", "cp1252"]
MAGIC = [b"%PDF-1.4\n", b"<html><body>", b"<!DOCTYPE html>", b"\xef\xbb\xbf", b"\xff\xfe",
         b"\xfe\xff", b"PK\x03\x04", b"\x89PNG", b"\x7fELF", b"{\\rtf", b"\x00"]
SUFFIXES = [".txt", ".pdf", ".html", ".htm", "", ".doc"]


# --- inputs --------------------------------------------------------------------------------

gazette_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS),
                                  st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                                          max_size=12),
                                  st.text(max_size=8)), max_size=80).map("".join)


@lru_cache(maxsize=1)
def _sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@st.composite
def sample_edits(draw) -> str:
    """A stretch of the real gazette with random characters cut, doubled or inserted."""
    text = _sample()
    start = draw(st.integers(0, len(text) - 1))
    piece = list(text[start:start + draw(st.integers(1, 6000))])
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(piece)))
        piece[at:at + draw(st.integers(0, 3))] = draw(st.one_of(st.sampled_from(FRAGMENTS),
                                                                st.text(max_size=3)))
    return "".join(piece)


texts = st.one_of(gazette_text, sample_edits())


@lru_cache(maxsize=1)
def _seed_files() -> tuple[bytes, ...]:
    """Real PDFs and HTML to mutate: every reader path starts from a well-formed file."""
    from tests.fixtures import make_fixtures as fx

    with tempfile.TemporaryDirectory(prefix="govkg-fuzz-seeds-") as folder:
        out = Path(folder)
        made = [fx.two_column_pdf(out / "a.pdf"), fx.multipage_pdf(out / "b.pdf", pages=2),
                fx.encrypted_pdf(out / "c.pdf", ""), fx.rotated_pdf(out / "d.pdf", 90, fx.ROTATED_CJK),
                fx.tables_pdf(out / "e.pdf")]
        pdfs = tuple(p.read_bytes() for p in made)
    html = "<html><head><meta charset='gbk'></head><body><p>阳泉市人民政府</p><table><tr><td>组长" \
           "</td><td>王明厚</td></tr></table><script>x()</script></body></html>"
    return pdfs + (html.encode("gbk"),)


@st.composite
def mutated_file(draw) -> bytes:
    """A seed file with bytes flipped, a stretch cut out or the tail cut off."""
    data = bytearray(draw(st.sampled_from(_seed_files())))
    for _ in range(draw(st.integers(0, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        del data[at:at + draw(st.integers(0, 2000))]
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))] + b"\n%%EOF\n"
    return bytes(data)


encoded_text = st.builds(lambda text, codec: text.encode(codec, errors="replace"), texts,
                         st.sampled_from(CODECS))
file_bytes = st.one_of(st.binary(max_size=4096), encoded_text, mutated_file(),
                       st.builds(lambda m, b: m + b, st.sampled_from(MAGIC), st.binary(max_size=2048)),
                       st.builds(lambda t: f"<html><body><p>{t}</p><script>{t}</script>".encode(),
                                 texts))


# --- targets -------------------------------------------------------------------------------

class _NoOcr:
    """Stands in for loaders.ocr.PageOcr while fuzzing (see the module docstring)."""

    def __init__(self, where: str):
        self.where = where

    def read(self, page, number: int) -> tuple[str, str]:
        return "", f"page {number}: OCR skipped while fuzzing"


def fuzz_read(data: bytes, suffix: str) -> None:
    import loaders.pdf
    from loaders.read import read

    real, loaders.pdf.PageOcr = loaders.pdf.PageOcr, _NoOcr
    try:
        with tempfile.NamedTemporaryFile(suffix=suffix) as f:
            f.write(data)
            f.flush()
            source = read(f.name, max_bytes=1 << 20)
    finally:
        loaders.pdf.PageOcr = real
    assert source.pages and source.text.count("\f") == len(source.pages) - 1


def _source(text: str):
    from loaders.records import Source

    return Source.from_pages("fuzz.txt", text.split("\f"), "txt")


def fuzz_normalize(text: str) -> None:
    from loaders.normalize import normalize

    normalized = normalize(_source(text))
    assert len(normalized.raw) == len(normalized.text) + 1
    assert all(0 <= r <= len(text) for r in normalized.raw)


def fuzz_segment(text: str) -> None:
    from loaders.normalize import normalize
    from loaders.segment import segment

    for document in segment(normalize(_source(text))):
        assert 0 <= document.start <= document.end <= len(document.text.text)


def fuzz_extract(text: str) -> None:
    from loaders.pipeline import extract_source

    extract_source(_source(text)).to_json()


def fuzz_contacts(text: str) -> None:
    from loaders.contacts import find_contacts

    found = find_contacts(text)
    assert all(0 <= c.start < c.end <= len(text) for c in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


TARGETS = {  # name → (function, strategies of its arguments)
    "read": (fuzz_read, (file_bytes, st.sampled_from(SUFFIXES))),
    "normalize": (fuzz_normalize, (texts,)),
    "segment": (fuzz_segment, (texts,)),
    "extract": (fuzz_extract, (texts,)),
    "contacts": (fuzz_contacts, (texts,)),
}


KNOWN_SEEN = [0]  # inputs that hit a crash given as known


def is_known(error: Exception, known: set[tuple[str, str]]) -> bool:
    """A crash already reported, by exception type and the function it was raised in."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and (type(error).__name__, frames[-1].name) in known


def run_target(name: str, examples: int, seed_value: int | None = None,
               last: Path | None = None, known: set[tuple[str, str]] | None = None) -> int:
    """Run one target for `examples` examples; KgError passes, and so does a crash in
    `known` (so that a long run looks past a bug already reported); anything else propagates
    after hypothesis has shrunk it. Returns the number of inputs tried."""
    function, strategies = TARGETS[name]
    count = [0]

    def guarded(args: tuple) -> None:
        count[0] += 1
        if last is not None:
            last.write_text(repr(args), encoding="utf-8")
        try:
            function(*args)
        except KgError:
            pass
        except Exception as e:
            if not (known and is_known(e, known)):
                raise
            KNOWN_SEEN[0] += 1

    test = settings(max_examples=examples, deadline=None, database=None, print_blob=True,
                    suppress_health_check=list(HealthCheck))(given(st.tuples(*strategies))(guarded))
    if seed_value is not None:
        test = seed(seed_value)(test)
    test()
    return count[0]


# --- the runner ----------------------------------------------------------------------------

def child(name: str, seconds: float, batch: int, known: set[tuple[str, str]]) -> int:
    """Batches with fresh seeds until the time is up; prints the count, exits 1 on a crash."""
    CRASHES.mkdir(parents=True, exist_ok=True)
    last, total, batches = CRASHES / f"{name}.last", 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            total += run_target(name, batch, seed_value=int.from_bytes(os.urandom(4), "big"),
                                last=last, known=known)
        except Exception as e:  # noqa: BLE001 - this is what fuzzing looks for
            tried = last.read_text(encoding="utf-8") if last.exists() else "?"
            trace = "".join(traceback.format_exception(e))  # every sub-exception of a group
            (CRASHES / f"{name}.crash.txt").write_text(f"{trace}\nlast input tried:\n{tried}\n")
            print(f"{name}: CRASH {type(e).__name__}: {e}", flush=True)
            return 1
        batches += 1
    last.unlink(missing_ok=True)
    past = f" (looked past {KNOWN_SEEN[0]} known)" if KNOWN_SEEN[0] else ""
    print(f"{name}: {total} inputs in {batches} batches, {seconds / 60:.1f} min, no new crash{past}",
          flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="total time, shared by targets")
    parser.add_argument("--batch", type=int, default=200, help="examples per hypothesis run")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    parser.add_argument("--known", action="append", default=[], metavar="ERROR:FUNCTION",
                        help="a reported crash to look past, e.g. IndexError:_unnumbered_headers")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    names = args.target or list(TARGETS)
    seconds = args.minutes * 60 / len(names)
    if args.child:
        return child(names[0], seconds, args.batch, {tuple(k.split(":", 1)) for k in args.known})
    failed = 0
    for name in names:
        done = subprocess.run([sys.executable, "-m", "bench.fuzz", "--child", "--target", name,
                               "--minutes", str(seconds / 60), "--batch", str(args.batch),
                               *[f"--known={k}" for k in args.known]],
                              cwd=ROOT, check=False)
        if done.returncode < 0:
            print(f"{name}: KILLED by signal {-done.returncode}; input in {CRASHES / name}.last")
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
