"""Pinyin of names, for skos:altLabel @zh-Latn-pinyin.

pypinyin's own converter takes ~220 µs per agency name here (segmentation and style passes in
Python), too slow for a million-triple export. This reads pypinyin's dictionaries directly:
each character gets its first reading (one `str.translate`), except inside a dictionary
phrase that reads it otherwise (局长 → jú zhǎng, 银行 → yín háng); those phrases are found in
one Aho-Corasick pass and the longest one wins. On the sample's names this gives the same
syllables as `lazy_pinyin(name, style=Style.TONE)`.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    """code point → its first reading."""
    return {code: readings.partition(",")[0] for code, readings in pinyin_dict.items()}


@lru_cache(maxsize=1)
def _first_readings() -> dict[int, str]:
    """code point → its first reading between spaces, for str.translate."""
    return {code: f" {reading} " for code, reading in _readings().items()}


@lru_cache(maxsize=1)
def _exceptions() -> ahocorasick.Automaton:
    """Phrases in which some character does not take its first reading."""
    first = _readings()
    automaton = ahocorasick.Automaton()
    for phrase, readings in phrases_dict.items():
        syllables = tuple(r[0] for r in readings)
        if len(syllables) == len(phrase) and any(first.get(ord(c)) != s for c, s in zip(phrase, syllables)):
            automaton.add_word(phrase, syllables)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1 << 16)
def pinyin(name: str) -> str:
    """Syllables with tone marks separated by spaces; characters without a reading stay."""
    matches = list(_exceptions().iter(name))
    if not matches:
        return " ".join(name.translate(_first_readings()).split())
    first = _readings()
    out: list[str | None] = [first.get(ord(c)) for c in name]
    matches.sort(key=lambda m: len(m[1]))  # shorter first, so the longest phrase has the last word
    for end, syllables in matches:
        out[end - len(syllables) + 1:end + 1] = syllables
    # as the translate above does: a run of characters without a reading (20, ABC) stays one word
    spaced = "".join(f" {s} " if s else c for c, s in zip(name, out))
    return " ".join(spaced.split())
