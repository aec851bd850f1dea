"""Where responsibility clauses stand in a text, for the task extractors.

Reads a stretch of a plan's text and finds the clauses that say who leads, cooperates or is
responsible (their grammar is loaders.extract.tasks.roles): a clause in brackets after a task
(`（市水利局牵头，各县区政府负责）`, rule `tasks/bracket`), labelled lines under it (`责任单位：…` /
`完成时限：…`, rule `tasks/label:责任单位`), where consecutive labelled lines make one clause and
a list broken by the layout runs on to the next line, or the sentence closing its paragraph
(`…。各区县人民政府负责落实。`, rule `tasks/closing`). A bracket that holds prose, or a bare list
not at a line's end, is no clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.tasks.roles import (DEADLINE_LABEL, DEADLINE_LABELS, LABEL_ROLE, PERSON_LABEL, PERSON_LABELS,
                                         ROLE_LABELS, Roles,
                                         parse_roles)
from loaders.extract.tasks.brackets import ROLE_HINT, bracket_roles, wrapped_hint
from loaders.extract.tasks.units import whole_end
from loaders.extract.groups.rows import is_member_row
from loaders.lexicon import lexicon
from loaders.structure.outline import NUMBER
from loaders.spans.agency import is_agency
from loaders.spans.posts import is_person_name

_LEX = lexicon()
# At a line's start, or closing an item's paragraph after its last sentence (`…复绿。责任单位：…`).
# The rules a document states once for all its tasks (列第一位者为牵头单位, 其余为配合单位).
_DOCUMENT_RULE = re.compile("|".join(_LEX[f"roles.{name}_pattern"]
                                     for name in ("lead_first", "others_cooperate", "responsible_leads")))
# 任务分工：X负责，Y总牵头: a label over a sentence of units and their verbs.
_DIVISION_LABELS = _LEX.alternation("roles.division_labels")
_DIVISION_LABEL = re.compile(_DIVISION_LABELS)
# A sub-item may be the label itself (（三）责任单位：市自然资源局，储备中心。): its number opens the line.
_SUB_ITEM = rf"{NUMBER}?[ \t]*"
LABEL_LINE = re.compile(rf"(?m)(?:^[ \t]*{_SUB_ITEM}|(?<=。))(?P<label>{ROLE_LABELS}|{DEADLINE_LABELS}|{PERSON_LABELS}"
                        rf"|{_DIVISION_LABELS})\s*:")
_LINE_END = re.compile(r"[。;.]?[ \t]*(?:\n|$)")
# A clause's bracket: （…）, 〔…〕, 【…】 or a web copy's […] (closed by any: `[…负责落实)]`).
_OPENERS = "(（〔【["
_BRACKET = re.compile(r"[(（)）〔〕【】\[\]]")
_OPEN = re.compile(rf"[{re.escape(_OPENERS)}]")
_CLOSING_VERBS = _LEX.alternation("roles.closing_verbs")
# A line that opens a new item or sentence, not the rest of a list broken by the layout.
_NOT_RUN_ON = re.compile(rf"[。:]|^[(（\d{_LEX['numbering.cn_digits']}]")
_LIST_CUTS = re.compile(r"[、,，;；:]")
_RUN_ON_LINE = 60  # a longer next line is prose, not the rest of a list
_LABEL_RULE = "tasks/label:"
_CUT_CLAUSE = 200  # a clause the text's end cuts is shorter than this
_ROLE_LABEL_WORDS = tuple(LABEL_ROLE)  # a labelled clause's rule names its first role label, if any


@dataclass
class Clause:
    start: int  # the clause's span, brackets included
    end: int
    roles: Roles
    own_line: bool  # nothing else stands on the clause's line(s)
    rule: str  # the rule that read it: tasks/bracket, tasks/label:责任单位, tasks/closing


# The last sentence of an item's paragraph that only says who answers for it
# (`…设施。各区县人民政府负责落实。`, `…。市水利局牵头，市财政局配合。`).
# Units and their verb, nothing else: a short bracket may stand in a name (各乡(镇)).
_UNITS = r"(?:[^。;:\n()]|\([^()\n]{1,6}\))"
_CLOSING_SENTENCE = re.compile(rf"(?<=[。;])[ \t]*({_UNITS}{{2,80}}?{_CLOSING_VERBS})[。;]?[ \t]*(?=\n|$)")


def find_clauses(text: str, start: int, end: int) -> list[Clause]:
    """The responsibility clauses in text[start:end], in order."""
    found = _bracketed(text, start, end) + _labelled(text, start, end) + _closing_sentences(text, start, end)
    return _outermost(sorted(found, key=lambda c: c.start))


def _outermost(clauses: list[Clause]) -> list[Clause]:
    """The clauses no other holds: `（牵头单位：A。配合单位：B）` is one bracket, not also a
    labelled line after its 。."""
    kept: list[Clause] = []
    for clause in clauses:
        if not kept or clause.start >= kept[-1].end:
            kept.append(clause)
    return kept


def _closing_sentences(text: str, start: int, end: int) -> list[Clause]:
    """Sentences that close a paragraph with its units and their verbs, and say nothing else."""
    clauses = []
    for m in _CLOSING_SENTENCE.finditer(text, start, end):
        roles = parse_roles(text, *m.span(1))
        if roles and not roles.empty() and not roles.bare:
            clauses.append(Clause(m.start(1), m.end(), roles, False, "tasks/closing"))
    return clauses


def _closing(text: str, i: int, limit: int) -> int | None:
    """Offset of the bracket closing the one opened at i (looking at brackets only)."""
    depth = 0
    for m in _BRACKET.finditer(text, i, min(limit, i + 400)):
        if m.group() in _OPENERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return None


def _own_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _LINE_END.match(text, end) is not None


def _bracketed(text: str, start: int, end: int) -> list[Clause]:
    clauses = []
    opened = _OPEN.search(text, start, end)
    while opened:
        i = opened.start()
        close = _closing(text, i, end)
        if close is None:
            clauses += _cut_by_end(text, i, end)
            opened = _OPEN.search(text, i + 1, end)
            continue
        at_line_end = _LINE_END.match(text, close + 1) is not None
        roles = None
        if ROLE_HINT.search(text, i + 1, close) or at_line_end or wrapped_hint(text, i + 1, close):
            roles = bracket_roles(text, i + 1, close)
        if roles and (not roles.bare or (at_line_end and not _after_name(text, i) and not _after_number(text, i))):
            clauses.append(Clause(i, close + 1, roles, _own_line(text, i, close + 1), "tasks/bracket"))
            opened = _OPEN.search(text, close + 1, end)
        else:
            opened = _OPEN.search(text, i + 1, end)
    return clauses


def _cut_by_end(text: str, i: int, end: int) -> list[Clause]:
    """A bracket the end of the text cuts (`…。（牵头单位：省发展改革委；责任单位：省编办、省住`,
    a stored page's excerpt): a clause of its whole parts, the piece the cut broke left out."""
    rest = text[i + 1:end].rstrip()
    if "\n" in rest or len(rest) > _CUT_CLAUSE or not ROLE_HINT.search(rest):
        return []
    roles = parse_roles(text, i + 1, whole_end(text, i + 1, i + 1 + len(rest)))
    if roles is None or roles.empty() or roles.bare:
        return []
    return [Clause(i, i + 1 + len(rest), roles, _own_line(text, i, i + 1 + len(rest)), "tasks/bracket:cut")]


def _after_name(text: str, i: int) -> bool:
    """`何伟森（市市政局）`: a bare list after a person's name alone on its line is a member
    list's row (a name and the body the person comes from), no task's clause; so is one in a
    line of such rows (`副组长：李四（市纪委）、赵六（市委宣传部）`, loaders.extract.groups)."""
    line_start, line_end = text.rfind("\n", 0, i) + 1, text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    return (is_person_name("".join(text[line_start:i].split()))
            or is_member_row(text, line_start, line_end) or _among_member_rows(text, line_start, line_end))


# two or three characters (a name; 完成改造 is a task's words) and one body (no list of units)
_NAME_AND_BODY = re.compile(r"\s*(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})\s*\([^()\n、,]{2,20}\)\s*")


def _among_member_rows(text: str, start: int, end: int) -> bool:
    """A line of a name and a body in brackets (`李为民（市检察院）`) next to a line of a person's
    so written: a row of the same member list, though its name reads as words too (为, 其)."""
    if not _NAME_AND_BODY.fullmatch(text, start, end):
        return False
    before = text.rfind("\n", 0, max(start - 1, 0)) + 1
    after_end = text.find("\n", end + 1)
    neighbours = [(before, start - 1)] if start > 0 else []
    neighbours += [(end + 1, len(text) if after_end < 0 else after_end)] if end < len(text) else []
    return any((m := _NAME_AND_BODY.fullmatch(text, a, b)) and is_person_name("".join(m["name"].split()))
               for a, b in neighbours)


_NUMBER_BEFORE = re.compile(r"\d[\d\-－ ]{4,}$")


def _after_number(text: str, i: int) -> bool:
    """`12314（水利部）`: a bare list after a telephone number names whose number it is."""
    return _NUMBER_BEFORE.search(text, text.rfind("\n", 0, i) + 1, i) is not None


def _runs_on(text: str, line_start: int, line_end: int, end: int) -> int | None:
    """End of the next line when it continues a list broken across lines (市科技 / 局，平定县…)."""
    following = line_end
    while following < end and text[following].isspace():
        following += 1
    next_end = text.find("\n", following, end)
    next_end = end if next_end < 0 else next_end
    line = text[following:next_end]
    if following >= end or len(line) > _RUN_ON_LINE or _NOT_RUN_ON.search(line):
        return None
    last = _LIST_CUTS.split(text[line_start:line_end])[-1].strip()
    closed = _last_char(text, line_end)
    if closed and closed in "。;":  # the list ends with its sentence: the next line is no part of it
        return None
    if closed in ("、", ",") or not is_agency(last):
        return next_end
    return None


def _labelled(text: str, start: int, end: int) -> list[Clause]:
    """责任单位:… / 完成时限:… lines; consecutive ones make one clause; a broken list runs on."""
    clauses: list[Clause] = []
    for m in LABEL_LINE.finditer(text, start, end):
        line_end = text.find("\n", m.end(), end)
        line_end = end if line_end < 0 else line_end
        label = m.start("label")  # after a sub-item's number that opens the line
        if not DEADLINE_LABEL.match(text, label):
            longer = _runs_on(text, m.end(), line_end, end)
            line_end = longer or line_end
        previous = clauses[-1] if clauses else None
        if PERSON_LABEL.match(text, label):  # 牵头领导：张三 between labelled lines: no units
            if previous and not text[previous.end:label].strip():
                previous.end = line_end
            continue
        division = _DIVISION_LABEL.fullmatch(m["label"]) is not None
        roles = parse_roles(text, m.end() if division else label, _before_stop(text, m.end(), line_end))
        if roles is None:
            continue
        if previous and not text[previous.end:label].strip():
            _merge(previous.roles, roles)
            previous.end = line_end
            if m["label"] in LABEL_ROLE and not previous.rule.endswith(_ROLE_LABEL_WORDS):
                previous.rule = _LABEL_RULE + m["label"]  # named by its first role label
        else:
            clauses.append(Clause(label, line_end, roles, True, _LABEL_RULE + m["label"]))
    for clause in clauses:
        _take_role_line(text, clause, end)
    return clauses


# A line of units and their verb alone (`各设区市人民政府按属地负责落实。`)
_ROLE_LINE = re.compile(rf"[ \t]*({_UNITS}{{2,60}}?{_CLOSING_VERBS})[。;]?[ \t]*(?=\n|$)")


def _take_role_line(text: str, clause: Clause, end: int) -> None:
    """The line right under labelled lines that names more units with their verb joins them."""
    at = clause.end
    while at < end and text[at] in " \t\n":
        at += 1
    line = _ROLE_LINE.match(text, at, end)
    roles = line and parse_roles(text, *line.span(1))
    if roles and not roles.empty() and not roles.bare:
        _merge(clause.roles, roles)
        clause.end = line.end()


def _before_stop(text: str, start: int, end: int) -> int:
    """End of a labelled list without the full stop that closes its paragraph (`…配合。`), nor
    the document's rule stated in brackets after it (`…工商联（列第一位者为牵头或汇总单位，下同）`),
    which the plan reads for every task (loaders.extract.tasks.plan)."""
    while end > start and text[end - 1] in " \t。;.":
        end -= 1
    opened = text.rfind("(", start, end)
    if text[end - 1:end] == ")" and opened > start and _DOCUMENT_RULE.search(text, opened, end):
        end = opened
    return end


def _last_char(text: str, end: int) -> str:
    j = end - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _merge(into: Roles, other: Roles) -> None:
    for role in ("lead", "cooperate", "responsible"):
        into.add(role, getattr(other, role))
    into.deadline = into.deadline or other.deadline
    into.listed = into.listed and other.listed
