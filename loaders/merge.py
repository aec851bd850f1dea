"""One fact stated twice in one document is one fact with several evidence spans.

A document may say the same thing twice — an appointment in its body and again in an attached
list, a member in a table and in the office's line — and OCR reads one line twice where a scan
repeats it. Either way the graph holds one claim: the first statement stays the fact's
evidence, unless a later one was read with more confidence (a text layer, or a surer OCR
line), and the others go to `also`. Facts are the same when every field a reader compares is
the same; names are compared without the spaces that set them apart (田 强 is 田强).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from loaders.records import Evidence, Facts, GroupFact, PersonnelAct, TaskFact

T = TypeVar("T", PersonnelAct, TaskFact)


def _name(text: str | None) -> str:
    return "".join((text or "").split())


def _act_key(act: PersonnelAct) -> Hashable:
    return (act.doc, act.kind, _name(act.person), _name(act.post), _name(act.org), act.act, act.note)


def _task_key(task: TaskFact) -> Hashable:
    return (task.doc, task.item, _name(task.text), tuple(task.lead), tuple(task.cooperate),
            tuple(task.responsible), task.deadline)


def _sureness(evidence: Evidence) -> float:
    """How sure the reading of a span is: a text layer fully, an OCR line as Tesseract says."""
    return 1.0 if evidence.ocr_confidence is None else evidence.ocr_confidence


def _one_of_each(facts: list[T], key: Callable[[T], Hashable]) -> list[T]:
    """Facts in their order, each kept once, the others' evidence in its `also`."""
    first: dict[Hashable, T] = {}
    for fact in facts:
        kept = first.setdefault(key(fact), fact)
        if kept is not fact:
            _add(kept, fact)
    return list(first.values())


def _add(kept, other) -> None:
    """`other`'s evidence joins `kept`'s; the surer span leads."""
    spans = [kept.evidence, *kept.also, other.evidence, *other.also]
    lead = max(spans, key=_sureness)  # the first of the surest
    kept.evidence, kept.also = lead, [e for e in spans if e is not lead]


def _members_once(group: GroupFact) -> None:
    first: dict[Hashable, object] = {}
    for member in group.members:
        kept = first.setdefault((_name(member.person), member.role, _name(member.title)), member)
        if kept is not member:
            _add(kept, member)
    group.members = list(first.values())


def merged(facts: Facts) -> Facts:
    """The facts with every fact stated more than once in a document kept once."""
    facts.acts = _one_of_each(facts.acts, _act_key)
    facts.tasks = _one_of_each(facts.tasks, _task_key)
    for group in facts.groups:
        _members_once(group)
    return facts
