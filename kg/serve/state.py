"""What every request of `kg serve` shares: the settings, the open store, the search index,
whether writes are allowed, who is reviewing, and the privacy rule.

The search index is built when the explorer starts and again when the store changed under it
(a load, a review from the command line: looked at every CHECK_EVERY seconds). A small graph
is indexed before the first request; a large one (a million nodes take minutes) beside the
requests, in a thread, into a file of its own that replaces the index when it is complete, so
that pages answer meanwhile and search answers from the index it has.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from govkg.settings import Settings
from kg.export.privacy import Redactor
from kg.serve.errors import ReadOnly
from kg.serve.search import SearchIndex, label_guess, store_fingerprint

CHECK_EVERY = 10.0  # seconds between looks at whether the store changed under the index
WAIT_BELOW = 100_000  # nodes: a store this small is indexed before the first request


@dataclass
class Explorer:
    settings: Settings
    store: Any
    review: bool = False
    include_contacts: bool = False
    reviewer: str | None = None
    index: SearchIndex | None = None
    checked: float = 0.0
    building: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def redact(self, value: Any) -> Any:
        return Redactor(self.include_contacts).value(value)

    def redact_props(self, props: dict[str, Any]) -> dict[str, Any]:
        return Redactor(self.include_contacts).props(props)

    def require_review(self) -> None:
        if not self.review:
            raise ReadOnly("this explorer is read-only", where="kg serve", hint="start it with `kg serve --review` to record decisions")

    @property
    def index_path(self):
        return self.settings.data_dir / f"search.{self.settings.store}.{self.settings.graph}.sqlite"

    def search_index(self) -> SearchIndex:
        """The index, with a rebuild started (or, for a small store, done) when the store changed."""
        with self.lock:
            if self.index is None:
                self.index = SearchIndex(self.index_path)
            if self.building or time.monotonic() - self.checked < CHECK_EVERY:
                return self.index
            self.checked = time.monotonic()
            fingerprint = store_fingerprint(self.store, self.settings)
            if fingerprint == self.index.fingerprint():
                return self.index
            self.building = True
        if sum(json_counts(fingerprint)) < WAIT_BELOW:
            self._rebuild(fingerprint)
        else:
            threading.Thread(target=self._rebuild, args=(fingerprint,), daemon=True, name="kg-search-index").start()
        return self.index

    def _rebuild(self, fingerprint: str) -> None:
        fresh_path = self.index_path.with_name(self.index_path.name + ".building")
        try:
            fresh_path.unlink(missing_ok=True)
            print("kg serve: indexing names for search …", file=sys.stderr, flush=True)
            fresh = SearchIndex(fresh_path)
            count = fresh.rebuild(self.store, fingerprint)
            fresh.close()
            with self.lock:
                self.index.close()
                os.replace(fresh_path, self.index_path)
                self.index = SearchIndex(self.index_path)
            print(f"kg serve: {count:,} names indexed", file=sys.stderr, flush=True)
        finally:
            self.building = False

    def search(self, q: str, type_: str | None, limit: int) -> list[dict[str, Any]]:
        self.search_index()
        with self.lock:  # one SQLite connection for every request thread
            return self.index.search(q, type_, limit)

    def reindex(self, ids: set[str]) -> None:
        """After a review rewrote documents: index their nodes again, as the store has them."""
        self.search_index()
        with self.lock:
            self.index.refresh(self.store, ids, store_fingerprint(self.store, self.settings))

    def label_hint(self, node_id: str) -> str | None:
        """The label to look an id up under first: its prefix's, else the index's, else Document."""
        guess = label_guess(node_id)
        if guess or self.index is None:
            return guess or "Document"
        with self.lock:
            return self.index.label_of(node_id) or "Document"


def json_counts(fingerprint: str) -> list[int]:
    return list(json.loads(fingerprint)["nodes"].values())
