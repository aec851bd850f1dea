"""Personnel acts as records: from the spans of names and posts a matched clause gives, to
PersonnelAct facts with their sentence as evidence.

loaders.extract.acts finds where an act is written; this module decides what it
records: who (a name, `其` for the person of the act before, or `张三阳泉市财政局局长` split at
the agency's place), which posts (parsed by loaders.spans.posts, leaving out a bare
`办公室主任`, which is staffing of a group's office), the act's verb and its notes (兼, 代理,
`保留原职级待遇`), in the written form of the document.
"""

from __future__ import annotations

import re

from loaders.extract.acts.wording import APPOINT, BARE_OFFICE, BRACKETED_NOTE
from loaders.spans.posts import Post, is_person_name, parse_posts, people_spans
from loaders.records import Document, Evidence, PersonnelAct
from loaders.text.script import to_simplified

Span = tuple[int, int]


class ActRecorder:
    """The acts recorded so far in one document's body, read in simplified characters."""

    def __init__(self, document: Document):
        self.document = document
        self.base, self.view = document.body_offset, document.simplified_body
        self.acts: list[PersonnelAct] = []
        self.people: list[Span] = []  # the persons of the last act, for 其

    def _acts(self, m: re.Match, offset: int, kind: str, act: str, note: str | None,
              sentence: Span, strong: bool = False) -> list[PersonnelAct]:
        """The acts of a form's match, its groups counted from offset in the view."""
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
        made = self._record(kind, act, note, people, posts, sentence)
        if made:
            self.people = people
        return made

    def _record(self, kind: str, act: str, note: str | None, people: list[Span], posts: Span,
                sentence: Span) -> list[PersonnelAct]:
        """One act for each person and each post of the posts' span."""
        parsed = [p for p in parse_posts(self.view, *posts) if not self._bare_office(p)]
        if not parsed:
            return []
        evidence = self._evidence(*sentence)
        made = [self._act(kind, act, note, person, post, evidence)
                for person in people for post in parsed]
        self.acts.extend(made)
        return made

    def _evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.document, self.base + start, self.base + end, "appointments")

    def _bare_office(self, post: Post) -> bool:
        start = post.org[0] if post.org else post.title[0]
        return BARE_OFFICE.fullmatch("".join(self.view[start:post.title[1]].split())) is not None

    def _act(self, kind: str, act: str, note: str | None, person: Span, post: Post,
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
        notes = [self._note(*m.span(1)) for m in BRACKETED_NOTE.finditer(self.view, end, b)]
        return "；".join(n for n in notes if n) or None

    def _split_who(self, a: int, b: int) -> tuple[list[Span], Span | None]:
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


def join_notes(note: str | None, extra: str | None) -> str | None:
    return f"{note}；{extra}" if note and extra else (note or extra)
