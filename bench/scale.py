"""`kg load` as a user runs it, on synthetic corpora (bench.corpus) of growing size.

- end to end: `kg load DIR` on 1,000 documents with one process and with every core: wall
  time, documents/s, peak memory of the kg processes (the store server apart), against the
  floor of the same volume (an Aho-Corasick scan of its text plus FalkorDB's bulk write of
  as many plain edges, at the rates measured in this run);
- streaming: peak memory at 100, 1,000 and 10,000 documents (flat is the claim);
- incremental: the 1,000 documents loaded again with 1% of them changed, against the full load.
Each `kg load` runs in a fresh process with its own KG_DATA_DIR under /tmp.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import psutil

from bench.corpus import Corpus
from bench.measure import PYTHON, Figure, Run, is_store_server, run_command


def kg_load(corpus: Path, data_dir: Path, *args: str) -> tuple[Run, float]:
    """Run `kg load` (which starts and, at exit, stops the store server); its Run and the
    store server's peak memory in MB."""
    server_peak = {"mb": 0.0}

    def exclude(process: psutil.Process) -> bool:
        if is_store_server(process):
            try:
                server_peak["mb"] = max(server_peak["mb"], process.memory_info().rss / 2**20)
            except psutil.Error:
                pass
            return True
        return False

    run = run_command([PYTHON, "-m", "kg", "load", str(corpus), *args], env={"KG_DATA_DIR": str(data_dir)},
                      exclude=exclude, interval=0.1)
    if run.returncode != 0:
        raise RuntimeError(f"kg load failed: {run.output[-2000:]}")
    return run, server_peak["mb"]


def written(run: Run) -> tuple[int, int, int]:
    """(documents written, edges, unchanged) from kg load's summary line."""
    m = re.search(r"(\d+) documents written \((\d+) edges\), (\d+) unchanged", run.output)
    return (int(m[1]), int(m[2]), int(m[3])) if m else (0, 0, 0)


def end_to_end(docs: int, jobs: int, floor_chars_per_s: float, floor_edges_per_s: float) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        paths = Corpus(seed=17).write(corpus, docs)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        figures = []
        for n in sorted({1, jobs}):
            run, server_mb = kg_load(corpus, Path(tmp) / f"data{n}", "--jobs", str(n))
            _, edges, _ = written(run)
            floor_time = chars / floor_chars_per_s + edges / floor_edges_per_s
            figures.append(Figure(f"end to end, {docs:,} docs, --jobs {n}", docs / run.wall, "docs/s",
                                  docs / floor_time, "AC scan + bulk write of the same volume", "",
                                  f"{run.wall:.1f}s wall, {run.cpu:.1f}s CPU, {chars / 1e6:.1f}M chars, {edges:,} edges; "
                                  f"peak {run.peak_tree_mb:.0f} MB kg processes, {server_mb:.0f} MB store server"))
        return figures


def memory_by_size(sizes: list[int], jobs: int) -> list[Figure]:
    """Peak memory of the largest kg process of `kg load --jobs N` as the corpus grows (a
    corpus under 1 MB is read in one process, a larger one by N workers and the writer);
    the floor is the smallest run's."""
    figures, first = [], None
    for docs in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            Corpus(seed=19).write(corpus, docs)
            run, server_mb = kg_load(corpus, Path(tmp) / "data", "--jobs", str(jobs))
        first = first or run.peak_process_mb
        figures.append(Figure(f"peak memory per process, {docs:,} docs, --jobs {jobs}", run.peak_process_mb, "MB",
                              first, f"the {sizes[0]:,}-doc run", "flat",
                              f"all kg processes {run.peak_tree_mb:.0f} MB; {docs / run.wall:.1f} docs/s, "
                              f"{run.wall:.0f}s; store server {server_mb:.0f} MB"))
    return figures


def incremental(docs: int, jobs: int, changed_share: float = 0.01) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
        paths = Corpus(seed=23).write(corpus, docs)
        full, _ = kg_load(corpus, data, "--jobs", str(jobs))
        same, _ = kg_load(corpus, data, "--jobs", str(jobs))
        step = round(1 / changed_share)
        for path in paths[::step]:  # one document in a hundred gets a new sentence
            path.write_text(path.read_text(encoding="utf-8") + "\n本通知自印发之日起施行。\n", encoding="utf-8")
        time.sleep(0.01)
        again, _ = kg_load(corpus, data, "--jobs", str(jobs))
    rewritten, _, unchanged = written(again)
    return [Figure(f"reload, nothing changed ({docs:,} docs)", same.wall, "s", full.wall, "the full load", "",
                   f"{written(same)[2]} unchanged"),
            Figure(f"reload, {changed_share:.0%} changed ({docs:,} docs)", again.wall, "s", full.wall, "the full load",
                   "~1% of the work", f"{rewritten} documents rewritten, {unchanged} unchanged")]
