"""A member list under a heading that names no group (一、领导小组, 三、组织领导).

A school's or a county's plan may set its list under a bare heading: 绍兴一中消防安全 / 一、领导小组 /
组长：马德尧. The group is the plan's. Its name is composed, not written: the work the document's title
names (the title in 《》 where it quotes one, without 关于 and the word for the kind of document, 方案,
预案, 通知) and the group type the heading gives, else 领导小组. The evidence is the heading line and
the rule `groups/bare-heading` says the name was composed. The words are in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re

from loaders.extract.groups.found import LeadingGroup, new_group
from loaders.extract.groups.names import is_group
from loaders.lexicon import lexicon
from loaders.text.script import to_simplified
from loaders.view import DocumentView

RULE = "groups/bare-heading"
_LEX = lexicon()
_DIGITS = _LEX["numbering.cn_digits"]
_BARE = re.compile(rf"[ \t]*(?:[{_DIGITS}\d]+[、.．]|[(（][{_DIGITS}\d]+[)）])?[ \t]*"
                   rf"(?P<heading>{_LEX.alternation('groups.bare_headings')})[ \t:：]*")
_QUOTED = re.compile(r"《(?P<work>[^》]{4,40})》")
_ABOUT = _LEX["groups.bare_heading_about"]
_KIND_AT_END = re.compile(f"(?:{_LEX.alternation('groups.document_kinds')})$")
_DEFAULT_TYPE = _LEX["groups.bare_heading_type"]


def bare_heading_owner(view: DocumentView, start: int) -> LeadingGroup | None:
    """The group of a list starting at `start` under a heading that names none, named by the
    document's title; None where the heading names something or the document has no title."""
    text = view.text
    heading_start = text.rfind("\n", 0, start - 1) + 1
    m = _BARE.fullmatch(text, heading_start, max(heading_start, start - 1))
    work = _work(view.document.title or "")
    if m is None or not work:
        return None
    kind = m["heading"] if is_group(work + m["heading"]) else _DEFAULT_TYPE  # 组织领导 is no group's type
    if not is_group(work + kind):
        return None
    group = new_group(view, *m.span("heading"), RULE)
    group.name, group.key = work + kind, to_simplified(work + kind)
    return group


def _work(title: str) -> str:
    """The work a title names: the quoted document's name, without 关于 and its kind."""
    quoted = _QUOTED.search(title)
    work = (quoted["work"] if quoted else title).strip().removeprefix(_ABOUT)
    return _KIND_AT_END.sub("", work)
