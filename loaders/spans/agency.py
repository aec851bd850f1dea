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
"""

from __future__ import annotations

import re

from loaders.text.normalize import normalize_key

_CJK = "\u4e00-\u9fff"
# Multi-character suffixes first: the regex alternation tries them in this order.
LONG_SUFFIXES = (
    "人民政府", "人大常委会", "常委会", "委员会", "管委会", "办公室", "办公厅", "领导小组",
    "成员单位", "政府", "法院", "检察院", "分局", "支队", "大队", "中队", "派出所", "中心",
    "公司", "集团", "分行", "支行", "银行", "总站", "总局", "总署", "联合会", "协会", "工会",
    "合作社", "供销社", "工作组", "指挥部", "部门", "单位", "机构", "海关", "边检站",
)
# One-character suffixes with the characters that, following them, show a word instead:
# 局长 and 部署 are not bodies, 社会 is not a 社, 队伍 is not a 队.
SHORT_SUFFIXES = {
    "局": "长面势部限", "厅": "长", "委": "员长托会", "办": "法理事好学公", "部": "长署分门位件",
    "署": "长名", "院": "长校子落", "所": "长有在以属得需谓", "站": "长在稳点", "队": "长伍员",
    "处": "长理置罚于", "科": "长学技研", "联": "系动网合", "社": "会区长",
}
# Collective bodies that clause lists name (各开发区, 有关县区, 相关企业); only for `is_agency`.
COLLECTIVE_SUFFIXES = ("县区", "县(区)", "区县", "开发区", "企业", "乡镇", "街道", "各地区",
                       "各地", "地方", "委", "会", "组", "室")
_STOP = "的要将在了是把被从向按由须于等与及并或其使可"
_BODY = rf"(?:[{_CJK}](?<![{_STOP}])|\([{_CJK}、]{{1,6}}\)|·)"


def _suffix_pattern() -> str:
    short = "|".join(f"{s}(?![{after}])" for s, after in SHORT_SUFFIXES.items())
    short = short.replace("委(?![员长托会])", "委(?![员长托])(?!会(?!同))")  # 市发改委会同…
    return "(?:" + "|".join(LONG_SUFFIXES) + "|" + short + ")"


SUFFIX = _suffix_pattern()
_PREFIXES = (r"各县\([市、区]{1,4}\)", r"县\(市、?区\)", r"县\(区\)", "各县区", "各市", "各县", "各区",
             "国务院", "国家", "中央", "全国", "中国", "省", "市(?![场民内外区])", "县(?![城域级内])",
             "区(?![域内间别])", "乡(?![村镇])", "镇(?![村])")
_PREFIX = "(?:" + "|".join(_PREFIXES) + ")"
# Each prefix opens with a plain character: a look-ahead for them lets the regex engine leave
# every other position at once, instead of trying the boundary and all prefixes there.
_PREFIX_FIRST = "(?=[" + "".join(sorted({p[0] for p in _PREFIXES})) + "])"
_BOUNDARY = rf"(?:^|(?<=[^{_CJK}])|(?<=[由与和及同向报经在对至给按请将把被为从]))"
_SUB_UNIT = (rf"(?:{_BODY}{{0,8}}?(?:分局|支队|大队|中队|派出所|办公室|中心"
             r"|部(?![长署分门位件])|科(?!长)|处(?![长理置])|站(?!长)|所(?!长)))")
AGENCY_IN_TEXT = re.compile(rf"{_PREFIX_FIRST}{_BOUNDARY}{_PREFIX}{_BODY}{{0,16}}?{SUFFIX}{_SUB_UNIT}*")
BODY_AFTER_PLACE = re.compile(rf"{_BODY}{{0,16}}?{SUFFIX}{_SUB_UNIT}*")
_COLLECTIVE = "|".join(map(re.escape, COLLECTIVE_SUFFIXES))
_STRICT = re.compile(rf"{_BODY}{{0,30}}?(?:{SUFFIX}|{_COLLECTIVE})")
_NOT_A_NAME = re.compile(r"简称|以下|即|不含|包括|其中|详见|参见|附件|牵头|配合|者|号$|\d")

_OPEN, _CLOSE = "(（〔[【《“", ")）〕]】》”"
_DELIMS = "、,，;；"
_BARE_JURISDICTION = {"市", "县", "区", "省", "乡", "镇", "市级", "县级", "省级", "乡级", "市直", "县直", "国家"}
_TRAILING_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")
_AND = re.compile(r"[和及与]")


def is_agency(piece: str) -> bool:
    """Whether a piece of a list names a body: it ends with a body's suffix (局, 政府, 各开发区…)."""
    piece = normalize_key(piece)
    if not piece or len(piece) > 40 or _NOT_A_NAME.search(piece):
        return False
    return _STRICT.fullmatch(piece) is not None


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
    """市水利局和市农业农村局 → two bodies; 市人力资源和社会保障局 stays one (市人力资源 has no suffix)."""
    for m in _AND.finditer(text, start, end):
        left, right = text[start:m.start()], text[m.end():end]
        if is_agency(left) and is_agency(right) and BODY_AFTER_PLACE.fullmatch(left):
            return [(start, m.start())] + _split_on_and(text, m.end(), end)
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
        pieces.append((a, b, bare))
    spans = [(a, b) for a, b, _ in pieces]
    if spans:  # 科技部等 → 科技部; 应急、交通等部门 → 应急、交通
        a, b = spans[-1]
        etc = _TRAILING_ETC.search(text, a, b)
        if etc and etc.start() > a:
            spans[-1] = _trim(text, a, etc.start())
    return [part for a, b in spans for part in _split_on_and(text, a, b)]


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
