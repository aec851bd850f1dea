"""`places/again`: a river the document has shown to be one (a table, a list, a chief's line)
is that river wherever else the document names it (`实施东风渠清淤疏浚`), but for the place named
after it (浉河区). A two-character name only where nothing joins it on the left (推进汀江治理):
李汀江 is a person.
"""

from __future__ import annotations

import re

from loaders.spans.places.names import Place, bounded_left
from loaders.spans.places.words import PLACE_AFTER_RIVER

RULE = "places/again"


def named_again(text: str, found: list[Place], taken: set[int]) -> list[Place]:
    """The other mentions of the rivers `found`, outside them and the known places (`taken`)."""
    names = {text[p.start:p.end] for p in found if p.label == "RIVER"}
    if not names:
        return []
    covered = taken | {i for p in found for i in range(p.start, p.end)}
    # one pass over the text for all the names, the longest first where they overlap
    mentions = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    again = []
    for m in mentions.finditer(text):
        a, b = m.span()
        if a not in covered and b - 1 not in covered and text[b:b + 1] not in PLACE_AFTER_RIVER \
                and (b - a >= 3 or bounded_left(text, a)):
            again.append(Place(a, b, "RIVER", RULE))
    return again
