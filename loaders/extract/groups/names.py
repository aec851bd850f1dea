"""How a document names a leadership group, and when two names are one group.

A group is named where it is set up (`成立X领导小组`, `调整X委员会`), where it is given a short
name (`由X领导小组（以下简称领导小组）`, `对X委员会（以下简称市安委会）组成人员进行调整`) or by the
heading over its member list (`二、调整X领导小组组成人员名单`, `附件：X指挥部成员名单`). A name ends
with a group's type (groups.types: 领导小组, 委员会 …); a team named like one (专家组) is matched
too, so that its list is known to be no group's. One document's names of one group
(成立…药品耗材…领导小组 in the text, …药品和医用耗材…领导小组 above the list) are one group when
one name's characters run in order in the other. The words are in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.lexicon import lexicon
from loaders.text.marks import start_after_last

_LEX = lexicon()


def words(*entries: str) -> str:
    """A regex group matching the words of groups.yaml entries (`words("types")`)."""
    return _LEX.alternation(*(f"groups.{entry}" for entry in entries))


# A slogan quoted in the name (晋城市“迎奥运·构和谐”体育大会筹备委员会) is one piece of it, whatever it
# holds: a copy may have lost its middle dot to `?`; so is a bracket inside it (吴淞江工程(上海段)联席会议).
_NAME = rf"(?:[^,。;:!?\s()《》“]|“[^”\n]{{1,20}}”|\([^(),。;:\n]{{1,12}}\)(?=[^,。;:!?\s()《》“])){{2,40}}?{words('types', 'other_teams')}"
GROUP_NAME = _NAME  # for the readers that find a name by its type elsewhere (loaders.extract.groups.owners)
# A standing committee set up or adjusted by its short name (县政府调整县爱卫会): only a set-up names
# it so, since elsewhere a short name is an alias of the full one (以下简称市安委会).
_COMMITTEE = rf"[^,。;:!?\s()《》“]{{0,12}}?{words('committee_short_names')}"
# 成立以市长张三为组长的X领导小组: the leaders named before the name are no part of it.
_LED_BY = rf"(?:{words('led_by_open')}[^。;\n]{{2,80}}?{_LEX['groups.led_by_close']})?"
# 组建7个中央环境保护督察组: how many groups are set up is no part of their name.
_HOW_MANY = rf"(?:[\d{_LEX['numbering.cn_digits']}]{{1,3}}{words('set_up_count_units')})?"
SET_UP = re.compile(rf"{words('set_up_verbs')}{words('set_up_particles')}?{_HOW_MANY}{_LED_BY}({_NAME}|{_COMMITTEE})"
                    rf"(?!{words('part_words')})")
# 第八届民运会组委会在北京宣告成立: the name before the set-up, at a clause's start.
SET_UP_AFTER = re.compile(rf"(?:^|(?<=[,。;:\n]))\s*({_NAME})(?:在[^,。;\n]{{1,12}}?)?{words('set_up_after_words')}?"
                          rf"{_LEX.alternation('groups.set_up_verbs')}(?:[,。;]|$)", re.M)
# 8个中央环境保护督察组组长由A、B…等同志担任: a group named at a clause's start by whom its roles are held by
# (the role and 由 found first, the name read back to the clause's start: a scan from every clause
# start costs a twentieth of a document's extraction).
_ROLE_HELD_BY = re.compile(rf"(?:{words('roles')})(?:{words('prose_each')})?由")
_CLAUSE_NAME = re.compile(rf"\s*{_HOW_MANY}({_NAME})")
_CLAUSE_MARKS = ",。;:\n"
SET_UP_ALSO = re.compile(rf"{words('set_up_joiners')}({_NAME})(?!{words('part_words')})")
SHORT_NAME = re.compile(rf"[{_LEX['groups.short_name_before']}]({_NAME})\({words('short_name_words')}")
# A heading's number (二、, 1., (一)) is no part of the name after it (二、专班成员, 1.工作小组).
_NUMBERING = (rf"(?:[{_LEX['numbering.cn_digits']}]+、|\d{{1,2}}[.、．]|[(（][{_LEX['numbering.cn_digits']}\d]{{1,3}}[)）])?+")
HEADING = re.compile(rf"^(?:{words('appendix_words')}\d*[:：]?\s*)?{_NUMBERING}"
                     rf"{words('heading_verbs', 'set_up_verbs')}?({_NAME})\s*{words('heading_people')}?\s*"
                     rf"{words('heading_list')}?\s*$")
# `现将市防汛抗旱指挥部成员调整如下`, `关于X领导小组组成人员名单的通知`: a group named as the one
# whose members follow, from the start of a clause.
# `现将调整后的X公布如下`, `X名单如下`: the list below is the group's.
_FOLLOWS = rf"{words('heading_list')}?{words('members_follow_verbs')}?{_LEX['groups.members_follow']}"
MEMBERS_OF = re.compile(rf"(?:^|(?<=[,;:]))\s*{_NUMBERING}(?:{words('members_of_before')}{words('members_of_adjusted')}?)?"
                        rf"({_NAME})(?!{words('part_words')})(?:{words('heading_people')}|{_FOLLOWS})", re.M)
# `…于4月11日公布了X委员会成员名单`: the verb of making it known, wherever the clause has it.
MEMBERS_MADE_KNOWN = re.compile(rf"{words('members_of_verbs')}({_NAME})(?!{words('part_words')})"
                                rf"(?:{words('heading_people')}|{_FOLLOWS})")
_TYPE_AT_END = re.compile(rf"{words('types', 'committee_short_names')}$")
_GENERIC = frozenset(_LEX.words("groups.generic_names"))
_COMMITTEE = _LEX["groups.standing_committee"]
_OTHER_TEAM_AT_END = re.compile(rf"{words('other_teams')}$")
_NOT_A_NAME = re.compile(rf"^{words('not_a_name_prefixes')}|[{_LEX['groups.not_in_name_chars']}]")

# The rules that name a group, named in its evidence.
SET_UP_RULE, SHORT_NAME_RULE, HEADING_RULE = "groups/set-up", "groups/short-name", "groups/heading"
ROLES_HELD_RULE = "groups/roles-held"  # X督察组组长由A担任: named with whom its roles are held by
NAMED_BEFORE_RULE = "groups/heading:named-before"  # a list under no heading: the group named above
MEMBERS_OF_RULE = "groups/members-of"  # 现将X成员调整如下
TITLE_RULE = "groups/title"  # named only in the document's title: 关于成立X领导小组的通知


def roles_held(text: str) -> Iterator[re.Match]:
    """The groups named at a clause's start before a role held by someone (X督察组组长由A担任)."""
    for held in _ROLE_HELD_BY.finditer(text):
        if m := _CLAUSE_NAME.fullmatch(text, start_after_last(text, held.start(), _CLAUSE_MARKS), held.start()):
            yield m


def is_group(name: str) -> bool:
    """A name ending with a group's type that speaks of one group (not 相应领导小组, 调整后的
    领导小组, 工作专班, nor a type alone: 领导小组)."""
    kind = _TYPE_AT_END.search(name)  # the longest type: 领导小组 is one, not 领导 + 小组
    return (kind is not None and kind.start() > 0 and not _NOT_A_NAME.search(name)
            and name[:kind.start()] not in _GENERIC)


def is_leading_group(name: str) -> bool:
    """A group that leads or coordinates work (领导小组, 组委会, 指挥部), not a standing committee
    (委员会) whose chair and members hold posts."""
    return is_group(name) and not name.endswith(_COMMITTEE)


def same_group(a: str, b: str) -> bool:
    """Two names of one group: one's characters appear in order in the other, same type."""
    short, long = sorted((a, b), key=len)
    if _TYPE_AT_END.search(short).group() != _TYPE_AT_END.search(long).group():
        return False
    chars = iter(long)
    return all(ch in chars for ch in short)


def set_ups(text: str, verbs: list[int]) -> list[re.Match]:
    """The groups set up at the set-up verbs spaCy marked (at offsets `verbs`), left to right
    and none inside another, as a scan of the whole text would find them, and the groups
    joined to one set up (成立A领导小组和B领导小组)."""
    found: list[re.Match] = []
    for at in verbs:
        if found and at < found[-1].end():
            continue
        m = SET_UP.match(text, at)
        while m:
            found.append(m)
            m = SET_UP_ALSO.match(text, m.end())  # 成立A领导小组和B领导小组: B is set up too
    return found


def heading_name(text: str, first_line: int) -> tuple[tuple[int, int], str] | None:
    """The name above a member list and its rule: a heading line, the group 成立 just before
    it, or the group whose members a line introduces (现将X成员调整如下), within six lines. A
    heading naming no one group (调整后的领导小组组成人员) is passed over; one naming another
    team (专家组) is its list's."""
    end, seen = first_line, 0
    while end > 0 and seen < 6:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line:
            seen += 1
            for span, rule in _names_in(text, start, end, line):
                if is_group(text[slice(*span)]) or _OTHER_TEAM_AT_END.search(text, *span):
                    return span, rule
        end = start
    return None


def _names_in(text: str, start: int, end: int, line: str) -> list[tuple[tuple[int, int], str]]:
    """The names a line gives a list below it, the surest first."""
    found = []
    heading = HEADING.match(line) if len(line) <= 60 else None
    if heading:
        offset = start + text[start:end].index(line)
        found.append(((offset + heading.start(1), offset + heading.end(1)), HEADING_RULE))
    set_up = list(SET_UP.finditer(text, start, end))
    if set_up:
        found.append((set_up[-1].span(1), SET_UP_RULE))
    members_of = MEMBERS_OF.search(text, start, end)
    if members_of:
        found.append((members_of.span(1), MEMBERS_OF_RULE))
    return found


def title_name(header: str) -> tuple[int, int] | None:
    """The group a document's title sets up or lists (关于成立X领导小组的通知, 关于调整X组成人员的
    通知) or is (a group's own page: 芜湖光华学校贫困生资助管理工作领导小组; not a standing committee's,
    a body whose page may tell its history), as a span of the header: title, 文号 and addressees."""
    for line in re.finditer(r"[^\n]+", header):
        m = SET_UP.search(header, *line.span()) or MEMBERS_OF.search(header, *line.span())
        if m and is_group(m.group(1)):
            return m.span(1)
        if is_group(name := line.group().strip()) and not name.endswith(_COMMITTEE):
            start = line.start() + line.group().index(name)
            return start, start + len(name)
    return _wrapped_title_name(header)


def _wrapped_title_name(header: str) -> tuple[int, int] | None:
    """The group of a title set over two or three lines (关于成立临安市 / 信用建设工作领导小组的
    通知): read with the line breaks taken out, its span mapped back onto the header."""
    kept = [i for i, ch in enumerate(header) if ch != "\n"]
    if len(kept) == len(header):
        return None
    joined = "".join(header[i] for i in kept)
    m = SET_UP.search(joined)
    if m and is_group(m.group(1)):
        return kept[m.start(1)], kept[m.end(1) - 1] + 1
    return None

