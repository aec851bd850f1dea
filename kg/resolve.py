"""Agency names as written → canonical agencies, as recorded, visible decisions.

Each rule is a small function whose docstring is the explanation shown to a user; the
written form is never lost: a `Resolution` keeps it next to the canonical name with the list
of decisions that led from one to the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.spans.gazetteer import table
from loaders.text.normalize import normalize_key

_LEX = lexicon()
AGENCY_SUFFIXES = _LEX.words("agencies.resolve_suffixes")
PARENT_SUFFIXES = _LEX.words("agencies.parent_suffixes")
SUB_UNIT_SUFFIXES = _LEX.words("agencies.resolve_sub_unit_suffixes")
_LOCAL_PREFIX = re.compile(_LEX["agencies.local_prefix_pattern"])
COLLECTIVE_STARTS = _LEX.words("agencies.collective_starts")
COLLECTIVE_WORDS = _LEX.words("agencies.collective_words")
GROUP_ENDS = _LEX.words("agencies.group_ends")
GOVERNMENT_ENDS = _LEX.words("agencies.government_ends")
EVERYDAY_FORMS = _LEX.table("agencies.everyday_forms")
SHORT_ENDINGS = _LEX.table("agencies.short_endings")


@dataclass
class Resolution:
    written: str
    canonical: str
    kind: str = "department"
    known: bool = False
    decisions: list[str] = field(default_factory=list)
    parent: str | None = None

    @property
    def changed(self) -> bool:
        return normalize_key(self.written) != normalize_key(self.canonical)


@dataclass(frozen=True)
class Directory:
    """Known agencies in generic form (市水利局), with their official short forms."""

    aliases: dict[str, str]  # key of a generic alias or canonical → generic canonical
    kinds: dict[str, str]
    variants: dict[str, tuple[str, str]]  # written → (canonical, reason), OCR/typing variants

    def canonical_of(self, generic: str) -> str | None:
        return self.aliases.get(normalize_key(generic))


@lru_cache(maxsize=1)
def load_directory() -> Directory:
    aliases, kinds = {}, {}
    for row in table("agencies"):
        canonical = row["canonical"].strip()
        kinds[canonical] = (row.get("kind") or "department").strip()
        for alias in [canonical, *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                aliases[normalize_key(alias)] = canonical
    variants = {r["written"]: (r["canonical"], r.get("reason") or "variant")
                for r in table("variants") if r.get("written")}
    return Directory(aliases, kinds, variants)


def apply_variants(name: str, directory: Directory, decisions: list[str]) -> str:
    """OCR and typing variants (孟县 → 盂县) are replaced from the variants table, and say so."""
    for written, (canonical, reason) in directory.variants.items():
        if written in name and canonical not in name:
            name = name.replace(written, canonical)
            decisions.append(f"variant: {written} → {canonical} ({reason})")
    return name


def split_jurisdiction(name: str, jurisdiction: str | None) -> tuple[str | None, str]:
    """A name opening with a bare level (市水利局) belongs to the document's jurisdiction."""
    if jurisdiction and name.startswith(jurisdiction):
        return jurisdiction, name[len(jurisdiction):]
    if jurisdiction and _LOCAL_PREFIX.match(name) and jurisdiction.endswith(name[0]):
        return jurisdiction, name[1:]
    return None, name


def is_abbreviation(short: str, full: str) -> bool:
    """A short form keeps the full name's characters in order and its last character
    (市工信局 → 市工业和信息化局; 市发改委 → 市发展和改革委员会 by the 委 of 委员会)."""
    if len(short) >= len(full) or short[0] != full[0]:
        return False
    if short[-1] != full[-1] and not any(short.endswith(a) and full.endswith(b) for a, b in SHORT_ENDINGS.items()):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def parent_of(canonical: str) -> str | None:
    """A sub-unit (分局, 支队, 中心 …) is part of the agency its name starts with
    (阳泉市公安局西城分局 → 阳泉市公安局)."""
    if not canonical.endswith(SUB_UNIT_SUFFIXES):
        return None
    for i in range(len(canonical) - 2, 2, -1):
        head = canonical[:i]
        if head.endswith(PARENT_SUFFIXES):
            return _official_government(head, [])
    return None


def kind_of(name: str, directory: Directory, generic: str) -> str:
    if name.startswith(COLLECTIVE_STARTS) or any(w in name for w in COLLECTIVE_WORDS) or "、" in name[:3]:
        return "collective"
    if name.endswith(GROUP_ENDS):
        return "leading_group"
    if name.endswith(GOVERNMENT_ENDS):
        return "government"
    return directory.kinds.get(directory.canonical_of(generic) or "", "department")


class AgencyResolver:
    """Resolves written agency names within one run; remembers the full names it has seen so
    that a short form met later (市住建局) can be matched to one written out elsewhere."""

    def __init__(self, directory: Directory | None = None):
        self.directory = directory or load_directory()
        self.seen: set[str] = set()
        self._cache: dict[tuple[str, str | None], Resolution] = {}

    def observe(self, written: str, jurisdiction: str | None) -> None:
        level, generic = self._generic(written, jurisdiction, [])
        if len(generic) >= 5:
            self.seen.add(level + generic)

    def resolve(self, written: str, jurisdiction: str | None) -> Resolution:
        key = (written, jurisdiction)
        if key not in self._cache:
            self._cache[key] = self._resolve(written, jurisdiction)
        return self._cache[key]

    def _generic(self, written: str, jurisdiction: str | None, decisions: list[str]) -> tuple[str, str]:
        name = apply_variants("".join(written.split()), self.directory, decisions)
        jur, rest = split_jurisdiction(name, jurisdiction)
        if jur and not name.startswith(jur):
            decisions.append(f"jurisdiction: {name[0]} → {jur} (the issuer's)")
        return (jur[-1] if jur else ""), rest

    def _resolve(self, written: str, jurisdiction: str | None) -> Resolution:
        decisions: list[str] = []
        level, generic = self._generic(written, jurisdiction, decisions)
        kind = kind_of(written, self.directory, level + generic)
        if kind == "collective":
            return Resolution(written, "".join(written.split()), kind, False, decisions)
        full, known = self._expand(level + generic, decisions)
        prefix = jurisdiction[:-1] if level and jurisdiction else ""
        canonical = _official_government(prefix + full, decisions)
        return Resolution(written, canonical, kind, known, decisions, parent_of(canonical))

    def _expand(self, generic: str, decisions: list[str]) -> tuple[str, bool]:
        """The full generic name (市住房和城乡建设局) of a possibly short one (市住建局)."""
        found = self.directory.canonical_of(generic)
        if found:
            if normalize_key(found) != normalize_key(generic):
                decisions.append(f"alias: {generic} → {found} (gazetteer)")
            return found, True
        candidates = {c for c in set(self.directory.aliases.values()) | self.seen
                      if is_abbreviation(generic, c)}
        if len(candidates) == 1:
            full = candidates.pop()
            decisions.append(f"abbreviation: {generic} → {full} (characters in order, same suffix)")
            return full, full in set(self.directory.aliases.values())
        if len(candidates) > 1:
            decisions.append(f"unresolved: {generic} could be {' / '.join(sorted(candidates))}")
        return generic, False


def _official_government(name: str, decisions: list[str]) -> str:
    """`X政府` is the everyday form of the official `X人民政府`."""
    for everyday, official in EVERYDAY_FORMS.items():
        if name.endswith(everyday) and not name.endswith(official) and len(name) > len(everyday) + 1:
            full = name[:-len(everyday)] + official
            decisions.append(f"alias: {name} → {full} (official form)")
            return full
    return name
