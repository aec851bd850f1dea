"""Pinyin of names, for skos:altLabel @zh-Latn-pinyin.

pypinyin's own converter takes ~220 µs per agency name here (segmentation and style passes in
Python), too slow for a million-triple export. This reads pypinyin's dictionaries directly:
each character gets its first reading, except inside a dictionary phrase that reads it
otherwise (局长 → jú zhǎng, 银行 → yín háng); those phrases are found in one Aho-Corasick pass
and the longest one wins. On the sample's names this gives the same syllables as
`lazy_pinyin(name, style=Style.TONE)`.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict


class _FirstReadings(dict):
    """char → its first reading, filled on first use."""

    def __missing__(self, char: str) -> str:
        readings = pinyin_dict.get(ord(char))
        self[char] = readings.partition(",")[0] if readings else char
        return self[char]


_FIRST = _FirstReadings()


@lru_cache(maxsize=1)
def _exceptions() -> ahocorasick.Automaton:
    """Phrases in which some character does not take its first reading."""
    automaton = ahocorasick.Automaton()
    for phrase, readings in phrases_dict.items():
        syllables = tuple(r[0] for r in readings)
        if len(syllables) == len(phrase) and any(_FIRST[c] != s for c, s in zip(phrase, syllables)):
            automaton.add_word(phrase, syllables)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1 << 16)
def pinyin(name: str) -> str:
    """Syllables with tone marks separated by spaces; characters without a reading stay."""
    out = [_FIRST[c] for c in name]
    matches = list(_exceptions().iter(name))
    if len(matches) > 1:  # shorter first, so the longest phrase has the last word
        matches.sort(key=lambda m: len(m[1]))
    for end, syllables in matches:
        out[end - len(syllables) + 1:end + 1] = syllables
    return " ".join(out)
