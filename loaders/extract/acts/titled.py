"""People a list names each after the post they take, the list opened by a collective of the new.

A report may name a government's new officials in one list, each after the post they take:
澳门第5届特区政府候任主要官员及检察长，分别为行政法务司司长张永春、经济财政司司长李伟农…及检察院检察长叶迅生;
新任的5名局处长包含劳动暨青年发展处长李雨蓁、教育处长刘育忠…. The list is read where a collective that
says its people are new or incoming (候任, 新任, 新一届 … 主要官员, 局处长, 阁员, or a title: 新任政务次长)
opens it with 分别为, 包括 or 是, or an announcement of personnel does (第二波内阁人事，包括); every part must close with a name after a known title (a part that is no post, or a name
without a known surname, leaves the list unread). The words are in ontology/lexicon/acts.yaml
(titled_*); rule `acts/titled:list`.
"""

from __future__ import annotations

import re

from loaders.extract.acts.records import ActRecorder
from loaders.extract.acts.wording import APPOINT, W
from loaders.lexicon import lexicon
from loaders.spans.posts import parse_posts, title_length, titled_people

_LEX = lexicon()
_ALT = _LEX.alternation
_JOINERS = _ALT("acts.name_list_long_joiners", "acts.name_list_joiners")  # …海关关长黄文忠，及检察院检察长叶迅生
# 候任主要官员及检察长，分别为 / 新任政务次长，包括: who is new and the collective (a title too), or an
# announcement of personnel (第二波内阁人事，包括), then the word that opens the list.
LISTED = re.compile(rf"(?:(?P<head>{_ALT('acts.titled_new')}[^。;；:：\n]{{0,40}}?)|{_ALT('acts.titled_announced')})"
                    rf"[,，]?{_ALT('acts.titled_are')}[:：]?"
                    rf"(?P<entries>(?:[^。;；,，\n]|[,，](?={_JOINERS}))+?)(?=[。;；\n]|[,，](?!{_JOINERS})|$)")
_COLLECTIVE = re.compile(rf"(?:{_ALT('acts.titled_collectives')})[^。;；:：,，\n]{{0,12}}$")
_RULE = "acts/titled:list"


def read_titled(recorder: ActRecorder) -> None:
    """Record an appointment for each person of every list a collective of the new opens."""
    text = recorder.text
    for m in LISTED.finditer(text):
        if m["head"] and not (_COLLECTIVE.search(m["head"]) or title_length(m["head"].rstrip())):
            continue
        pairs = titled_people(text, *m.span("entries"))
        evidence = recorder.view.evidence(*m.span(), _RULE)
        acts = [recorder.make_act(APPOINT, W["appoint"], None, name, post, evidence)
                for (a, b), name in pairs for post in parse_posts(text, a, b)[:1]]
        recorder.add(acts, m.span())
