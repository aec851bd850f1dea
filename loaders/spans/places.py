"""Rivers and towns that no gazetteer lists, found by the grammar of the sentences naming them.

A river's name ends in 河 or 江, a town's in 镇 or 乡, but so do 入河, 城镇 and 乡镇: a bare
suffix proves nothing. Two shapes do:
- a 、-list in which at least two items end with the same kind of suffix
  (`义井河、蒙村河、洪城河`, `冠山镇、冶西镇、锁簧镇`);
- a river followed by a word only rivers take (`X河流域`, `X河沿线`, `X河干流`, `X江沿岸`,
  `X河水环境`);
- a river heading a line or a table row, followed by a colon, 河长 (乡级河长 …) or the next
  cell (`韩城河：县委副书记 马红梅`, `陈宅河 河长：郭俊峰`, `龙坑溪乡级河长：…`,
  `赵保河\t副县长\t孙丽`): river-chief lists.
- a cell under a column named for rivers (河道名称) in a table;
- in a river-chief list, a name heading a row whose next words are a title and a person
  (`练江   县委副书记 方志华`, `大洲源  街口镇党委书记 叶建新`): rows name rivers of any suffix
  (溪, 源, 渠 …), since the chief after the name vouches for it; but two characters ending in
  源 or 渠 are words (资源, 水渠), and a river so named has three or more.
The first item of a list and a name before 流域 have no left delimiter, so their start is
found by walking back over at most a few characters and stopping at punctuation, a function
word or the end of a place the gazetteer found (平定县|冠山镇); a verb or adverb inside the run
(开展贡江, 加强桃江流域, 全面推进汾河) is never part of a name, so the name starts after it.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from loaders.spans.posts import is_person_name, title_length
from loaders.structure.tables import find_tables

_CJK = "\u4e00-\u9fff"
KINDS = {"RIVER": ("河江溪", 4), "DISTRICT": ("镇乡", 3)}  # label → (suffixes, longest stem)
_CHIEF_SUFFIXES = "河江溪源渠沟港浦"  # what a river a chief's list or table names may end with
# A list is a run of characters between delimiters that holds a 、 (see `_lists`).
_RUN = re.compile(r"[^,.;:!?。()“”《》\s]*")
# The river suffix before a word only rivers take; the name ends after it. 水 ends a river's
# name only before the words of a whole river (邵水流域, 汉水干流): 污水, 供水 are no rivers.
_RIVER_WORD = re.compile(r"[河江溪](?=流域|沿线|沿岸|两岸|岸线|干流|(?:一级|二级|三级)?支流|水系|河道|河段|水环境|水生态"
                         r"|闸站|堤防)"
                         r"|水(?=流域|干流|支流)")
# Characters that cannot start a name (入河 涉河 各乡 全镇 城镇 村镇) or sit inside one.
_BAD_FIRST = set("入涉巡沿护治过跨界小的条各全本该此其主支干内外上下中城村集乡镇建每重等")
_POSITION_FIRST = set("上下中")  # 上游河道, 中河: no name; 上犹江, 下沙河: names of three or more
_STOP_CHARS = set("的了和与及至在对把被从向将为是等或有")
_NUMERALS = set("一二三四五六七八九十两")
_VERBS = re.compile(
    "开展|完成|实施|推进|推动|加强|强化|加快|建成|建设|新建|治理|整治|其中|包括|位于|启动|投运|保护|沿线|"
    "流经|涉及|重点|负责|配合|排查|清理|疏浚|修复|改造|落实|全面|深入|持续|做好|抓好|提升|改善|巩固|完善|开工|围绕|"
    "公布|监测|关于|对于|境内|辖区|打击|查处|取缔|建立|支流|研究")  # and the words that head a topic or a place (关于七里河, 我市境内水阳江)
# A river heading a line or table row: numbering, the name, a bracketed reach (宜阳段), then a
# colon, 河长 or a tab. The name is checked by `_good` and must hold no verb. The search starts
# from the suffix and its follower (rare), then reads the line's head, not every line start.
_CHIEF = r"(?:[省市县区乡镇村]级)?(?:总|副)?河长"  # 河长, 乡级河长, 村级副河长
_HEAD_FOLLOWER = re.compile(rf"[河江溪](?:\([^()\n]{{1,12}}\))?(?=[ \t]*(?::|{_CHIEF})|\t)")
_LINE_HEAD = re.compile(
    rf"[ \t]*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{{1,2}}[).、]|\d{{1,2}}\.)?[ \t]*"
    rf"([{_CJK}]{{1,6}}?[河江溪])(?:\([^()\n]{{1,12}}\))?(?=[ \t]*(?::|{_CHIEF})|\t)")


# A river-chief row: the river (any of the suffixes rivers take), its reach, the chief's title
# and name (`新安江(歙县段) 县委书记 汪建国(总河长)`).
_CHIEF_ROW = re.compile(
    rf"(?m)^[ \t]*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{{1,2}}[).、]|\d{{1,2}}\.)?[ \t]*"
    rf"([{_CJK}]{{1,6}}?[{_CHIEF_SUFFIXES}])(?:\([^()\n]{{1,12}}\))?[ \t]+"
    rf"([^\s:;,。()]{{2,20}})[ \t]+([{_CJK}]{{2,4}})(?=[(;,\s]|$)")


_SHORT_SUFFIXES = "河江溪"  # two characters make a river's name with these (练江, 棉溪); not with 源, 渠

# A river heading a block of a river-chief notice: its name alone on a line, then the line of
# its chief (`(二)金水河` / `河 长:区委常委 李晓东`); any suffix a river takes (金口港).
_BLOCK_HEAD = re.compile(
    rf"(?m)^[ \t]*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{{1,2}}[).、]|\d{{1,2}}\.)?[ \t]*"
    rf"([{_CJK}]{{1,6}}?[{_CHIEF_SUFFIXES}水])(?:\([^()\n]{{1,12}}\))?[ \t]*\n(?:[ \t]*\n)*"
    rf"[ \t]*(?:总|副)?河[ \t]*长[ \t]*:")


class Place(NamedTuple):
    start: int
    end: int
    label: str  # RIVER | DISTRICT


def _stem_start(text: str, end: int, longest: int, walls: set[int]) -> tuple[int, bool]:
    """Where a name ending at `end` (its suffix included) begins, and whether something bounds
    it on the left (punctuation, a function word, a verb, a known place) rather than the limit."""
    start, bounded = end - 1, False
    while start > end - 1 - longest:
        if start == 0 or start in walls or not ("\u4e00" <= text[start - 1] <= "\u9fff") \
                or text[start - 1] in _STOP_CHARS:
            bounded = True
            break
        start -= 1
    else:
        bounded = start == 0 or start in walls or not ("\u4e00" <= text[start - 1] <= "\u9fff")
    start, bounded = _after_verb(text, start, end, bounded)
    return _after_place(text, start, end, bounded)


def _after_place(text: str, start: int, end: int, bounded: bool) -> tuple[int, bool]:
    """A stem holding a city or county's whole name (达州市|州河流域) starts after it: a place of
    two characters and more, its 市/县/区, then a name of two characters and more."""
    for i in range(end - 3, start, -1):
        if text[i] in "市县区":
            return i + 1, True
    return start, bounded


def _after_verb(text: str, start: int, end: int, bounded: bool) -> tuple[int, bool]:
    """A stem holding a verb (开展贡江, 加强桃江流域) starts after its last verb, which bounds it."""
    # a verb may begin before the stem's first character (实|施昆都仑河): its end still bounds the name
    cuts = [m.end() for m in _VERBS.finditer(text, max(start - 1, 0), end - 1) if m.end() > start]
    return (cuts[-1], True) if cuts else (start, bounded)


def _good(text: str, start: int, end: int) -> bool:
    """A name of two or more characters, without function words, whose head is no bad first
    character, that is no count of rivers."""
    return end - start >= 2 and _first_ok(text, start, end) and not any(ch in _STOP_CHARS for ch in text[start:end]) \
        and not _a_count(text, start, end)


def _first_ok(text: str, start: int, end: int) -> bool:
    """小 heads a longer name (小清河, 小洲源), not the word 小河; 上, 下, 中 head a longer name
    (上犹江) that is no position (上游河道, 中段河道)."""
    first = text[start]
    if first not in _BAD_FIRST:
        return True
    if first == "小":
        return end - start >= 3
    return first in _POSITION_FIRST and end - start >= 3 and text[start + 1] not in "游段"


def _a_count(text: str, start: int, end: int) -> bool:
    """A number of the rivers just named, not a name: 赣江、抚河、信江、饶河、修河五河干流."""
    i = end - 1
    while i > 0 and text[i - 1] in _NUMERALS:
        i -= 1
    return i < end - 1 and i > 0 and text[i - 1] in _SHORT_SUFFIXES


def _lists(text: str) -> list[tuple[int, int]]:
    """The spans of the runs between delimiters that hold a 、: found from each 、 outwards
    (the left end on the reversed text), so no character is tried twice."""
    spans: list[tuple[int, int]] = []
    reverse, n = text[::-1], len(text)
    at = text.find("、")
    while at >= 0:
        right = _RUN.match(text, at).end()
        spans.append((n - _RUN.match(reverse, n - at).end(), right))
        at = text.find("、", right)
    return spans


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items, left = [], start
    for cut in [i for i in range(start, end) if text[i] == "、"] + [end]:
        items.append((left, cut))
        left = cut + 1
    return items


def _in_list(text: str, span: tuple[int, int], label: str, walls: set[int]) -> list[Place]:
    suffixes, longest = KINDS[label]
    items = _list_items(text, *span)
    found = []
    for n, (a, b) in enumerate(items):
        if n == len(items) - 1:  # the last item runs on: 南川河沿线生活污水 → 南川河
            ends = [i + 1 for i in range(a, min(b, a + longest + 1)) if text[i] in suffixes]
            b = ends[0] if ends else a
            while ends and b < len(text) and text[b] in suffixes and text[b] != text[b - 1]:
                b += 1  # 邢江河 ends at its last suffix; 屯兰河河道 at its first (河道 is a word)
        if b <= a or text[b - 1] not in suffixes:
            continue
        if n == 0 or b - a > longest + 1:
            a = _stem_start(text, b, longest, walls)[0]
        else:  # the 、 of a numbering may open the list: 一、关于七里河、牛尾河
            a = _after_verb(text, a, b, True)[0]
        if _good(text, a, b):
            found.append(Place(a, b, label))
    return found if len(found) >= 2 else []


def _river_name(text: str, start: int, end: int) -> bool:
    """A name a river-chief list or table vouches for: a good name holding no verb; two
    characters only with a suffix that makes a short name (练江, 棉溪), not 资源 or 水渠."""
    short = end - start < 3 and text[end - 1] not in _SHORT_SUFFIXES
    return not short and _good(text, start, end) and not _VERBS.search(text, start, end)


def _line_heads(text: str) -> list[Place]:
    """Rivers heading a line of a river-chief list (`韩城河：县委副书记 马红梅`)."""
    found = []
    for m in _HEAD_FOLLOWER.finditer(text):
        head = _LINE_HEAD.match(text, text.rfind("\n", 0, m.start()) + 1)
        if head and head.end(1) == m.start() + 1:
            start, end = head.span(1)
            if _river_name(text, start, end):
                found.append(Place(start, end, "RIVER"))
    return found


def _chief_rows(text: str) -> list[Place]:
    """Rivers heading the rows of a river-chief list, each followed by its chief's title and name."""
    if "河长" not in text:
        return []
    found = []
    for m in _CHIEF_ROW.finditer(text):
        start, end = m.span(1)
        if _river_name(text, start, end) and title_length(m.group(2)) >= 2 and is_person_name(m.group(3)):
            found.append(Place(start, end, "RIVER"))
    return found


def _block_heads(text: str) -> list[Place]:
    """Rivers heading the blocks of a river-chief notice, each followed by its 河长 line."""
    if "长" not in text:
        return []
    found = []
    for m in _BLOCK_HEAD.finditer(text):
        start, end = m.span(1)
        if _river_name(text, start, end):
            found.append(Place(start, end, "RIVER"))
    return found


# A table whose column names the rivers (河道名称, 河流): a river-chief list laid out as a table.
_RIVER_COLUMNS = [
    (re.compile(r"序号|编号"), "number"),
    (re.compile(r"(?:河道|河流|河湖|河段|水系)(?:\([^()\n]{1,6}\))?(?:名称)?"), "river"),
    (re.compile(rf"[{_CJK}]{{1,8}}"), "other"),  # 村名, 河长, 职务: read so that the header is known
]
_RIVER_MARKS = ("河道", "河流", "河段")
_REACH = re.compile(r"\([^()\n]{1,12}\)$")  # 龙坑溪(霞川村段): the river's reach
_PLAIN_REACH = re.compile(rf"(?P<river>[{_CJK}]+[河江溪])[{_CJK}]{{1,6}}[镇乡村区县]段")  # 清江河兴隆镇段


def _table_rivers(text: str) -> list[Place]:
    """Rivers in the river column of a table, one a cell or a piece wrapped below (a second
    river of the same village on the next line), without the reach in brackets."""
    found = []
    for table in find_tables(text, _RIVER_COLUMNS, {"river"}, _RIVER_MARKS):
        for row in range(len(table.rows)):
            for start, end in table.pieces(row, "river"):
                reach = _REACH.search(text, start, end)
                end = reach.start() if reach else end
                plain = _PLAIN_REACH.fullmatch(text, start, end)
                end = plain.end("river") if plain else end
                if text[end - 1] in _CHIEF_SUFFIXES and _river_name(text, start, end):
                    found.append(Place(start, end, "RIVER"))
    return found


# A table flattened with single spaces, its first column after the number the rivers': the
# header (`序号 河流(湖库)名称 流经乡镇 …`), then rows (`5 坎市溪 坎市镇、培丰镇 29.8 副区长 熊晓东`).
_RIVER_FIRST_HEADER = re.compile(r"(?m)^[ \t]*(?:序号|编号)[ \t]+(?:河道|河流|河湖|河段)\S*[ \t]+\S")
_NUMBERED_ROW = re.compile(rf"[ \t]*\d{{1,3}}[ \t.、]*([{_CJK}]{{2,8}}?)(?:\([^()\n]{{1,12}}\))?[ \t]")


def _first_column_rivers(text: str) -> list[Place]:
    """The river opening each numbered row under such a header, until a line that is no row."""
    found = []
    for header in _RIVER_FIRST_HEADER.finditer(text):
        at = text.find("\n", header.end())
        while at >= 0:
            row = _NUMBERED_ROW.match(text, at + 1)
            if not row:
                break
            start, end = row.span(1)
            if text[end - 1] in _CHIEF_SUFFIXES and _river_name(text, start, end):
                found.append(Place(start, end, "RIVER"))
            at = text.find("\n", row.end())
    return found


def find_places(text: str, known: Iterable[tuple[int, int]] = ()) -> list[Place]:
    """Rivers and towns named by list or river-word grammar; `known` are gazetteer place spans."""
    known = list(known)
    walls = {end for _, end in known}
    taken = {i for start, end in known for i in range(start, end)}
    found: list[Place] = []
    for span in _lists(text):
        for label, (suffixes, _) in KINDS.items():
            if any(ch in text[span[0]:span[1]] for ch in suffixes):
                found += _in_list(text, span, label, walls)
    for m in _RIVER_WORD.finditer(text):
        end = m.end()
        start, bounded = _stem_start(text, end, KINDS["RIVER"][1], walls)
        if _good(text, start, end) and (bounded or end - start >= 4):
            found.append(Place(start, end, "RIVER"))
    found += _line_heads(text) + _chief_rows(text) + _block_heads(text) + _table_rivers(text) \
        + _first_column_rivers(text) + _called_rivers(text)
    unique = {(p.start, p.end): p for p in found if p.start not in taken and p.end - 1 not in taken}
    return sorted([*unique.values(), *_named_again(text, list(unique.values()), taken)])


_PLACE_AFTER = set("县市区镇乡村街")  # 浉河区: a district named after its river


def _bounded_left(text: str, a: int) -> bool:
    """Nothing joins text[a:] on the left: no character, or punctuation, a function word or a verb."""
    if a == 0 or not ("\u4e00" <= text[a - 1] <= "\u9fff") or text[a - 1] in _STOP_CHARS:
        return True
    return any(m.end() == a for m in _VERBS.finditer(text, max(a - 4, 0), a))


# `湘江、渌水、洣水等河流`: a list the text calls rivers, whatever each name ends with. The
# words are found first; the list is read back from them, over a short stretch.
_CALLED_RIVERS = re.compile(r"等(?:主要|重点)?(?:河流|江河|河道|支流)")
_LIST_BEFORE = re.compile(rf"(?:[{_CJK}]{{2,6}}(?:、|及|和))+[{_CJK}]{{2,6}}$")
_REACH_BACK = 80  # characters: a list of a dozen names


def _called_rivers(text: str) -> list[Place]:
    found = []
    for called in _CALLED_RIVERS.finditer(text):
        low = max(called.start() - _REACH_BACK, 0)
        m = _LIST_BEFORE.search(text, low, called.start())
        if m is None:
            continue
        at = m.start()
        for item in re.split("、|及|和", m.group()):
            start, _ = _after_verb(text, at, at + len(item), False)
            if item[-1] in "河江溪水渠沟源川" and _good(text, start, at + len(item)):  # not 北江干流
                found.append(Place(start, at + len(item), "RIVER"))
            at += len(item) + 1
    return found


def _named_again(text: str, found: list[Place], taken: set[int]) -> list[Place]:
    """A river the document has shown to be one (a table, a list, a chief's line) is that river
    wherever else the document names it (`实施东风渠清淤疏浚`), but for the place named after it
    (浉河区). Two-character names only where nothing joins them on the left (推进汀江治理): 李长江
    is a person."""
    names = {text[p.start:p.end] for p in found if p.label == "RIVER"}
    if not names:
        return []
    covered = taken | {i for p in found for i in range(p.start, p.end)}
    # one pass over the text for all the names, the longest first where they overlap
    mentions = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    again = []
    for m in mentions.finditer(text):
        a, b = m.span()
        if a not in covered and b - 1 not in covered and text[b:b + 1] not in _PLACE_AFTER \
                and (b - a >= 3 or _bounded_left(text, a)):
            again.append(Place(a, b, "RIVER"))
    return again
