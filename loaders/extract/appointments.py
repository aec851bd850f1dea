"""Appointments and removals (任免) from the grammar of personnel acts.

Acts are written in a few shapes, in notices, decisions and 人大常委会 news reports alike:
- blocks: `任命：` then lines `张三为Y；`, `免去：` then lines `李四的Y职务；` (in a 任免 notice
  the lines may stand without the block word);
- inline: `决定任命张三为Y`, `免去李四的Y职务`, `张三任Y`, `张三同志兼任Y`, `张三代理Y`,
  `张三不再担任Y职务`, `接受王五辞去Y职务的请求`, `试用期满…正式任用`;
- one act may name several people (`张三、李四为Y`) and several posts (`主任、党组书记`), and
  one 免去 several people's posts (`免去A的X职务、B的Y职务`);
- a clause without a name after an act of the same sentence is that person's
  (`张三同志任X，不再担任Y职务`, `…，免去Y职务`).
A 任免 notice may list its acts as a table (`序号 姓名 任职 免职`): see loaders.act_table.
A post that names no body but an office (`张三同志兼任办公室主任`, in a notice setting up a
group) is the staffing of that group's office (loaders.office), not a personnel act.
Sentences are read clause by clause (split at commas outside brackets); the verb of a clause
(`任命：`, `免去`) carries to the clauses after it until a clause that is no act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.act_table import act_rows
from loaders.extract import extractor
from loaders.extract.decision import decision_context
from loaders.extract.posts import Post, is_person_name, parse_posts, people_spans, split_top
from loaders.records import Document, Evidence, Facts, PersonnelAct
from loaders.script import to_simplified

APPOINT, REMOVE = "appointment", "removal"
PROBATION_DONE = "试用期满正式任用"
# Names, perhaps spaced by the layout (`马　骁`): one space may stand between characters, or
# a line break where a PDF's line ends inside a name (`任命孙丽` / `华为…`).
_NAMES = r"(?P<names>其|[\u4e00-\u9fff·•・、](?:[\u4e00-\u9fff·•・、]| (?! )|\n(?!\n)){1,39}?)(?:同志)?"
_LEAD = r"^(?:会议|经研究|研究|现|并|同时|另|拟|提请|批准|同意)?(?:决定|同意)?(?:由)?"
# (pattern, kind, act, strong): the first that matches a clause decides it. A strong form
# frames its names as persons (任命X为, 免去X的), so a name with an unknown surname is taken there;
# a weak one (X任Y, X兼任Y) takes only names with a known surname or 同志 after them.
_FORMS = [
    (re.compile(rf"接受{_NAMES}辞去(?P<posts>.+?)职务", re.S), REMOVE, "辞去", True),
    (re.compile(rf"{_LEAD}{_NAMES}辞去(?P<posts>.+?)职务", re.S), REMOVE, "辞去", False),
    (re.compile(rf"{_LEAD}{_NAMES}不再担任(?P<posts>.+?)(?:职务|$)", re.S), REMOVE, "不再担任", False),
    (re.compile(rf"免去[:：]?{_NAMES}的(?P<posts>.+?)职务", re.S), REMOVE, "免去", True),
    (re.compile(r"免去[:：]?(?P<who>[^的]+?)职务", re.S), REMOVE, "免去", False),
    (re.compile(rf"任命[:：]?{_NAMES}为(?P<posts>.+)", re.S), APPOINT, "任命", True),
    (re.compile(rf"{_LEAD}{_NAMES}(?:试用期满)?正式任[用命职]为(?P<posts>.+)", re.S), APPOINT, "正式任用", True),
    (re.compile(rf"{_LEAD}{_NAMES}兼任(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "兼任", False),
    (re.compile(rf"{_LEAD}{_NAMES}代理(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "代理", False),
    (re.compile(rf"{_LEAD}{_NAMES}任(?![命职免务期用何])(?P<posts>.+?)(?:职务)?$", re.S), APPOINT, "任命", False),
]
# The word each form cannot match without: a clause lacking it skips the form's regex search.
_FORM_WORDS = ["辞去", "辞去", "不再担任", "免去", "免去", "任命", "正式任", "兼任", "代理", "任"]
assert len(_FORM_WORDS) == len(_FORMS) and all(w in p.pattern for w, (p, *_) in zip(_FORM_WORDS, _FORMS))
# `任命：` / `免去：` (the colon may be lost), `任职如下：` / `免职：` (only with the colon).
_BLOCK = re.compile(r"(?:(?P<verb>任命|免去)(?:如下)?[:：]?|(?P<other>任职|免职)(?:如下)?[:：])$")
_BARE = {APPOINT: re.compile(rf"^{_NAMES}为(?P<posts>.+)$", re.S),
         REMOVE: re.compile(rf"^{_NAMES}的(?P<posts>.+?)职务", re.S)}
_PERSONNEL_TITLE = re.compile(r"任免|任命|任职|免职|职务|人事")
_PROBATION_DONE = re.compile(r"试用期满.*正式任[用职命]")
# `张三同志试用期满，经考核合格，正式任用为Y`: the person stands clauses before the act.
_PROBATION_SENTENCE = re.compile(
    rf"\s*{_NAMES}(?:任职)?试用期(?:已)?满[,，][^。;；]*?正式任[用命职]为(?P<posts>.+)", re.S)
_ENUMERATOR = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d+[.、]|\(\d+\)|[-•])?\s*")
_SENTENCE = re.compile(r"[^。;；\n\f]+")
_NOTE_ONLY = re.compile(r"^\(?(试用期[^()]{1,6}|保留[^()]{1,10}待遇)\)?$")
# `不再担任Y职务` / `免去Y职务` with no name: the person of the act before, in one sentence.
_NAMELESS = re.compile(r"^(?:并|同时)?(?P<verb>不再担任|免去)(?P<posts>[^的]+?)职务")
_BRACKETED = re.compile(r"\(\s*([^()]{1,16}?)\s*\)")
# A sentence outside a 任免 block is read only when it holds a verb of an act (not 任务, 责任).
# 办公室主任 of no named body: a leadership group's office, staffed in loaders.office.
_BARE_OFFICE = re.compile(r"(?:领导小组|指挥部|委员会)?办公室(?:常务)?副?主任")
_KEYWORDS = re.compile(r"(?<![责信])任(?!务)|免去|免职|辞去|代理")


@dataclass
class _State:
    kind: str | None = None
    act: str | None = None
    note: str | None = None


@extractor("appointments")
def extract_appointments(document: Document, nlp_doc=None) -> Facts:
    """Every appointment and removal the document states, with its sentence as evidence,
    and the body and meeting that decided them when the document says."""
    acts = _Reader(document).read()
    if acts:
        body, meeting, decided = decision_context(document)
        for act in acts:
            act.body, act.meeting, act.decided = body, meeting, decided
    return Facts(acts=acts)


class _Reader:
    def __init__(self, document: Document):
        self.document = document
        self.base = document.body_start if document.body_start is not None else document.start
        self.view = to_simplified(document.text.text[self.base:document.end])
        personnel = bool(_PERSONNEL_TITLE.search(to_simplified(document.title)))
        self.default = _State("either") if personnel else _State()
        self.acts: list[PersonnelAct] = []
        self.people: list[tuple[int, int]] = []  # the persons of the last act, for 其
        self.rows = [row.span for row in self._table_acts()] if personnel else []

    def read(self) -> list[PersonnelAct]:
        state, pending = self.default, None
        for sentence in _SENTENCE.finditer(self.view):
            start, end = sentence.span()
            if not sentence.group().strip() or (self.rows and self._in_row(start)):
                continue
            if pending is not None:  # the line above may wrap into this one: read them together
                count, (begin, before) = len(self.acts), pending
                merged = self._sentence(begin, end, before)
                pending = None
                if len(self.acts) > count:
                    state = merged
                    continue
            count, before = len(self.acts), state
            state = self._sentence(start, end, state)
            if len(self.acts) == count and state is self.default and self._open_line(start, end):
                pending = (start, before)
        return self.acts

    def _table_acts(self) -> list:
        """The acts of the rows of 任免 tables, each row its evidence; the rows are returned."""
        rows = act_rows(self.view)
        for row in rows:
            people = people_spans(self.view, *row.name, strong=True)
            evidence = Evidence.of(self.document, self.base + row.span[0], self.base + row.span[1],
                                   "appointments")
            note = self._note(*row.note) if row.note else None
            for kind, cell in ((APPOINT, row.appoint), (REMOVE, row.remove)):
                posts = [p for p in parse_posts(self.view, *cell) if not self._bare_office(p)] if cell else []
                act, extra = ("任命", note) if kind == APPOINT else ("免去", None)
                self.acts += [self._act(kind, act, extra, person, post, evidence)
                              for person in people for post in posts]
        return rows

    def _in_row(self, at: int) -> bool:
        return any(a <= at < b for a, b in self.rows)

    def _open_line(self, start: int, end: int) -> bool:
        """A line that ends without punctuation, as a line broken by the layout does."""
        tail = self.view[start:end].rstrip()
        return end < len(self.view) and self.view[end] == "\n" and bool(tail) and tail[-1].isalnum()

    def _sentence(self, start: int, end: int, state: _State) -> _State:
        text = self.view[start:end]
        if state.kind is None and not _KEYWORDS.search(text):
            return state
        note = PROBATION_DONE if _PROBATION_DONE.search(text) else None
        if note and (m := _PROBATION_SENTENCE.match(self.view, start, end)):
            if self._acts(m, 0, APPOINT, "正式任用", note, (start, end), strong=True):
                return self.default
        last: list[PersonnelAct] = []
        for a, b in _clauses(self.view, start, end):
            clause = self.view[a:b]
            lead = len(clause) - len(clause.lstrip())
            if (m := _NOTE_ONLY.match(clause.strip())) and last:
                for act in last:
                    act.note = _join(act.note, self._note(a + lead + m.start(1), a + lead + m.end(1)))
                continue
            found, state = self._clause(a, b, state, note, (start, end))
            if not found and last:
                found = self._nameless(a, b, (start, end))
            last = found or last
        return state

    def _clause(self, a: int, b: int, state: _State, note: str | None,
                sentence: tuple[int, int]) -> tuple[list[PersonnelAct], _State]:
        skip = _ENUMERATOR.match(self.view, a, b)
        a = skip.end() if skip else a
        while b > a and self.view[b - 1].isspace():
            b -= 1
        clause = self.view[a:b]
        if block := _BLOCK.search(clause):
            kind = REMOVE if (block["verb"] or block["other"]) in ("免去", "免职") else APPOINT
            act = "正式任用" if note and kind == APPOINT else ("免去" if kind == REMOVE else "任命")
            return [], _State(kind, act, note if kind == APPOINT else None)
        for word, (pattern, kind, act, strong) in zip(_FORM_WORDS, _FORMS):
            if word in clause and (m := pattern.search(clause)):
                extra = self._tail_note(a, b, a + m.end())
                if kind == APPOINT and (note or act == "正式任用"):
                    act, extra = ("正式任用" if act == "任命" else act), _join(PROBATION_DONE, extra)
                found = self._acts(m, a, kind, act, extra, sentence, strong)
                if found and kind == REMOVE and strong:
                    found += self._more_removals(a + m.end(), b, sentence)
                if found:
                    carry = "免去" if kind == REMOVE else ("正式任用" if note else "任命")
                    return found, _State(kind, carry, note if kind == APPOINT else None)
        for kind, pattern in _BARE.items():
            if state.kind in (kind, "either") and (m := pattern.match(clause)):
                act = state.act or ("任命" if kind == APPOINT else "免去")
                extra = self._tail_note(a, b, a + m.end())
                # Under `任命：` / `免去：` the block word frames the line; in a 任免 notice
                # without one, the bare line is weaker evidence of a person.
                strong = state.kind != "either"
                found = self._acts(m, a, kind, act, _join(state.note, extra), sentence, strong)
                if found:
                    return found, state
        return [], self.default

    def _more_removals(self, at: int, b: int, sentence: tuple[int, int]) -> list[PersonnelAct]:
        """`免去A的X职务、B的Y职务`: the acts after the first, each `、B的Y职务`."""
        found: list[PersonnelAct] = []
        while self.view.startswith("、", at) and (m := _BARE[REMOVE].match(self.view[at + 1:b])):
            more = self._acts(m, at + 1, REMOVE, "免去", None, sentence, strong=True)
            if not more:
                break
            found += more
            at += 1 + m.end()
        return found

    def _nameless(self, a: int, b: int, sentence: tuple[int, int]) -> list[PersonnelAct]:
        skip = _ENUMERATOR.match(self.view, a, b)
        a = skip.end() if skip else a
        m = _NAMELESS.match(self.view[a:b].rstrip())
        if not m:
            return []
        people, posts = self.people, (a + m.start("posts"), a + m.end("posts"))
        parsed = [p for p in parse_posts(self.view, *posts) if not self._bare_office(p)]
        evidence = Evidence.of(self.document, self.base + sentence[0], self.base + sentence[1],
                               "appointments")
        made = [self._act(REMOVE, m["verb"], None, person, post, evidence)
                for person in people for post in parsed]
        self.acts.extend(made)
        return made

    def _acts(self, m: re.Match, offset: int, kind: str, act: str, note: str | None,
              sentence: tuple[int, int], strong: bool = False) -> list[PersonnelAct]:
        if "who" in m.groupdict():
            people, posts = self._split_who(offset + m.start("who"), offset + m.end("who"))
        elif m["names"] == "其":  # 免去其…职务: the person of the act before
            people, posts = self.people, (offset + m.start("posts"), offset + m.end("posts"))
        else:
            a, b = offset + m.start("names"), offset + m.end("names")
            people = people_spans(self.view, a, b, strong or self.view.startswith("同志", b))
            posts = (offset + m.start("posts"), offset + m.end("posts"))
        if not people or posts is None:
            return []
        parsed = [p for p in parse_posts(self.view, *posts) if not self._bare_office(p)]
        if not parsed:
            return []
        evidence = Evidence.of(self.document, self.base + sentence[0], self.base + sentence[1],
                               "appointments")
        made = [self._act(kind, act, note, person, post, evidence)
                for person in people for post in parsed]
        self.acts.extend(made)
        self.people = people
        return made

    def _bare_office(self, post: Post) -> bool:
        start = post.org[0] if post.org else post.title[0]
        return _BARE_OFFICE.fullmatch("".join(self.view[start:post.title[1]].split())) is not None

    def _act(self, kind: str, act: str, note: str | None, person: tuple[int, int], post: Post,
             evidence: Evidence) -> PersonnelAct:
        notes = list(post.notes)
        if "兼" in post.notes and kind == APPOINT:
            act = "兼任"
        if act == "兼任" and "兼" not in post.notes:
            notes.insert(0, "兼")
        if post.acting or act == "代理":
            act, notes = "代理", ["代理"] + [n for n in notes if n != "代理"]
        if note:
            notes.append(note)
        written = self.document.text.written
        org = written(self.base + post.org[0], self.base + post.org[1]) if post.org else None
        return PersonnelAct(
            kind=kind, person=written(self.base + person[0], self.base + person[1]),
            post=written(self.base + post.title[0], self.base + post.title[1]), org=org, act=act,
            doc=self.document.key, evidence=evidence, note="；".join(notes) or None)

    def _note(self, a: int, b: int) -> str:
        """A note in simplified characters: notes are a vocabulary (兼, 试用期一年), like acts."""
        return "".join(self.view[a:b].split())

    def _tail_note(self, a: int, b: int, end: int) -> str | None:
        """Brackets after `…职务` are notes of the act: `职务（保留原职级待遇）`."""
        notes = [self._note(*m.span(1)) for m in _BRACKETED.finditer(self.view, end, b)]
        return "；".join(n for n in notes if n) or None

    def _split_who(self, a: int, b: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
        """`张三阳泉市财政局局长` (免去 without 的): the name ends at 同志, or where the agency's
        place begins (the document's jurisdiction, or 市/县/区/省 of a local agency)."""
        text, place = self.view[a:b], self.document.jurisdiction
        if text.startswith("其") and self.people:
            return self.people, (a + 1, b)
        for size in (2, 3, 4):
            rest = text[size:]
            if not is_person_name(text[:size], strong=rest.startswith("同志")):
                continue
            if rest.startswith("同志") or (place and rest.startswith(to_simplified(place))) or (
                    rest[:1] in "省市县区"):
                return [(a, a + size)], (b - len(rest.removeprefix("同志")), b)
        return [], None


def _clauses(view: str, a: int, b: int) -> list[tuple[int, int]]:
    return split_top(view, a, b, ",，")


def _join(note: str | None, extra: str | None) -> str | None:
    return f"{note}；{extra}" if note and extra else (note or extra)
