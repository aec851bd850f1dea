"""A position as written (`阳泉市公安局西城分局局长（试用期一年）`) → agency, title and notes.

The title is the longest known title ending the position (ontology/gazetteer/titles.csv:
支队长 before 队长, 党组书记 before 书记, 二级调研员 before 调研员); the agency is what stands
before it, as written, and may be absent (`主任、党组书记`: the second post names no agency).
Brackets closing a position are notes (`（兼）`, `（试用期一年）`, `（保留原职级待遇）`), and
代理 / 代 before a title marks an acting post.

A person's name is checked on its shape and on its surname (ontology/gazetteer/surnames.csv, 欧阳
included): a name whose surname is known passes on shape alone; any other needs a frame vouching for it.
The words (代理, 同志, the joiners of a minority name, what never stands in a name, the roles
of a group) are in ontology/lexicon/acts.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import lexicon
from loaders.spans.agency import has_body_suffix, is_agency, is_joined_agency
from loaders.spans.gazetteer import read_table
from loaders.text.script import to_simplified

_LEX = lexicon()
# Roles inside leading groups are memberships (loaders.extract.groups), not posts.
GROUP_ROLES = _LEX.words("acts.group_roles")
# (挂职,浙江省援藏干部,挂职时间三年) after a post; 李远(小野), 陈锦坤(右一) after a name: its aside
TRAILING_NOTE = re.compile(r"\(\s*([^()]{1,30}?)\s*\)\s*$")
# Pinyin a web mirror put after a character (`廳長(zhǎng)`): no note, not part of the title.
_PINYIN = re.compile(r"\([a-zA-Z\u00c0-\u024f\s]{1,12}\)\s*$")
_JOINERS = _LEX["acts.name_joiners"]  # 艾尔肯·吐尔地
_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,10}}[{_JOINERS}][\u4e00-\u9fff{_JOINERS}]{{1,20}}")
# 二○一一年获委任为…: the year's last digits before 年 (○ is no CJK character) are no name.
_DATE_WORD = re.compile(rf"[〇○零{_LEX['numbering.cn_digits']}]+[年月日号]")
_NOT_NAMES = frozenset(_LEX.words("acts.not_in_names"))  # 首次: a word, even where its first character is a surname
_NOT_IN_NAME = re.compile(rf"[{_LEX['acts.name_stop_chars']}]|{'|'.join(_LEX.words('acts.not_in_names'))}")
_HONORIFIC = _LEX["acts.honorific"]
_PRONOUN = _LEX["acts.pronoun"]  # 其: the person of the act before, never a name's first character
_GIVEN_WORDS = _LEX["acts.given_name_chars"]  # 侯为东, 张和平: words of prose that are given names too
_GIVEN_LAST = _LEX["acts.given_name_last_chars"]  # 冯国经: a stop character that ends given names too
ACTING, _ACTING_SHORT = _LEX["acts.acting"], _LEX["acts.acting_short"]  # 代理局长, 代市长
_ACTING_PREFIXES = _LEX.words("acts.acting_prefixes")  # 代理局长, 署理行政长官
# A note on sex, nationality or the kind of post after a name (杨淑芳（女）, 李娜（女，彝族）, 李惠东（兼职，回族）),
# a pattern the act forms use too; after a name of a list (王立群、刘宏(女)) it is no part of the name.
_NATION = rf"[\u4e00-\u9fff]{{1,5}}{_LEX['acts.nationality_suffix']}"
_NOTE_ITEM = rf"(?:{_LEX.alternation('acts.sexes', 'acts.person_notes')}|{_NATION})"
PERSON_NOTE = rf"\({_NOTE_ITEM}(?:,{_NOTE_ITEM}){{0,2}}\)"
_NOTE_AT_END = re.compile(PERSON_NOTE + "$")
_LIST_MARK = re.compile("、")  # what parts the names of one act, with the words joining the last two (张三和李四)
_OF = _LEX["acts.of_word"]
_NOT_BODIES = frozenset(_LEX.words("acts.post_not_bodies"))
_NEW_OR_FORMER = frozenset(w for w in _LEX.words("acts.post_not_bodies") if len(w) == 1)  # 新, 原, 前
# … the words of two characters or more may stand between a body and its title too (职业训练局新任主席).
_NOT_BODY_AFTER = re.compile("(?:" + "|".join(w for w in _LEX.words("acts.post_not_bodies") if len(w) > 1) + ")$")
_COUNT = re.compile(_LEX["acts.names_count_pattern"])
_BOARD_COMMITTEES = re.compile(_LEX["acts.board_committees_pattern"])  # 董事会专门委员会: seats, no post
_ORDINAL = re.compile(f"(?:{_LEX['acts.post_ordinal_pattern']})$")  # 第13任校长: the holder's number
_COMMITTEE_ROLES = frozenset(_LEX.words("acts.committee_roles"))
_MEMBER_KIND = re.compile(rf"{_LEX.alternation('acts.member_kind_leads')}?"
                          rf"(?P<kind>{_LEX.alternation('acts.member_kinds')})")
# 戎奇法官出任…, 曾任彰化县府秘书长等职务的…: another act or a past post inside a body's words
_TAKING_IN_BODY = re.compile(rf"(?:{_LEX.alternation('acts.serve_prefixes', 'acts.serve_promoted_prefixes')})任"
                             rf"|{_LEX.alternation('acts.biography_words')}")
_PARTY_COMMITTEE = re.compile(_LEX.alternation("acts.party_committees"))
_PARTY_TITLES = frozenset(_LEX.words("acts.party_committee_titles"))
_COMMITTEE_END = re.compile(f"(?:{_PARTY_COMMITTEE.pattern})$")  # 中国商飞公司党委: the company's
_FULL_COMMITTEE = re.compile(_LEX["acts.full_party_committee_pattern"])  # 中共X管理局委员会: the 管理局's
_NEW_BODY = re.compile(_LEX.alternation("acts.body_new_prefixes"))
_HEAD = _LEX["acts.head_word"]
_COMMITTEE_CHAR = _LEX["acts.place_committee_char"]  # 市委: a place's party committee
_PLACE_LEVELS = _LEX["acts.place_levels"]  # 省, 市, 县, 区, 镇, 乡
_TITLE_MODIFIER = re.compile(f"(?:{_LEX.alternation('acts.title_modifiers')})$")
_BODY_KINDS = frozenset(_LEX.table("agencies.short_suffixes_pattern")) | frozenset(_LEX.words("agencies.sub_unit_suffixes"))
_STATUTE = re.compile(_LEX["acts.statute_before_post_pattern"])
_HELD_BY_THEM = re.compile(_LEX["acts.held_by_them_pattern"])
_NOMINATED_BY = re.compile(_LEX["acts.nominated_by_pattern"])
_DUTIES = re.compile(_LEX["acts.duty_description_pattern"] + "$")
_REFERRING_PLACE = re.compile(_LEX["acts.referring_place_pattern"])
_QUOTED_BODY = re.compile(r"[「“『](?P<name>[^」”』]{2,60})[」”』](?:\([^()]{1,10}\))?")  # 「X委员会」(諮询委员会)
LIST_MARKS = re.compile("、|" + _LEX.alternation("acts.name_list_joiners", "acts.name_list_long_joiners"))
# A courtesy title after a listed name (李焯芬教授、梁乃鹏博士): no part of it, and a person's mark.
COURTESY_AT_END = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){_LEX.alternation('acts.courtesy_titles')}$")
_JOINER = re.compile(_LEX.alternation("acts.name_list_long_joiners", "acts.name_list_joiners"))  # 以及, 和, 及, 与: two titles of one body
_BOARDS = tuple(_LEX.words("acts.board_ends"))
_COMPANY_POSTS = frozenset(_LEX.words("acts.issuer_posts"))
_TITLE_WORD_REACH = 2  # 行政 of 医院行政总监: a word between a body and its title


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
    """2–4 CJK characters, or a minority name joined by ·, that is neither a title nor an agency (初级法院).
    A name without a known surname is taken only when `strong`: the sentence frames it as a
    person (任命X为, 免去X的, X同志), not merely a word before 任 or 为; there a surname that is also
    a function word passes (和丽华). A title before a name is no part of it (行长陈辛)."""
    if not _NAME.fullmatch(text) or _NOT_IN_NAME.search(text, surname_length(text) if strong else 0, _checked_end(text, strong)) \
            or text.startswith(_PRONOUN) or _DATE_WORD.fullmatch(text) or text in _NOT_NAMES or title_length(text) >= 2 \
            or text.endswith(GROUP_ROLES) or len(text) == 4 and (is_title(text[:2]) and surname_length(text[2:]) > 0 or is_agency(text)):
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
    while (m := TRAILING_NOTE.search(view, start, end)) is not None and m.start() > start:
        if not _PINYIN.match(view, m.start(), end):
            notes.insert(0, "".join(m.group(1).split()))
        end = m.start()
        while end > start and view[end - 1].isspace():
            end -= 1
    acting = False
    if (word := _acting_at(view, start)) and end - start > len(word):
        start, acting = start + len(word), True
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
    if (word := _acting_before(view, org_end)) and org_end - len(word) > start:  # 吉林省能源局代理局长
        org_end, acting = org_end - len(word), True
    elif view.startswith(_ACTING_SHORT, org_end - len(_ACTING_SHORT)) and org_end - len(_ACTING_SHORT) > start:
        org_end, acting = org_end - len(_ACTING_SHORT), True  # 山东省代省长
    while org_end > start and view[org_end - 1].isspace():
        org_end -= 1
    if view.startswith(_OF, org_end - len(_OF)) and org_end - len(_OF) > start:  # 諮询委员会的主席
        org_end -= len(_OF)
    if m := _QUOTED_BODY.fullmatch(view, start, org_end):  # 「X委员会」(諮询委员会)的主席: the body in its quotes
        start, org_end = m.span("name")
    elif m := _STATUTE.match(view, start, org_end) or _HELD_BY_THEM.match(view, start, org_end) \
            or _NOMINATED_BY.match(view, start, org_end):
        # 《截取通讯及监察条例》下的专员: the law; 其所担任的公司董事会秘书: who holds it; 由大学校长会提名的当然委员:
        # who named them; no body
        start = m.end()
    if duties := _DUTIES.search(view, start, org_end):  # 主管安全的副县长: what they have charge of, no body
        org_end = duties.start()
    if referring := _REFERRING_PLACE.match(view, start, org_end):  # 该市伊川县政府: the place named before
        start = referring.end()
    if view[start:org_end] in _NOT_BODIES:  # 新成员: a new member of the body named before
        start = org_end
    elif _COUNT.fullmatch(view, start, org_end):  # 三名成员: how many hold the title, no body
        start = org_end
    elif kind := _MEMBER_KIND.fullmatch(view, start, org_end):  # 非当然委员: a kind of member, no body
        notes.insert(0, kind["kind"])
        start = org_end
    elif ordinal := _ORDINAL.search(view, start, org_end):  # 台大第13任校长: the body before the number
        notes.insert(0, ordinal[0])
        org_end = ordinal.start()
    elif (after := _NOT_BODY_AFTER.search(view, start, org_end)) and after.start() - start >= 2:
        org_end = after.start()  # 职业训练局新任主席: the body's new chair
    elif view[org_end - 1:org_end] in _NEW_OR_FORMER and is_agency(view[start:org_end - 1]):
        org_end -= 1  # 上诉委员团新成员: the body's new members; …有限公司原党委书记: its former secretary
    elif new := _NEW_BODY.match(view, start, org_end):  # 新设的环境及生态局: the body's name after
        start = new.end()
    if _TAKING_IN_BODY.search(view, start, org_end):  # no post, but another act or a biography
        return None
    if org_end == cut and (fused := _fused(view, start, cut, end)):
        org_end, cut = fused  # 经发局长: the body 经发局, its head's title 局长 sharing its last character
    return Post((start, org_end) if org_end > start else None, (cut, end), tuple(notes), acting)


def _acting_at(view: str, at: int) -> str | None:
    """The word of holding a post for the time being opening view at `at` (代理, Hong Kong's 署理)."""
    return next((word for word in _ACTING_PREFIXES if view.startswith(word, at)), None)


def _acting_before(view: str, at: int) -> str | None:
    return next((word for word in _ACTING_PREFIXES if view.endswith(word, 0, at)), None)


def _fused(view: str, start: int, cut: int, end: int) -> tuple[int, int] | None:
    """Where a head's title opens with the kind of body it heads and those characters close the
    body's name too (经发局长: 经发局 and 局长; 中和分局长: 中和分局 and 分局长), the body's end and
    the title's start; None where the body is written whole (文化局局长) or words of the title's own
    stand before it (荣誉院长, 执行院长)."""
    kind = view[cut:end].removesuffix(_HEAD)
    if kind not in _BODY_KINDS or cut - start < 2 or view.startswith(kind, cut - len(kind)):
        return None
    if _TITLE_MODIFIER.search(view, start, cut) or has_body_suffix(view[start:cut]):
        return None  # 市财政委员会局长: a body's name already whole before the title
    return (cut + len(kind), cut) if is_agency(view[start:cut + len(kind)]) else None


def people_spans(view: str, a: int, b: int, strong: bool = False) -> list[tuple[int, int]]:
    """The names of `张三、李四` (or `张三和李四`, where each side is a name: 张和平 is one) with
    their spans; empty when any part is not a name. `张三同志` vouches for its name as a strong
    frame does; a space inside a name (`马 骁`, set apart by the layout) is not part of it."""
    return _names_apart(view, a, b, _LIST_MARK, strong) or _names_apart(view, a, b, LIST_MARKS, strong)


def _names_apart(view: str, a: int, b: int, marks: re.Pattern, strong: bool) -> list[tuple[int, int]]:
    spans, start = [], a
    for part in marks.split(view[a:b]):
        at = view.index(part, start) if part else start
        lead = len(part) - len(part.lstrip())
        core = _NOTE_AT_END.sub("", part.strip())
        name = COURTESY_AT_END.sub("", core.removesuffix(_HONORIFIC))
        if not is_framed_name("".join(name.split()), strong or name != core):
            return []
        spans.append((at + lead, at + lead + len(name)))
        start = at + len(part)
    return spans


def is_committee_role(title: str) -> bool:
    """A role of a committee's (成员, 委员, 主席 …), written in either script."""
    return to_simplified(title) in _COMMITTEE_ROLES


def parse_posts(view: str, a: int, b: int) -> list[Post]:
    """`市发展和改革委员会主任、党组书记` → two posts; a post without agency takes the one before;
    bodies listed before one post each hold it (`西团水利站、大桥水利站站长`: two 站长).
    Every part but such a body must end with a known title, so that a clause that only looks like an act
    (`副主任由任仔苏兼任`) is not read as one."""
    posts: list[Post] = []
    bodies: list[tuple[int, int]] = []  # bodies written before the title they share
    for start, end in (part for span in split_top(view, a, b, "、") for part in _joined_titles(view, *span)):
        if posts and _BOARD_COMMITTEES.fullmatch("".join(view[start:end].split())):
            continue  # 董事长及董事会专门委员会职务: the seats a director leaves with his posts
        if (post := parse_post(view, start, end)) is None:
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
            post = Post(inherited_org(view, _headed(view, posts, title), title), post.title, post.notes, post.acting)
        posts.append(post)
    return [] if bodies else posts


def _headed(view: str, posts: list[Post], title: str) -> Post:
    """The post whose body a bare title takes: the last one before it whose body is of the kind the
    title heads (审判员、审委会委员、副院长: 副院长 of the 法院, not of its 审委会), else the last one."""
    kind = title.removesuffix(_HEAD)[-1:] if title.endswith(_HEAD) and len(title) > 1 else ""
    headed = [post for post in posts if kind and post.org and view[post.org[1] - 1] == kind]
    return headed[-1] if headed else posts[-1]


def _joined_titles(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """A post and a bare title joined by 和 or 及 are two posts of one body (强制性公积金计划管理局的主席和
    非执行董事), a post and another body's post two posts (市水利局局长和市财政局局长), and a body
    and a post two bodies' posts (九龙医院及香港眼科医院行政总监: parse_posts gives the body its
    title); otherwise the span is one post."""
    for m in _JOINER.finditer(view, a, b):
        if _QUOTED_BODY.search(view, a, b) and not _QUOTED_BODY.search(view, a, m.start()):
            break  # 「前任行政长官及政治委任官员离职后工作咨询委员会」主席: one body's name in its quotes
        before, after = "".join(view[a:m.start()].split()), "".join(view[m.end():b].split())
        post_before, second = title_length(before) > 0, is_title(after) or _BOARD_COMMITTEES.fullmatch(after)
        if post_before and second or (post_before or has_body_suffix(before)) and _bodied_post(after):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def _bodied_post(words: str) -> bool:
    """A body's post, the body perhaps followed by a word of the title's (医院行政总监, 公司执行董事)."""
    size = title_length(words)
    body = words[:-size] if size else ""
    return any(is_joined_agency(body[:end]) for end in range(len(body), max(1, len(body) - _TITLE_WORD_REACH - 1), -1))


def listed_posts(view: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[tuple[tuple[int, int], Post]]:
    """Each (name, post) of a list naming people after their posts, a bare title taking the body
    of the post before it (思蒙镇党委书记贺达昊、镇长张晖: 思蒙镇's 镇长)."""
    made: list[tuple[tuple[int, int], Post]] = []
    for (a, b), name in pairs:
        for post in parse_posts(view, a, b):
            if post.org is None and made:
                title = "".join(view[slice(*post.title)].split())
                post = Post(inherited_org(view, made[-1][1], title), post.title, post.notes, post.acting)
            made.append((name, post))
    return made


def inherited_org(view: str, before: Post, title: str) -> tuple[int, int] | None:
    """The body of a bare title after another post: the post's body, and its party committee
    where that post's title opens with one and the bare title is a committee's (党委委员、常委)."""
    if before.org and _head_of_place(view[slice(*before.org)], title):
        # 石家庄市委副书记、市长: the head of 石家庄市, not of its party committee (after 市委 alone, of no body named)
        place = (before.org[0], before.org[1] - 1)
        return place if place[1] - place[0] >= 2 else None
    if before.org and title not in _PARTY_TITLES and (parent := _committee_parent(view, before.org)):
        return parent  # 中国商飞公司党委常委、副总经理: the company's, not its party committee's
    committee = _PARTY_COMMITTEE.match(view, *before.title)
    if committee is None or title not in _PARTY_TITLES:
        if before.org and (title.endswith(_HEAD) or title in _COMPANY_POSTS) and view[slice(*before.org)].endswith(_BOARDS):
            return None  # 董事会风险管理委员会委员及行长 (及副总经理): a committee's post and a post of the company's
        return before.org
    return (before.org[0] if before.org else before.title[0]), committee.end()


def _committee_parent(view: str, org: tuple[int, int]) -> tuple[int, int] | None:
    """The body whose party committee `org` is (中国商飞公司 of 中国商飞公司党委, X局 of 中共X局委员会), or None."""
    if full := _FULL_COMMITTEE.fullmatch(view, *org):
        return full.span("body")
    committee = _COMMITTEE_END.search(view, *org)
    return (org[0], committee.start()) if committee and committee.start() - org[0] >= 2 else None


def _head_of_place(org: str, title: str) -> bool:
    """Whether `org` is a place's party committee (石家庄市委) and `title` that place's head (市长, 副市长)."""
    return len(org) >= 2 and org[-1] == _COMMITTEE_CHAR and org[-2] in _PLACE_LEVELS and title.endswith(org[-2] + _HEAD)


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
