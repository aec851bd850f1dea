"""Who takes the posts a removal empties, named after it in the same sentence.

`免去马泽华中远集团总经理职务，由副总经理李云鹏接任`, `魏家福不再担任中远集团董事长、党组书记，由马泽华接任`:
the clause after the removal names no post of its own, only 由 (or nothing: `免去栗智X书记职务，
朱海仑接任`), the successor (perhaps described: 副总经理李云鹏) and a verb of taking (接任, 接替, 出任,
暂代 …). The successor takes each post the person removed last before it leaves, as written there;
the evidence is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extract.acts.records import ActRecorder
from loaders.extract.acts.wording import APPOINT, REMOVE, TAKING_VERB, W, taking_act
from loaders.lexicon import lexicon
from loaders.records import PersonnelAct
from loaders.spans.listed import described_name
from loaders.text.script import to_simplified

_LEX = lexicon()
_ALT = _LEX.alternation
_BY = _LEX["acts.taken_by"]
# ，由副总经理李云鹏接任。: a comma, 由 perhaps after an adverb (则由, 改由) or no 由 at all, the described
# successor, the verb closing the clause.
_TAKER = re.compile(rf"[,，]\s*(?:{_ALT('acts.taken_by_adverbs')}?{_BY})?"
                    rf"(?P<described>[^,，;；。\n{_BY}]{{2,30}}?){TAKING_VERB}")
RULE = "acts/successor"


def read_successors(recorder: ActRecorder) -> None:
    """Record the successor's appointment to each post of the removal closed just before."""
    text = recorder.text
    for m in _TAKER.finditer(text):
        name = described_name(text, *m.span("described"))
        removed = _removed_before(recorder, m.start())
        if name is None or not removed:
            continue
        person = recorder.view.written(*name)
        start, end = recorder.sentence_of[id(removed[0])]
        sentence = (start, max(end, m.end()))
        evidence = recorder.view.evidence(*sentence, RULE)
        act = taking_act(m["verb"])
        note = act if act == W["acting"] else None
        taken = {(a.person, a.post, a.org) for a in recorder.acts if a.kind == APPOINT}
        made = [replace(r, kind=APPOINT, act=act, person=person, evidence=evidence, note=note)
                for r in removed if (person, r.post, r.org) not in taken]
        recorder.add(made, sentence)


def _removed_before(recorder: ActRecorder, at: int) -> list[PersonnelAct]:
    """The removals of the person named last before `at` in the sentence holding it."""
    text, found = recorder.text, []
    for act in recorder.acts:
        sentence = recorder.sentence_of.get(id(act))
        if act.kind != REMOVE or sentence is None or not sentence[0] <= at <= sentence[1]:
            continue
        named = text.rfind(to_simplified(act.person), sentence[0], at)
        if named >= 0:
            found.append((named, act))
    last = max((named for named, _ in found), default=-1)
    return [act for named, act in found if named == last]
