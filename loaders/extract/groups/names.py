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

from loaders.lexicon import lexicon

_LEX = lexicon()


def words(*entries: str) -> str:
    """A regex group matching the words of groups.yaml entries (`words("types")`)."""
    return _LEX.alternation(*(f"groups.{entry}" for entry in entries))


_NAME = rf"[^,。;:!?\s()《》]{{2,40}}?{words('types', 'other_teams')}"
SET_UP = re.compile(rf"{words('set_up_verbs')}{words('set_up_particles')}?({_NAME})(?!{words('part_words')})")
SHORT_NAME = re.compile(rf"[{_LEX['groups.short_name_before']}]({_NAME})\({words('short_name_words')}")
HEADING = re.compile(rf"^(?:{words('appendix_words')}\d*[:：]?\s*)?(?:[{_LEX['numbering.cn_digits']}]+、)?"
                     rf"{words('heading_verbs')}?({_NAME})\s*{words('heading_people')}?\s*"
                     rf"{words('heading_list')}?\s*$")
_TYPE_AT_END = re.compile(rf"{words('types')}$")
_NOT_A_NAME = re.compile(rf"^{words('not_a_name_prefixes')}")

# The rules that name a group, named in its evidence.
SET_UP_RULE, SHORT_NAME_RULE, HEADING_RULE = "groups/set-up", "groups/short-name", "groups/heading"
NAMED_BEFORE_RULE = "groups/heading:named-before"  # a list under no heading: the group named above


def is_group(name: str) -> bool:
    """A name ending with a group's type that speaks of one group (not 相应领导小组)."""
    return _TYPE_AT_END.search(name) is not None and not _NOT_A_NAME.match(name)


def same_group(a: str, b: str) -> bool:
    """Two names of one group: one's characters appear in order in the other, same type."""
    short, long = sorted((a, b), key=len)
    if _TYPE_AT_END.search(short).group() != _TYPE_AT_END.search(long).group():
        return False
    chars = iter(long)
    return all(ch in chars for ch in short)


def set_ups(text: str, verbs: list[int]) -> list[re.Match]:
    """The groups set up at the set-up verbs spaCy marked (at offsets `verbs`), left to right
    and none inside another, as a scan of the whole text would find them."""
    found: list[re.Match] = []
    for at in verbs:
        if found and at < found[-1].end():
            continue
        m = SET_UP.match(text, at)
        if m:
            found.append(m)
    return found


def heading_name(text: str, first_line: int) -> tuple[tuple[int, int], str] | None:
    """The name above a member list and its rule: a heading line, or the group 成立 just
    before it, within six lines."""
    end, seen = first_line, 0
    while end > 0 and seen < 6:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line:
            seen += 1
            heading = HEADING.match(line) if len(line) <= 60 else None
            set_up = list(SET_UP.finditer(text, start, end))
            if heading:
                offset = start + text[start:end].index(line)
                return (offset + heading.start(1), offset + heading.end(1)), HEADING_RULE
            if set_up:
                return set_up[-1].span(1), SET_UP_RULE
        end = start
    return None
