"""Traditional characters read as simplified, offset for offset, for matching only.

Some mainland texts are set in traditional characters (reprints, web mirrors, Hong Kong-facing
editions, scanned archives). Rules are written in simplified characters and match against
`to_simplified(text)`, which has the length of `text`, so every span found maps back to the
text as written and names are reported as written. The conversion is OpenCC's `t2s`, with its
phrase rules (乾隆 stays, 幹部 → 干部); where a phrase rule would change a line's length, that
line is converted character by character instead, which keeps the offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
# Characters that cannot be traditional: ASCII, punctuation and the common simplified forms
# OpenCC leaves as they are. One scan in C tells whether a text needs converting at all.
_MAYBE_TRADITIONAL = re.compile(r"[^\x00-\x7f]")
_LINE = re.compile(r"[^\n]*\n?")


def to_simplified(text: str) -> str:
    """`text` in simplified characters, the same length as `text`."""
    if _MAYBE_TRADITIONAL.search(text) is None:
        return text
    out = _T2S.convert(text)
    if len(out) == len(text):
        return out
    return "".join(_line(m.group()) for m in _LINE.finditer(text))


def _line(line: str) -> str:
    out = _T2S.convert(line)
    return out if len(out) == len(line) else "".join(map(_char, line))


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    out = _T2S.convert(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=1)
def traditional_chars() -> str:
    """Every CJK character that `to_simplified` changes (a character class's content)."""
    chars = [chr(c) for c in range(0x3400, 0xA000)]
    folded = _T2S.convert("\n".join(chars)).split("\n")  # one call; the breaks keep phrases apart
    return "".join(c for c, s in zip(chars, folded) if s != c and len(s) == 1)
