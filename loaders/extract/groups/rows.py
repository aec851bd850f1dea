"""One line of a member list read as rows: who, with which title, in which role.

A line is an optional role label (`组长：`, `领导小组副组长：`, `指 挥 长：` — loaders.extract.groups.row)
and a run of entries after it, read by the one grammar of loaders.extract.groups.entries:
`组长:雷健坤 市长`, `副组长：张三（市政府副秘书长）、李四（…）`, `市人民政府市长 张宏伟`,
`成员：县应急管理局局长杨正清、县气象局局长石秀英。`, `组长:陈芸副省长`, `副组长:王晓剑 谭志新`,
`1.王五 市发改委主任`, `李雄 副州长6 s; H/` (a mirror's anti-copy string dropped). A line
without a label keeps the role it is given, the last one seen. A line may hold several labelled
runs (`指挥长：A（…）；副指挥长：B（…）`, `组长：王强 市长　　副组长：李军 副市长`). Each row
names the rule of its entry's order (groups/label-line, …:brackets, …:pairs, …:glued,
…:name-glued, …:names).
"""

from __future__ import annotations

import re

from loaders.spans.posts import is_person_name
from loaders.extract.groups.entries import BRACKETS, read_entries
from loaders.extract.groups.row import LABEL, PERSON, ROLE_OF, Row, Span, after_label
from loaders.lexicon import lexicon

__all__ = ["LABEL", "PERSON", "ROLE_OF", "Row", "Span", "line_rows", "labelled_runs", "is_member_row",
           "titled_by_label", "titling_label"]
# 非官方成员, 当然成员: labels that say what kind of member their people are, their title.
_TITLING_LABELS = frozenset(lexicon().words("groups.titling_labels"))
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Where a line's labelled runs part: a ;, or spaces before a label that a colon closes.
_RUN_BREAK = re.compile(rf";|[ \t]+(?=(?:{'|'.join(map(re.escape, ROLE_OF))})[ \t]*:)")


def line_rows(body: str, start: int, end: int, role: str) -> list[Row]:
    """The rows of one line of a list, after its label if it has one; none when the words after
    the label are no run of entries."""
    a, role = after_label(body, start, end, role)
    entries = read_entries(body, a, end)
    rows = [Row(e.name, [e.title] if e.title else [], role, e.start, e.end, e.rule) for e in entries or ()]
    if (label := titling_label(body, start, end)) is not None:
        for row in rows:
            titled_by_label(body, row, label)
    return rows


def titling_label(body: str, start: int, end: int) -> Span | None:
    """The label opening the line when it says what kind of member its people are (非官方成员)."""
    label = LABEL.match(body, start, end)
    return label.span(1) if label and label.group(1) in _TITLING_LABELS else None


def titled_by_label(body: str, row: Row, label: Span) -> None:
    """非官方成员：王英伟（副主席）、陈智思: a label saying what kind of member its people are is the
    title of each, and a role beside a name (副主席) is the person's role in the group."""
    written = "".join(body[a:b] for a, b in row.title_spans)
    if written and written not in ROLE_OF:
        return  # a post of the person's own
    if written:
        row.role = ROLE_OF[written]
    row.title_spans = [label]


def is_member_row(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is a line of a member list with the posts or bodies of people in
    brackets (`副组长：李四（市纪委）、赵六（市委宣传部）`): every entry a person's name and its
    bracket, so no bracket is a task's clause naming units (loaders.extract.tasks)."""
    rows = line_rows(body, start, end, "")
    return bool(rows) and all(r.rule == BRACKETS and is_person_name("".join(body[slice(*r.name)].split()))
                              for r in rows)


def labelled_runs(body: str, start: int, end: int) -> list[Span]:
    """`指挥长：A（…）；副指挥长：B（…）；成员：…`, `组长：王强 市长　　副组长：李军 副市长`: a line
    holding several labelled runs, apart by ; or by spaces before a label and its colon."""
    runs, left = [], start
    for m in _RUN_BREAK.finditer(body, start, end):
        if _CJK.search(body, left, m.start()) and LABEL.match(body, m.end(), end):  # not a label's number (1. 组长:)
            runs.append((left, m.start()))
            left = m.end()
    return runs + [(left, end)]
