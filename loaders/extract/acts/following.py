"""The clauses that follow an act in its sentence and belong to it.

A sentence goes on after an act with clauses that name no one: `…，不再担任Y职务`, `…，兼任Z`,
`…，（并决定）代理Z职务`, `…，并任Z` (NAMELESS: the person of the act before); a clause of posts only,
`…兼任X委员会委员、副书记，Y管委会主任`, more posts of the act before (acts/more-posts); and one
免去 may name several people's posts, `免去A的X职务、B的Y职务`. loaders.extract.acts reads the
clauses; the acts are recorded here, with the person of the act before (ActRecorder.people). A
stored page may end inside an act (`…；免去X的浙江省劳动和社会保`): the act is kept, its post as
written (acts/cut:<act>).
"""

from __future__ import annotations

from dataclasses import replace

from loaders.extract.acts.records import ActRecorder, Span, Where
from loaders.extract.acts.wording import (A_VERB, APPOINT, BARE_LINE, CUT_ACTS, DEFAULT_ACTS, ENUMERATOR, NAME_IN_LIST,
                                          NAMELESS, NEXT_REMOVAL, PREDECESSORS, REMOVE, STATUS, W)
from loaders.records import PersonnelAct
from loaders.spans.agency import is_agency
from loaders.spans.posts import is_person_name, parse_post, people_spans, split_top
from loaders.text.marks import start_after_last


class Following(ActRecorder):
    """An ActRecorder that reads the clauses after an act."""

    def _more_removals(self, at: int, b: int, where: Where) -> list[PersonnelAct]:
        """`免去A的X职务、B的Y职务` (or `、B同志Y职务`): the acts after the first."""
        found: list[PersonnelAct] = []
        while self.text.startswith("、", at) and (m := BARE_LINE[REMOVE].match(self.text[at + 1:b])
                                                   or NEXT_REMOVAL.match(self.text[at + 1:b])):
            more = self._acts(m, at + 1, REMOVE, W["remove"], None, where, strong=True)
            if not more:
                break
            found += more
            at += 1 + m.end()
        return found

    def _nameless(self, a: int, b: int, sentence: Span) -> list[PersonnelAct]:
        """`…，不再担任Y职务` (`…，兼任Z`, `…，代理Z职务`): the acts of the person of the act before."""
        a = self._after_enumerator(a, b)
        m = NAMELESS.match(self.text[a:b].rstrip())
        if not m:
            return []
        if m["also"]:
            held = (a + m.start("held"), a + m.end("held"))
            where = Where(sentence, f"acts/nameless:{m['also']}")
            act = {W["acting"]: W["acting"], W["concurrent"]: W["concurrent"]}.get(m["also"], W["appoint"])
            return self._record(APPOINT, act, None, self.people, held, where)
        posts = (a + m.start("posts"), a + m.end("posts"))
        where = Where(sentence, f"acts/nameless:{m['verb']}")
        return self._record(REMOVE, m["verb"], None, self.people, posts, where)

    def _predecessors(self, a: int, b: int, before: list[PersonnelAct], sentence: Span) -> list[PersonnelAct]:
        """`A任X县委书记，B（1967年11月生）不再担任`: who no longer holds the posts the act before gives,
        one person each (in order) or one person all of them."""
        m = PREDECESSORS.match(self.text, self._after_enumerator(a, b), b)
        appointed = [act for act in before if act.kind == APPOINT]
        names = list(NAME_IN_LIST.finditer(self.text, *m.span("names"))) if m else []
        if not names or not appointed or not all(is_person_name(n["name"]) for n in names):
            return []
        if len(names) == len(appointed):
            pairs = list(zip(names, appointed))
        elif len(names) == 1:
            pairs = [(names[0], act) for act in appointed]
        else:
            return []
        evidence = self.view.evidence(*sentence, f"acts/predecessor:{m['verb']}")
        made = [replace(act, kind=REMOVE, person=self.view.written(*n.span("name")), act=m["verb"], evidence=evidence,
                        note=None) for n, act in pairs]
        self.add(made, sentence)
        return made

    def _more_posts(self, a: int, b: int, before: PersonnelAct, sentence: Span) -> list[PersonnelAct]:
        """`…兼任X委员会委员、副书记，Y管委会主任`: a clause of posts only, after an act of the
        sentence, is more posts of that act: every part ends with a known title, and the first
        names its body (prose ending in a title, `陆昊将成为…省长`, is none)."""
        a = self._after_enumerator(a, b)
        while b > a and self.text[b - 1].isspace():
            b -= 1
        if self.text.endswith(W["post_word"], a, b):
            b -= len(W["post_word"])
        if A_VERB.search(self.text, a, b):
            return []
        first = parse_post(self.text, *split_top(self.text, a, b, "、")[0]) if b > a else None
        if first is None or first.org is None or not is_agency(self.text[first.org[0]:first.org[1]]):
            return []
        where = Where(sentence, f"acts/more-posts:{before.act}")
        return self._record(before.kind, before.act, None, self.people, (a, b), where)

    def _cut_act(self, a: int, b: int, sentence: Span) -> list[PersonnelAct]:
        """`…；免去X的浙江省劳动和社会保` where the document ends: the act the page cut, its post
        kept as written (no title to split off), when the clause holds the document's last words."""
        if self.text[b:].strip():
            return []
        for kind, pattern in CUT_ACTS.items():
            if m := pattern.search(self.text, self._after_enumerator(a, b), b):
                people = people_spans(self.text, *m.span("names"), strong=True)
                post = parse_post(self.text, *m.span("posts"))
                if people and post:
                    where = Where(sentence, f"acts/cut:{DEFAULT_ACTS[kind]}")
                    made = [self.make_act(kind, DEFAULT_ACTS[kind], None, person, post,
                                          self.view.evidence(*sentence, where.rule)) for person in people]
                    self.add(made, sentence)
                    return made
        return []

    def _after_status(self, start: int) -> bool:
        """Whether the sentence before, in the same paragraph, tells the posts people hold now
        (目前还担任着其他部门的职务。): the X任Y of the sentence at `start` are statuses."""
        before = self.text.rfind("\n", 0, start) + 1
        sentence = start_after_last(self.text, max(before, start - 1), "。;；", before)
        return STATUS.search(self.text, sentence, start) is not None

    def _after_enumerator(self, a: int, b: int) -> int:
        skip = ENUMERATOR.match(self.text, a, b)
        return skip.end() if skip else a
