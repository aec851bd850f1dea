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
from functools import cached_property

from loaders.extract.acts.roster import Head
from loaders.extract.acts.wording import APPOINT, BARE_OFFICE, BRACKETED_NOTE, W
from loaders.lexicon import lexicon
from loaders.records import Evidence, PersonnelAct
from loaders.spans.listed import described_people, titled_people
from loaders.spans.posts import (COURTESY_AT_END, Post, inherited_org, is_framed_name, is_person_name, is_title,
                                 listed_posts, parse_posts, people_spans, split_top, title_length)
from loaders.text.script import to_simplified
from loaders.view import DocumentView

Span = tuple[int, int]
NOTE_JOINER = "；"
_TITLE_REACH = 12  # the longest title looked for before a 兼
_SUB_BODIES = frozenset(lexicon().words("acts.sub_bodies"))  # 办公厅主任 after the body's other post
_LOCAL_PLACES = lexicon()["acts.local_places"]
_ONE_CHARACTER_PLACE = re.compile(f"[\u4e00-\u9fff][{lexicon()['acts.place_levels']}]")  # 井镇 of 李杰克井镇: no place
_NAME_ENDING_PREFIXES = frozenset(lexicon().words("acts.serve_promoted_name_endings"))  # 升 of 李东升
_COURTESY_FIRST = re.compile(lexicon().alternation("acts.courtesy_titles"))  # 田秋先生副总经理
_BODY_OPENERS = tuple(lexicon().words("acts.body_openers"))
_GROUP_JOINERS = "".join(lexicon().words("acts.name_list_joiners"))  # 参事A和馆员B: two groups
_APPROVED = lexicon().words("acts.approval_verbs")  # 中共中央批准李明任…: the body's decision before the name
_COUNTED = re.compile(lexicon()["acts.names_count_pattern"])
_ALTERNATIVES = lexicon()["acts.post_alternatives"]
_EACH = re.compile(lexicon().alternation("acts.roster_each"))  # A、B分别为X、Y: paired in order
_HELD = re.compile(rf"{lexicon().alternation('acts.held_words', 'acts.trial_words')}{W['of_word']}?")  # 现任, 兼任的
_REPLACING_WORD = re.compile(lexicon().alternation("acts.replacing_words"))
_MASKED_NAME = re.compile(lexicon()["acts.masked_name_pattern"])
_FORMER = tuple(lexicon().words("acts.former_post_words"))


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
        self.sentence_of: dict[int, Span] = {}  # id of an act → its sentence in the text

    @cached_property
    def place_starts(self) -> set[int]:
        """Where the districts the gazetteer lists begin (a name in 免去X职务 ends there)."""
        return {m.start_char for m in self.view.spans("gazetteer") if m.label_ == "DISTRICT"}

    def _acts(self, m: re.Match, offset: int, kind: str, act: str, note: str | None,
              where: Where, strong: bool = False) -> list[PersonnelAct]:
        """The acts of a form's match, its groups counted from offset in the text."""
        if "entries" in m.groupdict():
            return self._entries(offset + m.start("entries"), offset + m.end("entries"), kind, act, note, where)
        holding = None  # the post a person's description says they hold (研考会主委林丰裕)
        if "who" in m.groupdict():
            if pairs := titled_people(self.text, offset + m.start("who"), offset + m.end("who")):
                return self._titled(pairs, kind, act, note, where)  # 免去A县长X、B局长Y职务
            people, posts = self._split_who(offset + m.start("who"), offset + m.end("who"))
        elif m.groupdict().get("names") == W["pronoun"]:  # 免去其…职务: the person of the act before
            people, posts = self.people, (offset + m.start("posts"), offset + m.end("posts"))
        else:  # a form whose names are each written after a description (由资深大律师林定国接任) says so
            described = "described" in m.groupdict()
            a, b = (offset + i for i in m.span("described" if described else "names"))
            posts = (offset + m.start("posts"), offset + m.end("posts"))
            # 董事长及总经理分别由A及B接任: the takers are a list, each described before their name
            if described:
                listed = _EACH.search(self.text, posts[1], a) and described_people(self.text, a, b)
            else:  # 检察长马翊、院长叶迅生分别就任X: people each titled, 分别 after them
                listed = _EACH.search(self.text, b, posts[0]) and [name for _, name in titled_people(self.text, a, b)]
            people = (people_spans(self.text, a, b, strong or self.text.startswith(W["honorific"], b)) or listed
                      or self._named_within(a, b) or (described_people(self.text, a, b) if described else []))
            holding = self._held_post(a, people)
        people = [p for p in people if not _COUNTED.match(self.text, *p)]  # 再度委任九名现任成员: a count
        if not people or posts is None or _ALTERNATIVES in self.text[posts[0]:posts[1]]:
            return []
        if m.groupdict().get("promoted"):
            people = _promoted_or_named(people, offset + m.end("names"), m["promoted"])
        if m.groupdict().get("replacing"):  # 接替雷添良: whom the person succeeds
            if not self._names_predecessor(offset + m.start("replacing"), offset + m.end("replacing")):
                return []  # 接任立法院新任秘书长: the post taken, its 新任 no verb
            note = self.note_of(offset + m.start("replacing"), offset + m.end("replacing"))
        # 分别 after the people (A、B分别为X、Y), before the verb (分别委任A及B续任X及Y) or before the
        # described takers (董事长及总经理分别由A及B接任): one post each, in order
        each = ("names" in m.groupdict() and m["names"] and _EACH.search(self.text, offset, posts[0])
                or "described" in m.groupdict() and len(people) > 1
                and _EACH.search(self.text, posts[1], offset + m.start("described")))
        made = self._record(kind, act, note, people, posts, where, respectively=bool(each), holding=holding)
        if made:
            self.people = people
        return made

    def _names_predecessor(self, a: int, b: int) -> bool:
        """Whether the words after 接替/接任 end with whom the person succeeds (雷添良, 因健康理由
        提早离职的张建东, 陈镇仁博士), not with a body (立法院新)."""
        words = _REPLACING_WORD.sub("", self.text[a:b], count=1)
        return is_person_name(COURTESY_AT_END.sub("", words[words.rfind(W["of_word"]) + 1:]))

    def _titled(self, pairs: list[tuple[Span, Span]], kind: str, act: str, note: str | None,
                where: Where) -> list[PersonnelAct]:
        """免去A县长X、B局长Y职务: each person named after the post they leave."""
        evidence = self.view.evidence(*where.sentence, where.rule)
        made = [self.make_act(kind, act, note, name, post, evidence) for name, post in listed_posts(self.text, pairs)]
        self.add(made, where.sentence)
        if made:
            self.people = [name for _, name in pairs]
        return made

    def record_moved(self, person: Span, holding: Post | None, posts: Span, where: Where) -> list[PersonnelAct]:
        """A person's appointments to the posts a move gives them, a bare title of the one they
        hold taking its body (何怡 of 经发局长何怡: 调任参事兼代理局长 → 参事, 经发局代理局长)."""
        return self._record(APPOINT, W["appoint"], None, [person], posts, where, holding=holding)

    def _held_post(self, a: int, people: list[Span]) -> Post | None:
        """The post a person's description says they hold, with its body (研考会主委林丰裕); not one
        it says they held before (原三重邮局局长胡美惠)."""
        if len(people) != 1 or people[0][0] <= a or self.text.startswith(_FORMER, a):
            return None
        held = parse_posts(self.text, a, people[0][0])
        return held[-1] if held and held[-1].org is not None else None

    def _record(self, kind: str, act: str, note: str | None, people: list[Span], posts: Span,
                where: Where, respectively: bool = False, holding: Post | None = None) -> list[PersonnelAct]:
        """One act for each person and each post of the posts' span; a post after 兼 is held
        concurrently (`市政府副秘书长兼市政府办公室主任`). People and posts said to match one by
        one (`A、B分别为X、Y`) are paired in order."""
        if kind == APPOINT and self.text.endswith(W["post_word"], *posts):  # 任命X为副市长、代理市长职务
            posts = (posts[0], posts[1] - len(W["post_word"]))
        parts = self._bodied_after_also([[self._of_held(post, holding) for post in parse_posts(self.text, *part)]
                                         for part in self._apart_at_also(*posts)])
        held = [(post, act if i == 0 or kind != APPOINT else W["concurrent"], owner)
                for i, part in enumerate(parts) for post, owner in self._owned(part)
                if owner or not self.is_bare_office(post)]
        if not all(parts) or not held:
            return []
        evidence = self.view.evidence(*where.sentence, where.rule)
        if respectively and 1 < len(held) != len(people):
            return []  # not as many posts as people: which is whose is unknown
        pairs = (zip(people, held) if respectively and len(held) > 1
                 else ((person, h) for person in people for h in held))
        made = [self.make_act(kind, verb, note, person, post, evidence, owner)
                for person, (post, verb, owner) in pairs]
        self.add(made, where.sentence)
        return made

    def _of_held(self, post: Post, holding: Post | None) -> Post:
        """A post without a body that is the title the person already holds (调任技监兼代理主委 after
        研考会主委林丰裕): that post's body, held now in an acting capacity or again."""
        if holding is None or post.org is not None or self.text[slice(*post.title)] != self.text[slice(*holding.title)]:
            return post
        return Post(holding.org, post.title, post.notes, post.acting)

    def _owned(self, posts: list[Post]) -> list[tuple[Post, str | None]]:
        """Each post with the body that owns its sub-body: in `河南省人大常委会副秘书长、办公厅主任`
        the 办公厅 is the 常委会's (a bare 办公室 so is too, no group's office); None where the
        post names its own body, or no body stands before it."""
        owned, body = [], None
        for post in posts:
            org = "".join(self.text[slice(*post.org)].split()) if post.org else ""
            sub = org in _SUB_BODIES or self.is_bare_office(post)
            owned.append((post, body if sub else None))
            if org and not sub:
                body = self.view.written(*post.org)
        return owned

    def _bodied_after_also(self, parts: list[list[Post]]) -> list[list[Post]]:
        """A bare title after 兼 takes the body of the post before it, as after 、 (声学研究所党委书记兼纪委书记:
        the institute's 纪委书记; 东城区委书记兼区长: 东城区's 区长)."""
        for before, part in zip(parts, parts[1:]):
            if before and part and part[0].org is None:
                bare = part[0]
                title = "".join(self.text[slice(*bare.title)].split())
                part[0] = Post(inherited_org(self.text, before[-1], title), bare.title, bare.notes, bare.acting)
        return parts

    def _apart_at_also(self, a: int, b: int) -> list[Span]:
        """The posts' span cut at each 兼 (兼任) that follows a known title."""
        parts, start, also = [], a, W["concurrent_note"]
        at = self.text.find(also, a, b)
        while at >= 0:
            if at > start and title_length(self.text[max(start, at - _TITLE_REACH):at]) and at + len(also) < b:
                parts.append((start, at))
                start = at + len(W["concurrent"] if self.text.startswith(W["concurrent"], at) else also)
            at = self.text.find(also, at + 1, b)
        return parts + [(start, b)]

    def roster_act(self, name: Span, role: Span | None, head: Head, act: str, where: Where) -> None:
        """The act of a line under a roster's head: the head's post, or in its body the role
        the line gives the person (郑维健博士(副主席) under 为可持续发展委员会委员)."""
        if role is None:
            self._record(APPOINT, act, None, [name], head.posts, where)
            return
        for post in parse_posts(self.text, *head.posts)[:1]:
            evidence = self.view.evidence(*where.sentence, where.rule)
            self.add([self.make_act(APPOINT, act, None, name, Post(post.org, role), evidence)], where.sentence)

    def add(self, acts: list[PersonnelAct], sentence: Span) -> None:
        self.acts.extend(acts)
        self.sentence_of.update((id(act), sentence) for act in acts)

    def is_bare_office(self, post: Post) -> bool:
        start = post.org[0] if post.org else post.title[0]
        return BARE_OFFICE.fullmatch("".join(self.text[start:post.title[1]].split())) is not None

    def make_act(self, kind: str, act: str, note: str | None, person: Span, post: Post,
                 evidence: Evidence, owner: str | None = None) -> PersonnelAct:
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
            org=(owner or "") + written(*post.org) if post.org else owner, act=act, doc=self.view.key,
            evidence=evidence, note=NOTE_JOINER.join(notes) or None)

    def note_of(self, a: int, b: int) -> str:
        """A note in simplified characters: notes are a vocabulary (兼, 试用期一年), like acts."""
        return "".join(self.text[a:b].split())

    def _tail_note(self, b: int, end: int) -> str | None:
        """Brackets after `…职务` are notes of the act: `职务（保留原职级待遇）`."""
        notes = [self.note_of(*m.span(1)) for m in BRACKETED_NOTE.finditer(self.text, end, b)]
        return NOTE_JOINER.join(n for n in notes if n) or None

    def _named_within(self, a: int, b: int) -> list[Span]:
        """The one name inside what a text says of a person: a position or a phrase closing with
        的 before it (漳州市副市长侯为东, 不满46岁的陆昊), the decision of a body (中共中央批准李明), the
        person's title after it (毛伟明副省长); or the names listed after such a phrase. The names
        must have a known surname: the words around them are no frame."""
        text = self.text[a:b]
        of = text.rfind(W["of_word"])
        if of >= 0 and (listed := people_spans(self.text, a + of + 1, b)) and len(listed) > 1:
            return listed  # 在活动中脱颖而出的舒明、王晓东: the people the phrase speaks of
        end = len(text) - title_length(text)
        if courtesy := COURTESY_AT_END.search(text, 0, end):  # 空军司令郑荣丰上将: a rank after the name
            end = courtesy.start()
        for size in (3, 2):
            start = end - size
            before = text[:max(start, 0)]
            if start < 0 or (before and not (before.endswith(W["of_word"]) or before.endswith(_APPROVED)
                                              or title_length(before))):
                continue
            if is_framed_name(text[start:end]):
                return [(a + start, a + end)]
        return []

    def _entries(self, a: int, b: int, kind: str, act: str, note: str | None, where) -> list[PersonnelAct]:
        """`省政府参事A和省文史馆馆员B、C`: groups joined by 和, each a post and then its people."""
        made: list[PersonnelAct] = []
        for start, end in split_top(self.text, a, b, _GROUP_JOINERS):
            for cut in range(start + 2, end - 1):
                if title_length(self.text[start:cut]) >= 2 and (people := people_spans(self.text, cut, end, True)):
                    made += self._record(kind, act, note, people, (start, cut), where)
                    break
        return made

    def _split_who(self, a: int, b: int) -> tuple[list[Span], Span | None]:
        """`张三阳泉市财政局局长` (免去 without 的): the name ends at 同志 (and a 的 after it), at a
        word of the post held (现任, 兼任的, 试任), or where the agency's place begins (the
        document's jurisdiction, a district the gazetteer lists, 市/县/区/省 of a local agency, or
        中共/国家… of another body). Names before it apart by 、 leave the same post (免去张利国、冯小红同志
        副校长职务): each a name of a known surname, perhaps with 同志."""
        listed = self.text.rfind("、", a, b)
        if listed < 0:
            return self._split_one(a, b)
        people, posts = self._split_one(listed + 1, b)
        named = [(start, start + len(self.text[start:end].removesuffix(W["honorific"])))
                 for start, end in split_top(self.text, a, listed, "、")]
        if people and all(is_person_name(self.text[start:end]) for start, end in named):
            return named + people, posts
        return self._split_one(a, b)

    def _split_one(self, a: int, b: int) -> tuple[list[Span], Span | None]:
        """_split_who for one name."""
        text, place = self.text[a:b], self.view.document.jurisdiction
        if text.startswith(W["pronoun"]) and self.people:
            return self.people, (a + 1, b)
        honorific = W["honorific"]
        for size in (2, 3, 4):
            rest = text[size:]
            if not is_person_name(text[:size], strong=rest.startswith(honorific)):
                continue
            after = rest.removeprefix(honorific)
            if courtesy := _COURTESY_FIRST.match(after):  # 免去田秋先生副总经理职务: the courtesy title after the name
                after = after[courtesy.end():]
            if after != rest and after.startswith(W["of_word"]):  # 取消张三同志的X试任职务
                after = after[len(W["of_word"]):]
            if held := _HELD.match(after):  # 免去张三现任X职务, 取消张三同志试任的X职务
                return [(a, a + size)], (b - len(after) + held.end(), b)
            if after != rest or (place and rest.startswith(to_simplified(place))) or rest[:1] in _LOCAL_PLACES \
                    or rest.startswith(_BODY_OPENERS) or a + size in self.place_starts \
                    or is_title(rest.split("、")[0]):
                return [(a, a + size)], (b - len(after), b)  # …, or a title alone (免去田秋副总经理、董事会秘书职务)
        return self._split_at_body(a, b)

    def _split_at_body(self, a: int, b: int) -> tuple[list[Span], Span | None]:
        """`撤销刘庆红不冻河水库管理所副所长职务`: a name of a known surname, then a body no word above
        places and its post. Of the two readings (a name of three characters or of two), the one whose
        body the text names more often elsewhere (西南林业大学 of 吴松西南林业大学), or that opens at a
        place the gazetteer lists; three characters where nothing tells them apart; never a body of one
        character and its level (李杰克井镇副镇长: 李杰 of 克井镇, not 李杰克 of 井镇)."""
        if masked := _MASKED_NAME.match(self.text, a, b):  # 杨某综合行政执法局…: the name ends at 某
            return [masked.span()], (masked.end(), b)
        splits = []
        for size in (3, 2):
            name = self.text[a:a + size]
            if not is_person_name(name) or _ONE_CHARACTER_PLACE.match(self.text, a + size, b):
                continue
            posts = parse_posts(self.text, a + size, b)
            if posts and posts[0].org is not None:
                body = self.text[slice(*posts[0].org)]  # how often the text names it after another character
                elsewhere = self.text.count(body) - self.text.count(self.text[a + size - 1] + body)
                splits.append((elsewhere, a + size in self.place_starts, size))
        if not splits:
            return [], None
        size = max(splits)[2]
        return [(a, a + size)], (a + size, b)


def join_notes(note: str | None, extra: str | None) -> str | None:
    return f"{note}{NOTE_JOINER}{extra}" if note and extra else (note or extra)


def _promoted_or_named(people: list[Span], names_end: int, promoted: str) -> list[Span]:
    """许启明升任秘书长: promoted; but a two-character name before 升 is a given name's first two
    characters (李东升任市长: 李东升 takes the post), the prefix its last; not before 转 (张巍转任X),
    which ends no given name."""
    if len(people) == 1 and people[0][1] == names_end and people[0][1] - people[0][0] == 2 and promoted in _NAME_ENDING_PREFIXES:
        return [(people[0][0], names_end + 1)]
    return people
