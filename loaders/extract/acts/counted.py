"""People a text appoints by count first and names after.

Hong Kong's releases announce how many people are appointed, and to what body, before naming
them: 宣布委任四名基本法推广督导委员会(基广会)新成员及再度委任九名现任成员, 行政长官委任四十五名城市规划委员会
成员, 委任八名新委员及再度委任四名现任委员. The people are named after, either in a sentence that
counts them again (四名新成员为郭永强、李銮辉、孙澎及汤修齐。 九位再度获委任两年的成员为A、…及B。) or in the
list the announcement opens (…,名单如下: / 以下为…委任名单:), one person a line, under labels:
where a label says who was appointed (新委任委员, 获再度委任委员) the other sections (其他非官方委员)
were not, else every named section was (非官方成员, its people's post as the label writes it).
A line may mark its person (*何建宗博士), add a courtesy title and letters (蒲禄祺, BBS, J.P.) and a
column of background after spaces (测量界); a line of posts (规划署署长(副主席)) names no one.

The body is the one the announcement names, without its short name in brackets, or else the
group the text mentioned last before it (委任李宗德为公民教育委员会主席 … 委任八名新委员). People
counted and named with no announcement (16名非官方委员包括：A、B…) join the group the text set up
last before them (政府宣布成立中医中药发展委员会), the kind of member their note (非官方委员). The words
are in ontology/lexicon/acts.yaml (counted_*); rules `acts/counted:sentence`, `acts/counted:list`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from loaders.extract.acts.records import ActRecorder, Span
from loaders.extract.acts.roster import COURTESY, LETTERS
from loaders.extract.acts.wording import APPOINT, W
from loaders.extract.groups.owners import mentioned_before
from loaders.lexicon import lexicon
from loaders.spans.agency import is_joined_agency
from loaders.spans.listed import described_people
from loaders.spans.posts import Post, is_person_name, people_spans, title_length

_LEX = lexicon()
_ALT = _LEX.alternation
_CJK = "\u4e00-\u9fff"
_COUNT = rf"(?:[0-9]{{1,3}}|[{_LEX['numbering.cn_digits']}{_LEX['acts.counted_two']}]{{1,3}}){_ALT('acts.counted_units')}"
_COUNT_REACH = 40  # how far after the verb its count may stand
_ROLE = rf"(?P<role>{_ALT('acts.counted_roles')})(?!会)"  # 委员 of 委员会 is no role
# 委任四名X委员会(基广会)新成员: the verb, the count, the body perhaps, who they are, the role.
# The count may stand later in the verb's sentence (委任了七位新委员, 委任A出任副主席，以及34名非官方委员).
ANNOUNCED = re.compile(rf"{_ALT('acts.counted_verbs')}(?:[^。;；\n]{{0,{_COUNT_REACH}}}?(?P<count>{_COUNT})"
                       rf"|{_ALT('acts.counted_uncounted_kinds')})"
                       rf"(?P<body>[^,，。;；:：\n]{{0,40}}?)"
                       rf"(?:\([{_CJK}]{{2,8}}\){W['of_word']}?)?{_ALT('acts.counted_kinds')}?{_ROLE}")
# 政府委任香港电台顾问委员会成员, 教育局今日宣布委任资优教育咨询委员会委员。: a headline or a sentence
# announcing who joins a body, the people counted nowhere.
UNCOUNTED = re.compile(rf"(?:^[ \t\u3000]*|(?<=[。，,]))[{_CJK}()（）0-9]{{0,16}}?{_ALT('acts.counted_verbs')}(?!了?{_COUNT})"
                       rf"[「“]?(?P<body>(?:(?!{_ALT('acts.counted_uncounted_kinds')})[^,，。;；:：「」“”\n]){{3,40}}?)[」”]?"
                       rf"(?:\([{_CJK}]{{2,8}}\))?{_ALT('acts.counted_kinds')}?"
                       rf"(?:{W['of_word']}(?={_ALT('acts.counted_roles')}{_ALT('acts.counted_list_names')}))?{_ROLE}(?:{_ALT('acts.counted_list_names')})?"
                       rf"[ \t]*(?=[。\n]|$)", re.M)
# …委任九名现任成员，担任平等机会委员会(平机会)委员: the body written after the people's count.
_BODY_AFTER = re.compile(rf"[,，]?{_ALT('acts.counted_body_after')}(?P<body>[^,，。;；:：\n]{{3,40}}?)"
                         rf"(?:\([{_CJK}]{{2,8}}\))?{_ROLE}")
# …，包括A、B及C，也再度获委任: the names may close at the act said of them after a comma.
_NAMED_THEN = rf"[,，][^,，。;；\n]{{0,8}}?{_ALT('acts.counted_verbs')}"
# 四名新成员为A、B及C。: the count again, who they are, the role, then the names.
_COUNTED_AGAIN = rf"(?:(?P<count>{_COUNT})[^,，。;；:：\n]{{0,20}}?|(?<=[。\n]){_ALT('acts.counted_new')})"  # 四名新, or 新 alone
NAMED = re.compile(rf"{_COUNTED_AGAIN}{_ROLE}[,，]?{_ALT('acts.counted_are')}[:：]?"
                   rf"(?P<names>[^。;；\n]{{2,400}}?)(?:[。;；]?$|{_NAMED_THEN})", re.M)
# 五名人士为X委员会: who they are and the word before the body they join.
_BODY_LEAD = re.compile(rf"[{_CJK}]{{0,4}}?{_ALT('acts.counted_body_after')}")
_LIST_OPENS = re.compile(rf"(?:{_ALT('acts.counted_list_words')})[:：]\s*$", re.M)
_LIST_REACH = 3  # lines after the announcement that may open its list
_SHORT_NAME = re.compile(rf"\(([{_CJK}]{{2,8}})\)")
_GROUP_KIND = re.compile(f"(?:{_ALT('groups.types')})$")
# 获再度委任委员, 非官方成员:(*为新委员), 新委任的成员如下: — a section's label, perhaps with a note.
_LABEL = re.compile(rf"\s*(?P<label>[{_CJK}]{{0,16}}?{_ALT('acts.counted_roles')})(?:如下)?\s*[:：]?"
                    rf"(?:\s+[{_CJK}]{{1,4}}|[(（][^()（）\n]{{1,16}}[)）])?\s*")
# …成员包括十五名非官守成员。非官守成员名单如下: a label closing the line that opens a list.
_OPENER_LABEL = re.compile(rf"(?<=[。，,\s])(?P<label>(?:{_ALT('acts.counted_label_words', 'acts.counted_kinds')})+"
                           rf"{_ALT('acts.counted_roles')})"
                           rf"{_ALT('acts.counted_list_names')}如下[:：]\s*$")
_APPOINTED_LABEL = re.compile(_ALT("acts.counted_label_verbs"))
_LABEL_PREFIX = re.compile(rf"(?:{_ALT('acts.counted_label_words')})+")
_KINDS = re.compile(rf"(?:{_ALT('acts.counted_label_words', 'acts.counted_kinds')})+")
# *何建宗博士 关注环境人士: a mark perhaps, the name, a courtesy title and letters, a column after spaces.
_LINE = re.compile(rf"\s*(?P<mark>[*#▲])?(?P<name>[{_CJK}]{{2,4}}?)(?P<titled>(?:{COURTESY})?{LETTERS}*)"
                   rf"(?P<after>[*#▲])?(?:[(（](?P<role>[{_CJK}]{{2,8}})[)）])?(?:[ \t\u3000]+\S.*)?\s*")
_LINE_ROLES = frozenset(_LEX.words("acts.committee_roles")) | frozenset(_LEX.table("groups.roles"))
_MEMBER_KIND = re.compile(f"{_ALT('acts.counted_member_kinds')}$")  # 非官方 of 现任非官方成员
_SET_UP_WORD = re.compile(_ALT("groups.set_up_verbs"))
_SET_UP = re.compile(rf"{_ALT('groups.set_up_verbs')}{_ALT('groups.set_up_particles')}?$")  # 宣布成立X委员会
_RULE = "acts/counted"


@dataclass(frozen=True)
class Announced:
    at: int  # where the announcement ends
    role: str
    body: Span | None
    post: Span | None = None  # the post they take, written after them (…，担任X委员会委员)


Section = tuple[Span, list[tuple[Span, Span]]]  # a label and each (name, line) under it


def read_counted(recorder: ActRecorder) -> None:
    """Record the acts of every counted announcement in the document and its naming after."""
    text = recorder.text
    announced = announcements(text)
    if not announced and not _SET_UP_WORD.search(text):
        return  # no announcement, and no group set up that counted people could join
    named = set()  # the sentences of announcements whose people are named again: a list after them is a roster
    for m in NAMED.finditer(text):
        ann = _last_before(announced, m.end("role"), m["role"])
        if body := ann.body if ann else _body_of_counted(text, m):
            people = people_spans(text, *m.span("names"), strong=True) or described_people(text, *m.span("names"))
            where = _line_of(text, m.start())
            _record(recorder, people, Post(body, m.span("role")), where, f"{_RULE}:sentence", _kind_of(text, m))
            if ann:
                named.add(_sentence_end(text, ann.at))
    for ann, sections in counted_lists(text, announced):
        if _sentence_end(text, ann.at) in named:  # 四名新成员为A、B…: the list further on names every member
            continue
        for label, people in _appointed(text, sections):
            post = Post(ann.body, ann.post or post_of(text, label, ann.role, _KINDS))
            written = post_of(text, label, ann.role)  # 非官方成员: the kind of member, the act's note
            note = None if ann.post or post.title == written else recorder.note_of(*written)
            for name, line in people:
                role = line_role(text, line)
                _record(recorder, [name], Post(ann.body, role) if role else post, line, f"{_RULE}:list",
                        None if role else note)


def _kind_of(text: str, m: re.Match) -> str | None:
    """The kind of member a counted sentence says its people are, with the role (16名非官方委员包括 →
    非官方委员; 3名现任非官方成员 → 非官方成员): the act's note, as a counted list's label is."""
    kind = _MEMBER_KIND.search(text, m.end("count"), m.start("role")) if m["count"] else None
    return text[kind.start():m.end("role")] if kind else None


def _body_of_counted(text: str, m: re.Match) -> Span | None:
    """The body of people counted and named with no announcement before (政府宣布成立X委员会… 16名
    非官方委员包括：A、B…): the group the text set up last before, where the sentence counts them."""
    body = mentioned_before(text, m.start()) if m["count"] else None
    return body if body and _SET_UP.search(text, max(0, body[0] - 4), body[0]) else None


@lru_cache(maxsize=2)
def announcements(text: str) -> tuple[Announced, ...]:
    """The document's counted announcements, read once: the acts' reader and the groups' reader
    (loaders.extract.groups.appointed) both ask for them."""
    found = itertools.chain(UNCOUNTED.finditer(text), ANNOUNCED.finditer(text))
    return tuple(sorted((a for m in found if (a := _announced(text, m))), key=lambda a: a.at))


def counted_lists(text: str, announced: tuple[Announced, ...]) -> Iterator[tuple[Announced, list[Section]]]:
    """Each announcement whose body is known with the sections of the list it opens (one list
    for the announcements of one sentence: 委任八名新委员及再度委任四名现任委员，…名单如下:)."""
    opened: set[int] = set()
    for ann in announced:
        if ann.body and (opening := _list_after(text, ann.at, _names_of(text, ann.body))) is not None \
                and opening not in opened:
            opened.add(opening)
            if sections := _sections(text, opening):
                yield ann, sections


def _announced(text: str, m: re.Match) -> Announced | None:
    """The announcement's body: the one written between count and role — a body's name, not a
    post's (委任四名署长…) nor a word or two (委任四名新成员) —, else after the people
    (…，担任平等机会委员会委员), else the group mentioned last. Without a count only a body
    written in it makes an announcement (委任新一届文化委员会成员)."""
    body = _trimmed_body(text, m) if m["body"] and title_length(m["body"]) == 0 else None
    if m.groupdict().get("count") is None:
        return Announced(m.end(), m["role"], body) if body and is_joined_agency(m["body"]) else None
    if body is None and (after := _BODY_AFTER.search(text, m.end(), _sentence_end(text, m.end()))):
        return Announced(m.end(), after["role"], after.span("body"), after.span("role"))
    return Announced(m.end(), m["role"], body or mentioned_before(text, m.start("count")))


def _trimmed_body(text: str, m: re.Match) -> Span | None:
    """The body between count and role without the words around it (委任五名人士为X委员会的新委员,
    再度委任八名现任语常会委员)."""
    a, b = m.span("body")
    if lead := _BODY_LEAD.match(text, a, b):
        a = lead.end()
    if kinds := _KINDS.match(text, a, b):
        a = kinds.end()
    if text.startswith(W["of_word"], b - 1):
        b -= 1
    return (a, b) if b - a >= 3 else None


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(mark, at) for mark in "。\n") if i >= 0]
    return min(ends, default=len(text))


def line_role(text: str, line: Span) -> Span | None:
    """The role a list's line gives its person in brackets (王英伟博士(副主席)), when one of a
    committee's roles: other words there tell who the person is (简加言博士(中学校长))."""
    m = _LINE.fullmatch(text, *line)
    return m.span("role") if m and m["role"] in _LINE_ROLES else None


def _last_before(announced: tuple[Announced, ...], at: int, role: str) -> Announced | None:
    return next((a for a in reversed(announced) if a.at <= at and a.role == role), None)


def _line_of(text: str, at: int) -> Span:
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return start, len(text) if end < 0 else end


def _names_of(text: str, body: Span) -> tuple[str, ...]:
    """The body's name, the short name in brackets after it where the text gives one
    (家庭与学校合作事宜委员会(家校会)), and the kind of group it is, by which a text calls it again
    (…顾问团: 顾问团的成员名单如下)."""
    name = text[slice(*body)]
    short = _SHORT_NAME.match(text, body[1])
    kind = _GROUP_KIND.search(name)
    return tuple(n for n in (name, short and short[1], kind and kind[0]) if n)


def _list_after(text: str, at: int, names: tuple[str, ...]) -> int | None:
    """Where the list an announcement opens begins: after a line ending 名单如下: near it, or
    further on where that line names the announcement's body, perhaps by its short name
    (…起生效的语常会成员名单如下:, 新一届家校会成员名单如下:); at that line when it is a label itself
    (新委任的成员如下:)."""
    end = at
    for i in itertools.count():
        line_end = text.find("\n", end)
        if line_end < 0:
            return None
        named = any(name in text[end:line_end] for name in names)
        if _LIST_OPENS.search(text, end, line_end + 1) and (i < _LIST_REACH or named):
            # 新委任的成员如下: a line that says who the list names is its first section's label
            return end if _LABEL.fullmatch(text, end, line_end) else line_end + 1
        end = line_end + 1


def _lines(text: str, at: int) -> Iterator[Span]:
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield at, end
        at = end + 1


def _sections(text: str, at: int) -> list[Section]:
    """The labelled sections of a list and the people each names, up to prose again; the first
    under the label closing the line that opens the list (…非官守成员名单如下:)."""
    opener = _OPENER_LABEL.search(text, text.rfind("\n", 0, at - 1) + 1, at - 1) if at else None
    sections: list[Section] = [(opener.span("label"), [])] if opener else []
    for a, b in _lines(text, at):
        line = text[a:b]
        if not line.strip() or set(line.strip()) <= set("-─—*=_ "):
            continue
        if label := _LABEL.fullmatch(text, a, b):
            sections.append((label.span("label"), []))
        elif (m := _LINE.fullmatch(text, a, b)) and _is_name(m) and sections:
            sections[-1][1].append((m.span("name"), (a, b)))
        elif any(mark in line for mark in "。;；") or len(line.strip()) > 40:
            break
    return [s for s in sections if s[1]]


def _appointed(text: str, sections: list[Section]) -> list[Section]:
    """The sections whose labels say their people were appointed, when any does; else all."""
    return [s for s in sections if _APPOINTED_LABEL.search(text, *s[0])] or sections


def _is_name(line: re.Match) -> bool:
    """A name with a known surname, or any name a mark or a courtesy title vouches for: a
    background column's wrapped words (究中心) are none."""
    return is_person_name(line["name"], strong=bool(line["mark"] or line["after"] or line["titled"]))


def post_of(text: str, label: Span, role: str, prefixes: re.Pattern | None = None) -> Span:
    """The label without the words saying how its people came (获再度委任委员 → 委员), and
    with `prefixes` _KINDS, without what kind of member they are too (非官方成员 → 成员: the
    post, the label its act's note)."""
    a, b = label
    prefix = (prefixes or _LABEL_PREFIX).match(text, a, b)
    return (prefix.end(), b) if prefix and b - prefix.end() >= len(role) else label


def _record(recorder: ActRecorder, people: list[Span], post: Post, sentence: Span, rule: str,
            note: str | None = None) -> None:
    evidence = recorder.view.evidence(*sentence, rule)
    acts = [recorder.make_act(APPOINT, W["appoint"], note, person, post, evidence) for person in people]
    recorder.add(acts, sentence)
