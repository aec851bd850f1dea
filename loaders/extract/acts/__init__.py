"""Appointments and removals (任免): the extractor that reads a document's acts.

Reads a document's body sentence by sentence, and each sentence clause by clause (split at
commas outside brackets), matching the forms of loaders.extract.acts.wording; the verb of a
block (`任命：`, `免去`) carries to the clauses after it until a clause that is no act, and a
clause without a name belongs to the person of the act before it in the sentence. A line the
layout broke is read together with the next, and so is a name alone on its line under a block
word (`决定任命` / `郭振中` / `…主任`: the post on the next line). A 任免 notice may list its acts as a table
(`序号 姓名 任职 免职`, see loaders.extract.acts.table): its rows are read first and skipped as text.
The records themselves are made by loaders.extract.acts.records; the deciding body and
meeting come from loaders.extract.decision.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from loaders.extract.acts.table import act_rows
from loaders.extract import extractor
from loaders.extract.acts.records import ActRecorder, Span, join_notes
from loaders.extract.acts.wording import (ACT_WORD, APPOINT, BARE_LINE, BLOCK, ENUMERATOR, FORM_WORDS,
                                         FORMS, NAME_ABOVE, NAMELESS, NOTE_ONLY, PERSONNEL_TITLE, PROBATION_DONE,
                                         PROBATION_ENDED, PROBATION_SENTENCE, REMOVE, SENTENCE)
from loaders.extract.acts.decision import decision_context
from loaders.spans.posts import parse_posts, people_spans, split_top
from loaders.view import DocumentView
from loaders.records import Document, Facts, PersonnelAct
from loaders.text.script import to_simplified


@dataclass
class _State:
    """The verb a clause carries to the clauses after it (kind "either": a 任免 notice)."""
    kind: str | None = None
    act: str | None = None
    note: str | None = None
    block: bool = False  # set by a block word (`任命：`): its lines name persons


@extractor("appointments")
def extract_appointments(view: DocumentView) -> Facts:
    document = view.document
    """Every appointment and removal the document states, with its sentence as evidence,
    and the body and meeting that decided them when the document says."""
    acts = _Reader(document).read()
    if acts:
        body, meeting, decided = decision_context(document)
        for act in acts:
            act.body, act.meeting, act.decided = body, meeting, decided
    return Facts(acts=acts)


class _Reader(ActRecorder):
    def __init__(self, document: Document):
        super().__init__(document)
        personnel = bool(PERSONNEL_TITLE.search(to_simplified(document.title)))
        self.default = _State("either") if personnel else _State()
        self.rows = [row.span for row in self._table_acts()] if personnel else []

    def read(self) -> list[PersonnelAct]:
        state, pending = self.default, None
        for sentence in SENTENCE.finditer(self.view):
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
            evidence = self._evidence(*row.span)
            note = self._note(*row.note) if row.note else None
            for kind, cell in ((APPOINT, row.appoint), (REMOVE, row.remove)):
                posts = [p for p in self._cell_posts(*cell) if not self._bare_office(p)] if cell else []
                act, extra = ("任命", note) if kind == APPOINT else ("免去", None)
                self.acts += [self._act(kind, act, extra, person, post, evidence)
                              for person in people for post in posts]
        return rows

    def _cell_posts(self, a: int, b: int) -> list:
        """The posts of a table cell: apart by 、, or each on a line of the cell (a web page's
        <br>, read as a space), when every piece is a post of its own."""
        pieces = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", self.view[a:b])]
        if len(pieces) > 1:
            apart = [parse_posts(self.view, x, y) for x, y in pieces]
            if all(apart):
                return [post for posts in apart for post in posts]
        return parse_posts(self.view, a, b)

    def _in_row(self, at: int) -> bool:
        return any(a <= at < b for a, b in self.rows)

    def _open_line(self, start: int, end: int) -> bool:
        """A line that ends without punctuation, as a line broken by the layout does."""
        tail = self.view[start:end].rstrip()
        return end < len(self.view) and self.view[end] == "\n" and bool(tail) and tail[-1].isalnum()

    def _sentence(self, start: int, end: int, state: _State) -> _State:
        text = self.view[start:end]
        if state.kind is None and not ACT_WORD.search(text):
            return state
        note = PROBATION_DONE if PROBATION_ENDED.search(text) else None
        if note and (m := PROBATION_SENTENCE.match(self.view, start, end)):
            if self._acts(m, 0, APPOINT, "正式任用", note, (start, end), strong=True):
                return self.default
        last: list[PersonnelAct] = []
        # a line under a block word (`任命：` / `张三为X，免去其Y职务；`) leaves the block's verb
        # to the lines after it, whatever its own later clauses say
        opening, under_block = state, None
        for a, b in split_top(self.view, start, end, ",，"):
            clause = self.view[a:b]
            lead = len(clause) - len(clause.lstrip())
            if (m := NOTE_ONLY.match(clause.strip())) and last:
                for act in last:
                    act.note = join_notes(act.note, self._note(a + lead + m.start(1), a + lead + m.end(1)))
                continue
            found, state = self._clause(a, b, state, note, (start, end))
            if under_block is None:
                under_block = bool(found) and state is opening and opening.kind in (APPOINT, REMOVE)
            if not found and last:
                found = self._nameless(a, b, (start, end))
            last = found or last
        return opening if under_block else state

    def _clause(self, a: int, b: int, state: _State, note: str | None,
                sentence: Span) -> tuple[list[PersonnelAct], _State]:
        """The acts of one clause and the state it leaves for the clauses after it."""
        a = self._after_enumerator(a, b)
        while b > a and self.view[b - 1].isspace():
            b -= 1
        if block := BLOCK.search(self.view[a:b]):
            word = block["verb"] or block["other"]
            kind = REMOVE if word in ("免去", "免职", "解聘") else APPOINT
            act = "正式任用" if note and kind == APPOINT else (word if word in ("聘任", "解聘") else
                                                              "免去" if kind == REMOVE else "任命")
            return [], _State(kind, act, note if kind == APPOINT else None, block=True)
        return (self._by_form(a, b, note, sentence, state.block) or self._bare_line(a, b, state, sentence)
                or ([], self.default))

    def _by_form(self, a: int, b: int, note: str | None, sentence: Span,
                 framed: bool = False) -> tuple[list[PersonnelAct], _State] | None:
        """A clause with its verb: the first form that yields acts decides it; under a block
        word every form frames its names as persons (`格绒彭措兼任…主任`)."""
        clause = self.view[a:b]
        for word, (pattern, kind, act, strong) in zip(FORM_WORDS, FORMS):
            if word in clause and (m := pattern.search(clause)):
                extra = self._tail_note(a, b, a + m.end())
                if kind == APPOINT and (note or act == "正式任用"):
                    act, extra = ("正式任用" if act == "任命" else act), join_notes(PROBATION_DONE, extra)
                found = self._acts(m, a, kind, act, extra, sentence, strong or framed)
                if found and kind == REMOVE and strong:
                    found += self._more_removals(a + m.end(), b, sentence)
                if found:
                    carry = "免去" if kind == REMOVE else ("正式任用" if note else "任命")
                    return found, _State(kind, carry, note if kind == APPOINT else None)
        return None

    def _bare_line(self, a: int, b: int, state: _State,
                   sentence: Span) -> tuple[list[PersonnelAct], _State] | None:
        """A line without a verb (`张三为Y`) under a block word or in a 任免 notice; under a
        block word also a name on its own line with the post on the next (NAME_ABOVE)."""
        clause = self.view[a:b]
        for kind, pattern in BARE_LINE.items():
            if state.kind in (kind, "either") and (m := pattern.match(clause)):
                act = state.act or ("任命" if kind == APPOINT else "免去")
                extra = self._tail_note(a, b, a + m.end())
                # Under `任命：` / `免去：` the block word frames the line; in a 任免 notice
                # without one, the bare line is weaker evidence of a person.
                strong = state.kind != "either"
                found = self._acts(m, a, kind, act, join_notes(state.note, extra), sentence, strong)
                if found:
                    return found, state
        if state.kind in (APPOINT, REMOVE) and (m := NAME_ABOVE.match(clause)):
            act = state.act or ("任命" if state.kind == APPOINT else "免去")
            found = self._acts(m, a, state.kind, act, state.note, sentence, False)
            if found:
                return found, state
        return None

    def _more_removals(self, at: int, b: int, sentence: Span) -> list[PersonnelAct]:
        """`免去A的X职务、B的Y职务`: the acts after the first, each `、B的Y职务`."""
        found: list[PersonnelAct] = []
        while self.view.startswith("、", at) and (m := BARE_LINE[REMOVE].match(self.view[at + 1:b])):
            more = self._acts(m, at + 1, REMOVE, "免去", None, sentence, strong=True)
            if not more:
                break
            found += more
            at += 1 + m.end()
        return found

    def _nameless(self, a: int, b: int, sentence: Span) -> list[PersonnelAct]:
        """`…，不再担任Y职务` (`…，兼任Z`): the acts of the person of the act before."""
        a = self._after_enumerator(a, b)
        m = NAMELESS.match(self.view[a:b].rstrip())
        if not m:
            return []
        if m["also"]:
            held = (a + m.start("held"), a + m.end("held"))
            return self._record(APPOINT, "兼任", None, self.people, held, sentence)
        posts = (a + m.start("posts"), a + m.end("posts"))
        return self._record(REMOVE, m["verb"], None, self.people, posts, sentence)

    def _after_enumerator(self, a: int, b: int) -> int:
        skip = ENUMERATOR.match(self.view, a, b)
        return skip.end() if skip else a
