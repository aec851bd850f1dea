"""What the search index keeps of a node: its type, the name shown, a detail, and the forms
it is found by — its name, written forms, title, 文号 — with their pinyin (full and initials,
toneless) and the single characters and pairs of characters short queries look up."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from kg.schema import load_schema

TYPES = ("agency", "group", "official", "post", "task", "program", "river", "district", "document")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def entry(label: str, row: dict[str, Any]) -> dict[str, Any]:
    """What the index keeps of a node: its type, shown name and detail, and its forms."""
    kind = "group" if label == "Agency" and row.get("kind") == "leading_group" else label.lower()
    if label == "Task":
        name = row.get("heading") or (row.get("text") or "")[:40] or row["id"]
        detail, forms = f"{row.get('doc') or ''} 第{row.get('item') or '?'}项", [name, (row.get("text") or "")[:80]]
    elif label == "Document":
        name = row.get("title") or row.get("number") or row["id"]
        detail, forms = " ".join(str(row.get(k) or "") for k in ("number", "date")).strip(), [name, row.get("number"), row["id"]]
    else:
        name = row.get("name") or row.get("title") or row["id"]
        detail = row.get("jurisdiction") or row.get("title") or ""
        forms = [name, *(row.get("written") or []), row.get("title")]
    forms = list(dict.fromkeys(f.strip() for f in forms if isinstance(f, str) and f.strip()))
    spoken = [] if label in ("Task", "Document") else [pinyin_forms(f) for f in forms[:3] if _CJK.search(f)]
    words = list(dict.fromkeys(w for pair in spoken for w in pair))
    named = forms[:1] if label in ("Task", "Document") else forms  # a text is found by three characters or more
    return {"id": row["id"], "label": label, "type": kind, "name": name, "detail": detail, "forms": forms,
            "pinyin": words, "grams": " ".join(_grams(named) + words)}


@lru_cache(maxsize=1 << 18)
def pinyin_forms(text: str) -> tuple[str, str]:
    """(syllables run together, their initials), without tones: 水利局 → (shuiliju, slj)."""
    from kg.export.pinyin import pinyin

    syllables = [s for s in plain(pinyin(text)).split() if s.isascii() and s.isalpha()]
    return "".join(syllables), "".join(s[0] for s in syllables)


# toned vowels to plain letters, ü as v (as pinyin keyboards type it)
_TONES = str.maketrans({c: "v" if "\u0308" in unicodedata.normalize("NFD", c) else unicodedata.normalize("NFD", c)[0]
                        for c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"})


def plain(text: str) -> str:
    return text.translate(_TONES).lower()


def _grams(forms: list[str]) -> list[str]:
    """Single CJK characters and pairs of them, each once: tokens for short queries."""
    seen: dict[str, None] = {}
    for form in forms:
        chars = "".join(_CJK.findall(form))
        seen.update(dict.fromkeys(chars))
        seen.update(dict.fromkeys(chars[i:i + 2] for i in range(len(chars) - 1)))
    return list(seen)


def label_guess(node_id: str) -> str | None:
    """The label an id's prefix names (agency:…, as govkg.ids makes them); None for a document,
    keyed by its 文号."""
    prefix = node_id.partition(":")[0]
    return next((lab for lab in load_schema().nodes if lab.lower() == prefix), None)
