"""Personnel acts as records: from the spans of names and posts a matched clause gives, to
PersonnelAct facts with their sentence as evidence and the rule that read them.

loaders.extract.acts finds where an act is written; this module decides what it
records: who (a name, `其` for the person of the act before, or `张三阳泉市财政局局长` split at
the agency's place), which posts (parsed by loaders.spans.posts, leaving out a bare
`办公室主任`, which is staffing of a group's office), the act's verb and its notes (兼, 代理,
`保留原职级待遇`), in the written form of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.acts.wording import APPOINT, BARE_OFFICE, BRACKETED_NOTE, W
from loaders.lexicon import lexicon
from loaders.records import Evidence, PersonnelAct
from loaders.spans.posts import Post, is_person_name, parse_posts, people_spans
from loaders.text.script import to_simplified
from loaders.view import DocumentView

Span = tuple[int, int]
NOTE_JOINER = "；"
_LOCAL_PLACES = lexicon()["acts.local_places"]


@dataclass(frozen=True)
class Where:
    """Where an act is written: its sentence (the evidence) and the rule that read it."""

    sentence: Span
    rule: str


class ActRecorder:
    """The acts recorded so far in one document's body, read in simplified characters."""

    def __init__(self, view: DocumentView):
        self.view, self.text = view, view.text
        self.acts: list[PersonnelAct] = []
        self.people: list[Span] = []  # the persons of the last act, for 其

    def _acts(self, m: re.Match, offset: int, kind: str, act: str, note: str | None,
              where: Where, strong: bool = False) -> list[PersonnelAct]:
        """The acts of a form's match, its groups counted from offset in the text."""
        if "who" in m.groupdict():
            people, posts = self._split_who(offset + m.start("who"), offset + m.end("who"))
        elif m["names"] == W["pronoun"]:  # 免去其…职务: the person of the act before
            people, posts = self.people, (offset + m.start("posts"), offset + m.end("posts"))
        else:
            a, b = offset + m.start("names"), offset + m.end("names")
            people = people_spans(self.text, a, b, strong or self.text.startswith(W["honorific"], b))
            posts = (offset + m.start("posts"), offset + m.end("posts"))
        if not people or posts is None:
            return []
        made = self._record(kind, act, note, people, posts, where)
        if made:
            self.people = people
        return made

    def _record(self, kind: str, act: str, note: str | None, people: list[Span], posts: Span,
                where: Where) -> list[PersonnelAct]:
        """One act for each person and each post of the posts' span."""
        parsed = [p for p in parse_posts(self.text, *posts) if not self.is_bare_office(p)]
        if not parsed:
            return []
        evidence = self.view.evidence(*where.sentence, where.rule)
        made = [self.make_act(kind, act, note, person, post, evidence)
                for person in people for post in parsed]
        self.acts.extend(made)
        return made

    def is_bare_office(self, post: Post) -> bool:
        start = post.org[0] if post.org else post.title[0]
        return BARE_OFFICE.fullmatch("".join(self.text[start:post.title[1]].split())) is not None

    def make_act(self, kind: str, act: str, note: str | None, person: Span, post: Post,
             evidence: Evidence) -> PersonnelAct:
        notes, also = list(post.notes), W["concurrent_note"]
        if also in post.notes and kind == APPOINT:
            act = W["concurrent"]
        if act == W["concurrent"] and also not in post.notes:
            notes.insert(0, also)
        if post.acting or act == W["acting"]:
            act, notes = W["acting"], [W["acting"]] + [n for n in notes if n != W["acting"]]
        if note:
            notes.append(note)
        written = self.view.written
        return PersonnelAct(
            kind=kind, person=written(*person), post=written(*post.title),
            org=written(*post.org) if post.org else None, act=act, doc=self.view.key,
            evidence=evidence, note=NOTE_JOINER.join(notes) or None)

    def note_of(self, a: int, b: int) -> str:
        """A note in simplified characters: notes are a vocabulary (兼, 试用期一年), like acts."""
        return "".join(self.text[a:b].split())

    def _tail_note(self, b: int, end: int) -> str | None:
        """Brackets after `…职务` are notes of the act: `职务（保留原职级待遇）`."""
        notes = [self.note_of(*m.span(1)) for m in BRACKETED_NOTE.finditer(self.text, end, b)]
        return NOTE_JOINER.join(n for n in notes if n) or None

    def _split_who(self, a: int, b: int) -> tuple[list[Span], Span | None]:
        """`张三阳泉市财政局局长` (免去 without 的): the name ends at 同志, or where the agency's
        place begins (the document's jurisdiction, or 市/县/区/省 of a local agency)."""
        text, place = self.text[a:b], self.view.document.jurisdiction
        if text.startswith(W["pronoun"]) and self.people:
            return self.people, (a + 1, b)
        honorific = W["honorific"]
        for size in (2, 3, 4):
            rest = text[size:]
            if not is_person_name(text[:size], strong=rest.startswith(honorific)):
                continue
            if rest.startswith(honorific) or (place and rest.startswith(to_simplified(place))) or (
                    rest[:1] in _LOCAL_PLACES):
                return [(a, a + size)], (b - len(rest.removeprefix(honorific)), b)
        return [], None


def join_notes(note: str | None, extra: str | None) -> str | None:
    return f"{note}{NOTE_JOINER}{extra}" if note and extra else (note or extra)
