"""Appointments and removals (任免): the extractor that reads a document's acts.

Reads a document's body sentence by sentence, and each sentence clause by clause (apart at
commas outside brackets, after a colon, and where one clause holds two acts: see
loaders.extract.acts.clauses), matching the forms of loaders.extract.acts.wording; the verb of a block
(`任命：`, `免去`) carries to the clauses after it until a clause that is no act (a clause of the
person before, `免去其Y职务`, leaves it as it was), and a clause without a name belongs to the
person of the act before it in the sentence (loaders.extract.acts.following). A line the layout
broke is read together with the next, and so is a name alone on its line under a block word
(`决定任命` / `郭振中` / `…主任`: the post on the next line). A 任免 notice may list its acts as a
table (`序号 姓名 任职 免职`, see loaders.extract.acts.table): its rows are read first and
skipped as text. Outside a 任免 notice and its blocks only the sentences at an act's word
(acts.yaml act_words, where spaCy marked them) and the line before each are read. The records
themselves are made by loaders.extract.acts.records; a post's body from the text around it and
an act told twice are settled by loaders.extract.acts.merge; the deciding body and meeting come
from loaders.extract.acts.decision.

Every act names its rule: `acts/form:<form>` (任命…为…, 免去…的…职务, …被任命为…, 决定…为…,
取消…试任… …), `acts/block:<word>` (a line under 任命：), `acts/carried:<act>` (a line the act
before carries to), `acts/notice:<line>` (a line of a 任免 notice without a block word),
`acts/name-above`, `acts/name-beside`, `acts/nameless:<verb>` (…，不再担任Y职务), `acts/more-posts:<act>` (…，Y管委会
主任), `acts/probation` (试用期满…正式任用), `acts/table`, `acts/cut:<act>` (an act the page cut),
`acts/roster:<verb>…为…` (委任以下人士为X委员： and a person a line), `acts/decided:决定` (会议决定，A为X主任，
B为Y主任: a decision alone in its clause frames its sentence), `acts/counted:sentence` and
`acts/counted:list` (委任四名X新成员 … named after: loaders.extract.acts.counted).
A sentence after one telling the posts people hold now (目前还担任着…职务) states statuses: its X任Y
are no acts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from loaders.extract import extractor
from loaders.extract.acts.clauses import clause_spans
from loaders.extract.acts.counted import read_counted
from loaders.extract.acts.decision import decision_context
from loaders.extract.acts.following import Following
from loaders.extract.acts.merge import settle
from loaders.extract.acts.records import Span, Where, join_notes
from loaders.extract.acts.roster import HIRE_WORDS, Head, post_line, roster_head, roster_line
from loaders.extract.acts.successor import read_successors
from loaders.extract.acts.table import table_acts
from loaders.extract.acts.measures import read_disciplined, read_removed_list, read_sanctioned
from loaders.extract.acts.titled import (read_bodied, read_departed, read_described_passive, read_leaving, read_moved,
                                         read_newly, read_post_is, read_succeeded, read_titled)
from loaders.extract.groups.names import is_leading_group
from loaders.extract.places import teaser_lines
from loaders.lexicon import lexicon
from loaders.spans.agency import body_before
from loaders.spans.posts import parse_posts
from loaders.extract.acts.wording import (APPOINT, BARE_LINE, BARE_LINE_SHAPES, BLOCK, BLOCK_ACTS, DEFAULT_ACTS, FORMS,
                                          DECIDED_ALONE, NAME_ABOVE, NAME_BESIDE, NOTE_ONLY, PROBATION_ENDED, PROBATION_SENTENCE,
                                          REMOVAL_ACTS, REMOVE, W, act_word_starts, is_personnel_title,
                                          sentence_spans)
from loaders.records import Facts, PersonnelAct
from loaders.view import DocumentView

_LEX = lexicon()


# 此前， (before now), opening the sentence of a clause that tells who holds a post: who held it.
_PAST_OPENER = re.compile(rf"\s*{_LEX.alternation('acts.past_openers')}[,，]\s*")


@dataclass
class _State:
    """The verb a clause carries to the clauses after it (kind "either": a 任免 notice)."""
    kind: str | None = None
    act: str | None = None
    note: str | None = None
    rule: str | None = None  # the rule of the lines it carries to (acts/block:任命)
    block: bool = False  # set by a block word (`任命：`): its lines name persons
    roster: Head | None = None  # the post of a list below, one person a line (委任以下人士为X委员：)
    sentence_only: bool = False  # set by a decision alone in its clause (会议决定，): ends with the sentence


@extractor("appointments")
def extract_appointments(view: DocumentView) -> Facts:
    """Every appointment and removal the document states, with its sentence as evidence,
    and the body and meeting that decided them when the document says."""
    acts = _read(view)
    told = {act.person for act in acts}
    acts += [act for act in _read(headline) if act.person not in told] if (headline := _headline(view)) else []
    if acts:
        body, meeting, decided = decision_context(view)
        for act in acts:
            act.body, act.meeting, act.decided = body, meeting, decided
    return Facts(acts=acts)


def _read(view: DocumentView) -> list[PersonnelAct]:
    reader = _Reader(view)
    reader.read()
    for read in (read_counted, read_titled, read_described_passive, read_leaving, read_departed, read_disciplined,
                 read_sanctioned, read_removed_list, read_succeeded, read_newly, read_moved, read_post_is, read_bodied,
                 read_successors):
        read(reader)
    return settle(reader.acts, view, reader.sentence_of)


def _headline(view: DocumentView) -> DocumentView | None:
    """The document's head (its title, 文号, addressees) as a text of its own: a news report's
    headline may be all it says of a person's act (徐国勇请辞内政部长获准 职务由花敬群代理)."""
    document = view.document
    if document.body_start is None or document.body_start <= document.start:
        return None
    return DocumentView(replace(document, body_start=document.start, end=document.body_start))


class _Reader(Following):
    def __init__(self, view: DocumentView):
        super().__init__(view)
        personnel = is_personnel_title(view.heading)
        self.default = _State("either") if personnel else _State()
        # a table's rows (read first) and a web page's teaser lines (相关阅读 / 陈宇剑任上海市副市长:
        # another article's headline) are passed over as text
        self.rows = sorted((table_acts(self) if personnel else []) + teaser_lines(self.text))
        self.hits = act_word_starts(view)

    def read(self) -> list[PersonnelAct]:
        state, pending = self.default, None
        spans = sentence_spans(self.text)
        starts = [a for a, _ in spans]
        i = 0
        while i < len(spans):
            if state.kind is None and pending is None:  # nothing open: go on at an act's word
                i = self._worth_reading(i, spans, starts)
                if i == len(spans):
                    break
            start, end = spans[i]
            i += 1
            if self.rows and self._in_row(start):
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

    def _worth_reading(self, i: int, spans: list[Span], starts: list[int]) -> int:
        """From sentence i on, the first that may hold an act: i when it holds an act's word,
        else the one before the sentence holding the next (a line that may wrap into it), or
        past the end. Sentences between hold no act's word and leave nothing open."""
        k = bisect_left(self.hits, spans[i][0])
        if k == len(self.hits):
            return len(spans)
        return max(i, bisect_right(starts, self.hits[k]) - 2)

    def _has_act_word(self, start: int, end: int) -> bool:
        k = bisect_left(self.hits, start)
        return k < len(self.hits) and self.hits[k] < end

    def _in_row(self, at: int) -> bool:
        k = bisect_right(self.rows, (at, len(self.text))) - 1
        return k >= 0 and self.rows[k][0] <= at < self.rows[k][1]

    def _open_line(self, start: int, end: int) -> bool:
        """A line that ends without punctuation, as a line broken by the layout does."""
        tail = self.text[start:end].rstrip()
        return end < len(self.text) and self.text[end] == "\n" and bool(tail) and tail[-1].isalnum()

    def _sentence(self, start: int, end: int, state: _State) -> _State:
        if state.roster is not None:
            if found := roster_line(self.text, start, end):
                self.roster_act(*found, state.roster, state.act, Where((start, end), state.rule))
                return state
            if post_line(self.text, start, end):
                return state
            state = self.default  # a line that names no one ends the list
        if state.kind is None and not self._has_act_word(start, end):
            return state
        if head := roster_head(self.text, start, end):
            act = W["hire"] if head.verb in HIRE_WORDS else W["appoint"]
            return _State(APPOINT, act, rule=f"acts/roster:{head.verb}…{W['as_word']}…", roster=head)
        text = self.text[start:end]
        note = W["probation_note"] if PROBATION_ENDED.search(text) else None
        if note and (m := PROBATION_SENTENCE.match(self.text, start, end)):
            where = Where((start, end), "acts/probation")
            if self._acts(m, 0, APPOINT, W["confirmed"], note, where, strong=True):
                return self.default
        last: list[PersonnelAct] = []
        # a line under a block word (`任命：` / `张三为X，免去其Y职务；`) leaves the block's verb
        # to the lines after it, whatever its own later clauses say
        opening, under_block = state, None
        for a, b in clause_spans(self.text, start, end):
            clause = self.text[a:b]
            lead = len(clause) - len(clause.lstrip())
            if (m := NOTE_ONLY.match(clause.strip())) and last:
                for act in last:
                    act.note = join_notes(act.note, self.note_of(a + lead + m.start(1), a + lead + m.end(1)))
                continue
            found, state = self._clause(a, b, state, note, (start, end))
            if under_block is None:
                under_block = bool(found) and state is opening and opening.kind in (APPOINT, REMOVE)
            if not found and last:
                found = (self._nameless(a, b, (start, end)) or self._predecessors(a, b, last, (start, end))
                         or self._more_posts(a, b, last[-1], (start, end)))
            last = found or last
        if state.sentence_only:
            return self.default
        return opening if under_block else state

    def _clause(self, a: int, b: int, state: _State, note: str | None,
                sentence: Span) -> tuple[list[PersonnelAct], _State]:
        """The acts of one clause and the state it leaves for the clauses after it."""
        a = self._after_enumerator(a, b)
        while b > a and self.text[b - 1].isspace():
            b -= 1
        if block := BLOCK.search(self.text[a:b]):
            word = block["verb"] or block["other"]
            act = BLOCK_ACTS[word]
            kind = REMOVE if act in REMOVAL_ACTS else APPOINT
            if note and kind == APPOINT:
                act = W["confirmed"]
            return [], _State(kind, act, note if kind == APPOINT else None, f"acts/block:{word}", block=True)
        if DECIDED_ALONE.fullmatch(self.text, a, b) and state.kind is None:
            return [], _State(APPOINT, W["appoint"], rule=f"acts/decided:{W['decide']}", sentence_only=True)
        return (self._by_form(a, b, note, sentence, state) or self._bare_line(a, b, state, sentence)
                or (self._cut_act(a, b, sentence), state if state.sentence_only else self.default))

    def _by_form(self, a: int, b: int, note: str | None, sentence: Span,
                 state: _State) -> tuple[list[PersonnelAct], _State] | None:
        """A clause with its verb: the first form that yields acts decides it; under a block
        word every form frames its names as persons (`格绒彭措兼任…主任`). A clause of the person
        before (`…，免去其Y职务`) leaves the verb that carries to the lines after as it was: a list
        `任命A为X，免去其Y职务；B为Z，免去其W职务` goes on appointing."""
        framed = state.block
        clause = self.text[a:b]
        for form in FORMS:
            if form.word == W["serve"] and not framed and self._after_status(sentence[0]):
                continue  # 目前还担任着…职务。高继泰任…: statuses, no acts
            if form.holding and _PAST_OPENER.fullmatch(self.text, sentence[0], a):
                continue  # 此前，X局长由Y担任: who held it before, no act
            if form.words_in(clause) and (m := form.pattern.search(clause)) and self._then(form, a + m.end()) \
                    and (not form.holding or self._bodies_own(a + m.start("posts"), a + m.end("posts"))):
                act, extra = form.act, self._tail_note(b, a + m.end())
                if form.kind == APPOINT and (note or act == W["confirmed"]):
                    act = W["confirmed"] if act == W["appoint"] else act
                    extra = join_notes(W["probation_note"], extra)
                where = Where(sentence, form.rule)
                found = self._acts(m, a, form.kind, act, extra, where, form.strong or framed)
                if form.body_nearby:
                    self._bodies_nearby(found, a)
                if found and form.kind == REMOVE:
                    found += self._more_removals(a + m.end(), b, where)
                if found and _of_the_person_before(m):
                    return found, state
                if found:
                    carry = W["confirmed"] if note and form.kind == APPOINT else DEFAULT_ACTS[form.kind]
                    return found, _State(form.kind, carry, note if form.kind == APPOINT else None,
                                         f"acts/carried:{carry}")
        return None

    def _bare_line(self, a: int, b: int, state: _State,
                   sentence: Span) -> tuple[list[PersonnelAct], _State] | None:
        """A line without a verb (`张三为Y`) under a block word or in a 任免 notice; under a
        block word also a name on its own line with the post on the next (NAME_ABOVE), or beside it
        apart by spaces (NAME_BESIDE: `张三　宁远市财政局局长`)."""
        clause = self.text[a:b]
        for kind, pattern in BARE_LINE.items():
            if state.kind in (kind, "either") and (m := pattern.match(clause)):
                act = state.act or DEFAULT_ACTS[kind]
                extra = self._tail_note(b, a + m.end())
                # Under `任命：` / `免去：` the block word frames the line; in a 任免 notice
                # without one, the bare line is weaker evidence of a person.
                strong = state.kind != "either"
                where = Where(sentence, state.rule or f"acts/notice:{BARE_LINE_SHAPES[kind]}")
                found = self._acts(m, a, kind, act, join_notes(state.note, extra), where, strong)
                if found:
                    return found, state
        if state.kind not in (APPOINT, REMOVE):
            return None
        for pattern, rule in ((NAME_ABOVE, "acts/name-above"), (NAME_BESIDE, "acts/name-beside")):
            if m := pattern.match(clause):
                act = state.act or DEFAULT_ACTS[state.kind]
                found = self._acts(m, a, state.kind, act, state.note, Where(sentence, rule), False)
                if found:
                    return found, state
        return None


    def _bodies_nearby(self, acts: list[PersonnelAct], at: int) -> None:
        """Give a bodiless post the body the paragraph writes it with (上海市文史研究馆馆员聘任仪式
        before …22位新聘馆员颁发聘书): the longest agency name right before the same post."""
        start, end = self.text.rfind("\n", 0, at) + 1, self.text.find("\n", at)
        paragraph = self.text[start:len(self.text) if end < 0 else end]
        for act in acts:
            if act.org is None and act.post and (body := body_before(paragraph, act.post)):
                act.org = body

    def _bodies_own(self, a: int, b: int) -> bool:
        """Whether every post of text[a:b] names its body and none is a leading group's role
        (a committee's are posts: 行政会议召集人, 平机会主席)."""
        posts = parse_posts(self.text, a, b)
        orgs = ["".join(self.text[slice(*post.org)].split()) for post in posts if post.org]
        return bool(posts) and len(orgs) == len(posts) and not any(is_leading_group(org) for org in orgs)

    def _then(self, form, at: int) -> bool:
        """Whether the rest of the paragraph holds what the form needs after it (接受), and the text
        up to the paragraph's end what it needs anywhere (辞职报告: 其辞职自辞职函送达董事会时生效)."""
        end = self.text.find("\n", at)
        end = len(self.text) if end < 0 else end
        if form.given and not any(word in self.text[:end] for word in form.given):
            return False
        return not form.then or self.text.find(form.then, at, end) >= 0


def _of_the_person_before(m) -> bool:
    """A form matched on 其, the person of the act before (免去其Y职务)."""
    groups = m.groupdict()
    return groups.get("names") == W["pronoun"] or (groups.get("who") or "").startswith(W["pronoun"])
