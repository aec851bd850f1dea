"""A member list under a heading that names no group (一、领导小组, 三、组织领导).

A school's or a county's plan may set its list under a bare heading: 绍兴一中消防安全 / 一、领导小组 /
组长：马德尧. The group is the plan's. Its name is composed, not written: the work the document's title
names (the title in 《》 where it quotes one, without 关于 and the word for the kind of document, 方案,
预案, 通知: documents.yaml's title verbs and doc types) and the group type the heading gives, else 领导小组. The evidence is the heading line and
the rule `groups/bare-heading` says the name was composed. The words are in ontology/lexicon/groups.yaml.
"""

from __future__ import annotations

import re

from loaders.extract.groups.found import LeadingGroup, new_group
from loaders.extract.groups.names import is_group
from loaders.lexicon import lexicon
from loaders.structure.outline import CN_DIGITS, NUMBER
from loaders.text.script import to_simplified
from loaders.view import DocumentView

RULE = "groups/bare-heading"
_LEX = lexicon()
# a heading's number, as the outline reads it or as a web copy writes it (一.组织领导)
_BARE = re.compile(rf"[ \t]*(?:{NUMBER}|[{CN_DIGITS}]+[.．])?[ \t]*(?P<heading>{_LEX.alternation('groups.bare_headings')})[ \t:：]*")
_QUOTED = re.compile(r"《(?P<work>[^》]{4,40})》")
_TITLE_VERB = re.compile(f"^(?:{_LEX.alternation('documents.title_verbs')})")  # 关于, 印发
# …实施方案, …应急预案: the kind of document, perhaps after the kind of work it is (documents.yaml's doc_types)
_KIND_AT_END = re.compile(f"(?:{_LEX.alternation('groups.work_kinds')})?(?:{_LEX.alternation('documents.doc_types')})$")
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
    work = _TITLE_VERB.sub("", (quoted["work"] if quoted else title).strip())
    return _KIND_AT_END.sub("", work)
