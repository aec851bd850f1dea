"""Load bench.graph's synthetic graph into the embedded store, then time every canned query.

Loading: `UNWIND $rows … CREATE` in 2,000-row statements, the next statement's text built
while the server runs the last; the schema's indexes exist before the first row, as the
store creates them. The append-only log is off for this throwaway graph (a 5M-edge load
would otherwise rewrite the log again and again). Queries run read-only with the parameters
below, chosen to name real nodes: median of 5 runs after one warm-up (one run when a query
takes over 5 s), 60 s timeout. Each figure's note also gives the server's own time: the rest
is the client reading the reply (redis-py's pure-Python parser is slow on a thousand rows).
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.graph import GROUP_EVERY, LOOKUPS, Synthetic, _id
from bench.measure import Figure

TIMEOUT_MS = 60_000


def load_graph(store, synthetic: Synthetic) -> tuple[int, int, float]:
    """(nodes, edges, seconds) written into `store`'s graph."""
    from kg.stores.falkor import literal

    def text(statement: str, rows: list[dict[str, Any]]) -> str:
        return f"CYPHER rows={literal(rows)} {statement}"

    statements = ((f"UNWIND $rows AS r CREATE (n:{label}) SET n = r", rows) for label, rows in synthetic.node_rows())
    edges = ((f"UNWIND $rows AS r MATCH (a:{s} {{id: r.s}}) MATCH (b:{t} {{id: r.t}}) CREATE (a)-[e:{typ}]->(b) "
              "SET e = r.p", rows) for (s, typ, t), rows in synthetic.edge_rows())
    counts, started = {"nodes": 0, "edges": 0}, time.perf_counter()
    with ThreadPoolExecutor(1) as builder:  # build the next text while the server runs this one
        work = itertools.chain(statements, edges)
        pending = builder.submit(lambda s: (text(*s), len(s[1]), "MATCH" in s[0]), next(work))
        for statement in work:
            query, size, is_edge = pending.result()
            pending = builder.submit(lambda s: (text(*s), len(s[1]), "MATCH" in s[0]), statement)
            store.graph.query(query)
            counts["edges" if is_edge else "nodes"] += size
        query, size, is_edge = pending.result()
        store.graph.query(query)
        counts["edges" if is_edge else "nodes"] += size
    return counts["nodes"], counts["edges"], time.perf_counter() - started


def parameters(synthetic: Synthetic) -> dict[str, str]:
    """Values that name real nodes of the synthetic graph, by parameter name."""
    lead = synthetic.agencies[1][0]  # a city's second body: among those leading the most tasks
    return {"agency": lead, "source": lead, "target": synthetic.agencies[2][0], "subject": lead, "object": "",
            "district": f"{synthetic.cities[3][:-1]}3区", "doc": _id("Document", 3),
            "group": synthetic.agencies[GROUP_EVERY * 3][0] + "领导小组", "name": synthetic.official_names[0],
            "post": "水利局局长", "on": "2020-06-30", "since": "2019-03-01", "until": "2019-03-31",
            "program": "河长制", "river": synthetic.rivers[5], "text": "污水", "min_groups": "3"}


def overrides(synthetic: Synthetic) -> dict[str, dict[str, str]]:
    """Parameters a query takes under a shared name but of another kind."""
    names = synthetic.official_names
    return {"official_path": {"source": names[0], "target": names[1]}}


def time_queries(store, values: dict[str, str], special: dict[str, dict[str, str]] | None = None
                 ) -> list[tuple[str, float, int, int, float]]:
    """(name, median ms, rows, runs, median ms the server reports) of every canned query."""
    from kg.queries import load_queries

    out = []
    for query in load_queries().values():
        given = {**values, **(special or {}).get(query.name, {})}
        params = query.bind({p.name: given[p.name] for p in query.params if p.name in given})
        times, server, rows = [], [], 0
        for run in range(6):
            started = time.perf_counter()
            try:
                result = store.graph.ro_query(query.cypher, params, timeout=TIMEOUT_MS)
                rows = len(result.result_set)
            except Exception as exc:  # noqa: BLE001 - a timeout is a figure too
                times, server, rows = [float("inf")], [float("inf")], -1
                print(f"  {query.name}: {str(exc)[:80]}")
                break
            times.append(time.perf_counter() - started)
            server.append(result.run_time_ms)
            if run == 0 and times[0] > 5:
                break
        measured = times[1:] or times
        served = server[1:] or server
        out.append((query.name, 1000 * statistics.median(measured), rows, len(measured), statistics.median(served)))
    return out


def graph_figures(scale: float = 1.0, keep: bool = False, queries: bool = True, explorer: bool = True) -> list[Figure]:
    """The synthetic graph's load, then every canned query and (bench.explorer) `kg serve`'s
    search and entity pages on it."""
    from govkg.settings import Settings
    from kg.stores.falkor import FalkorStore

    data_dir = Path(tempfile.mkdtemp(prefix="govkg-bench-graph-"))
    store = FalkorStore(Settings(data_dir=data_dir, graph="bench_synthetic"))
    try:
        store.server._client().config_set("appendonly", "no")
        synthetic = Synthetic(scale)
        nodes, edges, seconds = load_graph(store, synthetic)
        memory = store.server._client().info("memory").get("used_memory", 0) / 2**30
        figures = [Figure(f"synthetic graph load ({nodes:,} nodes, {edges:,} edges)", edges / seconds, "edges/s",
                          note=f"{seconds:.0f}s; store memory {memory:.1f} GB")]
        for name, ms, rows, runs, served in time_queries(store, parameters(synthetic), overrides(synthetic)) if queries else []:
            kind = "lookup" if name in LOOKUPS else "global"
            figures.append(Figure(f"query {name} ({kind})", ms, "ms", target="≤ 100 ms" if kind == "lookup" else "",
                                  note=f"{rows} rows, median of {runs}; server {served:.0f} ms"))
        if explorer:
            from bench.explorer import explorer_figures

            figures += explorer_figures(store, synthetic)
        return figures
    finally:
        if not keep:
            store.clear()
            store.close()
            store.server.stop()
            shutil.rmtree(data_dir, ignore_errors=True)
