"""What bench/fuzz.py feeds the readers and text stages: gazette-like text built from the
grammar's own words, stretches of the real sample with random edits, encoded texts, and real
PDFs and HTML with bytes flipped, cut or truncated."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "yangquan-gazette-2020-02.txt"
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
