"""The gazetteers of `ontology/gazetteer/` as one Aho-Corasick matcher.

Tables (UTF-8 CSV, one header line):
- agencies.csv  canonical,aliases,kind,parent   (aliases `|`-separated: 市发改委|市发展改革委)
- districts.csv name,level,parent,variants
- rivers.csv    name,variants
- programs.csv  name,aliases
- variants.csv  written,canonical,kind,reason   (OCR and typing variants: 孟县 → 盂县)

Every name, alias and variant becomes a key; `Gazetteer.find` scans a string once and returns
the leftmost-longest hits, each with its label, its canonical name and the form written.
A variant keeps its reason so that a correction is a visible decision, never a silent one.
"""

from __future__ import annotations

import csv
import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

import ahocorasick_rs

from govkg.errors import SchemaError
from loaders.text.keys import normalize_key

# table → (label, name column, alternatives column, required columns)
TABLES = {
    "agencies": ("AGENCY", "canonical", "aliases", ("canonical", "aliases", "kind", "parent")),
    "districts": ("DISTRICT", "name", "variants", ("name", "level", "parent", "variants")),
    "rivers": ("RIVER", "name", "variants", ("name", "variants")),
    "programs": ("PROGRAM", "name", "aliases", ("name", "aliases")),
}
VARIANT_COLUMNS = ("written", "canonical", "kind", "reason")
KIND_LABEL = {"agency": "AGENCY", "district": "DISTRICT", "river": "RIVER", "program": "PROGRAM"}
LABEL_KIND = {label: kind for kind, label in KIND_LABEL.items()}


class Hit(NamedTuple):
    start: int
    end: int
    label: str  # AGENCY | DISTRICT | RIVER | PROGRAM
    canonical: str
    written: str  # the matched text


@dataclass(frozen=True)
class Entry:
    label: str
    canonical: str
    reason: str | None = None  # set when the key is an OCR/typing variant of the canonical


def _path(name: str):
    return files("ontology") / "gazetteer" / f"{name}.csv"


@lru_cache(maxsize=None)
def read_table(name: str, required: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """The rows of ontology/gazetteer/NAME.csv; warns when it holds no rows."""
    path = _path(name)
    if not path.is_file():
        raise SchemaError("gazetteer table is missing", where=str(path))
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise SchemaError(f"missing columns {', '.join(missing)}", where=str(path))
    rows = tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)
    if not rows:
        warnings.warn(f"gazetteer {path} is empty: nothing will match from it", stacklevel=2)
    return rows


def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of one of the tables named in TABLES (or `variants`)."""
    required = VARIANT_COLUMNS if name == "variants" else TABLES[name][3]
    return read_table(name, required)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _entries() -> dict[str, Entry]:
    """Every key with what it stands for; the first table to name a key keeps it."""
    entries: dict[str, Entry] = {}
    for name, (label, name_col, alt_col, _) in TABLES.items():
        for row in table(name):
            canonical = row[name_col]
            if not canonical:
                raise SchemaError(f"a row has no {name_col}", where=str(_path(name)))
            for key in [canonical, *_split(row[alt_col])]:
                entries.setdefault(normalize_key(key), Entry(label, canonical))
    for row in table("variants"):
        label = KIND_LABEL.get(row["kind"])
        if label is None:
            raise SchemaError(f"unknown kind {row['kind']!r} for {row['written']}",
                              where=str(_path("variants")), hint=f"known: {', '.join(KIND_LABEL)}")
        entries.setdefault(normalize_key(row["written"]),
                           Entry(label, row["canonical"], row["reason"] or "variant"))
    return entries


class Gazetteer:
    """All gazetteer keys in two automata, bodies and the rest, each scanned in one pass.

    Two layers, so that a body's name does not hide the place inside it: 阳泉市政府 is a body
    and also a mention of 阳泉市, as 阳泉市公安局 (which no table lists) is. The automata are
    ahocorasick_rs's, whose leftmost-longest search keeps its speed with thousands of keys
    (every county of the country) where a trie with linear child lists slows down.
    """

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        self._layers: list[tuple[list[str], ahocorasick_rs.AhoCorasick]] = []
        for layer in (lambda e: e.label == "AGENCY", lambda e: e.label != "AGENCY"):
            keys = [key for key, entry in entries.items() if layer(entry)]
            if keys:
                automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
                self._layers.append((keys, automaton))

    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits in text (per layer), in order of start."""
        hits = []
        for keys, automaton in self._layers:
            for index, start, end in automaton.find_matches_as_indexes(text):
                entry = self.entries[keys[index]]
                hits.append(Hit(start, end, entry.label, entry.canonical, keys[index]))
        return sorted(hits)

    def variant_reason(self, written: str) -> str | None:
        entry = self.entries.get(normalize_key(written))
        return entry.reason if entry else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer(_entries())
