"""The explorer's search: every node by any of its names, written forms, 文号 or pinyin.

Substring search over a million names is no job for the graph store (a CONTAINS reads every
node), so the explorer keeps its own index in SQLite beside the data (`search.<store>.<graph>
.sqlite` in KG_DATA_DIR), rebuilt when the store changed under it (its node counts, the last
load, the reviews file) and refreshed node by node when a review rewrites documents:
- `exact`: every form as written, in a B-tree: exact names and 文号 first, whatever matches else;
- `short`: FTS5 over the single characters and pairs of characters of every form, and the
  pinyin words (full and initials, ASCII): queries of one or two characters, or of pinyin;
- `tri`: FTS5 with the trigram tokenizer over forms and pinyin: any substring of three or more.
Candidates are ranked: exact name, written form, prefix, suffix (a short form), inside, pinyin.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.datadir import private_open
from kg.serve.entries import TYPES, entry, label_guess, plain
from kg.schema import load_schema
from kg.stores.base import Store
from kg.stores.cypher import label as cypher_label

CANDIDATES = 400
PAGE = 20_000
_COLUMNS = ("RETURN n.id AS id, n.name AS name, n.written AS written, n.kind AS kind, n.title AS title, "
            "n.number AS number, n.heading AS heading, n.text AS text, n.item AS item, n.doc AS doc, "
            "n.jurisdiction AS jurisdiction, n.date AS date")
_READ = "MATCH (n:{label}) WHERE n.id > $after " + _COLUMNS + " ORDER BY n.id LIMIT $page"
_ONE = "MATCH (n:{label} {{id: $id}}) " + _COLUMNS
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (n INTEGER PRIMARY KEY, id TEXT UNIQUE, label TEXT, type TEXT, name TEXT,
                                    detail TEXT, forms TEXT, pinyin TEXT, grams TEXT);
CREATE TABLE IF NOT EXISTS exact (form TEXT, n INTEGER);
CREATE INDEX IF NOT EXISTS exact_form ON exact(form);
CREATE VIRTUAL TABLE IF NOT EXISTS tri USING fts5(forms, pinyin, content='entries', content_rowid='n', tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS short USING fts5(grams, content='entries', content_rowid='n');
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class SearchIndex:
    def __init__(self, path: Path):
        self.path = Path(path)
        os.close(private_open(self.path))  # 0600: names of people
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        self.db.executescript(SCHEMA)

    # -- reading -----------------------------------------------------------------------------

    def search(self, query: str, type_: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Nodes whose forms or pinyin hold `query`, best first; `type_` one of TYPES."""
        query = " ".join(query.split())
        if not query:
            return []
        found: dict[int, int] = {}
        for rank, numbers in enumerate(self._candidates(query)):
            for n in numbers:
                found.setdefault(n, rank)
        rows = self._rows(found, type_)
        folded = plain(query).replace(" ", "")
        rows.sort(key=lambda r: (_rank(r, query, folded, found[r["n"]]), TYPES.index(r["type"]), len(r["name"]), r["name"]))
        return [{k: r[k] for k in ("id", "label", "type", "name", "detail")} for r in rows[:limit]]

    def _candidates(self, query: str) -> Iterator[list[int]]:
        yield [n for (n,) in self.db.execute("SELECT n FROM exact WHERE form = ?", (query,))]
        phrase = '"' + query.replace('"', '""') + '"'
        if len(query) >= 3:
            yield self._match("tri", phrase)
        if query.isascii() and len(query) < 3:
            yield self._match("short", plain(query).replace(" ", "") + "*")
        elif len(query) <= 2:
            yield self._match("short", phrase)

    def _match(self, table: str, expression: str) -> list[int]:
        try:
            return [n for (n,) in self.db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?",
                                                  (expression, CANDIDATES))]
        except sqlite3.OperationalError:  # a query FTS5 cannot parse (only punctuation): no match
            return []

    def _rows(self, numbers: dict[int, int], type_: str | None) -> list[dict[str, Any]]:
        if not numbers:
            return []
        marks = ",".join("?" * len(numbers))
        sql = f"SELECT n, id, label, type, name, detail, forms, pinyin FROM entries WHERE n IN ({marks})"
        params: list[Any] = list(numbers)
        if type_:
            sql += " AND type = ?"
            params.append(type_)
        columns = ("n", "id", "label", "type", "name", "detail", "forms", "pinyin")
        return [dict(zip(columns, row)) for row in self.db.execute(sql, params)]

    def label_of(self, node_id: str) -> str | None:
        row = self.db.execute("SELECT label FROM entries WHERE id = ?", (node_id,)).fetchone()
        return row[0] if row else None

    # -- writing -----------------------------------------------------------------------------

    def rebuild(self, store: Store, fingerprint: str) -> int:
        """Index every node of the store again; returns how many."""
        with self.db:
            for table in ("entries", "exact"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("INSERT INTO tri(tri) VALUES ('delete-all')")
            self.db.execute("INSERT INTO short(short) VALUES ('delete-all')")
            count = sum(self._insert(entry(lab, row) for row in rows) for lab, rows in read_nodes(store))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        return count

    def refresh(self, store: Store, ids: Iterable[str], fingerprint: str) -> None:
        """Index these nodes again as the store now has them (gone ones leave the index)."""
        with self.db:
            for node_id in ids:
                self._delete(node_id)
                guess = label_guess(node_id)
                for lab in [guess] if guess else load_schema().nodes:
                    rows = store.query(_ONE.format(label=cypher_label(lab)), {"id": node_id})
                    if rows:
                        self._insert([entry(lab, rows[0])])
                        break
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))

    def fingerprint(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        return row[0] if row else None

    def _insert(self, entries: Iterable[dict[str, Any]]) -> int:
        """Add entries (ids not in the index), numbered after the last, a batch per table."""
        n = self.db.execute("SELECT coalesce(max(n), 0) FROM entries").fetchone()[0]
        rows, exact = [], []
        for e in entries:
            n += 1
            forms, spoken = "\n".join(e["forms"]), " ".join(e["pinyin"])
            rows.append((n, e["id"], e["label"], e["type"], e["name"], e["detail"], forms, spoken, e["grams"]))
            exact += [(f, n) for f in dict.fromkeys(e["forms"] + e["pinyin"])]
        self.db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)", rows)
        self.db.executemany("INSERT INTO tri(rowid, forms, pinyin) VALUES (?,?,?)", [(r[0], r[6], r[7]) for r in rows])
        self.db.executemany("INSERT INTO short(rowid, grams) VALUES (?,?)", [(r[0], r[8]) for r in rows])
        self.db.executemany("INSERT INTO exact VALUES (?, ?)", exact)
        return len(rows)

    def _delete(self, node_id: str) -> None:
        row = self.db.execute("SELECT n, forms, pinyin, grams FROM entries WHERE id = ?", (node_id,)).fetchone()
        if row is None:
            return
        n, forms, spoken, grams = row
        self.db.execute("INSERT INTO tri(tri, rowid, forms, pinyin) VALUES ('delete', ?, ?, ?)", (n, forms, spoken))
        self.db.execute("INSERT INTO short(short, rowid, grams) VALUES ('delete', ?, ?)", (n, grams))
        self.db.execute("DELETE FROM exact WHERE n = ?", (n,))
        self.db.execute("DELETE FROM entries WHERE n = ?", (n,))

    def close(self) -> None:
        self.db.close()


def read_nodes(store: Store) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every node of the store, label by label, a page at a time through the id index."""
    for lab in load_schema().nodes:
        after = ""
        while True:
            rows = store.query(_READ.format(label=cypher_label(lab)), {"after": after, "page": PAGE})
            if rows:
                yield lab, rows
                after = rows[-1]["id"]
            if len(rows) < PAGE:
                break


def _rank(row: dict[str, Any], query: str, folded: str, stage: int) -> int:
    forms = row["forms"].split("\n")
    if row["name"] == query:
        return 0
    if query in forms:
        return 1
    if any(f.startswith(query) for f in forms):
        return 2
    if any(f.endswith(query) for f in forms):
        return 3
    if any(query in f for f in forms):
        return 4
    return 5 + (folded not in row["pinyin"].split())  # the whole pinyin word, then part of it


def store_fingerprint(store: Store, settings) -> str:
    """What changes when the store does: node counts, the last load, the reviews file."""
    from kg.review import review_file
    from kg.stores import last_loaded
    from kg.stores.cypher import count_nodes

    counts = {lab: store.query(count_nodes(lab))[0]["n"] for lab in load_schema().nodes}
    reviews = review_file(settings)
    size = reviews.stat().st_size if reviews.is_file() else 0
    return json.dumps({"nodes": counts, "loaded": str(last_loaded(settings)), "reviews": size}, sort_keys=True)
