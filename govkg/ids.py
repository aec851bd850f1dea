"""Deterministic ids: the same canonical key gives the same id on every run and machine."""

from __future__ import annotations

import hashlib


def make_id(kind: str, *parts: object) -> str:
    """`kind:` followed by a short hash of the canonical key parts."""
    key = "\x1f".join(str(p) for p in parts)
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()
    return f"{kind.lower()}:{digest}"


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
