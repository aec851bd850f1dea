"""People a list names each after what describes them: a description, a post or a body.

`described_people` reads `恒基兆业地产有限公司总经理刘智强、保险界陈健波及民建联陈克勤等`, `titled_people`
each (post, name) of `行政法务司司长张永春、…及检察院检察长叶迅生`, `bodied_people` each (body, name)
of `埔里国中陈清滨、水尾国小张志维`; `described_name` finds the name closing one part (three
characters, two after a title, four of a married woman's two surnames, or Latin letters). The
parts of a list are apart by 、 and the joiners, never inside a name (蔡和平).
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.spans.agency import is_agency
from loaders.spans.posts import (ACTING, COURTESY_AT_END, LIST_MARKS, TRAILING_NOTE, is_framed_name, is_person_name,
                                 split_top, surname_length, title_length)

_LEX = lexicon()
# Given names and a surname in Latin letters (Keith Gordon McKinnell, Anthony COORAY), perhaps
# after a courtesy title, closing a description in characters.
_LATIN_NAME = re.compile(rf"(?<=[\u4e00-\u9fff ])(?:(?:{_LEX.alternation('acts.latin_courtesy_titles')})\.?\s+)?"
                         r"(?P<name>[A-Z][A-Za-z']+(?:[ -][A-Z][A-Za-z']+){1,3})\s*$")
# 何钧鼎调任东仁国中: a name, a move and the body moved to (a list's part naming a person after a body).
_MOVED_TO = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,6}}?){_LEX.alternation('acts.taken_by_verbs')}(?P<body>\S{{2,16}})")
# A、B等: the list goes on; A、B等3名: and is counted
# A courtesy title and nothing more up to the next part or the list's end (梁伯和教授、…).
_COURTESY_ALONE = re.compile(rf"(?:{_LEX.alternation('acts.courtesy_titles')})(?=$|、|[,，]|{_LEX.alternation('acts.name_list_joiners')})")
_PART_ENDS = "、,，"
_JOINER_CHARS = "".join(_LEX.words("acts.name_list_joiners"))  # 和, 及, 与
_LIST_END = re.compile(rf"(?:{_LEX['acts.names_count_pattern']}|{_LEX.alternation('acts.names_list_end')})?$")
# 新任局长林威呈自卸任局长陈俊伟手中交接, 首先宣读新任观光旅游局长: a verb of a handover is no part of a post.
_HANDOVER_VERBS = re.compile(_LEX.alternation("acts.handover_verbs"))
_POST_WORD = _LEX["acts.post_word"]  # 职务


def described_people(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a list whose people are described before their names (恒基兆业地产有限公司总经理
    刘智强、保险界陈健波及民建联陈克勤等): each part's name closes it, and a part closing with no
    name is description joined by 及 to the next (名誉教授及浸会大学荣誉教授黄雅各); empty when a
    part holds no name. The names need a known surname: the description is no frame."""
    b -= len(_LIST_END.search(view, a, b)[0])
    spans, pending = [], False
    for start, end in list_parts(view, a, b):
        name = described_name(view, start, end)
        pending = name is None
        if name:
            spans.append(name)
    return [] if pending or not spans else spans


def titled_people(view: str, a: int, b: int, bodies: bool = False,
                  strong: bool = False) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each (post, name) of a list naming every person after a post (行政法务司司长张永春、经济财政司
    司长李伟农…及检察院检察长叶迅生), a name alone sharing the post before (政务次长王尚志及王安邦), posts
    apart by 、 before one name one span (石家庄市委副书记、市长冀纯堂), a body's name holding 和 whole
    (安全生产监督和煤炭管理局局长刘崇和);
    with `bodies`, a name after a body alone too (成功国小黄本宗: the title the list's head gives);
    with `strong`, names of no known surname (described_name); empty when a part holds no name
    after a known title (or body)."""
    b -= len(_LIST_END.search(view, a, b)[0])
    pairs, posts_only, body_start = [], [], None
    for start, end in list_parts(view, a, b):
        if body_start is not None:  # 安全生产监督和煤炭管理局局长刘崇和: the joiner was the body's
            start, body_start = body_start, None
        while start < end and view[start] in " \u3000":
            start += 1
        if aside := TRAILING_NOTE.search(view, start, end):  # 李远(小野): the name he is known by
            end = aside.start()
        # 劳动部政务次长王尚志及王安邦: a name alone shares the post before
        if pairs and not posts_only and (alone := _name_alone(view, start, end)):
            pairs.append((pairs[-1][0], alone))
            continue
        name = described_name(view, start, end, strong)
        before = view[start:name[0]].rstrip() if name else ""
        post_end = name[0] if name else end
        held = before.removesuffix(_POST_WORD)  # 党委常委职务刘世君: a removal's word left between post and name
        if held != before and title_length(held):
            before, post_end = held, start + len(held)
        if name is None and title_length(view[start:end]):
            posts_only.append((start, end))  # 石家庄市委副书记、市长冀纯堂: posts of the name after
            continue
        if name is None and end < b and view[end] != "、" and not title_length(view[start:end]):
            body_start = start  # a body's name holding 和 or 及 goes on in the next part
            continue
        if name is None or not (title_length(before) or bodies and is_agency(before)) or _HANDOVER_VERBS.search(before):
            return []
        first = posts_only[0][0] if posts_only else start  # the posts before the name are one span with its own
        pairs.append(((first, post_end), name))
        posts_only = []
    return [] if posts_only or body_start is not None else pairs


def _name_alone(view: str, a: int, b: int) -> tuple[int, int] | None:
    """A part that is a name and nothing else but a courtesy title after it (王安邦, 马学嘉博士, 蔡和平), a
    married woman's name too (杨罗观翠博士)."""
    if courtesy := COURTESY_AT_END.search(view, a, b):
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
    for start, end in list_parts(view, a, b):
        while start < end and view[start] in " \u3000":
            start += 1
        end = start + len(view[start:end].rstrip(" ,，\u3000").removesuffix(title))
        if moved := _MOVED_TO.fullmatch(view, start, end):  # 何钧鼎调任东仁国中: the body after the move
            if is_person_name(moved["name"].removesuffix(title)) and is_agency(moved["body"]):
                pairs.append((moved.span("body"), (start, start + len(moved["name"].removesuffix(title))), False))
            continue
        name = described_name(view, start, end)
        before = view[start:name[0]].removesuffix(title) if name else ""
        body = before.removesuffix(ACTING)
        if name and name[1] == end and is_agency(body):  # 建华国小校长林瑞吉, 宜梧国中代理校长张硕玲 (acting)
            pairs.append(((start, start + len(body)), name, body != before))
    return pairs


def list_parts(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The parts of a list of names apart by 、 and the joiners (和, 及, 以及)."""
    parts, start = [], a
    for m in LIST_MARKS.finditer(view, a, b):
        if m.start() - start == 1 and m[0] != "、":  # 蔡和平: a joiner one character into a part is the name's
            continue
        if m[0] != "、" and (_COURTESY_ALONE.match(view, m.end(), b) or m.end() == b or view[m.end()] in _PART_ENDS):
            continue  # 梁伯和教授, 局长刘崇和、副局长…: the name's last character
        parts.append((start, m.start()))
        start = m.end()
    return [(s, e) for s, e in parts + [(start, b)] if e > s]


def described_name(view: str, a: int, b: int, strong: bool = False) -> tuple[int, int] | None:
    """The name closing view[a:b], after its description: of three characters, or two where a
    title stands right before them (局长黄伟), or four of two surnames (叶刘淑仪); with `strong`
    (a frame naming people), a name of no known surname right after a title (副县长普琼)."""
    while b > a and view[b - 1] in " ,，\u3000":
        b -= 1
    if aside := TRAILING_NOTE.search(view, a, b):  # 陈锦坤(右一): a photo's place, or the name he goes by
        b = aside.start()
    if courtesy := COURTESY_AT_END.search(view, a, b):
        b = courtesy.start()
    text = view[a:b]
    if is_agency(text) and not any(title_length(text[:end]) for end in range(2, len(text))):
        return None  # 初级法院及行政法院院长叶迅生: a body, described with the next part (not 副主任邓科)
    if strong and (size := _framed_after_title(text)):  # 主任普次: a name of no known surname, a title before it
        return b - size, b
    if is_person_name(text):
        return a, b
    sizes = [size for size in (3, 2, 4) if len(text) > size and _surnamed(text[-size:], size, _vouched(text, size, courtesy))]
    titled = [size for size in sizes if title_length(text[:-size])]
    size = max(titled, default=0) or (sizes or [0])[0]
    return (b - size, b) if size else _latin_name(view, a, b)


def _framed_after_title(text: str) -> int:
    """The size of the name closing `text` right after a known title, its surname known or not
    (副县长普琼, 主任普次), or 0."""
    return max((n for n in (3, 2) if len(text) > n and is_person_name(text[-n:], strong=True)
                and title_length(text[:-n])), default=0)


def _latin_name(view: str, a: int, b: int) -> tuple[int, int] | None:
    """A name in Latin letters closing view[a:b] after a description in characters (外籍英语教师
    David Mennier, 讲座教授Prof Christopher Noel Candlin), without its courtesy title."""
    m = _LATIN_NAME.search(view, a, b)
    return m.span("name") if m and m.start() > a else None


def _vouched(text: str, size: int, courtesy: re.Match | None) -> bool:
    """Whether what stands around the name closing `text` vouches for it ending with a joiner's
    character: a courtesy title after it (梁伯和教授), or a title before it (局长刘崇和)."""
    return courtesy is not None or text[-1] in _JOINER_CHARS and title_length(text[:-size]) > 0


def _surnamed(name: str, size: int, vouched: bool = False) -> bool:
    if size == 4:  # a married woman's name: her husband's surname before her own (叶刘淑仪)
        return surname_length(name) == 1 and surname_length(name[1:]) == 1 and is_person_name(name[1:])
    if vouched and size == 3 and surname_length(name) == 1 and is_person_name(name[:2]):
        return True  # 梁伯和: a given name ending with a word of prose, where the words around vouch for it
    return is_person_name(name) and surname_length(name) > 0


def titled_runs(view: str, a: int, b: int, whole: bool = False,
                strong: bool = False) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each (post, name) of view[a:b]'s parts apart by commas that name people after their posts
    (被免职干部包括X主任A，副主任B、C; 市民政局党委书记、局长王文和，副局长张守林): the parts up to the
    first that does not, or, `whole`, none unless every part does."""
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for start, end in split_top(view, a, b, ",，"):
        if not (found := titled_people(view, start, end, strong=strong)):
            return [] if whole else pairs
        pairs += found
    return pairs
