"""Would pyoxigraph's serialisers do govkg's RDF writing as fast as the hand-written writers?
(issue 17: use them where they are as fast, and delete the hand-written code). Not a test.

    .venv/bin/python bench/rdf_serialisers.py                  # ~300k triples, N-Triples and Turtle
    .venv/bin/python bench/rdf_serialisers.py --triples 1000000

Both sides start from the same graph and emitter (kg.export.plan): "hand-written" is the
export as it runs; "pyoxigraph" turns the same blocks into pyoxigraph terms and quads and
lets `pyoxigraph.serialize` write them. CPU time of one process, the best of `--repeat`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph  # noqa: E402

from bench.rdf_export import synthetic  # noqa: E402
from kg.export.rdf import export_rdf  # noqa: E402

FORMATS = {"ntriples": pyoxigraph.RdfFormat.N_TRIPLES, "nquads": pyoxigraph.RdfFormat.N_QUADS}


def _term(text: str):
    """An N-Triples term of the blocks as a pyoxigraph term (what building them costs)."""
    if text[0] == "<":
        return pyoxigraph.NamedNode(text[1:-1])
    end = text.rindex('"')
    value = text[1:end].encode().decode("unicode_escape") if "\\" in text[:end] else text[1:end]
    suffix = text[end + 1:]
    if suffix.startswith("@"):
        return pyoxigraph.Literal(value, language=suffix[1:])
    if suffix.startswith("^^"):
        return pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(suffix[3:-1]))
    return pyoxigraph.Literal(value)


def with_pyoxigraph(data, fmt: str, out: Path) -> int:
    """The blocks of the plan, as quads, serialised by pyoxigraph."""
    from kg.export.describe import DatasetInfo
    from kg.export.mapping import load_mapping
    from kg.export.plan import Plan
    from kg.export.run import Run
    from kg.export.terms import Minter

    mapping, minter = load_mapping(), Minter("https://data.example.test/govkg/")
    run = Run(mapping, minter, {}, {fmt: out}, False, DatasetInfo(publisher="bench"),
              __import__("datetime").datetime(2024, 1, 1), 1)
    plan = Plan(data, run, "ntriples", graphs=fmt == "nquads")
    quads = []
    for segment in plan.segments(1):
        for graph, s, pos in plan.blocks(segment):
            subject = _term(s)
            graph_name = _term(graph) if graph and fmt == "nquads" else pyoxigraph.DefaultGraph()
            for pair in pos:
                p, o = pair.decode().split(" ", 1)
                quads.append(pyoxigraph.Quad(subject, _term(p), _term(o), graph_name))
    pyoxigraph.serialize(quads, str(out), FORMATS[fmt])
    return len(quads)


def _cpu(work) -> tuple[float, int]:
    start = time.process_time()
    count = work()
    return time.process_time() - start, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    data = synthetic(args.triples)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / f"g.{fmt}"
            hand = min(_cpu(lambda: export_rdf(data, fmt, out, base="https://data.example.test/govkg/",
                                               now=__import__("datetime").datetime(2024, 1, 1))["triples"])
                       for _ in range(args.repeat))
            ox = min(_cpu(lambda: with_pyoxigraph(data, fmt, out)) for _ in range(args.repeat))
            print(f"{fmt:9} hand-written {hand[1] / hand[0]:>10,.0f} triples/s   "
                  f"pyoxigraph {ox[1] / ox[0]:>10,.0f} triples/s   ({hand[1]:,} and {ox[1]:,} triples)")


if __name__ == "__main__":
    main()
