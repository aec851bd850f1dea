"""Which lines belong to a member list: where one opens, what it passes over, where it ends.

A list opens at a line with a role label (`组长：王明厚 副市长`; 主任 and 副主任, everyday words of
prose, only before a person). Inside it, the reader of loaders.extract.groups.members passes
over page furniture (loaders.structure.furniture), lines with no Chinese (anti-copy strings),
an entry naming no one (`各县（区）人民政府县（区）长`), and a short line no reader takes
between two rows (a name the page mangled). After
it, lines about the group's office (办公室…, 成员单位…) are kept for the office's reader. A list
run on after its heading's colon (`…组成人员如下: 组长:温家宝 国务院总理`) starts a line of its
own. The words are in ontology/lexicon/groups.yaml and numbering.yaml.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.posts import title_length
from loaders.structure.furniture import is_furniture
from loaders.extract.groups.rows import LABEL, Span, line_rows

_LEX = lexicon()
# A numbered line (二、 (三) 4.) opens a new part of the text: no more about the list's office.
_NUMBERED = re.compile(rf"[ \t]*(?:[{_LEX['numbering.cn_digits']}]+、|\(|\d+[.、])")
_PROSE_LABELS = frozenset(_LEX.words("groups.prose_roles"))
_OFFICE_WORD = re.compile(_LEX.alternation("groups.office_words"))
_MEMBER_UNITS = _LEX.words("groups.member_units")


# An entry of the list that names no one: the heads of every body of a kind (各县市区人民政府
# 区长、县市长, 各县（区）人民政府县（区）长, 各成员单位分管负责同志). The list goes on after it.
_EVERY = re.escape(_LEX["groups.collective_first"])
_COLLECTIVE = re.compile(rf"[ \t]*{_EVERY}[\u4e00-\u9fff、()]{{3,40}}[ \t]*")
_COLLECTIVE_HEADS = _LEX.words("groups.collective_heads")


def collective(body: str, start: int, end: int) -> bool:
    line = _COLLECTIVE.fullmatch(body, start, end)
    last = re.sub(r"\([^()]*\)", "", body[start:end].strip().rsplit("、", 1)[-1])  # 县（区）长: 县长
    return line is not None and (title_length(last) > 0 or last.endswith(_COLLECTIVE_HEADS))


# `…组成人员如下: 组长:温家宝 国务院总理`: a list run on after its heading's colon; the label
# starts a line of its own.
_RUN_ON = re.compile(rf":[ \t]*(?=(?:{_LEX.alternation('groups.roles')})[ \t]*:)")
# What a line of a list never holds, but a sentence does.
_SENTENCE_MARKS = re.compile(r"[,;:]")


def lines_of(body: str) -> list[Span]:
    cuts = [m.end() for m in _RUN_ON.finditer(body)]
    lines, c = [], 0
    for m in re.finditer(r"[^\n]+", body):
        a, b = m.span()
        while c < len(cuts) and cuts[c] < b:
            if cuts[c] > a:
                lines.append((a, cuts[c]))
                a = cuts[c]
            c += 1
        lines.append((a, b))
    return [(a, b) for a, b in lines if body[a:b].strip()]


def garbled(body: str, lines: list[Span], i: int, role: str) -> bool:
    """A short line inside a list that no reader takes (a name the page mangled, `张?jiān拼?
    国防科工委主任`), between rows: the list goes on past it when the next line is a row of the
    same role. A line with sentence marks, about the office, or before a label is no row."""
    start, end = lines[i]
    if i + 1 >= len(lines) or end - start > 40 or _SENTENCE_MARKS.search(body, start, end):
        return False
    following = lines[i + 1]
    return (not about_office(body, start, end) and not LABEL.match(body, *following)
            and bool(line_rows(body, *following, role)))


def opens_block(body: str, start: int, end: int) -> bool:
    """A line with a role label; 主任/副主任 (common words in prose) only before a person."""
    label = LABEL.match(body, start, end)
    if not label:
        return False
    if label.group(1) not in _PROSE_LABELS or "\t" in body[start:end]:
        return True
    return bool(line_rows(body, start, end, ""))


def about_office(body: str, start: int, end: int) -> bool:
    """A line after a list that is about the group's office; a 成员单位 line between them too."""
    if _NUMBERED.match(body, start):
        return False
    return bool(_OFFICE_WORD.search(body, start, end)) or body[start:end].lstrip().startswith(_MEMBER_UNITS)


_DUTY = re.compile(rf"[ \t]*(?:{_LEX.alternation('groups.duty_labels')})[ \t]*:")  # 职责：
_TEAM = re.compile(rf"[ \t]*{_LEX['groups.team_label_pattern']}[ \t]*")  # 龙港片, 第二组


def passed_over(body: str, start: int, end: int) -> bool:
    """A line of a list that is no row of it: the duties of the role on the line above (职责：统筹…),
    or the name of the team whose rows follow (龙港片 / 组长：…)."""
    return _DUTY.match(body, start, end) is not None or _TEAM.fullmatch(body, start, end) is not None


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# A site's address (www.anquan.com.cn, http://…): the line is the page's, not the list's.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[A-Za-z0-9-]|\b[A-Za-z0-9-]+\.(?:com|net|org|gov|edu)(?:\.cn)?\b", re.I)


def furniture(body: str, start: int, end: int) -> bool:
    """A page number or running head printed where the list went on over a page break, a line
    with no Chinese at all (a mirror's anti-copy string, a rule of dashes), or one giving a
    site's name and address (安全文化网 www.anquan.com.cn)."""
    return (is_furniture(body[start:end]) or not _CHINESE.search(body, start, end)
            or bool(_WEB_ADDRESS.search(body, start, end)))
