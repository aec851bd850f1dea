"""The matching key of a name, apart from normalising so that the gazetteers (read with it) and
normalising (which reads titles from them) do not import each other."""

from __future__ import annotations

import unicodedata


def normalize_key(name: str) -> str:
    """The matching key of a name: NFKC, no spaces. Two written forms with one key are the same."""
    return "".join(unicodedata.normalize("NFKC", name).split())
