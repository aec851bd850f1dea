"""The agency suffix grammar: government bodies that no gazetteer lists.

A body's name is [jurisdiction] + [body] + suffix: 市 + 水利 + 局, 各县（区）+ 政府, 阳泉市公安局 +
西城 + 分局. Chinese official writing closes every body's name with one of a small set of
suffixes (局 委 办 厅 部 中心 支队 政府 管委会 …), so the suffix is what identifies it.

- `split_agencies` cuts a list as documents write it (`市水利局、市住建局，各县（区）政府`) on
  、，,;； but never inside brackets (各县（区）政府 stays whole) and never right after a bare
  jurisdiction (`市、县河长办` is one body: the river-chief offices of city and county).
- `is_agency` says whether a piece of such a list names a body (by its suffix).
- `find_agencies` finds names in running text; a name must start at a jurisdiction prefix
  (市 县 省 区 国家 国务院 …) standing at a word boundary, which keeps 市场 and 城市 out.
The words (suffixes, prefixes, collectives) are in ontology/lexicon/agencies.yaml.
"""

from __future__ import annotations

import re

from loaders.lexicon import lexicon
from loaders.text.keys import normalize_key

_CJK = "\u4e00-\u9fff"
_LEX = lexicon()
_STOP = _LEX["agencies.stop_chars"]
_BODY = rf"(?:[{_CJK}](?<![{_STOP}])|\([{_CJK}、]{{1,6}}\)|·)"


def _not_before(name: str) -> list[str]:
    """One-character suffixes, each closed to what would make it a word (局长, 部署)."""
    return [f"{suffix}(?!{after})" for suffix, after in _LEX.table(name).items()]


SUFFIX = "(?:" + "|".join([*_LEX.words("agencies.long_suffixes"), *_not_before("agencies.short_suffixes_pattern")]) + ")"
_PREFIXES = _LEX.words("agencies.prefix_pattern")
_PREFIX = "(?:" + "|".join(_PREFIXES) + ")"
# Each prefix opens with a plain character: a look-ahead for them lets the regex engine leave
# every other position at once, instead of trying the boundary and all prefixes there.
_PREFIX_FIRST = "(?=[" + "".join(sorted({p[0] for p in _PREFIXES})) + "])"
_BOUNDARY = rf"(?:^|(?<=[^{_CJK}])|(?<=[{_LEX['agencies.boundary_chars']}]))"
_SUB_UNIT = (rf"(?:{_BODY}{{0,8}}?(?:{'|'.join(_LEX.words('agencies.sub_unit_suffixes'))}"
             rf"|{'|'.join(_not_before('agencies.sub_unit_short_suffixes_pattern'))}))")
AGENCY_IN_TEXT = re.compile(rf"{_PREFIX_FIRST}{_BOUNDARY}{_PREFIX}{_BODY}{{0,16}}?{SUFFIX}{_SUB_UNIT}*")
BODY_AFTER_PLACE = re.compile(rf"{_BODY}{{0,16}}?{SUFFIX}{_SUB_UNIT}*")
_COLLECTIVE = "|".join(map(re.escape, _LEX.words("agencies.collective_suffixes")))
_STRICT = re.compile(rf"{_BODY}{{0,30}}?(?:{SUFFIX}|{_COLLECTIVE})")
_SUFFIXED = re.compile(rf"{_BODY}{{0,30}}?{SUFFIX}")
_NOT_A_NAME = re.compile(_LEX["agencies.not_a_name_pattern"])

_OPEN, _CLOSE = "(（〔[【《“", ")）〕]】》”"
_DELIMS = "、,，;；"
_BARE_JURISDICTION = set(_LEX.words("agencies.bare_jurisdictions"))
_EVERY = _LEX.words("agencies.collective_starts")[0]  # 各
_EVERY_KIND = set(_LEX.words("agencies.every_kinds"))
_TRAILING_ETC = re.compile(_LEX["agencies.trailing_etc_pattern"])
_AND = re.compile(f"[{_LEX['agencies.and_chars']}]")
_ETC = re.compile(_LEX["agencies.etc"])
_BARE_SUFFIX = re.compile(SUFFIX)


def is_agency(piece: str) -> bool:
    """Whether a piece of a list names a body: it ends with a body's suffix (局, 政府, 各开发区…)
    and holds more than one character (会 cut from `伏羲 山管委 会` is no name)."""
    piece = normalize_key(piece)
    if len(piece) < 2 or len(piece) > 40 or _NOT_A_NAME.search(piece):
        return False
    return _STRICT.fullmatch(piece) is not None


def has_body_suffix(piece: str) -> bool:
    """Whether a piece closes with a body's own suffix (局, 委员会, 课…), not only a collective's
    (社会 ends with 会 as 各学会 does, and is no body before 课长)."""
    return is_agency(piece) and _SUFFIXED.fullmatch(normalize_key(piece)) is not None


def is_joined_agency(piece: str) -> bool:
    """Whether a piece a frame bounds names a body, its words perhaps joined by 及, 和 or 与
    (语文教育及研究常务委员会, 食物及卫生局): in a list the joining word parts two bodies, so only
    where something else closes the name is it read whole."""
    return is_agency(piece) or is_agency(_AND.sub("", piece))


def _cut_points(text: str) -> list[int]:
    """Offsets of the list delimiters of text that stand outside brackets."""
    depth, cuts = 0, []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in _DELIMS and depth == 0:
            cuts.append(i)
    return cuts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_on_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """市水利局和市农业农村局 → two bodies; 市人力资源和社会保障局 stays one (市人力资源 has no
    suffix), and so does 各县（市、区）党委和人民政府: a bare suffix after 和 (人民政府, 管委会)
    is the same place's body, one unit as written."""
    for m in _AND.finditer(text, start, end):
        left, right = text[start:m.start()], text[m.end():end]
        if (is_agency(left) and is_agency(right) and BODY_AFTER_PLACE.fullmatch(left)
                and not _BARE_SUFFIX.fullmatch(right)):
            return [(start, m.start())] + _split_on_and(text, m.end(), end)
    return [(start, end)]


_SPACES = re.compile(r"[ \t]+")


def _split_on_space(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """省发展改革委 省财政厅 → two bodies: a copy may cut a list by spaces instead of 、; a name
    padded by spaces (`通 县`, `市 水 利 局`) has no body's name on both sides and stays one."""
    for m in _SPACES.finditer(text, start, end):
        if is_agency(text[start:m.start()]) and is_agency(text[m.end():end]):
            return [(start, m.start())] + _split_on_space(text, m.end(), end)
    return [(start, end)]


def _split_on_etc(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """省农业厅等省直有关部门 → two units: 等 closes a list inside it and a body follows, perhaps
    after 和 (…全国总工会等和各省级人民政府); a word for any body after it (等相关部门) names none."""
    for m in _ETC.finditer(text, start, end):
        if m.start() == start or not is_agency(text[start:m.start()]):
            continue
        if _TRAILING_ETC.fullmatch(text, m.start(), end):
            return [(start, m.start())]
        after = m.end() + bool(_AND.match(text, m.end()))  # 全国总工会等和各省级人民政府
        # …等国务院相关部门及各地区: the bodies after 等 may be a list joined by 及 (split later)
        if all(is_agency(text[a:b]) for a, b in _split_on_and(text, after, end)):
            return [(start, m.start())] + _split_on_etc(text, after, end)
    return [(start, end)]


def agency_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the pieces of the list text[start:end], as `split_agencies` cuts them."""
    end = len(text) if end is None else end
    pieces, left = [], start
    for cut in [c + start for c in _cut_points(text[start:end])] + [end]:
        a, b = _trim(text, left, cut)
        left = cut + 1
        if a == b:
            continue
        bare = text[a:b] in _BARE_JURISDICTION
        if pieces and pieces[-1][2]:  # the previous piece was a bare 市/县: this one continues it
            a = pieces.pop()[0]
        elif pieces and text[a:b] in _EVERY_KIND and text.startswith(_EVERY, pieces[-1][0]):
            a = pieces.pop()[0]  # 各区、县级市: 各 counts every kind the list names, one collective
        pieces.append((a, b, bare))
    spans = [(a, b) for a, b, _ in pieces]
    if spans:  # 科技部等 → 科技部; 应急、交通等部门 → 应急、交通
        a, b = spans[-1]
        etc = _TRAILING_ETC.search(text, a, b)
        if etc and etc.start() > a:
            spans[-1] = _trim(text, a, etc.start())
    return [part for a, b in spans for s, t in _split_on_space(text, a, b)
            for c, d in _split_on_etc(text, s, t) for part in _split_on_and(text, c, d)]


def split_agencies(text: str) -> list[str]:
    """The bodies of a list as written: 市水利局、市住建局，各县（区）政府 → three names."""
    return ["".join(text[a:b].split()) for a, b in agency_spans(text)]


def find_agencies(text: str) -> list[tuple[int, int]]:
    """Spans of the body names in running text that start at a jurisdiction prefix."""
    return [m.span() for m in AGENCY_IN_TEXT.finditer(text)]


def agency_after(text: str, pos: int) -> int | None:
    """End of a body name that continues a place name ending at pos (阳泉市 + 公安局), if any."""
    m = BODY_AFTER_PLACE.match(text, pos)
    return m.end() if m else None


_BEFORE_POST = re.compile(r"[\u4e00-\u9fff]{2,24}$")


def body_before(text: str, post: str) -> str | None:
    """The longest body name written right before `post` in text (…研究馆 + 馆员), if any."""
    for m in re.finditer(re.escape(post), text):
        if run := _BEFORE_POST.search(text, 0, m.start()):
            for i in range(run.start(), m.start() - 1):
                if is_agency(text[i:m.start()]):
                    return text[i:m.start()]
    return None
