"""Run-on text: a document whose paragraph breaks a crawl dropped, so that its whole outline
stands on one line (`…现提出以下意见。一、持续提升投资建设便利度(一)优化再造投资项目前期审批流程。…`),
or a member list its labels on one line (`召 集 人:A 交通运输部部长 B 中央政法委副秘书长副召集人:C …成  员:D …`).

The outline's numbers still mark where its parts begin: a number of a part (一、, (一), 1.)
right after the end of a sentence or of a closing bracket, or right after a heading that began
at such a number and has no sentence end of its own. Only a long line holding several such
numbers is taken to be run on: a paragraph that cites an item (依照第一条(二)项) has at most one.
Normalising puts a line break before each number, mapped to the raw character that follows,
so the outline reads as the document was written; the raw text stays as it was, and the
source's notes say how many breaks were put back. A line that opens with a group's role label
and its colon gets a break before each later label with its colon (the labels are
groups.yaml's roles, perhaps spaced to a width).
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon

_CN = lexicon()["numbering.cn_digits"]
# After NFKC: the brackets are ASCII; 1. is a number only before no digit (not 6.5%).
_NUMBER = re.compile(rf"[{_CN}]{{1,3}}、|\([{_CN}]{{1,3}}\)|(?<![\d.])\d{{1,2}}\.(?!\d)")
_ENDS = "。;!?)"  # a sentence's end, or a bracket's (an item closed by its units: …负责)
_HEADING = 40  # characters: a heading between its number and the next part's is no longer
_LONG_LINE = 500  # characters: a run-on line holds a document, not a paragraph
_FEWEST = 3  # numbers at part starts that make a line run on
_LABELS = sorted(lexicon().table("groups.roles"), key=len, reverse=True)  # 副召集人 before 召集人
_OFFICE = tuple(lexicon().words("groups.office_words"))  # 办公室主任: the office's label, not the list's
_LABEL = re.compile("(?:" + "|".join(r"[ \t]*".join(label) for label in _LABELS) + r")[ \t]*:")


def run_on_breaks(text: str) -> list[int]:
    """Offsets of the normalised text where a dropped paragraph break stood."""
    breaks: list[int] = []
    start = 0
    for line in text.split("\n"):
        if len(line) >= _LONG_LINE:
            found = _part_starts(line)
            if len(found) >= _FEWEST:
                breaks += [start + at for at in found]
        if ":" in line:  # a label ends with its colon: most lines have none
            breaks += [start + at for at in _label_starts(line)]
        start += len(line) + 1
    return sorted(set(breaks))


def _label_starts(line: str) -> list[int]:
    """Where the later labels of a member list's line begin, when the line opens with one. A
    line with tabs is a table's row (two columns of a list, the office's cell beside them), and
    a label after 办公室 is the office staff's, written in its sentence."""
    first = _LABEL.match(line.lstrip(" \t"))
    if first is None or "\t" in line:
        return []
    return [m.start() for m in _LABEL.finditer(line, len(line) - len(line.lstrip(" \t")) + first.end())
            if not line.endswith(_OFFICE, 0, m.start())]


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
