"""Lines of a list with nothing between name and title (`组长:陈芸副省长`), or with no title.

`named_rows` reads names alone, apart by spaces or 、 (`副组长:王晓剑 谭志新`, `裘东耀、赵树梅`:
groups/label-line:names). `name_glued_row` reads a name written against the title after it
(groups/label-line:name-glued), as lists and news reports often print them. A name is two to
four characters, so a line like `张力民政厅副厅长` may part as 张力 + 民政厅副厅长
or 张力民 + 政厅副厅长; the title decides. Each way of parting is scored on what stands before
the title's last known words (副厅长) — the body the post is at:
- nothing (`副省长`), or a body opening with a jurisdiction (省 市 国务院 …: `省教育厅`): sure;
- a body whose name holds at least two characters before its suffix (`民政厅`, `人行成都分行`);
- anything else (`政厅`: one character and a suffix) is no body.
The surer parting wins; between two as sure, a three-character name, the commonest, unless
both titles stand alone or open with a jurisdiction, where the longer title wins (陈芸 +
副省长, not 陈芸副 + 省长). Suffixes and jurisdictions come from ontology/lexicon/agencies.yaml,
titles from ontology/gazetteer/titles.csv. A line holding one entry has no space and no
sentence mark.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.agency import SUFFIX
from loaders.spans.posts import is_person_name, surname_length, title_length
from loaders.extract.groups.row import Row, Span, after_label, is_name, trimmed

_LEX = lexicon()
_JURISDICTION = re.compile("(?:" + "|".join(_LEX.words("agencies.prefix_pattern")) + ")")
_SUFFIX_AT_END = re.compile(f"{SUFFIX}$")
_SURE, _PLAUSIBLE, _NO_BODY = 2, 1, 0
# What a line holding one entry never holds: sentence punctuation or a space.
_NOT_ONE_ENTRY = re.compile(r"[,;:。!?\s]")
NAME_GLUED, NAMES = "groups/label-line:name-glued", "groups/label-line:names"


def _body_score(title: str) -> int:
    """How surely `title` (the words after a name) is a post: by the body before its title."""
    first = title.split("、", 1)[0]
    size = title_length(first)
    if size < 2:
        return _NO_BODY
    org = first[:-size]
    if not org or _JURISDICTION.match(org):
        return _SURE
    suffix = _SUFFIX_AT_END.search(org)
    return _PLAUSIBLE if suffix and suffix.start() >= 2 else _NO_BODY


def name_then_title(text: str) -> int | None:
    """Where the name ends in `text` written as name + title (`陈芸副省长` → 2), or None when no
    parting gives a person's name and a known title at a body. Four characters only after a
    compound surname (欧阳)."""
    ranked = []
    for size in (2, 3, 4):
        name, title = text[:size], text[size:]
        if size == 4 and surname_length(name) < 2:  # 欧阳明辉; else a four-character name is rare
            continue
        if not is_person_name(name) or title_length(title) < 2 or is_person_name(title):
            continue
        score = _body_score(title)
        if score != _NO_BODY:
            ranked.append(((score, -size if score == _SURE else size == 3), size))
    return max(ranked)[1] if ranked else None


def name_glued_row(body: str, start: int, end: int, role: str) -> Row | None:
    """`组长:陈芸副省长`, `张力民政厅副厅长`: one entry, a name written against its title."""
    a, role = after_label(body, start, end, role)
    a, end = trimmed(body, a, end)
    if end - a > 40 or _NOT_ONE_ENTRY.search(body, a, end):
        return None
    size = name_then_title(body[a:end])
    return None if size is None else Row((a, a + size), [(a + size, end)], role, a, end, NAME_GLUED)


def named_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """`副组长:王晓剑 谭志新`, `副组长：裘东耀、赵树梅`: names alone, apart by spaces or 、, every
    word a person's name. Two single characters in a row are one name spaced out (`王 云`)."""
    pos, role = after_label(body, start, end, role)
    pos, end = trimmed(body, pos, end)
    names: list[Span] = []
    for m in re.finditer(r"[^ \t、,]+", body[pos:end]):
        a, b = pos + m.start(), pos + m.end()
        if names and b - a == 1 and names[-1][1] - names[-1][0] == 1:
            names[-1] = (names[-1][0], b)
        else:
            names.append((a, b))
    if not names or not all(is_name(body, a, b) or _is_spaced_name(body, a, b) for a, b in names):
        return []
    return [Row((a, b), [], role, a, b, NAMES) for a, b in names]


def _is_spaced_name(body: str, a: int, b: int) -> bool:
    return b - a == 3 and body[a + 1] in " \t" and is_person_name(body[a] + body[b - 1])
