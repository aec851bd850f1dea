"""The group a member list belongs to when no heading above it names one.

Two fallbacks of loaders.extract.groups' list owner, after the heading and the groups set up
before the list: a heading that calls the group by the short name the text gave it in brackets
right after its name (Hong Kong's `基本法推广督导委员会(基广会)` … `基广会成员名单如下:`), and else
the last group the text mentions before the list in any sentence (委任李宗德为公民教育委员会主席。
… 名单如下:). A name found in a sentence starts after the sentence's words before it
(groups.yaml `name_before_chars`: 宣布委任四名基本法推广督导委员会 → 基本法推广督导委员会).
"""

from __future__ import annotations

import re

from loaders.extract.groups.names import GROUP_NAME, is_group, words
from loaders.lexicon import lexicon

Span = tuple[int, int]
_BRACKETED_SHORT = re.compile(r"\(([\u4e00-\u9fff]{2,6})\)")
_NAME_BEFORE = re.compile(rf"({GROUP_NAME})$")
_BEFORE_NAME = re.compile(f"[{lexicon()['groups.name_before_chars']}]")
_TYPE_WORD = re.compile(words("types"))
_SET_UP = re.compile(words("set_up_verbs"))
_TYPE_AT_END = re.compile(rf"{words('types', 'committee_short_names')}$")
_LIST_AFTER = re.compile(rf"{words('heading_people')}?{words('heading_list')}")
_REACH = 42  # characters before a type that a group's name may take
_LINES_ABOVE = 6  # as many lines above a list as loaders.extract.groups.names.heading_name reads


def bracketed_short_names(text: str) -> dict[str, Span]:
    """Each short name a document gives a group in brackets, with the span of the full name."""
    names: dict[str, Span] = {}
    for m in _BRACKETED_SHORT.finditer(text):
        if not _TYPE_AT_END.search(text, max(0, m.start() - 4), m.start()):
            continue  # the bracket does not follow a group's type
        if (span := _name_ending(text, m.start())) is not None:
            names.setdefault(m.group(1), span)
    return names


def short_name_heading(text: str, first_line: int, short: dict[str, Span]) -> Span | None:
    """The full name of the group a line above a list calls by its short name (基广会成员名单如下:)."""
    end, seen = first_line, 0
    while end > 0 and seen < _LINES_ABOVE:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end]
        if line.strip():
            seen += 1
            for name, span in short.items():
                at = line.find(name)
                if at >= 0 and _LIST_AFTER.match(line, at + len(name)):
                    return span
        end = start
    return None


def mentioned_before(text: str, at: int) -> Span | None:
    """The last group the text mentions before `at`, in any sentence; first the last one it
    names more than once, since a sentence's words may run into a bare 委员会 (我深信委员会能…)."""
    last = None
    for m in reversed(list(_TYPE_WORD.finditer(text, 0, at))):
        if (span := _name_ending(text, m.end())) is not None:
            if text.count(text[slice(*span)]) > 1:
                return span
            last = last or span
    return last


def _name_ending(text: str, end: int) -> Span | None:
    """The group's name ending at `end`, without the sentence's words before it."""
    full = _NAME_BEFORE.search(text, max(0, end - _REACH), end)
    if full is None:
        return None
    start = full.start(1)
    for cut in _BEFORE_NAME.finditer(text, start, end):
        start = cut.end()
    for verb in _SET_UP.finditer(text, start, end):  # 成立行政长官创新及策略发展顾问团: the name after the verb
        start = verb.end()
    return (start, end) if is_group(text[start:end]) else None
