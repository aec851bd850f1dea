"""The parity harness: the same facts from a text, from its PDFs and from its scans.

Every real text of tests/fixtures/real/docs/ and the sample gazette is set as a PDF in each
layout of bench/parity_layouts.py, and as scans (bench/parity_scans.py) of its one-column
setting in an embedded font. The facts read from each PDF are scored against the facts of the
layout's own text with `kg eval`'s scorer (kg.evaluate.score, documents aligned by
kg.evalset.align): precision, recall and F1 per kind, micro over the set. Nothing is compared
with gold, so either half of the real documents may be used.

    .venv/bin/python -m bench.parity                          # every layout, no scans
    .venv/bin/python -m bench.parity --scans scan-200 --jobs 2
    .venv/bin/python -m bench.parity --layouts names-2 --docs 013 --show group_members
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.parity_layouts import LAYOUTS, text_of, write_pdf  # noqa: E402
from bench.parity_scans import SCANS, scanned_copy  # noqa: E402

DOCS = ROOT / "tests" / "fixtures" / "real" / "docs"
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
KINDS = ("documents", "appointments", "removals", "task_agencies", "lead_units", "group_members", "rivers", "task_rivers")
SCAN_SOURCE = replace(LAYOUTS["one-column"], name="scan-source", font="UMingCN")


def texts(only: list[str] | None = None) -> list[Path]:
    paths = sorted(DOCS.glob("*.txt")) + [SAMPLE]
    return [p for p in paths if not only or any(p.stem.startswith(o) for o in only)]


def facts_of_text(text: str, where: str) -> dict:
    from loaders.pipeline import extract_source
    from loaders.records import PAGE_BREAK, Source

    return extract_source(Source.from_pages(where, text.split(PAGE_BREAK), "txt")).to_json()


def facts_of_file(path: Path) -> dict:
    from loaders.pipeline import extract_file

    return extract_file(path).to_json()


def compare(expected: dict, found: dict) -> dict:
    """Per kind (gold, found, correct) of `found` against `expected`, as `kg eval` scores."""
    from kg.evalset import align, gold_key
    from kg.evaluate import score

    covered = {gold_key(d) for d in expected.get("documents", [])}
    return {s.kind: (s.gold, s.found, s.correct) for s in score(expected, align(expected, found), covered)}


def document_text(path: Path) -> str:
    """The text a PDF of the document would hold: a text file's characters as govkg reads them, the
    visible text where the file holds a web page's markup (a PDF holds no tags)."""
    from loaders.read import read

    return read(path).text


def render(path: Path, setting: str, out: Path) -> Path:
    """The PDF of a text in a layout or a scan setting."""
    text = document_text(path)
    if setting in SCANS:
        source = write_pdf(text, SCAN_SOURCE, out / f"{path.stem}.source.pdf")
        return scanned_copy(source, out / f"{path.stem}.{setting}.pdf", SCANS[setting])
    return write_pdf(text, LAYOUTS[setting], out / f"{path.stem}.{setting}.pdf")


def one(args: tuple[str, str, str]) -> tuple[str, str, dict, dict, dict]:
    """(setting, stem, counts per kind, the layout text's facts, the PDF's facts)."""
    path, setting, out = Path(args[0]), args[1], Path(args[2])
    text = document_text(path)
    layout = LAYOUTS.get(setting, SCAN_SOURCE)
    expected = facts_of_text(text_of(text, layout), str(path))
    try:
        found = facts_of_file(render(path, setting, out))
    except Exception as e:  # noqa: BLE001 - a failed read is a row of zeros, named
        print(f"{path.stem} {setting}: {e}", file=sys.stderr)
        found = {}
    return setting, path.stem, compare(expected, found), expected, found


def run(paths: list[Path], settings: list[str], jobs: int) -> list[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        work = [(str(p), s, tmp) for s in settings for p in paths]
        if jobs <= 1:
            return [one(w) for w in work]
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(one, work, chunksize=1))


def table(results: list[tuple]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Micro totals per setting and kind."""
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for setting, _, counts, _, _ in results:
        for kind, triple in counts.items():
            for k in range(3):
                totals[setting][kind][k] += triple[k]
    return {s: {k: tuple(v) for k, v in kinds.items()} for s, kinds in totals.items()}


def f1(gold: int, found: int, correct: int) -> float:
    p = correct / found if found else 1.0 if not gold else 0.0
    r = correct / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def print_table(totals: dict) -> None:
    print(f"{'setting':12s} " + " ".join(f"{k[:13]:>13s}" for k in KINDS) + "   worst")
    for setting, kinds in totals.items():
        scores = {k: f1(*kinds.get(k, (0, 0, 0))) for k in KINDS}
        cells = " ".join(f"{scores[k]:6.3f} {kinds.get(k, (0,))[0]:>6d}" for k in KINDS)
        print(f"{setting:12s} {cells}   {min(scores.values()):.3f}")


def print_differences(results: list[tuple], kind: str) -> None:
    from kg.evalset import align
    from kg.evaluate import differences

    for setting, stem, counts, expected, found in results:
        missed, extra = differences(expected, align(expected, found), kind)
        for key in sorted(missed, key=str):
            print(f"{setting} {stem} missed {key}")
        for key in sorted(extra, key=str):
            print(f"{setting} {stem} extra  {key}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated, or none")
    parser.add_argument("--scans", default="", help=f"comma-separated of {','.join(SCANS)}")
    parser.add_argument("--docs", default="", help="comma-separated stem prefixes (default: all)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--show", choices=sorted(KINDS), help="print the missed and extra facts of this kind")
    parser.add_argument("--json", type=Path, help="write the totals here")
    args = parser.parse_args(argv)
    settings = [s for s in (args.layouts if args.layouts != "none" else "").split(",") + args.scans.split(",") if s]
    unknown = [s for s in settings if s not in LAYOUTS and s not in SCANS]
    if unknown:
        parser.error(f"unknown setting {unknown[0]}; known: {', '.join([*LAYOUTS, *SCANS])}")
    results = run(texts([d for d in args.docs.split(",") if d]), settings, args.jobs)
    totals = table(results)
    print_table(totals)
    if args.show:
        print_differences(results, args.show)
    if args.json:
        args.json.write_text(json.dumps(totals, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
