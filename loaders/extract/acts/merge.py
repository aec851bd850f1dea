"""One fact per act: a post's body taken from the text around it, and an act told twice told once.

A sentence may name a body once for several posts: `李斌辞去安徽省省长职务，王学军任代理省长`,
`任命卢新华为桂林市副市长，并决定其代理市长职务`. A post read without a body takes the body of
the nearest post of its rank in the same sentence, else in the same paragraph (省长 for 代理省长;
the deputy's body for the head and the head's for the deputy: 副市长 and 市长 are one
government's). A government's post (副市长, 省长 …) still without a body takes the government of
its level the paragraph names last (`广州市政府领导班子…原副市长王晓玲…不再担任副市长职务`:
广州市政府); the place must open a line or follow punctuation or a function word, and hold no
word of a report's prose, so that prose before it is never read as part of it. A hire still
without a body is the body's that the report says holds the hiring (邵阳市政府举行法律顾问聘任仪式). A
head's post still without one (副局长, 大队长) is of the last body of its kind the text names up to the
act's sentence (…局, …大队).
A role without a body in a paragraph that sets a group up (调整县爱卫会，刘振邦任主任) is a
membership of the group, which its reader gives, no act.

News reports state an act in the headline, the lead and the body (原标题: …), and a 人大 report
states it again in the decision it prints. Acts of one kind, act, person and title whose bodies
agree — one absent, one written inside the other (广东省 in 广东省人民政府), or one place's
government written with its province and without (湖北襄阳市, 襄阳市人民政府) — are one act: the
one with the fuller body stays, where the first of them stood.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.acts.issuer import issuer, name_issuer
from loaders.extract.acts.records import join_notes
from loaders.extract.acts.titled import DEPARTED_RULE
from loaders.extract.acts.wording import REMOVE
from loaders.extract.groups.names import SET_UP
from loaders.lexicon import lexicon
from loaders.records import PersonnelAct
from loaders.spans.agency import is_agency
from loaders.spans.posts import is_person_name, title_length
from loaders.text.script import to_simplified
from loaders.view import DocumentView

Span = tuple[int, int]
_LEX = lexicon()
_RANKS = _LEX.words("acts.rank_prefixes")  # 副市长 and 市长 are posts of one body
_LEVELS = _LEX.table("acts.government_posts")  # 市长 → 市: the level of the place a post serves
_STAFF_POSTS = frozenset(_LEX.words("acts.government_staff_posts"))
# 党委副书记, 纪委书记, 常委: a post of a body's party committee, or of its discipline committee
_PARTY_POST = re.compile(rf"(?:{_LEX.alternation('acts.party_committees', 'acts.sub_bodies')})?"
                         rf"{_LEX.alternation('acts.party_committee_titles')}")
_CJK = "\u4e00-\u9fff"
_GOVERNMENT = _LEX.alternation("agencies.government_ends")
_GOVERNMENT_END = re.compile(f"(?:{_GOVERNMENT})$")
_HIRE = _LEX["acts.hire"]
_GROUP_ROLES = tuple(_LEX.table("groups.roles"))  # 主任, 副主任, 委员 …: a group's roles, bodies' posts too
_COURTESY_ALONE = frozenset(_LEX.words("acts.courtesy_titles"))  # 杨先生: a surname and one of these
_LEADING_GROUP_ROLES = frozenset(_LEX.words("acts.group_roles"))  # 组长, 成员: a leading group's, no post
_COMMITTEE_ROLES = tuple(_LEX.words("acts.committee_roles"))  # 成员, 主席 …: one committee's posts
# 局长, 处长, 大队长: a body's suffix and 长, its head.
_HEAD = _LEX["acts.head_word"]
# 原文化副处长, 新任局长, 副局长: words before a body's kind that make it a post or a time, no body
_NOT_BODY_OPENERS = tuple(_LEX.words("acts.not_body_openers"))
_SELF_KINDS = frozenset(_LEX.words("acts.issuer_self_words"))  # 该公司: the company an announcement speaks for
_NOT_HEADED_PLACE = tuple(_LEX.words("acts.headed_place_not_words"))
_NOT_IN_BODY = tuple(_LEX.words("acts.not_in_written_body"))
_LONG_SUFFIXES = frozenset(_LEX.words("agencies.long_suffixes"))
_SHORT_SUFFIXES = frozenset(_LEX.table("agencies.short_suffixes_pattern"))
_INTRODUCED = (re.compile(_LEX["acts.introduced_body_pattern"]), re.compile(_LEX["acts.set_up_body_pattern"]))
# 该行, 该公司: the body of that kind the text named last before (光大银行…该行行长赵欢…辞去该行执行董事).
_REFERRING = _LEX["acts.referring_word"]
_SELF_NAMED = re.compile(rf"{_LEX.alternation('acts.self_words')}(?P<kind>{_LEX.alternation('acts.self_kinds')})$")
_SELF_ENDINGS = {kind: tuple(endings) for kind, endings in _LEX.table("acts.self_kinds").items()}
_BODY_CUT = re.compile(_LEX.alternation("acts.body_cut_words"))
_NEW_OR_FORMER = "".join(w for w in _LEX.words("acts.post_not_bodies") if len(w) == 1)  # 新, 原, 前
_NOT_BODY_WORDS = re.compile(f"(?:{_LEX.alternation('acts.body_new_prefixes')})$")
_CEREMONY = re.compile(_LEX["acts.hiring_between_pattern"] + _LEX.alternation("acts.hiring_ceremony"))


@lru_cache(maxsize=None)
def _place(level: str) -> re.Pattern:
    """The government of a place of one level (广州市政府, 山西省阳泉市人民政府): the place opens a
    line or follows punctuation or a function word (为, 由 …), is two to four characters before
    its level (more when it nests places), and holds no word of a report's prose (记者获悉)."""
    return _placed(level, _GOVERNMENT, "")


@lru_cache(maxsize=None)
def _headed_place(level: str) -> re.Pattern:
    """A place of one level named with its head's title (嘉义县长, 高雄市长): the place alone."""
    return _placed(level, "", rf"{_HEAD}(?!{_HEAD})")


def _placed(level: str, inside: str, after: str) -> re.Pattern:
    """A place of the level, `inside` closing the span named `place` and `after` following it."""
    char = rf"(?:(?![{_LEX['agencies.not_in_place_names']}{_LEX['agencies.stop_chars']}])[{_CJK}])"
    nested = rf"{char}{{2,8}}?{_LEX.alternation('agencies.jurisdiction_suffixes')}"
    return re.compile(rf"(?:^|(?<=[^{_CJK}])|(?<=[{_LEX['agencies.boundary_chars']}]))"
                      rf"(?!{char}{{0,6}}?{_LEX.alternation('acts.report_words')})"
                      rf"(?P<place>(?:{nested})?{char}{{2,4}}?{re.escape(level)}{inside}){after}", re.M)


def settle(acts: list[PersonnelAct], view: DocumentView, sentence_of: dict[int, Span]) -> list[PersonnelAct]:
    """The acts with the bodies the text around them gives, each act once."""
    name_issuer(acts, view.text, view.document.title or "")
    _cut_bodies(acts)
    _named_by_courtesy(acts)
    _referred_bodies(acts, view)
    _self_named_bodies(acts, view)
    _introduced_bodies(acts, view, sentence_of)
    _bodies_of_rank(acts, lambda act: (act.evidence.start, act.evidence.end))
    _bodies_of_rank(acts, lambda act: _paragraph(view, sentence_of.get(id(act))))
    for act in acts:
        if act.org is None and (level := _LEVELS.get(to_simplified(_family(act.post)))) and id(act) in sentence_of:
            act.org = _government_before(view, level, sentence_of[id(act)])
    _bodies_of_kind(acts, view, sentence_of)
    _staff_of_government(acts, view, sentence_of)
    _committee_before(acts)
    _body_of_act_before(acts)
    if any(act.org is None and act.act == _HIRE for act in acts) and (hirer := _hiring_body(view)):
        for act in acts:
            if act.org is None and act.act == _HIRE:
                act.org = hirer
    return _once([act for act in acts if not _group_role(view, act, sentence_of.get(id(act))) and not _unplaced(act)])


def _cut_bodies(acts: list[PersonnelAct]) -> None:
    """A body read with a sentence's words before it is what follows the last word no body holds
    (梁颖妍为行政公职局 → 行政公职局; 总站总工程师张铁军为 → none)."""
    for act in acts:
        if act.org and (cuts := list(_BODY_CUT.finditer(to_simplified(act.org)))):
            act.org = act.org[cuts[-1].end():].lstrip(_NEW_OR_FORMER) or None  # 意味著原南部战区 → 南部战区


def _named_by_courtesy(acts: list[PersonnelAct]) -> None:
    """杨先生, 楊女士: a surname and a courtesy title name the person of that surname an act before
    named in full (杨国强因年龄原因提出辞任…。杨先生亦已辞任提名委员会主席); the act's note keeps
    the form written."""
    named: dict[str, str] = {}
    for act in sorted(acts, key=lambda a: a.evidence.start):
        surname, courtesy = act.person[:1], act.person[1:]
        if courtesy in _COURTESY_ALONE and surname in named:
            act.person, act.note = named[surname], join_notes(act.note, act.person)  # the written form stays in view
        elif len(act.person) > 1 and courtesy not in _COURTESY_ALONE:
            named[act.person[:1]] = act.person


def _referred_bodies(acts: list[PersonnelAct], view: DocumentView) -> None:
    """A body referred to by 该 and its kind (该行, 该公司, 该局) is the last body of that kind the text
    named before the act; the evidence keeps the sentence as written."""
    for act in acts:
        org = to_simplified(act.org or "")  # as written, perhaps in traditional script (該行)
        kind = org.removeprefix(_REFERRING) if org.startswith(_REFERRING) else None
        if not kind:
            continue
        kind = _NOT_BODY_WORDS.sub("", kind)  # 该行新一任行长: the body's kind, not the words of the post after it
        written = view.text.find(org, act.evidence.start, act.evidence.end)
        if kind in _SELF_KINDS and (company := issuer(view.text, max(written, act.evidence.start))):
            act.org = company  # 该公司 in an announcement: the company it speaks for
            continue
        named = [m.span() for m in _ending_with(kind).finditer(view.text, 0, max(written, act.evidence.start))
                 if not m.group().startswith(_REFERRING) and _reads_as_body(m.group(), kind)]
        if named:
            act.org = view.written(*named[-1])


def _self_named_bodies(acts: list[PersonnelAct], view: DocumentView) -> None:
    """A body speaking of itself by its kind (我校, 本院) is the body of that kind the text names, the
    last before the act, else the first after (我校召开大会，宣布…江苏省扬州中学领导班子调整: the school)."""
    for act in acts:
        if not (m := _SELF_NAMED.fullmatch(to_simplified(act.org or ""))):
            continue
        named = [s for s in view.spans("agency") if to_simplified(view.text[s.start_char:s.end_char]).endswith(
            _SELF_ENDINGS[m["kind"]])]
        before = [s for s in named if s.end_char <= act.evidence.start]
        if found := (before[-1] if before else named[0] if named else None):
            act.org = view.written(found.start_char, found.end_char)


def _introduced_bodies(acts: list[PersonnelAct], view: DocumentView, sentence_of: dict[int, Span]) -> None:
    """A post still without a body is of the body whose leaders the paragraph said, before the act,
    were changed (河北省委对河北钢铁集团主要领导作出调整：于勇任董事长…), or that it set up (正式成立中共博乐县
    委员会,王先文任书记)."""
    for act in acts:
        if act.org is not None or (sentence := sentence_of.get(id(act))) is None:
            continue
        start = view.text.rfind("\n", 0, sentence[0]) + 1
        bodies = [m for pattern in _INTRODUCED for m in pattern.finditer(view.text, start, act.evidence.end)
                  if is_agency(m["body"])]
        if bodies:
            act.org = view.written(*max(bodies, key=re.Match.start).span("body"))


@lru_cache(maxsize=64)
def _ending_with(kind: str) -> re.Pattern:
    """A run of characters from where characters start up to the first `kind` (光大银行 of 光大银行发布公告)."""
    return re.compile(rf"(?<![{_CJK}])[{_CJK}]{{1,16}}?{re.escape(kind)}")


def _unplaced(act: PersonnelAct) -> bool:
    """A departure from a committee's role whose committee no act of the text names (感谢离任的委员A:
    which committee the headline alone may say) tells too little to keep; nor does leaving a
    group's role without a body (局长吴建军同志因退休不再担任成员: the group's reader gives it)."""
    if act.org is not None:
        return False
    return (act.evidence.rule == DEPARTED_RULE and _family(act.post) == _COMMITTEE_ROLES[0]
            or act.kind == REMOVE and act.post in _LEADING_GROUP_ROLES)


def _group_role(view: DocumentView, act: PersonnelAct, sentence: Span | None) -> bool:
    """A role in a group the paragraph sets up, no post of a body (县政府调整县爱卫会，刘振邦任主任；
    建立X委员会。彭克任主任委员，朱其虹等11人为委员): the group's reader gives it as a membership."""
    if act.org is not None or sentence is None or not act.post.endswith(_GROUP_ROLES):
        return False
    start = view.text.rfind("\n", 0, sentence[0]) + 1
    return SET_UP.search(view.text, start, sentence[1]) is not None


def _hiring_body(view: DocumentView) -> str | None:
    """The body a report says holds the hiring (邵阳市政府举行法律顾问聘任仪式), as written."""
    for mark in view.spans("agency"):
        if _CEREMONY.match(view.text, mark.end_char):
            return view.written(mark.start_char, mark.end_char)
    return None


@lru_cache(maxsize=4096)  # asked for every pair of acts of a paragraph
def _family(title: str) -> str:
    """The post the title ranks in (市长 for 副市长); a committee's roles are one family: 委任A为X委员会
    主席…委任B、C为新成员, B and C are members of X委员会."""
    if to_simplified(title) in _COMMITTEE_ROLES:  # posts are as written, perhaps in traditional script
        return _COMMITTEE_ROLES[0]
    for prefix in _RANKS:
        if title.startswith(prefix) and len(title) > len(prefix):
            return title[len(prefix):]
    return title


def _paragraph(view: DocumentView, sentence: Span | None) -> int | None:
    return None if sentence is None else view.text.rfind("\n", 0, sentence[0])


def _bodies_of_rank(acts: list[PersonnelAct], place) -> None:
    """Each act without a body takes the body of the nearest act of its rank at the same place
    (a sentence, a paragraph), the acts before it first."""
    at: dict[object, list[int]] = {}
    for i, act in enumerate(acts):
        at.setdefault(place(act), []).append(i)
    for where, members in at.items():
        if where is None:
            continue
        for i in members:
            if acts[i].org is not None:
                continue
            family = _family(acts[i].post)
            bodies = [(abs(i - j) + (j > i) * 0.5, acts[j].org) for j in members
                      if acts[j].org is not None and _family(acts[j].post) == family]
            if bodies:
                acts[i].org = min(bodies, key=lambda pair: pair[0])[1]


def _staff_of_government(acts: list[PersonnelAct], view: DocumentView, sentence_of: dict[int, Span]) -> None:
    """A government's staff post still without a body (副秘书长, 参事) is of the government the text
    names last up to the act's sentence, of any level (新竹县政府今天宣布人事异动…陈伟志陞任副秘书长)."""
    for act in acts:
        if act.org is None and to_simplified(act.post) in _STAFF_POSTS and (sentence := sentence_of.get(id(act))):
            places = [m for level in set(_LEVELS.values()) for m in _place(level).finditer(view.text, 0, sentence[1])]
            if places:
                act.org = view.written(*max(places, key=re.Match.end).span())


def _committee_before(acts: list[PersonnelAct]) -> None:
    """A committee's role still without a body is of the committee an act before it named
    (委任黄友嘉出任教统会主席。… 同时新委任陈国龄…为非当然委员: members of 教统会), else of the one an
    act after it names (感谢离任的委员A、B…。委员会的成员名单如下: …)."""
    ordered = sorted(acts, key=lambda act: act.evidence.start)
    for run in (ordered, ordered[::-1]):
        last = None
        for act in run:
            if _family(act.post) != _COMMITTEE_ROLES[0]:
                continue
            if act.org is not None:
                last = act.org
            elif last is not None:
                act.org = last


def _body_of_act_before(acts: list[PersonnelAct]) -> None:
    """A post still without a body takes the body of the act of its kind right before it in its sentence
    where that act is the same person's (免去其北蔡镇党委副书记职务，免去其镇长职务) or the post is a party
    committee's (王五任绍兴市第一中学校长，李六任党委副书记): another person's other post may be another
    body's (任命卢建华为宁远市财政局局长，任命王立为秘书长)."""
    for before, act in zip(acts, acts[1:]):
        if act.org is None and before.org is not None and before.kind == act.kind \
                and (before.evidence.start, before.evidence.end) == (act.evidence.start, act.evidence.end) \
                and (before.person == act.person or _PARTY_POST.fullmatch(to_simplified(act.post))):
            act.org = before.org


def _bodies_of_kind(acts: list[PersonnelAct], view: DocumentView, sentence_of: dict[int, Span]) -> None:
    """A head's post still without a body (副局长, 处长, 大队长: the head of a 局, 处, 大队) takes the
    last body of that kind the text names up to the act's sentence (台东县消防局今完成交接… 原主任秘书
    林建诚接任副局长: 台东县消防局)."""
    bodies = None
    for act in acts:
        if act.org is not None or (sentence := sentence_of.get(id(act))) is None or not (kind := _head_of(act.post)):
            continue
        if bodies is None:
            bodies = [(m.start_char, m.end_char) for m in view.spans("agency")]
        named = [span for span in bodies if span[1] <= sentence[1] and view.text[span[0]:span[1]].endswith(kind)]
        named = named or _written_bodies(view.text, kind, sentence[1])
        if named:
            act.org = view.written(*named[-1])


def _written_bodies(text: str, kind: str, end: int) -> list[Span]:
    """Bodies of the kind written up to `end` where no span marked them: a list's item or a post's
    body standing after punctuation (劳工局长周登春退休，由江健兴接任局长: 劳工局)."""
    return [m.span("body") for m in _body_of_kind(kind).finditer(text, 0, end) if _reads_as_body(m["body"], kind)]


def _reads_as_body(piece: str, kind: str) -> bool:
    """A body's name, not a post's or a person's words before the kind (时任副院, 陈适安院, 科长徐政竞晋升处;
    a stem of two characters may look like a name: 劳工局, 文化局)."""
    stem = piece[:-len(kind)]
    return (is_agency(piece) and not piece.startswith(_NOT_BODY_OPENERS)
            and not any(word in piece for word in _NOT_IN_BODY) and not (len(stem) > 2 and is_person_name(stem))
            and not any(title_length(stem[:end]) for end in range(2, len(stem) + 1)))  # 科长徐政竞晋升处: a post


@lru_cache(maxsize=64)
def _body_of_kind(kind: str) -> re.Pattern:
    edge = "、,，。;；:：\n(（「“"
    return re.compile(rf"(?:^|(?<=[{edge}]))(?P<body>[{_CJK}]{{1,10}}?{re.escape(kind)})"
                      rf"(?=(?:{_LEX.alternation('acts.rank_prefixes')})?(?:{re.escape(kind)})?{_HEAD}|[、及和与等])")


@lru_cache(maxsize=1024)
def _head_of(title: str) -> str | None:
    """The kind of body whose head the title is (局 for 副局长, 大队 for 大队长), or None."""
    family = _family(to_simplified(title))
    kind = family.removesuffix(_HEAD)
    return kind if kind != family and (kind in _LONG_SUFFIXES or kind in _SHORT_SUFFIXES) else None


def _government_before(view: DocumentView, level: str, sentence: Span) -> str | None:
    """The last place of the level in the paragraph up to the sentence's end, as written: its
    government, else the place its head's title names (嘉义县长张花冠…布达副县长吴容辉: 嘉义县);
    else the last the text names before the paragraph, else the one its title names (a report's
    headline: 铜锣乡长谢其全病逝…选定陈树义代理乡长职务)."""
    start = view.text.rfind("\n", 0, sentence[0]) + 1
    for a, b in ((start, sentence[1]), (0, start)):
        if last := _last_place(view.text, level, a, b):
            return view.written(*last.span("place"))
    title = view.document.title or ""
    if last := _last_place(view.heading, level, 0, len(view.heading)):
        written = title if len(title) == len(view.heading) else view.heading  # as written where it can be
        return written[slice(*last.span("place"))]
    return None


def _last_place(text: str, level: str, start: int, end: int) -> re.Match | None:
    """The last place of the level in text[start:end]: its government, else its head's title."""
    for pattern in (_place(level), _headed_place(level)):
        last = None
        for m in pattern.finditer(text, start, end):
            if pattern is _place(level) or not any(word in m["place"] for word in _NOT_HEADED_PLACE):
                last = m
        if last:
            return last
    return None


def _in_order(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def _same_body(a: str | None, b: str | None) -> bool:
    """One absent, or one written inside the other; or one place's government written with its
    province and without (湖北襄阳市 in a headline, 襄阳市人民政府 in the decision)."""
    if a is None or b is None or a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and _in_order(short, long):
        return True
    place_a, place_b = _GOVERNMENT_END.sub("", a), _GOVERNMENT_END.sub("", b)
    return min(len(place_a), len(place_b)) >= 2 and (place_a.endswith(place_b) or place_b.endswith(place_a))


def _once(acts: list[PersonnelAct]) -> list[PersonnelAct]:
    kept: list[PersonnelAct] = []
    alike: dict[tuple[str, str, str, str], list[int]] = {}  # the kept acts of one key, by place
    for act in acts:
        places = alike.setdefault((act.kind, act.act, act.person, act.post), [])
        twin = next((k for k in places if _same_body(kept[k].org, act.org)), None)
        if twin is None:
            places.append(len(kept))
            kept.append(act)
        elif len(act.org or "") > len(kept[twin].org or ""):
            kept[twin] = act
    return kept
