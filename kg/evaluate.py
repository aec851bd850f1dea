"""Score extracted facts against a gold file (the facts JSON format): P, R, F1 per fact kind.

Names are compared on their matching key (simplified script, NFKC, no spaces), so
`各县(区)政府` written with half-width brackets matches the gold's `各县（区）政府`, and a gold
written in traditional characters matches the same names found in either script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import opencc

from loaders.text.normalize import normalize_key

_TO_SIMPLIFIED = opencc.OpenCC("t2s")


# Pinyin a web mirror printed after a character (`會(huì)`): page noise, not part of a name.
_PINYIN = re.compile(r"\([a-zA-Z\u00c0-\u024f]{1,8}\)")
_NUMBER_BRACKETS = str.maketrans("[]【】", "〔〕〔〕")


def k(name: str) -> str:
    """The key two written forms of one name share: simplified script, NFKC, no spaces, no
    inserted pinyin."""
    return normalize_key(_PINYIN.sub("", _TO_SIMPLIFIED.convert(name)))


def doc_key(number: str) -> str:
    """A 文号 or document id as a key: its year's brackets written any way (〔2008〕, [2008])."""
    return k(number).translate(_NUMBER_BRACKETS)

Key = tuple


@dataclass(frozen=True)
class Score:
    kind: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "gold": self.gold, "found": self.found, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _documents(data: dict) -> Iterable[Key]:
    for d in data.get("documents", []):
        yield doc_key(d.get("number") or ""), d.get("date"), k(d.get("title") or "")


def _acts(kind: str) -> Callable[[dict], Iterable[Key]]:
    """(doc, person, position, org, title): the position decides; org and title, apart, let a
    scorer match `郑州市长` with 郑州市人民政府 + 市长 (see `same_act`)."""
    def keys(data: dict) -> Iterable[Key]:
        for a in data.get(kind, []):
            org, post = k(a.get("org") or ""), k(a.get("post") or "")
            yield doc_key(a["doc"]), k(a["person"]), org + post, org, post
    return keys


# Several tasks of one item: 6-1, 6-2 in govkg's facts (its duties 6-d1, 6-d2), item 6 twice (told
# apart by an extra `paragraph` or `text_start`) in a gold file. A key names the item alone on both sides.
_SEVERAL = re.compile(r"-d?\d+$")


def _item(task: dict) -> str:
    return _SEVERAL.sub("", k(str(task["item"])))


def _assignments(data: dict) -> Iterable[Key]:
    for t in data.get("tasks", []):
        for role in ("lead", "cooperate", "responsible"):
            for agency in t.get(role, []):
                yield doc_key(t["doc"]), _item(t), role, k(agency)


def office_title_key(title: str) -> str:
    """An office post compared by its core: gold files write `办公室副主任（兼）` where the
    document says `副主任由任仔苏兼任` after naming the office, and extraction keeps the text."""
    core = k(title).removeprefix("办公室")
    return core.removesuffix("(兼)")


def _members(data: dict) -> Iterable[Key]:
    for g in data.get("groups", []):
        for role in ("leader", "deputy", "members", "office_staff"):
            for m in g.get(role, []):
                title = m.get("title") or ""
                key = office_title_key(title) if role == "office_staff" else k(title)
                yield doc_key(g["doc"]), k(m["person"]), role, key


def _leads(data: dict) -> Iterable[Key]:
    return (key for key in _assignments(data) if key[2] == "lead")


def _rivers(data: dict) -> Iterable[Key]:
    return ((k(r),) for r in data.get("rivers", []))


def _task_rivers(data: dict) -> Iterable[Key]:
    for t in data.get("tasks", []):
        for river in t.get("rivers", []):
            yield doc_key(t["doc"]), _item(t), k(river)


KINDS: dict[str, Callable[[dict], Iterable[Key]]] = {
    "documents": _documents,
    "appointments": _acts("appointments"),
    "removals": _acts("removals"),
    "task_agencies": _assignments,
    "lead_units": _leads,
    "group_members": _members,
    "rivers": _rivers,
    "task_rivers": _task_rivers,
}


# Kinds scored only on the documents whose gold lists them: a gold file complete for a
# document's acts may leave its tasks or groups out (the sample gazette's gold does).
COVERED_KINDS = ("task_agencies", "lead_units", "group_members", "task_rivers")


def _covered(kind: str, gold_keys: set[Key], docs: set[str] | None) -> set[str] | None:
    """The documents a kind is scored on, or None for all of them."""
    if kind not in COVERED_KINDS:
        return None
    return {key[0] for key in gold_keys} if docs is None else {doc_key(d) for d in docs}


def _pair(gold: dict, found: dict, kind: str, docs: set[str] | None) -> tuple[set[Key], set[Key]]:
    g, f = set(KINDS[kind](gold)), set(KINDS[kind](found))
    covered = _covered(kind, g, docs)
    if covered is not None:
        f = {key for key in f if key[0] in covered}
    return g, f


def in_order(short: str, long: str) -> bool:
    """Every character of `short` appears in `long`, in order (省环保厅 in 省环境保护厅)."""
    chars = iter(long)
    return all(ch in chars for ch in short)


def _orgs_agree(a: str, b: str) -> bool:
    """One body written two ways: the shorter's characters run in order in the longer."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and in_order(short, long)


def same_act(g: Key, f: Key) -> bool:
    """One act written two ways: same person, same title, and the body before the title one
    name written two ways (郑州市人民政府 + 市长 and a whole position `郑州市长` in `post`, which
    the gold format allows). Where a side splits body and title, its title lies within the
    title compared: the body may hold the title's first words (区人大常委会代表资格审查委员会 +
    组成人员 against 金湾区人大常委会 + 代表资格审查委员会组成人员), never a title cut short
    (市长 against 副市长)."""
    (doc, person, position, org, post), (f_doc, f_person, f_position, f_org, f_post) = g, f
    if (doc, person) != (f_doc, f_person):
        return False
    if position == f_position:
        return True
    for title in sorted({post, f_post} - {""}, key=len, reverse=True):
        if (position.endswith(title) and f_position.endswith(title)
                and (not org or len(post) <= len(title)) and (not f_org or len(f_post) <= len(title))):
            return _orgs_agree(position[:-len(title)], f_position[:-len(title)])
    return False


_UNNUMBERED = re.compile(r"None|0(?:-\d+)?")


def _items_agree(a: str, b: str) -> bool:
    """One item labelled alone (4) or after its parents (三(二)4); a task the document does not
    number is null in a gold file and 0 (0-1, 0-2 when several) in govkg's facts."""
    if a == b or (_UNNUMBERED.fullmatch(a) and _UNNUMBERED.fullmatch(b)):
        return True
    short, long = sorted((a, b), key=len)
    parents = long[:-len(short)]
    return long.endswith(short) and (parents.endswith(")") or parents[-1:] in "一二三四五六七八九十")


def same_assignment(g: Key, f: Key) -> bool:
    return (g[0], g[2], g[3]) == (f[0], f[2], f[3]) and _items_agree(g[1], f[1])


def same_task_river(g: Key, f: Key) -> bool:
    return (g[0], g[2]) == (f[0], f[2]) and _items_agree(g[1], f[1])


# Kinds whose facts a gold file and an extraction may write in two ways of one meaning.
SAME: dict[str, Callable[[Key, Key], bool]] = {
    "appointments": same_act, "removals": same_act,
    "task_agencies": same_assignment, "lead_units": same_assignment, "task_rivers": same_task_river,
}


def matches(gold: set[Key], found: set[Key], kind: str) -> set[tuple[Key, Key]]:
    """Pairs of a gold and a found fact of one meaning, each fact in one pair at most: equal
    keys first, then the kind's looser sameness."""
    pairs = {(key, key) for key in gold & found}
    same = SAME.get(kind)
    if same is None:
        return pairs
    left = set(found - gold)
    for g in sorted(gold - found, key=str):
        f = next((f for f in sorted(left, key=str) if same(g, f)), None)
        if f is not None:
            pairs.add((g, f))
            left.discard(f)
    return pairs


def score(gold: dict, found: dict, docs: set[str] | None = None) -> list[Score]:
    """Scores per kind; `docs` limits task and group kinds to the documents the gold covers
    (by default, those it lists tasks or groups for)."""
    scores = []
    for kind in KINDS:
        g, f = _pair(gold, found, kind, docs)
        scores.append(Score(kind, len(g), len(f), len(matches(g, f, kind))))
    return scores


def differences(gold: dict, found: dict, kind: str, docs: set[str] | None = None) -> tuple[set[Key], set[Key]]:
    """(missed, extra) keys of one kind: what a reader checks when a score drops."""
    g, f = _pair(gold, found, kind, docs)
    pairs = matches(g, f, kind)
    return g - {a for a, _ in pairs}, f - {b for _, b in pairs}


def matched_found(gold: dict, found: dict, kind: str, docs: set[str] | None = None) -> set[Key]:
    """The found keys of a kind that match a gold fact."""
    g, f = _pair(gold, found, kind, docs)
    return {b for _, b in matches(g, f, kind)}
