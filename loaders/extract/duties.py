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
Each duty is a TaskFact named by the item it stands in and its count there (`二-d1`, `三(一)2-d1`;
`0-d1` outside any numbered item: the numbering of tasks with a `d` for duty), with its body in
the role the verb it opens with gives (负责牵头 leads, 负责配合 cooperates, 负责… answers for it:
responsible) and the rivers its text names; its rule is `duties/paragraph` (a body opening a paragraph or a
sentence with 负责), `duties/table` (a row under a 职责 heading) or `duties/heading` (the items
under a heading that names their body). The words are in ontology/lexicon/roles.yaml, the
suffixes of bodies in agencies.yaml, the numbering in the view's outline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from loaders.extract import extractor
from loaders.extract.tasks.marks import WordMarks
from loaders.extract.tasks.roles import parse_roles
from loaders.lexicon import lexicon
from loaders.records import Facts, TaskFact
from loaders.view import DocumentView

_LEX = lexicon()
# A body's name ends with one of the suffixes of agencies.yaml (or 科协 …).
_SUFFIX = re.compile(_LEX.alternation("agencies.long_suffixes", "agencies.short_suffixes_pattern",
                                      "roles.duty_suffixes") + "$")
_GENERIC = re.compile(_LEX["roles.generic_pattern"])
# Words and marks that never stand inside a body's name.
_NOT_IN_NAME = re.compile(rf"{_LEX.chars('roles.not_in_name_chars')}|[、,，;；。:：\s\d]"
                          rf"|{_LEX.alternation('roles.not_in_name_words')}")
# A name opens with a place, a prefix or an organ's word, never with a verb of the sentence.
_VERB_FIRST = re.compile(rf"^(?:{_LEX.alternation('roles.not_first_words')}|[(（])")
# 负责 as the verb of a duty, perhaps after an adverb; not 负责制 (a system), 负责人 or 负责同志.
_SAYS = (rf"{_LEX.alternation('roles.duty_adverbs')}?{_LEX.alternation('roles.answer_verb')}"
         rf"(?![{_LEX['roles.not_a_verb_after']}])")
_SENTENCE_END = "。;；!！?？:："
_SENTENCE_STOP = re.compile(r"[。;；]")  # where a sentence inside a paragraph may open a duty
_CLAUSE_STOP = re.compile(r"[,，;；。]")  # a duty's heading is its first clause
_LINE = re.compile(r"[^\n\f]+")
_MAX_NAME = 30
# A subject: a name, then 负责 or a separator (： 。 or a tab) — the separator only in a table.
_HEAD = re.compile(rf"(?P<name>[^:：。\t\n]{{2,{_MAX_NAME}}}?)(?P<sep>[:：。\t]|(?={_SAYS}))")
_SAYS_DUTY = re.compile(rf"\s*{_SAYS}")
# 市发展改革委、市教育局(等部门)负责…: several bodies, each a subject of the duty; the verb follows
# the list, or a clause of manner after its word for their kind, or a table's colon.
_LIST_NAME = rf"[^、:：。;；\t\n,，]{{2,{_MAX_NAME}}}"
_LIST_HEAD = re.compile(rf"(?P<names>{_LIST_NAME}(?:、{_LIST_NAME}?)+?)"
                        rf"(?P<tail>{_LEX['roles.duty_list_tail_pattern']})?"
                        rf"(?:(?P<sep>[:：])|(?(tail)[^。;；:：\n]{{0,60}}?)(?={_SAYS}))")
# 负责 with no object (`…设施。各区县人民政府负责落实。`, `…各县（区）政府、开发区管委会负责）` closing
# the bracket of a task broken over lines): the body answers for the task before,
# a role of that task (loaders.extract.tasks.clauses), not a duty of its own.
_NO_OBJECT = re.compile(rf"{_SAYS}{_LEX.alternation('roles.no_object')}?[)）]*")
_DUTY_HEADING = re.compile(rf"(?P<owner>[^。;；\n]{{0,40}}?){_LEX['roles.duty_heading_pattern']}"
                           rf"(?P<sep>[:：。]|$)")
_MINUTES = _LEX.words("roles.minutes_titles")
_REGULATION = re.compile(_LEX["roles.regulation_title_pattern"])
_VERB_ROLES: dict[str, str] = _LEX.table("roles.verbs")
# A clause of a duty opening with a verb of roles (…；牵头制定…).
_CLAUSE_VERB = re.compile(rf"(?<=[,，;；])(?:{_LEX['roles.answer_verb']})?(?P<verb>{_LEX.alternation('roles.verbs')})")
_ROLE_VERB = re.compile(rf"(?:{_LEX['roles.answer_verb']})?(?P<verb>{_LEX.alternation('roles.verbs')})")


# Where a duty's subject starts and its name ends, where the duty's text starts, and the bodies
# when a list names them (else the name is the body).
_Subject = tuple[int, int, int, "list[str] | None"]


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
    """Every duty the document assigns to a body, with the paragraph as evidence. Minutes
    (纪要) record decisions: their `X负责…` are roles of the tasks decided (loaders.extract.tasks).
    A regulation's articles set up standing competences, no duties."""
    if any(word in view.heading for word in _MINUTES) or _REGULATION.search(view.heading):
        return Facts()
    return Facts(tasks=_Reader(view).read())


def is_duty_subject(name: str) -> bool:
    """A body that can hold a duty: its name ends with a body's suffix and is no generic word."""
    name = "".join(name.split())
    return (2 <= len(name) <= _MAX_NAME and not _NOT_IN_NAME.search(name)
            and not _VERB_FIRST.match(name)
            and bool(_SUFFIX.search(name)) and not _GENERIC.search(name))


class _Reader:
    def __init__(self, view: DocumentView):
        self.view, self.text = view, view.text
        self.tasks: list[TaskFact] = []
        self.rivers = [(s.start_char, s.end_char) for s in view.spans("place") if s.label_ == "RIVER"]
        self.duty_words = WordMarks(view, "DUTY_WORD")  # 职责: every duty heading says it
        # numbered items (an appendix numbers none: its duties are unnumbered, as the preamble's)
        self.items = sorted((u.start, u.end, u.item) for u in view.outline if u.label and u.level > 0)
        self.counts: dict[str, int] = {}  # duties so far in each item
        self.answer_verbs = WordMarks(view, "ANSWER_VERB")  # 负责: every duty outside a table says it

    def _rivers(self, start: int, end: int) -> list[str]:
        """The rivers a duty's text names, as written."""
        names = [self.view.written(a, b) for a, b in self.rivers if start <= a and b <= end]
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
                self._duty(section.start, para.text_start, para.text_start, para.end, "duties/heading",
                           [section.owner])
        return self.tasks

    def _heading(self, para: _Paragraph) -> _Section | None:
        """A 职责 heading opens a section: `成员单位职责分工`, `（一）领导小组工作职责`,
        `各成员单位职责：…` (a table run on), `（四）县（区）人民政府职责。负责…` (its own duty)."""
        if not self.duty_words.within(para.text_start, para.end):
            return None
        m = _DUTY_HEADING.match(self.text, para.text_start, para.end)
        if not m:
            return None
        owner = m["owner"] if is_duty_subject(m["owner"]) else None
        if m["sep"] == "。" and not owner:
            return None  # a sentence that ends with 职责, not a heading
        if owner and self._text_after(m.end(), para.end):
            self._duty(para.text_start, m.end("owner"), m.end(), para.end, "duties/heading")
        else:
            self._segments(m.end(), para.end, table=True)
        return _Section(para.level, owner, para.text_start)

    def _segments(self, start: int, end: int, table: bool) -> int:
        """Duties of the subjects opening text[start:end] or a sentence in it; how many."""
        if not table and not self.answer_verbs.within(start, end):
            return 0  # no 负责: no duty outside a table
        starts = [start] + [m.end() for m in _SENTENCE_STOP.finditer(self.text, start, end)]
        subjects = []
        for s in starts:
            while s < end and self.text[s].isspace():
                s += 1
            if subject := self._subject(s, end, table) or self._listed_subjects(s, end, table):
                subjects.append(subject)
        rule = "duties/table" if table else "duties/paragraph"
        for n, (s, name_end, text_start, bodies) in enumerate(subjects):
            stop = subjects[n + 1][0] if n + 1 < len(subjects) else end
            self._duty(s, name_end, text_start, stop, rule, bodies)
        return len(subjects)

    def _subject(self, s: int, end: int, table: bool) -> _Subject | None:
        """A body opening text[s:end] with 负责 (or, in a table, a separator) after it."""
        head = _HEAD.match(self.text, s, end)
        if not head or not is_duty_subject(head["name"]):
            return None
        if _SAYS_DUTY.match(self.text, head.end()) or (table and head["sep"]):
            return s, head.end("name"), head.end(), None
        return None

    def _listed_subjects(self, s: int, end: int, table: bool) -> _Subject | None:
        """Bodies listed together opening text[s:end], each a subject of the duty."""
        if not (head := _listed_head(self.text, s, end, table)):
            return None
        bodies, at = [], head.start("names")
        for name in head["names"].split("、"):  # each as written (view.written: the source's script)
            bodies.append(self.view.written(at, at + len(name)).strip())
            at += len(name) + 1
        return s, head.end("names"), head.end(), bodies

    def _item(self, at: int) -> str:
        """The name of the next duty in the innermost numbered item holding `at`."""
        k = bisect_right(self.items, (at, len(self.text) + 1, "")) - 1
        while k >= 0 and self.items[k][1] <= at:
            k -= 1
        path = self.items[k][2] if k >= 0 else "0"
        self.counts[path] = self.counts.get(path, 0) + 1
        return f"{path}-d{self.counts[path]}"

    def _role_sentence(self, start: int, end: int) -> bool:
        """`县生态环境局负责，沿江各乡（镇）人民政府配合`: units and their verbs only, the roles of
        the task before (loaders.extract.tasks.clauses), no duty."""
        roles = parse_roles(self.text, start, end)
        return roles is not None and not roles.bare and not roles.empty()

    def _text_after(self, start: int, end: int) -> bool:
        return bool(self.text[start:end].strip(" \t\n。;；"))

    def _duty(self, start: int, name_end: int, text_start: int, end: int, rule: str,
              bodies: list[str] | None = None) -> None:
        """A duty of the body at text[start:name_end] (or of `bodies`), its text text[text_start:end]."""
        while text_start < end and self.text[text_start] in " \t\n":
            text_start += 1
        while end > text_start and self.text[end - 1] in " \t\n。;；,，":
            end -= 1
        if end <= text_start or _NO_OBJECT.fullmatch(self.text, text_start, end):
            return
        if self._role_sentence(start, end):
            return
        clause = _CLAUSE_STOP.search(self.text, text_start, end)
        heading_end = clause.start() if clause else end
        bodies = bodies or [self.view.written(start, name_end)]
        role = _role(self.text, text_start, end)
        self.tasks.append(TaskFact(
            doc=self.view.key, item=self._item(start), text=self.view.written(text_start, end),
            heading=self.view.written(text_start, heading_end), **{role: bodies},
            rivers=self._rivers(text_start, end), evidence=self.view.evidence(start, end, rule)))


def _role(text: str, at: int, end: int) -> str:
    """The body's role in its duty, from the verb the duty opens with: 负责牵头 and 牵头 lead,
    (负责)配合 and 参与 cooperate, anything else answers for it (responsible) — unless a later
    clause has it lead (负责提供检测机构名录；牵头制定…): the body leads part of the work."""
    m = _ROLE_VERB.match(text, at)
    role = _VERB_ROLES[m["verb"]] if m else "responsible"
    if role == "responsible" and any(_VERB_ROLES.get(c["verb"]) == "lead"
                                     for c in _CLAUSE_VERB.finditer(text, at, end)):
        return "lead"
    return role


def _closes(heading_level: int | None, level: int | None) -> bool:
    """A numbered paragraph at the heading's level or above ends a 职责 section; an unnumbered
    heading's table runs to the next 附件 or top-level item."""
    if level is None:
        return False
    if heading_level is None or heading_level == 0:
        return level <= 1
    return level <= heading_level


def _paragraphs(view: DocumentView) -> list[_Paragraph]:
    """Paragraphs: lines joined where the layout broke a sentence, each with its number level
    (the view's outline: 1 一、 2 （一） 3 1. 4 （1） 5 ①, 0 附件)."""
    text, paragraphs = view.text, []
    numbered = {u.start: u for u in view.outline if u.label}
    open_end = False  # the last line ended inside a sentence
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + len(line) - len(line.lstrip())
        end = start + len(stripped)
        unit = numbered.get(start)
        level, text_start = (unit.level, unit.text_start) if unit else (None, start)
        new_item = level is not None or _starts_subject(text, text_start, end)
        if paragraphs and open_end and not new_item:
            paragraphs[-1].end = end
        else:
            paragraphs.append(_Paragraph(start, end, level, text_start))
        open_end = stripped[-1] not in _SENTENCE_END
    return paragraphs


def _starts_subject(text: str, start: int, end: int) -> bool:
    head = _HEAD.match(text, start, end)
    return bool(head) and is_duty_subject(head["name"]) or bool(_listed_head(text, start, end, table=True))


def _listed_head(text: str, start: int, end: int, table: bool) -> re.Match | None:
    """Bodies listed with 、 opening text[start:end], every one a body (市发展改革委、国资委等部门负责…),
    with 负责 after them or, in a table, a separator."""
    head = _LIST_HEAD.match(text, start, end)
    if not head or (head["sep"] and not table and not _SAYS_DUTY.match(text, head.end())):
        return None
    return head if all(is_duty_subject(name) for name in head["names"].split("、")) else None
