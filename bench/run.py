"""govkg's benchmarks (`make bench`): every figure of issue 7 and issue 4's query latencies,
each with its floor measured in the same run, on this machine (cores and load printed first).

    .venv/bin/python -m bench.run                      # everything (~20 min on 2 cores)
    .venv/bin/python -m bench.run --only stages,scale  # some groups
    .venv/bin/python -m bench.run --quick              # small sizes, a smoke run (~3 min)
    .venv/bin/python -m bench.run --json results.json  # also keep the figures

Groups: extract (text → facts on the sample: chars/s and CPU instructions, against the figures
before the extraction rebuild), stages (PDF → text, text → facts, facts → store), scale (end to end, memory by
corpus size, incremental reload), graph (the 1M-node / 5M-edge graph, every canned query, and
`kg serve`'s search and entity pages on it: bench/explorer.py), explorer (that graph and the
explorer alone: `--only explorer`). Others' benchmarks, run on their own: `python -m bench.eval_regression` (F1 on the regression examples
documents), `python bench/rdf_export.py` (RDF export), `python -m bench.fuzz` (fuzzing).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import latency, scale, stages  # noqa: E402
from bench.measure import Figure, machine  # noqa: E402

FULL = {"pdf_pages": 60, "extract_docs": 300, "store_docs": 300, "e2e_docs": 1000,
        "memory_sizes": [100, 1000, 10000], "incremental_docs": 1000, "graph_scale": 1.0}
QUICK = {"pdf_pages": 20, "extract_docs": 60, "store_docs": 100, "e2e_docs": 200,
         "memory_sizes": [50, 200], "incremental_docs": 200, "graph_scale": 0.02}


# Extraction's cost on the sample before issue 13's rebuild, on this machine (bench/extract_cost.py
# at commit df38ec4): instructions compare across versions where seconds move with the load.
BEFORE_REBUILD = {"chars/s": 745_195, "G instructions": 1.125}


def extract_cost_figures() -> list[Figure]:
    """Extraction of the sample: chars/s of CPU time, and CPU instructions per run (valgrind)."""
    from bench import extract_cost

    figures = [Figure("text → facts, sample (CPU time)", extract_cost.chars_per_second(), "chars/s",
                      target="≥ 300k chars/s per core", note=f"before the rebuild {BEFORE_REBUILD['chars/s']:,}")]
    if shutil.which("valgrind"):
        figures.append(Figure("text → facts, sample (instructions)", extract_cost.instructions_per_run() / 1e9,
                              "G instr", note=f"before the rebuild {BEFORE_REBUILD['G instructions']}"))
    return figures


def run_stages(sizes: dict) -> list[Figure]:
    return (stages.pdf_figures(sizes["pdf_pages"]) + stages.extraction_figures(sizes["extract_docs"])
            + stages.store_figures(sizes["store_docs"]))


def run_scale(sizes: dict, figures: list[Figure]) -> list[Figure]:
    """End to end against the floors the stage group measured (or measures now)."""
    floors = {f.unit: f.floor for f in figures if f.floor and f.unit in ("chars/s", "edges/s")}
    if len(floors) < 2:
        floors = {f.unit: f.floor for f in stages.extraction_figures(30) + stages.store_figures(60)}
    jobs = os.cpu_count() or 1
    return (scale.end_to_end(sizes["e2e_docs"], jobs, floors["chars/s"], floors["edges/s"])
            + scale.memory_by_size(sizes["memory_sizes"], jobs)
            + scale.incremental(sizes["incremental_docs"], jobs))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="extract,stages,scale,graph", help="comma-separated groups")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    sizes, groups = (QUICK if args.quick else FULL), set(args.only.split(","))
    info = machine()
    print(f"machine: {info['cores']} cores ({info['cpu']}), {info['memory_gb']} GB, python {info['python']}, "
          f"load average {info['load_average']}")
    figures: list[Figure] = []
    for group, run in (("extract", extract_cost_figures), ("stages", lambda: run_stages(sizes)),
                       ("scale", lambda: run_scale(sizes, figures)),
                       ("graph", lambda: latency.graph_figures(sizes["graph_scale"])),
                       ("explorer", lambda: latency.graph_figures(sizes["graph_scale"], queries=False))):
        if group in groups:
            print(f"\n== {group}", flush=True)
            for figure in run():
                print(figure.line(), flush=True)
                figures.append(figure)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "figures": [f.to_json() for f in figures]},
                                        ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
