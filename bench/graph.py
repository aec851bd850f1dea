"""Issue 4's synthetic graph, a province's ten years of gazettes: ≥ 1M nodes and ≥ 5M edges
made reproducibly (one seed) straight into the embedded store, with the schema's labels,
types and the properties the canned queries read; then the median latency of every canned
query with parameters that name real nodes.

Shape (per ten years of a province: ~60k documents): tasks with a lead, two co-operating
and one responsible agency, a river or district, a program; appointment and removal acts on
posts of agencies; leadership groups with members; every document mentioning places. Node
and edge ids follow govkg.ids (`agency:…`), dates are ISO strings, as the loader writes them.

    .venv/bin/python -m bench.run --only graph      # ~1.0M nodes, ~5.2M edges, then every query
"""

from __future__ import annotations

import random
from typing import Any, Callable, Iterator

from bench.corpus import GIVEN, POSTS, TASK_OBJECTS, TASK_VERBS, TOPICS, Corpus

NODES = {"Document": 60_000, "Task": 330_000, "Agency": 14_000, "Official": 420_000, "Post": 180_000,
         "Program": 300, "River": 2_000, "District": 3_000}
BATCH = 2_000
GROUP_EVERY = 5  # every fifth agency is a leadership group (re-formed often over ten years)
LOOKUPS = {"agency_profile", "agency_tasks", "agency_partners", "agency_sub_units", "official_career",
           "post_holders", "document_tasks", "document_evidence", "edge_evidence", "river_tasks",
           "river_agencies", "district_tasks", "program_structure", "group_composition"}


class Synthetic:
    """Rows of the synthetic graph, generated from one seed."""

    def __init__(self, scale: float = 1.0, seed: int = 29):
        self.rnd = random.Random(seed)
        self.n = {label: max(int(count * scale), 10) for label, count in NODES.items()}
        base = Corpus(seed)
        self.cities = base.cities
        # (name, written short form): 太原市水利局 is written 市水利局 in its own city's documents
        self.agencies = [(city + canonical[1:], canonical) for city in self.cities
                         for canonical, _ in base.agencies][:self.n["Agency"]]
        self.n["Agency"] = len(self.agencies)
        self.per_city = len(base.agencies)
        self.rivers, self.surnames = base.rivers, base.surnames
        self.official_names: dict[int, str] = {}  # a few, to ask queries about

    def node_rows(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        rnd, n = self.rnd, self.n
        for label, make in (("Agency", self._agency), ("Official", self._official), ("Post", self._post),
                            ("Document", self._document), ("Task", self._task), ("Program", self._named("program")),
                            ("River", self._named("river")), ("District", self._named("district"))):
            for start in range(0, n[label], BATCH):
                yield label, [make(i, rnd) for i in range(start, min(start + BATCH, n[label]))]

    def edge_rows(self) -> Iterator[tuple[tuple[str, str, str], list[dict[str, Any]]]]:
        n = self.n
        plans = [(("Document", "ISSUED_BY", "Agency"), n["Document"], lambda i, r: (i, r.randrange(n["Agency"]))),
                 (("Task", "STATED_IN", "Document"), n["Task"], lambda i, r: (i, self._doc_of_task(i))),
                 (("Task", "PART_OF", "Program"), n["Task"] * 3 // 4, lambda i, r: (i, r.randrange(n["Program"]))),
                 (("Agency", "LEADS", "Task"), n["Task"], lambda i, r: (self._agency_near(r), i)),
                 (("Agency", "COOPERATES_ON", "Task"), 2 * n["Task"], lambda i, r: (self._agency_near(r), i // 2)),
                 (("Agency", "RESPONSIBLE_FOR", "Task"), n["Task"], lambda i, r: (r.randrange(n["Agency"]), i)),
                 (("Task", "CONCERNS", "River"), n["Task"] // 2, lambda i, r: (2 * i, r.randrange(n["River"]))),
                 (("Task", "CONCERNS", "District"), n["Task"] // 2, lambda i, r: (2 * i + 1, r.randrange(n["District"]))),
                 (("Post", "POST_OF", "Agency"), n["Post"], lambda i, r: (i, i % n["Agency"])),
                 (("Official", "APPOINTED_TO", "Post"), 7 * n["Official"] // 4, lambda i, r: (i % n["Official"], r.randrange(n["Post"]))),
                 (("Official", "REMOVED_FROM", "Post"), 7 * n["Official"] // 8, lambda i, r: (i % n["Official"], r.randrange(n["Post"]))),
                 (("Official", "MEMBER_OF", "Agency"), n["Official"] // 2, lambda i, r: (r.randrange(n["Official"]), self._group(r))),
                 (("Agency", "OFFICE_AT", "Agency"), n["Agency"] // GROUP_EVERY, lambda i, r: (self._group(r), r.randrange(n["Agency"]))),
                 (("Agency", "PART_OF", "Agency"), n["Agency"] // 2, lambda i, r: (i, r.randrange(n["Agency"]))),
                 (("Document", "MENTIONS", "River"), 10 * n["Document"], lambda i, r: (i % n["Document"], r.randrange(n["River"]))),
                 (("Document", "MENTIONS", "District"), 13 * n["Document"], lambda i, r: (i % n["Document"], r.randrange(n["District"])))]
        for pattern, count, ends in plans:
            for start in range(0, count, BATCH):
                rows = []
                for i in range(start, min(start + BATCH, count)):
                    a, b = ends(i, self.rnd)
                    rows.append({"s": _id(pattern[0], a), "t": _id(pattern[2], b), "p": self._edge_props(pattern[1], i)})
                yield pattern, rows

    # -- nodes ---------------------------------------------------------------------------------

    def _agency(self, i: int, rnd: random.Random) -> dict[str, Any]:
        name, short = self.agencies[i]
        group = i % GROUP_EVERY == 0
        return {"id": _id("Agency", i), "name": name + ("领导小组" if group else ""), "written": [name, short],
                "known": i % 7 != 0, "kind": "leading_group" if group else "department",
                "resolution": ["abbreviation"] if i % 11 == 0 else []}

    def _official(self, i: int, rnd: random.Random) -> dict[str, Any]:
        name = rnd.choice(self.surnames) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))
        self.official_names.setdefault(i % 1000, name)
        return {"id": _id("Official", i), "name": name, "jurisdiction": rnd.choice(self.cities)}

    def _post(self, i: int, rnd: random.Random) -> dict[str, Any]:
        agency, title = self.agencies[i % self.n["Agency"]][0], rnd.choice(POSTS)
        return {"id": _id("Post", i), "name": agency + title, "title": title, "agency": agency}

    def _document(self, i: int, rnd: random.Random) -> dict[str, Any]:
        year = 2014 + i % 10
        return {"id": _id("Document", i), "number": _id("Document", i), "date": _date(year, i),
                "title": f"关于印发{rnd.choice(TOPICS)}工作方案的通知", "content_hash": f"{i:040x}"}

    def _task(self, i: int, rnd: random.Random) -> dict[str, Any]:
        heading = rnd.choice(TASK_VERBS) + rnd.choice(TASK_OBJECTS)
        return {"id": _id("Task", i), "doc": _id("Document", self._doc_of_task(i)), "item": str(i % 40 + 1),
                "heading": heading, "text": heading + "。" + rnd.choice(TASK_OBJECTS) + f"完成{i % 90}处",
                "deadline": f"{2014 + i % 10}年底前"}

    def _named(self, kind: str) -> Callable[[int, random.Random], dict[str, Any]]:
        label = kind.capitalize()

        def make(i: int, rnd: random.Random) -> dict[str, Any]:
            name = {"program": TOPICS[i % len(TOPICS)] + (str(i) if i >= len(TOPICS) else ""),
                    "river": self.rivers[i % len(self.rivers)] + (str(i) if i >= len(self.rivers) else ""),
                    "district": f"{self.cities[i % len(self.cities)][:-1]}{i}区"}[kind]
            return {"id": _id(label, i), "name": name, "written": [name]}
        return make

    # -- edges ---------------------------------------------------------------------------------

    def _doc_of_task(self, i: int) -> int:
        return i * self.n["Document"] // self.n["Task"]

    def _agency_near(self, rnd: random.Random) -> int:
        """A lead or co-operating agency: a city's first bodies (its government office, its
        development commission …) take more of its tasks than the last ones."""
        city = rnd.randrange(len(self.cities))
        return min(city * self.per_city + int(self.per_city * rnd.random() ** 2), self.n["Agency"] - 1)

    def _group(self, rnd: random.Random) -> int:
        return GROUP_EVERY * rnd.randrange(max(self.n["Agency"] // GROUP_EVERY, 1))

    def _edge_props(self, typ: str, i: int) -> dict[str, Any]:
        doc = i % self.n["Document"]
        props = {"id": f"edge:{typ}:{i}", "doc": _id("Document", doc), "date": _date(2014 + doc % 10, doc),
                 "evidence": TASK_OBJECTS[i % len(TASK_OBJECTS)] + "。", "page": 1 + i % 12,
                 "span": f"{i % 5000}-{i % 5000 + 40}", "extractor": "bench"}
        if typ in ("APPOINTED_TO", "REMOVED_FROM"):
            props["act"] = "任命" if typ == "APPOINTED_TO" else "免去"
        if typ == "MEMBER_OF":
            props.update(role=("leader", "deputy", "member", "member")[i % 4], title=POSTS[i % len(POSTS)])
        return props


def _id(label: str, i: int) -> str:
    """Ids as govkg.ids makes them; a document's is its 文号, as the loader keys documents."""
    if label == "Document":
        return f"晋政办发〔{2014 + i % 10}〕{i}号"
    return f"{label.lower()}:{i:08d}"


def _date(year: int, i: int) -> str:
    return f"{year}-{1 + i // 10 % 12:02d}-{1 + i // 120 % 28:02d}"
