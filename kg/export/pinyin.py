"""Pinyin of names, for skos:altLabel @zh-Latn-pinyin.

pypinyin's own converter takes ~220 µs per agency name here (segmentation and style passes in
Python), too slow for a million-triple export. This reads pypinyin's dictionaries directly:
each character gets its first reading (one `str.translate`), except inside a dictionary
phrase that reads it otherwise (局长 → jú zhǎng, 银行 → yín háng); those phrases are looked up
at each character by the lengths of the phrases that start with it, and the longest one wins.
(An Aho-Corasick automaton over the 8,756 phrases is slower here: ~1.5 µs per character.)
On the sample's names this gives the same syllables as `lazy_pinyin(name, style=Style.TONE)`.
"""

from __future__ import annotations

from functools import lru_cache

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
def _exceptions() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]]]:
    """Phrases in which some character does not take its first reading, and for each
    character the lengths of those phrases that start with it."""
    first = _readings()
    phrases: dict[str, tuple[str, ...]] = {}
    for phrase, readings in phrases_dict.items():
        syllables = tuple(r[0] for r in readings)
        if len(syllables) == len(phrase) and any(first.get(ord(c)) != s for c, s in zip(phrase, syllables)):
            phrases[phrase] = syllables
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return phrases, {c: tuple(sorted(sizes)) for c, sizes in lengths.items()}


def _phrases_in(name: str) -> list[tuple[int, tuple[str, ...]]]:
    """(start, syllables) of every exception phrase in `name`, by start then length."""
    phrases, lengths = _exceptions()
    found = []
    for start, char in enumerate(name):
        for size in lengths.get(char, ()):
            syllables = phrases.get(name[start:start + size])
            if syllables:
                found.append((start, syllables))
    return found


@lru_cache(maxsize=1 << 16)
def pinyin(name: str) -> str:
    """Syllables with tone marks separated by spaces; characters without a reading stay."""
    matches = _phrases_in(name)
    if not matches:
        return " ".join(name.translate(_first_readings()).split())
    first = _readings()
    out: list[str | None] = [first.get(ord(c)) for c in name]
    matches.sort(key=lambda m: len(m[1]))  # shorter first, so the longest phrase has the last word
    for start, syllables in matches:
        out[start:start + len(syllables)] = syllables
    # as the translate above does: a run of characters without a reading (20, ABC) stays one word
    spaced = "".join(f" {s} " if s else c for c, s in zip(name, out))
    return " ".join(spaced.split())
