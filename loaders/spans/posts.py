"""A position as written (`阳泉市公安局西城分局局长（试用期一年）`) → agency, title and notes.

The title is the longest known title ending the position (ontology/gazetteer/titles.csv:
支队长 before 队长, 党组书记 before 书记, 二级调研员 before 调研员); the agency is what stands
before it, as written, and may be absent (`主任、党组书记`: the second post names no agency).
Brackets closing a position are notes (`（兼）`, `（试用期一年）`, `（保留原职级待遇）`), and
代理 / 代 before a title marks an acting post.

A person's name is checked on its shape and, as a confidence signal, on its surname
(ontology/gazetteer/surnames.csv, compound ones such as 欧阳 included): a name whose surname is
known passes on shape alone; any other needs a sentence whose structure vouches for it.
The words (代理, 同志, the joiners of a minority name, what never stands in a name, the roles
of a group) are in ontology/lexicon/acts.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.spans.agency import is_agency
from loaders.spans.gazetteer import read_table
from loaders.text.script import to_simplified

_LEX = lexicon()
# Roles inside leading groups are memberships (loaders.extract.groups), not posts.
GROUP_ROLES = _LEX.words("acts.group_roles")
# (挂职,浙江省援藏干部,挂职时间三年) after a post; 李远(小野), 陈锦坤(右一) after a name: its aside
_TRAILING_NOTE = re.compile(r"\(\s*([^()]{1,30}?)\s*\)\s*$")
# Given names and a surname in Latin letters (Keith Gordon McKinnell, Anthony COORAY), perhaps
# after a courtesy title, closing a description in characters.
_LATIN_NAME = re.compile(rf"(?<=[\u4e00-\u9fff ])(?:(?:{_LEX.alternation('acts.latin_courtesy_titles')})\.?\s+)?"
                         r"(?P<name>[A-Z][A-Za-z']+(?:[ -][A-Z][A-Za-z']+){1,3})\s*$")
# Pinyin a web mirror put after a character (`廳長(zhǎng)`): no note, not part of the title.
_PINYIN = re.compile(r"\([a-zA-Z\u00c0-\u024f\s]{1,12}\)\s*$")
_JOINERS = _LEX["acts.name_joiners"]  # 艾尔肯·吐尔地
_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,10}}[{_JOINERS}][\u4e00-\u9fff{_JOINERS}]{{1,20}}")
_NOT_IN_NAME = re.compile(rf"[{_LEX['acts.name_stop_chars']}]|{'|'.join(_LEX.words('acts.not_in_names'))}")
_HONORIFIC = _LEX["acts.honorific"]
_PRONOUN = _LEX["acts.pronoun"]  # 其: the person of the act before, never a name's first character
_GIVEN_WORDS = _LEX["acts.given_name_chars"]  # 侯为东, 张和平: words of prose that are given names too
_GIVEN_LAST = _LEX["acts.given_name_last_chars"]  # 冯国经: a stop character that ends given names too
_ACTING, _ACTING_SHORT = _LEX["acts.acting"], _LEX["acts.acting_short"]  # 代理局长, 代市长
# What parts the names of one act: 、, and the words that may join the last two (张三和李四).
# A note on sex, nationality or the kind of post after a name (杨淑芳（女）, 马国林（回族）, 李娜（女，彝族）,
# 李惠东（兼职，回族）), as a pattern the act forms use too; after a name of a list (王立群、刘宏(女)) it
# is no part of the name.
_NATION = rf"[\u4e00-\u9fff]{{1,5}}{_LEX['acts.nationality_suffix']}"
_NOTE_ITEM = rf"(?:{_LEX.alternation('acts.sexes', 'acts.person_notes')}|{_NATION})"
PERSON_NOTE = rf"\({_NOTE_ITEM}(?:,{_NOTE_ITEM}){{0,2}}\)"
_NOTE_AT_END = re.compile(PERSON_NOTE + "$")
_LIST_MARK = re.compile("、")
_OF = _LEX["acts.of_word"]
_NOT_BODIES = frozenset(_LEX.words("acts.post_not_bodies"))
_NEW = _LEX.words("acts.post_not_bodies")[0]  # 新
# … the words of two characters or more may stand between a body and its title too (职业训练局新任主席).
_NOT_BODY_AFTER = re.compile("(?:" + "|".join(w for w in _LEX.words("acts.post_not_bodies") if len(w) > 1) + ")$")
_COUNT = re.compile(_LEX["acts.names_count_pattern"])
_COMMITTEE_ROLES = frozenset(_LEX.words("acts.committee_roles"))
_MEMBER_KIND = re.compile(rf"{_LEX.alternation('acts.member_kind_leads')}?"
                          rf"(?P<kind>{_LEX.alternation('acts.member_kinds')})")
# 戎奇法官出任…, 曾任彰化县府秘书长等职务的…: another act or a past post inside a body's words
_TAKING_IN_BODY = re.compile(rf"(?:{_LEX.alternation('acts.serve_prefixes', 'acts.serve_promoted_prefixes')})任"
                             rf"|{_LEX.alternation('acts.biography_words')}")
_PARTY_COMMITTEE = re.compile(_LEX.alternation("acts.party_committees"))
_PARTY_TITLES = frozenset(_LEX.words("acts.party_committee_titles"))
_NEW_BODY = re.compile(_LEX.alternation("acts.body_new_prefixes"))
# A body's name in quotes, perhaps with the short name the text gives it after (「X委员会」(諮询委员会)).
_QUOTED_BODY = re.compile(r"[「“『](?P<name>[^」”』]{2,60})[」”』](?:\([^()]{1,10}\))?")
_LIST_MARKS = re.compile("、|" + _LEX.alternation("acts.name_list_joiners", "acts.name_list_long_joiners"))
# A courtesy title after a listed name (李焯芬教授、梁乃鹏博士): no part of it, and a person's mark.
_COURTESY_AT_END = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){_LEX.alternation('acts.courtesy_titles')}$")
_JOINER = re.compile(_LEX.alternation("acts.name_list_joiners"))  # 和, 及, 与: two titles of one body
_MOVED_TO = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,6}}?){_LEX.alternation('acts.taken_by_verbs')}(?P<body>\S{{2,16}})")
# A、B等: the list goes on; A、B等3名: and is counted
_LIST_END = re.compile(rf"(?:{_LEX['acts.names_count_pattern']}|{_LEX.alternation('acts.names_list_end')})?$")


@dataclass(frozen=True)
class Post:
    org: tuple[int, int] | None  # span of the agency, or None
    title: tuple[int, int]  # span of the title (the whole position when no title is known)
    notes: tuple[str, ...] = ()  # in simplified characters: a vocabulary, like the act
    acting: bool = False  # 代理 / 代


@lru_cache(maxsize=None)
def titles() -> dict[str, str]:
    """Known post titles → rank hint, from the gazetteer."""
    return {row["title"]: row.get("rank_hint", "") for row in read_table("titles", ("title",)) if row["title"]}


@lru_cache(maxsize=None)
def _longest() -> int:
    return max(map(len, titles()), default=0)


def title_length(text: str) -> int:
    """Length of the longest known title that ends `text` (simplified characters), or 0."""
    known = titles()
    for size in range(min(len(text), _longest()), 0, -1):
        if text[-size:] in known:
            return size
    return 0


def is_title(text: str) -> bool:
    return text in titles()


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    """Known surnames (simplified characters), single and compound, from the gazetteer."""
    return frozenset(row["surname"] for row in read_table("surnames", ("surname",)) if row["surname"])


def surname_length(name: str) -> int:
    """Length of the known surname opening `name` (compound first: 欧阳明 → 2), or 0."""
    known = surnames()
    for size in (4, 3, 2, 1):
        if len(name) > size and name[:size] in known:
            return size
    return 0


def is_person_name(text: str, strong: bool = False) -> bool:
    """2–4 CJK characters, or a minority name joined by ·, that is neither a title nor an agency.
    A name without a known surname is taken only when `strong`: the sentence frames it as a
    person (任命X为, 免去X的, X同志), not merely a word before 任 or 为."""
    # where the sentence vouches for a person, a surname that is also a function word passes (和丽华)
    if not _NAME.fullmatch(text) or _NOT_IN_NAME.search(text, surname_length(text) if strong else 0, _checked_end(text, strong)) \
            or text.startswith(_PRONOUN):
        return False
    if title_length(text) >= 2 or text.endswith(GROUP_ROLES):
        return False
    return strong or any(joiner in text for joiner in _JOINERS) or surname_length(text) > 0


def _checked_end(text: str, strong: bool) -> int:
    """How far a name's characters must hold no stop character: a framed name of a known surname
    and two characters may end with one that given names end with too (冯国经)."""
    framed = strong and len(text) == 3 and surname_length(text) == 1 and text[2] in _GIVEN_LAST
    return 2 if framed else len(text)


def is_framed_name(text: str, strong: bool = False) -> bool:
    """A name where an act frames it: is_person_name, or a known surname and two characters whose
    first is a word of prose that is also a given name (侯为东, 张和平). Such a word last is the
    sentence's (张三为代理市长), not the name's, but where a strong frame has put the sentence's
    word after the name (任命姜有为、李晋修为Y: the names end before 为, the verb)."""
    if is_person_name(text, strong):
        return True
    if len(text) == 2 and strong and surname_length(text) == 1 and text[1] in _GIVEN_WORDS:
        return True  # 免去张为的Y职务: the frame has put 的 (or the verb's 为) after the name
    if len(text) != 3 or surname_length(text) != 1 or not _NAME.fullmatch(text) or title_length(text) >= 2:
        return False
    if strong and text[2] in _GIVEN_WORDS and not _NOT_IN_NAME.search(text[1]):
        return True
    return text[1] in _GIVEN_WORDS and not _NOT_IN_NAME.search(text[2])


def parse_post(view: str, start: int, end: int) -> Post | None:
    """Read `view[start:end]` (a folded text) as one position; None when nothing is left."""
    notes: list[str] = []
    while start < end and view[end - 1].isspace():
        end -= 1
    while (m := _TRAILING_NOTE.search(view, start, end)) is not None and m.start() > start:
        if not _PINYIN.match(view, m.start(), end):
            notes.insert(0, "".join(m.group(1).split()))
        end = m.start()
        while end > start and view[end - 1].isspace():
            end -= 1
    acting = False
    if view.startswith(_ACTING, start) and end - start > len(_ACTING):
        start, acting = start + len(_ACTING), True
    elif view.startswith(_ACTING_SHORT, start) and is_title(view[start + len(_ACTING_SHORT):end]):
        start, acting = start + len(_ACTING_SHORT), True
    if end <= start:
        return None
    # A title broken over two lines (`大队大\n队长`) is still a title: match without whitespace.
    kept = [i for i in range(start, end) if not view[i].isspace()]
    size = title_length("".join(view[i] for i in kept))
    if size == 0:
        return Post(None, (start, end), tuple(notes), acting)
    cut = kept[-size]
    org_end = cut
    if view.startswith(_ACTING, org_end - len(_ACTING)) and org_end - len(_ACTING) > start:  # 吉林省能源局代理局长
        org_end, acting = org_end - len(_ACTING), True
    elif view.startswith(_ACTING_SHORT, org_end - len(_ACTING_SHORT)) and org_end - len(_ACTING_SHORT) > start:
        org_end, acting = org_end - len(_ACTING_SHORT), True  # 山东省代省长
    while org_end > start and view[org_end - 1].isspace():
        org_end -= 1
    if view.startswith(_OF, org_end - len(_OF)) and org_end - len(_OF) > start:  # 諮询委员会的主席
        org_end -= len(_OF)
    if m := _QUOTED_BODY.fullmatch(view, start, org_end):  # 「X委员会」(諮询委员会)的主席: the body in its quotes
        start, org_end = m.span("name")
    if view[start:org_end] in _NOT_BODIES:  # 新成员: a new member of the body named before
        start = org_end
    elif _COUNT.fullmatch(view, start, org_end):  # 三名成员: how many hold the title, no body
        start = org_end
    elif kind := _MEMBER_KIND.fullmatch(view, start, org_end):  # 非当然委员: a kind of member, no body
        notes.insert(0, kind["kind"])
        start = org_end
    elif (after := _NOT_BODY_AFTER.search(view, start, org_end)) and after.start() - start >= 2:
        org_end = after.start()  # 职业训练局新任主席: the body's new chair
    elif view.startswith(_NEW, org_end - len(_NEW)) and is_agency(view[start:org_end - len(_NEW)]):
        org_end -= len(_NEW)  # 上诉委员团新成员: the body's new members
    elif new := _NEW_BODY.match(view, start, org_end):  # 新设的环境及生态局: the body's name after
        start = new.end()
    if _TAKING_IN_BODY.search(view, start, org_end):  # no post, but another act or a biography
        return None
    return Post((start, org_end) if org_end > start else None, (cut, end), tuple(notes), acting)


def people_spans(view: str, a: int, b: int, strong: bool = False) -> list[tuple[int, int]]:
    """The names of `张三、李四` (or `张三和李四`, where each side is a name: 张和平 is one) with
    their spans; empty when any part is not a name. `张三同志` vouches for its name as a strong
    frame does; a space inside a name (`马 骁`, set apart by the layout) is not part of it."""
    return _names_apart(view, a, b, _LIST_MARK, strong) or _names_apart(view, a, b, _LIST_MARKS, strong)


def _names_apart(view: str, a: int, b: int, marks: re.Pattern, strong: bool) -> list[tuple[int, int]]:
    spans, start = [], a
    for part in marks.split(view[a:b]):
        at = view.index(part, start) if part else start
        lead = len(part) - len(part.lstrip())
        core = _NOTE_AT_END.sub("", part.strip())
        name = _COURTESY_AT_END.sub("", core.removesuffix(_HONORIFIC))
        if not is_framed_name("".join(name.split()), strong or name != core):
            return []
        spans.append((at + lead, at + lead + len(name)))
        start = at + len(part)
    return spans


def described_people(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a list whose people are described before their names (恒基兆业地产有限公司总经理
    刘智强、保险界陈健波及民建联陈克勤等): each part's name closes it, and a part closing with no
    name is description joined by 及 to the next (名誉教授及浸会大学荣誉教授黄雅各); empty when a
    part holds no name. The names need a known surname: the description is no frame."""
    b -= len(_LIST_END.search(view, a, b)[0])
    spans, pending = [], False
    for start, end in _list_parts(view, a, b):
        name = described_name(view, start, end)
        pending = name is None
        if name:
            spans.append(name)
    return [] if pending or not spans else spans


def titled_people(view: str, a: int, b: int, bodies: bool = False) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each (post, name) of a list naming every person after a post (行政法务司司长张永春、经济财政司
    司长李伟农…及检察院检察长叶迅生), a name alone sharing the post before (政务次长王尚志及王安邦);
    with `bodies`, a name after a body alone too (成功国小黄本宗: the title the list's head gives);
    empty when a part holds no name after a known title (or body)."""
    b -= len(_LIST_END.search(view, a, b)[0])
    pairs = []
    for start, end in _list_parts(view, a, b):
        while start < end and view[start] in " \u3000":
            start += 1
        if aside := _TRAILING_NOTE.search(view, start, end):  # 李远(小野): the name he is known by
            end = aside.start()
        if pairs and (alone := _name_alone(view, start, end)):  # 劳动部政务次长王尚志及王安邦: the post before
            pairs.append((pairs[-1][0], alone))
            continue
        name = described_name(view, start, end)
        before = view[start:name[0]].rstrip() if name else ""
        if name is None or not (title_length(before) or bodies and is_agency(before)):
            return []
        pairs.append(((start, name[0]), name))
    return pairs


def is_committee_role(title: str) -> bool:
    """A role of a committee's (成员, 委员, 主席 …), written in either script."""
    return to_simplified(title) in _COMMITTEE_ROLES


def _name_alone(view: str, a: int, b: int) -> tuple[int, int] | None:
    """A part that is a name and nothing else but a courtesy title after it (王安邦, 马学嘉博士, 蔡和平), a
    married woman's name too (杨罗观翠博士)."""
    if courtesy := _COURTESY_AT_END.search(view, a, b):
        b = courtesy.start()
    name = view[a:b]
    return (a, b) if is_framed_name(name) or len(name) == 4 and _surnamed(name, 4) else None


def bodied_people(view: str, a: int, b: int, title: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """Each (body, name, acting) of a list naming every person after a body, the `title` the list's head
    gives perhaps repeated after the name or before it (埔里国中陈清滨、大王国小黄子诚校长、建华国小
    校长林瑞吉), or moved to the body (何钧鼎调任东仁国中); a part that reads otherwise (信义国中脉树.
    塔给鹿敦) is passed over."""
    b -= len(_LIST_END.search(view, a, b)[0])
    pairs = []
    for start, end in _list_parts(view, a, b):
        while start < end and view[start] in " \u3000":
            start += 1
        end = start + len(view[start:end].rstrip(" ,，\u3000").removesuffix(title))
        if moved := _MOVED_TO.fullmatch(view, start, end):  # 何钧鼎调任东仁国中: the body after the move
            if is_person_name(moved["name"].removesuffix(title)) and is_agency(moved["body"]):
                pairs.append((moved.span("body"), (start, start + len(moved["name"].removesuffix(title))), False))
            continue
        name = described_name(view, start, end)
        before = view[start:name[0]].removesuffix(title) if name else ""
        body = before.removesuffix(_ACTING)
        if name and name[1] == end and is_agency(body):  # 建华国小校长林瑞吉, 宜梧国中代理校长张硕玲 (acting)
            pairs.append(((start, start + len(body)), name, body != before))
    return pairs


def list_parts(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The parts of a list of names apart by 、 and the joiners (和, 及, 以及)."""
    return _list_parts(view, a, b)


def _list_parts(view: str, a: int, b: int) -> list[tuple[int, int]]:
    parts, start = [], a
    for m in _LIST_MARKS.finditer(view, a, b):
        if m.start() - start == 1 and m[0] != "、":  # 蔡和平: a joiner one character into a part is the name's
            continue
        parts.append((start, m.start()))
        start = m.end()
    return [(s, e) for s, e in parts + [(start, b)] if e > s]


def described_name(view: str, a: int, b: int) -> tuple[int, int] | None:
    """The name closing view[a:b], after its description: of three characters, or two where a
    title stands right before them (局长黄伟), or four of two surnames (叶刘淑仪)."""
    while b > a and view[b - 1] in " ,，\u3000":
        b -= 1
    if aside := _TRAILING_NOTE.search(view, a, b):  # 陈锦坤(右一): a photo's place, or the name he goes by
        b = aside.start()
    if courtesy := _COURTESY_AT_END.search(view, a, b):
        b = courtesy.start()
    text = view[a:b]
    if is_person_name(text):
        return a, b
    sizes = [size for size in (3, 2, 4) if len(text) > size and _surnamed(text[-size:], size)]
    titled = [size for size in sizes if title_length(text[:-size])]
    size = max(titled, default=0) or (sizes or [0])[0]
    return (b - size, b) if size else _latin_name(view, a, b)


def _latin_name(view: str, a: int, b: int) -> tuple[int, int] | None:
    """A name in Latin letters closing view[a:b] after a description in characters (外籍英语教师
    David Mennier, 讲座教授Prof Christopher Noel Candlin), without its courtesy title."""
    m = _LATIN_NAME.search(view, a, b)
    return m.span("name") if m and m.start() > a else None


def _surnamed(name: str, size: int) -> bool:
    if size == 4:  # a married woman's name: her husband's surname before her own (叶刘淑仪)
        return surname_length(name) == 1 and surname_length(name[1:]) == 1 and is_person_name(name[1:])
    return is_person_name(name) and surname_length(name) > 0


def parse_posts(view: str, a: int, b: int) -> list[Post]:
    """`市发展和改革委员会主任、党组书记` → two posts; a post without agency takes the one before;
    bodies listed before one post each hold it (`西团水利站、大桥水利站站长`: two 站长).
    Every part but such a body must end with a known title, so that a clause that only looks like an act
    (`副主任由任仔苏兼任`) is not read as one."""
    posts: list[Post] = []
    bodies: list[tuple[int, int]] = []  # bodies written before the title they share
    for start, end in (part for span in split_top(view, a, b, "、") for part in _joined_titles(view, *span)):
        post = parse_post(view, start, end)
        if post is None:
            return []
        title = "".join(view[post.title[0]:post.title[1]].split())
        if post.org is None and not post.notes and is_agency(title) and not is_title(title):
            bodies.append(post.title)  # 西团水利站、大桥水利站站长: each body's 站长
            continue
        if not is_title(title) or (bodies and post.org is None):
            return []
        posts += [Post(body, post.title, post.notes, post.acting) for body in bodies]
        bodies = []
        if post.org is None and posts:
            post = Post(_inherited_org(view, posts[-1], title), post.title, post.notes, post.acting)
        posts.append(post)
    return [] if bodies else posts


def _joined_titles(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """A post and a bare title joined by 和 or 及 are two posts of one body (强制性公积金计划管理局的主席和
    非执行董事), and a post and another body's post two posts (市水利局局长和市财政局局长); otherwise
    the span is one post."""
    for m in _JOINER.finditer(view, a, b):
        if title_length(view[a:m.start()]) and _post_after_joiner("".join(view[m.end():b].split())):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def _post_after_joiner(words: str) -> bool:
    size = title_length(words)
    return is_title(words) or size > 0 and is_agency(words[:-size])


def _inherited_org(view: str, before: Post, title: str) -> tuple[int, int] | None:
    """The body of a bare title after another post: the post's body, and its party committee
    where that post's title opens with one and the bare title is a committee's (党委委员、常委)."""
    committee = _PARTY_COMMITTEE.match(view, *before.title)
    if committee is None or title not in _PARTY_TITLES:
        return before.org
    return (before.org[0] if before.org else before.title[0]), committee.end()


def split_top(view: str, a: int, b: int, marks: str) -> list[tuple[int, int]]:
    """Spans of view[a:b] split at `marks` outside brackets."""
    spans, depth, start = [], 0, a
    for i in range(a, b):
        ch = view[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in marks:
            spans.append((start, i))
            start = i + 1
    spans.append((start, b))
    return [(s, e) for s, e in spans if view[s:e].strip()]
