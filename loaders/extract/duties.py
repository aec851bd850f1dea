"""Agency duties (职责): what a body is responsible for, as work plans and group notices state it.

Shapes (numbers such as `1.` or `（四）` may open any of them):
- a paragraph opening with a body and 负责: `市农业农村局负责农村地区散煤清零…；并制定…`,
  and a sentence so opening inside a paragraph (`…。市发改委负责落实…`);
- a duty table, under a heading that names 职责 (`…成员单位职责分工`, `（三）成员单位职责`):
  `市医保局：负责…`, `2. 市商务局。负责…`, where the text need not say 负责 (`协同落实…`);
- the table run into one paragraph: `各成员单位职责：市发改委：负责…；市财政局：负责…。`;
- a heading naming the body: `（一）领导小组工作职责` with the items under it, and
  `（四）县（区）人民政府职责。负责…`.
Only a clear body is a subject: a name ending with a body's suffix (局 委 办 中心 政府 …), never a
person, a post or a generic word (有关部门, 成员单位). A paragraph runs on over the line breaks of
the layout (`负责与省住\\n建厅积极沟通`) until a line ends a sentence or a new item begins.
Each duty is a TaskFact `duty-N` (N in document order) with the body as `responsible` and
the rivers its text names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract import extractor
from loaders.view import DocumentView
from loaders.records import Document, Evidence, Facts, TaskFact
from loaders.extract.tasks.roles import parse_roles

_SUFFIX = re.compile(
    r"(?:人民政府|政府|管委会|委员会|常委会|办公室|办公厅|领导小组|指挥部|法院|检察院|分局|总局|局|"
    r"委|办|厅|部|署|院|中心|支队|大队|队|所|站|处|公司|集团|银行|分行|支行|联合会|协会|工会|"
    r"妇联|残联|文联|侨联|工商联|科协|供销社)$")
_GENERIC = re.compile(r"(?:部门|单位|机构|企业|成员单位)$|^(?:各|有关|相关|其他|其它)(?:有关|相关)?(?:部门|单位)")
# Words and marks that never stand inside a body's name.
_NOT_IN_NAME = re.compile(r"[的要将在了是把被从向按须等并或其使可对为即由经、,，;；。:：\s\d]|负责|同志|牵头|"
                          r"实行|简称|以下|包括|其中|详见|参见|附件")
# A name opens with a place, a prefix or an organ's word, never with a verb of the sentence.
_VERB_FIRST = re.compile(r"^(?:落实|实行|加强|建立|做好|开展|推进|按照|根据|要求|确保|督促|指导|明确|强化|"
                         r"严格|认真|进一步|切实|全面|继续|积极|支持|鼓励|坚持|完善|健全|[(（])")
# 负责 as the verb of a duty, perhaps after an adverb; not 负责制 (a system), 负责人 or 负责同志.
_SAYS = r"(?:具体|主要|统一|全面|共同|分别)?负责(?![制人同])"
_ENUM = re.compile(r"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,3}[.、](?!\d)|\(\d{1,3}\)|[①-⑳])\s*")
_SENTENCE_END = "。;；!！?？:："
_SENTENCE_STOP = re.compile(r"[。;；]")  # where a sentence inside a paragraph may open a duty
_MAX_NAME = 30
# A subject: a name, then 负责 or a separator (： 。 or a tab) — the separator only in a table.
_HEAD = re.compile(rf"(?P<name>[^:：。\t\n]{{2,{_MAX_NAME}}}?)(?P<sep>[:：。\t]|(?={_SAYS}))")
_SAYS_DUTY = re.compile(rf"\s*{_SAYS}")
# 负责 with no object (`…设施。各区县人民政府负责落实。`): the body answers for the task before,
# a role of that task (loaders.extract.tasks.clauses), not a duty of its own.
_NO_OBJECT = re.compile(rf"{_SAYS}(?:落实|实施|组织实施)?")
_DUTY_HEADING = re.compile(r"(?P<owner>[^。;；\n]{0,40}?)(?:主要|工作)?职责(?:分工)?(?:如下)?(?P<sep>[:：。]|$)")


@dataclass
class _Paragraph:
    start: int
    end: int
    level: int | None  # 1 一、 2 （一） 3 1. 4 （1） 5 ①; None unnumbered; 0 附件
    text_start: int  # after the number


@dataclass
class _Section:
    level: int | None  # of its heading
    owner: str | None  # the body the heading names, whose items are its duties
    start: int  # the heading, where an owner's duty evidence starts (it names the body)


@extractor("duties")
def extract_duties(view: DocumentView) -> Facts:
    document, nlp_doc = view.document, view.doc
    """Every duty the document assigns to a body, with the paragraph as evidence. Minutes
    (纪要) record decisions: their `X负责…` are roles of the tasks decided (loaders.extract.tasks)."""
    if "纪要" in document.title:
        return Facts()
    return Facts(tasks=_Reader(document, nlp_doc).read())


def is_duty_subject(name: str) -> bool:
    """A body that can hold a duty: its name ends with a body's suffix and is no generic word."""
    name = "".join(name.split())
    return (2 <= len(name) <= _MAX_NAME and not _NOT_IN_NAME.search(name)
            and not _VERB_FIRST.match(name)
            and bool(_SUFFIX.search(name)) and not _GENERIC.search(name))


class _Reader:
    def __init__(self, document: Document, nlp_doc=None):
        self.document = document
        self.base, self.view = document.body_offset, document.simplified_body
        self.tasks: list[TaskFact] = []
        places = nlp_doc.spans.get("place", []) if nlp_doc is not None else []
        self.rivers = [(s.start_char, s.end_char) for s in places if s.label_ == "RIVER"]

    def _rivers(self, start: int, end: int) -> list[str]:
        """The rivers a duty's text names, as written."""
        names = [self.document.text.written(self.base + a, self.base + b)
                 for a, b in self.rivers if start <= a and b <= end]
        return list(dict.fromkeys(names))

    def read(self) -> list[TaskFact]:
        section: _Section | None = None
        for para in _paragraphs(self.view):
            if section is not None and _closes(section.level, para.level):
                section = None
            if (opened := self._heading(para)) is not None:
                section = opened
                continue
            found = self._segments(para.text_start, para.end, table=section is not None)
            if not found and section and section.owner and para.level is not None:
                self._duty(section.start, para.text_start, para.text_start, para.end, section.owner)
        return self.tasks

    def _heading(self, para: _Paragraph) -> _Section | None:
        """A 职责 heading opens a section: `成员单位职责分工`, `（一）领导小组工作职责`,
        `各成员单位职责：…` (a table run on), `（四）县（区）人民政府职责。负责…` (its own duty)."""
        if self.view.find("职责", para.text_start, para.end) < 0:  # every heading says it
            return None
        m = _DUTY_HEADING.match(self.view, para.text_start, para.end)
        if not m:
            return None
        owner = m["owner"] if is_duty_subject(m["owner"]) else None
        if m["sep"] == "。" and not owner:
            return None  # a sentence that ends with 职责, not a heading
        if owner and self._text_after(m.end(), para.end):
            self._duty(para.text_start, m.end("owner"), m.end(), para.end)
        else:
            self._segments(m.end(), para.end, table=True)
        return _Section(para.level, owner, para.text_start)

    def _segments(self, start: int, end: int, table: bool) -> int:
        """Duties of the subjects opening view[start:end] or a sentence in it; how many."""
        starts = [start] + [m.end() for m in _SENTENCE_STOP.finditer(self.view, start, end)]
        subjects = []
        for s in starts:
            while s < end and self.view[s].isspace():
                s += 1
            head = _HEAD.match(self.view, s, end)
            if not head or not is_duty_subject(head["name"]):
                continue
            sep = head["sep"]
            if _SAYS_DUTY.match(self.view, head.end()) or (table and sep):
                subjects.append((s, head.end("name"), head.end()))
        for n, (s, name_end, text_start) in enumerate(subjects):
            stop = subjects[n + 1][0] if n + 1 < len(subjects) else end
            self._duty(s, name_end, text_start, stop)
        return len(subjects)

    def _role_sentence(self, start: int, end: int) -> bool:
        """`县生态环境局负责，沿江各乡（镇）人民政府配合`: units and their verbs only, the roles of
        the task before (loaders.extract.tasks.clauses), no duty."""
        roles = parse_roles(self.view, start, end)
        return roles is not None and not roles.bare and not roles.empty()

    def _text_after(self, start: int, end: int) -> bool:
        return bool(self.view[start:end].strip(" \t\n。;；"))

    def _duty(self, start: int, name_end: int, text_start: int, end: int,
              owner: str | None = None) -> None:
        """A duty of the body at view[start:name_end] (or `owner`), text view[text_start:end]."""
        while text_start < end and self.view[text_start] in " \t\n":
            text_start += 1
        while end > text_start and self.view[end - 1] in " \t\n。;；,，":
            end -= 1
        if end <= text_start or _NO_OBJECT.fullmatch(self.view, text_start, end) or self._role_sentence(start, end):
            return
        written = lambda a, b: self.document.text.written(self.base + a, self.base + b)  # noqa: E731
        agency = owner or written(start, name_end)
        clause = re.search(r"[,，;；。]", self.view[text_start:end])
        heading_end = text_start + clause.start() if clause else end
        self.tasks.append(TaskFact(
            doc=self.document.key, item=f"duty-{len(self.tasks) + 1}", text=written(text_start, end),
            heading=written(text_start, heading_end), responsible=[agency], rivers=self._rivers(text_start, end),
            evidence=Evidence.of(self.document, self.base + start, self.base + end, "duties")))


def _closes(heading_level: int | None, level: int | None) -> bool:
    """A numbered paragraph at the heading's level or above ends a 职责 section; an unnumbered
    heading's table runs to the next 附件 or top-level item."""
    if level is None:
        return False
    if heading_level is None or heading_level == 0:
        return level <= 1
    return level <= heading_level


def _paragraphs(view: str) -> list[_Paragraph]:
    """Paragraphs: lines joined where the layout broke a sentence, each with its number level."""
    paragraphs: list[_Paragraph] = []
    open_end = False  # the last line ended inside a sentence
    for m in re.finditer(r"[^\n\f]+", view):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + len(line) - len(line.lstrip())
        end = start + len(stripped)
        level, text_start = _level(view, start, end)
        new_item = level is not None or _starts_subject(view, text_start, end)
        if paragraphs and open_end and not new_item:
            paragraphs[-1].end = end
        else:
            paragraphs.append(_Paragraph(start, end, level, text_start))
        open_end = stripped[-1] not in _SENTENCE_END
    return paragraphs


def _level(view: str, start: int, end: int) -> tuple[int | None, int]:
    if view.startswith("附件", start):
        return 0, start
    m = _ENUM.match(view, start, end)
    if not m:
        return None, start
    number = m.group().strip()
    if number[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return 5, m.end()
    if number.startswith("("):
        return (4 if number[1].isdigit() else 2), m.end()
    return (3 if number[0].isdigit() else 1), m.end()


def _starts_subject(view: str, start: int, end: int) -> bool:
    head = _HEAD.match(view, start, end)
    return bool(head) and is_duty_subject(head["name"])
