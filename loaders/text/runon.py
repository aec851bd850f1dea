"""Run-on text: a document whose paragraph breaks a crawl dropped, so that its whole outline
stands on one line (`…现提出以下意见。一、持续提升投资建设便利度(一)优化再造投资项目前期审批流程。…`),
or a member list its labels on one line (`召 集 人:A 交通运输部部长 B 中央政法委副秘书长副召集人:C …成  员:D …`).

The outline's numbers still mark where its parts begin: a number of a part (一、, (一), 1.)
right after the end of a sentence or of a closing bracket, or right after a heading that began
at such a number and has no sentence end of its own. Only a long line holding several such
numbers is taken to be run on: a paragraph that cites an item (依照第一条(二)项) has at most one.
Normalising puts a line break before each number, mapped to the raw character that follows,
so the outline reads as the document was written; so does a part's heading run into the first
item below it (`(一)全面控制污染物排放1.狠抓…`), in any line. The raw text stays as it was, and the
source's notes say how many breaks were put back. A line that opens with a group's role label
and its colon gets a break before each later label with its colon (the labels are
groups.yaml's roles, perhaps spaced to a width), and inside it a break before each person
whose entry the crawl ran on after the title of the one before (`副主任:周青松 区党工委委员、管委会
副主任陈东荣 区党工委委员…`): a name right after a known title, a space after the name; and before the
office's sentence run on after the last entry (`… 领导小组办公室设在…`).
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.posts import is_person_name, title_length

_CN = lexicon()["numbering.cn_digits"]
# After NFKC: the brackets are ASCII; 1. is a number only before no digit (not 6.5%); 1、 is one too.
_NUMBER = re.compile(rf"[{_CN}]{{1,3}}、|\([{_CN}]{{1,3}}\)|(?<![\d.])\d{{1,2}}(?:\.(?!\d)|、)")
_ENDS = "。;!?)"  # a sentence's end, or a bracket's (an item closed by its units: …负责)
_HEADING = 40  # characters: a heading between its number and the next part's is no longer
# A part's number and short heading, then the first number of the level below (三、主要任务(一)…,
# (一)全面控制污染物排放1.狠抓…; any item's where items are numbered through the document:
# (二)实施种业振兴行动4.安排…).
_HEADED = re.compile(rf"[ \t]*(?:[{_CN}]{{1,3}}、[^{_ENDS}:,\d]{{2,{_HEADING}}}?(?P<a>\({_CN[0]}\))"
                     rf"|\([{_CN}]{{1,3}}\)[^{_ENDS}:,\d]{{2,{_HEADING}}}?(?P<b>\d{{1,2}}\.(?!\d)|\(1\)))")
_LONG_LINE = 500  # characters: a run-on line holds a document, not a paragraph
_FEWEST = 3  # numbers at part starts that make a line run on
_LABELS = sorted(lexicon().table("groups.roles"), key=len, reverse=True)  # 副召集人 before 召集人
_OFFICE = tuple(lexicon().words("groups.office_words"))  # 办公室主任: the office's label, not the list's
# The office's sentence run on after the list's last entry (…曹宗雄(财保平潭支公司总经理) 领导小组办公室设在…).
_OFFICE_SEAT = re.compile(rf"(?<=[ \t])[^ \t:。,]{{0,12}}?{lexicon().alternation('groups.office_words')}"
                          rf"{lexicon().alternation('groups.office_seat_verbs')}")
_LABEL = re.compile("(?:" + "|".join(r"[ \t]*".join(label) for label in _LABELS) + r")[ \t]*:")
# The spaces between a person's name and title (郑 宇 岚城片区…: the name may be padded itself).
_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_REACH = 12
_FEWEST_LABELS = 3  # labels that make a list of a line that opens with other words


def run_on_breaks(text: str) -> list[int]:
    """Offsets of the normalised text where a dropped paragraph break stood."""
    breaks: list[int] = []
    start = 0
    for line in text.split("\n"):
        parts = [0]
        if len(line) >= _LONG_LINE:
            found = _part_starts(line)
            if len(found) >= _FEWEST:
                breaks += [start + at for at in found]
                parts += found
        breaks += [start + first for part in parts if (first := _first_item_after_heading(line, part)) is not None]
        if ":" in line:  # a label ends with its colon: most lines have none
            breaks += [start + at for at in _label_starts(line)]
        start += len(line) + 1
    return sorted(set(breaks))


def _label_starts(line: str) -> list[int]:
    """Where the later labels of a member list's line begin, when the line opens with one. A
    line with tabs is a table's row (two columns of a list, the office's cell beside them), and
    a label after 办公室 is the office staff's, written in its sentence."""
    if "\t" in line:
        return []
    indent = len(line) - len(line.lstrip(" \t"))
    labels = [m for m in _LABEL.finditer(line, indent) if not line.endswith(_OFFICE, 0, m.start())]
    if not labels or (labels[0].start() > indent and len(labels) < _FEWEST_LABELS):
        return []  # a list opens the line, or its labels are many (一、X组成人员主 任:A…副主任:B…委 员:C…)
    seat = _OFFICE_SEAT.search(line, labels[-1].end())
    return ([_label_start(line, m) for m in labels if m.start() > indent] + _entry_starts(line, labels[0].end())
            + ([seat.start()] if seat else []))


def _label_start(line: str, label: re.Match) -> int:
    """Where a label run on after the title before it begins: of the labels ending at its colon
    (副主任委员:, 委员:), the one after a whole title (管委会副主任 | 委 员:), else the longest."""
    for at in range(label.start() + 1, label.end() - 1):
        shorter = _LABEL.match(line, at)
        if shorter and shorter.end() == label.end() and title_length(line[max(0, at - _TITLE_REACH):at]) \
                and not title_length(line[max(0, label.start() - _TITLE_REACH):label.start()]):
            return at
    return label.start()


def _entry_starts(line: str, start: int) -> list[int]:
    """Where the entries of a list's line run on begin: a name right after a title, spaces after it."""
    starts = []
    for gap in _GAP.finditer(line, start):
        for size in (4, 3, 2):  # 陈东荣, 郑 宇 (padded), 林杰
            at = gap.start() - size
            name = line[at:gap.start()]
            if (at > start and _CJK.match(line, at - 1) and _CJK.match(name) and is_person_name(name.replace(" ", ""))
                    and not title_length(name) and title_length(line[max(0, at - _TITLE_REACH):at])):
                starts.append(at)
                break
    return starts


def _first_item_after_heading(line: str, at: int) -> int | None:
    """Where a part's first item begins when a copy ran it on after the part's heading
    (`(一)全面控制污染物排放1.狠抓重点排污行业…`): a number of a part, a short heading with no
    sentence end, then the first number of the level below."""
    m = _HEADED.match(line, at)
    return None if m is None else m.start("a") if m["a"] else m.start("b")


def _part_starts(line: str) -> list[int]:
    """Where the parts of a run-on line begin: at a number after an end, or after a heading
    that began at the number before."""
    starts: list[int] = []
    for m in _NUMBER.finditer(line):
        at = m.start()
        if at == 0:
            continue
        after_end = line[at - 1] in _ENDS
        after_heading = bool(starts) and at - starts[-1] <= _HEADING and not any(
            ch in _ENDS for ch in line[starts[-1]:at])
        if after_end or after_heading:
            starts.append(at)
    return starts
