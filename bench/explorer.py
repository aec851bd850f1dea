"""`kg serve` on the synthetic graph (bench.graph): the time to index every name for search,
then the latency of search and of entity pages, as a browser asks for them (the application
in-process through Starlette's test client: routing, store queries, templates; no socket).

Targets (issue 18): an entity page ≤ 300 ms, a search ≤ 200 ms. Median of 5 after a warm-up.
"""

from __future__ import annotations

import statistics
import time
import warnings
from urllib.parse import quote

from bench.graph import GROUP_EVERY, Synthetic, _id
from bench.measure import Figure

RUNS = 5


def _client(store):
    from kg.serve.app import create_app
    from kg.serve.state import Explorer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    return TestClient(create_app(Explorer(store.settings, store), ["*"]), raise_server_exceptions=True)


def _median_ms(client, path: str) -> tuple[float, int]:
    """(median ms, bytes of the reply) over RUNS after one warm-up; a failed request is a figure of inf."""
    reply = client.get(path)
    if reply.status_code != 200:
        print(f"  {path}: {reply.status_code} {reply.text[:120]}")
        return float("inf"), 0
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times), len(reply.content)


def searches(synthetic: Synthetic) -> dict[str, str]:
    """Queries of every kind of search: whole names, written short forms, a character or two,
    pinyin, a 文号, with and without a type."""
    agency, short = synthetic.agencies[1]
    return {"agency name": agency, "short form": short, "two characters": agency[3:5], "one character": "局",
            "official": synthetic.official_names[0], "pinyin": "shuiliju", "文号": _id("Document", 3),
            "task phrase": "污水", "typed (river)": synthetic.rivers[5]}


def pages(synthetic: Synthetic) -> dict[str, str]:
    """Entity pages of every label; the agency is among those leading the most tasks."""
    return {"agency (busy)": _id("Agency", 1), "group": _id("Agency", GROUP_EVERY * 3), "official": _id("Official", 0),
            "post": _id("Post", 7), "task": _id("Task", 11), "document": _id("Document", 3), "river": _id("River", 5),
            "district": _id("District", 3), "program": _id("Program", 0)}


def explorer_figures(store, synthetic: Synthetic) -> list[Figure]:
    from kg.serve.search import SearchIndex, store_fingerprint

    started = time.perf_counter()
    index = SearchIndex(store.settings.data_dir / f"search.embedded.{store.settings.graph}.sqlite")
    count = index.rebuild(store, store_fingerprint(store, store.settings))
    index.close()
    size = (store.settings.data_dir / f"search.embedded.{store.settings.graph}.sqlite").stat().st_size / 2**20
    figures = [Figure(f"explorer: search index of {count:,} nodes", time.perf_counter() - started, "s",
                      note=f"{size:.0f} MB; built once, then kept beside the data")]
    with _client(store) as client:
        for what, q in searches(synthetic).items():
            type_ = "&type=river" if what.startswith("typed") else ""
            ms, _ = _median_ms(client, f"/api/search?q={quote(q)}{type_}")
            html_ms, _ = _median_ms(client, f"/search?q={quote(q)}{type_}")
            figures.append(Figure(f"explorer: search, {what} ({q})", max(ms, html_ms), "ms", target="≤ 200 ms",
                                  note=f"JSON {ms:.0f} ms, page {html_ms:.0f} ms"))
        for what, node in pages(synthetic).items():
            ms, size = _median_ms(client, f"/entity/{quote(node, safe='')}")
            graph_ms, _ = _median_ms(client, f"/api/neighbourhood/{quote(node, safe='')}")
            figures.append(Figure(f"explorer: entity page, {what}", ms, "ms", target="≤ 300 ms",
                                  note=f"{size / 1024:.0f} KB; its graph (/api/neighbourhood) {graph_ms:.0f} ms"))
    return figures
