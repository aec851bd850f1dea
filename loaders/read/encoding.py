"""Bytes → text for the encodings Chinese government files come in.

Order: a byte-order mark decides; NUL bytes mean UTF-16 (when they fall on one parity) or a
binary file; strict UTF-8 next; then charset-normalizer's candidates, each mapped to the
superset codec of its family (GB2312 and GBK text is valid GB18030; Big5 files are written
by Windows as CP950), and kept only when the decoded text looks like Chinese: most of its
non-ASCII characters are common hanzi or CJK punctuation. A wrong guess decodes to rare
characters, Hangul or Latin-1 noise, which fails that check.

A few bad bytes (a download cut mid-character, one corrupted sector, a character outside
Big5) do not make a file unreadable: they become U+FFFD and a note says how many and where.
More than `MAX_BAD` of them means the guess is wrong, or the file is not text. Without this,
a UTF-8 or Big5 file with one bad byte was refused whole.
"""

from __future__ import annotations

import codecs
import re
import threading

import numpy as np
from charset_normalizer import from_bytes

from govkg.errors import InputError

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16")]
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950"}
FALLBACKS = ("gb18030", "cp950", "big5hkscs")  # tried after the detector's own guesses
PLAUSIBLE = 0.6  # share of non-ASCII characters that must be common hanzi or CJK punctuation
SAMPLE = 50_000  # characters scored; enough to tell Chinese from noise
# undecodable sequences tolerated: 0.1% of the bytes, and up to 8 in a file of 800 bytes or more
MAX_BAD, MIN_BAD = 0.001, 8
BINARY_HINT = "not a text file: binary or an encoding other than UTF-8/UTF-16/GB18030/Big5"


def decode(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """The text of a file's bytes, the codec that decoded it, and notes on bytes replaced."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _lenient_or_fail(data, codec, where)
    if b"\x00" in data:
        return _utf16_without_bom(data, where)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _detect(data, where)


def superset(label: str) -> str:
    """The codec to decode a declared or detected encoding with (gbk → gb18030, big5 → cp950)."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label
    return SUPERSETS.get(name, name)


def lenient(data: bytes, codec: str) -> tuple[str, int, int] | None:
    """The text with each undecodable byte run as U+FFFD, how many runs, and the first's
    byte; None (decoding stops early) past MAX_BAD of the bytes (MIN_BAD in a small file)."""
    _BAD.positions, _BAD.limit = [], max(int(MAX_BAD * len(data)), min(MIN_BAD, len(data) // 100))
    try:
        text = codecs.decode(data, codec, errors="govkg-count")
    except UnicodeDecodeError:
        return None
    bad = _BAD.positions
    # the BOM codecs strip their mark before decoding: positions are then counted after it
    shift = next((len(bom) for bom, name in BOMS if name == codec and data.startswith(bom)), 0)
    return text, len(bad), bad[0] + shift if bad else -1


def _count_and_replace(error: UnicodeDecodeError) -> tuple[str, int]:
    _BAD.positions.append(error.start)
    if len(_BAD.positions) > _BAD.limit:
        raise error  # the wrong codec, or not text: no need to read on
    return "\ufffd", error.end


_BAD = threading.local()  # the bad byte positions of the decode running in this thread
codecs.register_error("govkg-count", _count_and_replace)


def bad_bytes_note(count: int, first: int, codec: str) -> list[str]:
    if not count:
        return []
    return [f"{count} undecodable byte sequence{'s' if count > 1 else ''} replaced with U+FFFD "
            f"(read as {codec}; the first at byte {first})"]


def _lenient_or_fail(data: bytes, codec: str, where: str) -> tuple[str, str, list[str]]:
    decoded = lenient(data, codec)
    if decoded is None:
        raise InputError(f"not valid {codec} text (more than {MAX_BAD:.1%} of its bytes undecodable)",
                         where=where)
    text, count, first = decoded
    return text, codec, bad_bytes_note(count, first, codec)


def _utf16_without_bom(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """Text with NUL bytes and no BOM is UTF-16 when a byte order reads as Chinese text."""
    for codec in _utf16_orders(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and chinese_score(text[:SAMPLE]) >= PLAUSIBLE:
            return text, codec, []
    raise InputError("binary file (NUL bytes)", where=where)


def _utf16_orders(data: bytes) -> list[str]:
    """UTF-16 puts the zero high byte of ASCII characters on odd (LE) or even (BE) bytes; the
    other parity gets only the few hanzi whose low byte is zero (U+4E00 一). Chinese text with
    hardly any ASCII has too few zeros to tell: then both orders are worth a try."""
    if len(data) % 2:
        return []
    head = data[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < max(4, 0.005 * len(head)):
        return ["utf-16-le", "utf-16-be"]
    if min(even, odd) <= 0.2 * max(even, odd):
        return ["utf-16-le" if odd > even else "utf-16-be"]
    return []


def _detect(data: bytes, where: str) -> tuple[str, str, list[str]]:
    """The best-scoring decoding among UTF-8, the detector's candidates and the CJK families,
    a few bad bytes allowed; on equal scores the one with fewer bad bytes."""
    candidates = ["utf-8"] + [superset(m.encoding) for m in from_bytes(data)]
    best: tuple[float, int, str, str, int] | None = None
    for codec in dict.fromkeys(candidates + list(FALLBACKS)):
        try:
            decoded = lenient(data, codec)
        except LookupError:
            continue
        if decoded is None:
            continue
        text, count, first = decoded
        score = chinese_score(text[:SAMPLE])
        if score >= PLAUSIBLE and (best is None or (score, -count) > best[:2]):
            best = (score, -count, text, codec, first)
    if best is None:
        raise InputError(BINARY_HINT, where=where)
    score, count, text, codec, first = best
    return text, codec, bad_bytes_note(-count, first, codec)


def chinese_score(text: str) -> float:
    """Share of non-ASCII characters that are common hanzi (simplified or traditional) or
    CJK punctuation and full-width forms; 1.0 for pure ASCII."""
    other = "".join(_NON_ASCII.findall(text))  # a scan in C: this runs on every page of a PDF
    if not other:
        return 1.0
    return int(np.count_nonzero(_plausible(other))) / len(other)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_REPLACED = 0x3F  # `?`: what `replace` writes for a character a standard cannot encode


def _plausible(other: str) -> np.ndarray:
    """Per non-ASCII character: CJK punctuation, full-width forms, general punctuation (“” — …),
    or a common character of a national standard. The common characters sit in known rows:
    GB2312 punctuation and numbering A1–A2 and level-1 hanzi B0–D7 (~3,750 simplified), Big5
    level-1 hanzi A4–C6 (~5,400 traditional). Each standard encodes the whole text at once."""
    codes = np.frombuffer(other.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    gb, big5 = _lead_bytes(other, "gb2312"), _lead_bytes(other, "big5")
    return (_within(codes, 0x3000, 0x303F) | _within(codes, 0xFF00, 0xFFEF) | _within(codes, 0x2010, 0x206F)
            | _within(gb, 0xA1, 0xA2) | _within(gb, 0xB0, 0xD7) | _within(big5, 0xA4, 0xC6))


def _lead_bytes(other: str, codec: str) -> np.ndarray:
    """Each non-ASCII character's first byte in a national standard, `?` where it has none.
    Such a character takes two bytes in GB2312 and in Big5, neither of them `?`, and `replace`
    writes one `?` for each character it cannot encode: so between two `?`s the characters'
    first bytes stand at even offsets. (An error handler of our own would be called once for
    every such character, which costs more than the encoding.)"""
    data = np.frombuffer(other.encode(codec, "replace"), dtype=np.uint8)
    replaced = data == _REPLACED
    at = np.arange(len(data))
    run_start = np.maximum.accumulate(np.where(replaced, at + 1, 0))
    return data[replaced | ((at - run_start) % 2 == 0)]


def _within(values: np.ndarray, low: int, high: int) -> np.ndarray:
    return (values >= low) & (values <= high)
