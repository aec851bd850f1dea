"""Fuzz the readers, normaliser, segmenter, extractors and contact finder (hypothesis).

    .venv/bin/python -m bench.fuzz --minutes 12            # every target, time shared
    .venv/bin/python -m bench.fuzz --target read --minutes 3 --batch 300

Only a KgError (InputError …) may leave a target; anything else is a crash. Each target runs
in its own process, so that a crash inside PDFium (a signal, not an exception) is reported
too: the input being tried is written to $TMPDIR/govkg-fuzz/TARGET.last first, and kept.
Hypothesis shrinks an exception to a minimal example, printed and saved beside it.
OCR is stubbed out while fuzzing: Tesseract is an outside program, and a second per page
would leave no time for the readers themselves.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from bench.fuzz_inputs import SUFFIXES, file_bytes, texts
from govkg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]
CRASHES = Path(tempfile.gettempdir()) / "govkg-fuzz"  # outside the repository


# --- targets -------------------------------------------------------------------------------

class _NoOcr:
    """Stands in for loaders.read.ocr.PageOcr while fuzzing (see the module docstring)."""

    def __init__(self, where: str):
        self.where = where

    def read(self, page, number: int) -> tuple[str, str]:
        return "", f"page {number}: OCR skipped while fuzzing"


def fuzz_read(data: bytes, suffix: str) -> None:
    import loaders.read.pdf
    from loaders.read import read

    real, loaders.read.pdf.PageOcr = loaders.read.pdf.PageOcr, _NoOcr
    try:
        with tempfile.NamedTemporaryFile(suffix=suffix) as f:
            f.write(data)
            f.flush()
            source = read(f.name, max_bytes=1 << 20)
    finally:
        loaders.read.pdf.PageOcr = real
    assert source.pages and source.text.count("\f") == len(source.pages) - 1


def _source(text: str):
    from loaders.records import Source

    return Source.from_pages("fuzz.txt", text.split("\f"), "txt")


def fuzz_normalize(text: str) -> None:
    from loaders.text.normalize import normalize

    normalized = normalize(_source(text))
    assert len(normalized.raw) == len(normalized.text) + 1
    assert all(0 <= r <= len(text) for r in normalized.raw)


def fuzz_segment(text: str) -> None:
    from loaders.text.normalize import normalize
    from loaders.text.segment import segment

    for document in segment(normalize(_source(text))):
        assert 0 <= document.start <= document.end <= len(document.text.text)


def fuzz_extract(text: str) -> None:
    from loaders.pipeline import extract_source

    extract_source(_source(text)).to_json()


def fuzz_contacts(text: str) -> None:
    from loaders.text.contacts import find_contacts

    found = find_contacts(text)
    assert all(0 <= c.start < c.end <= len(text) for c in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


TARGETS = {  # name → (function, strategies of its arguments)
    "read": (fuzz_read, (file_bytes, st.sampled_from(SUFFIXES))),
    "normalize": (fuzz_normalize, (texts,)),
    "segment": (fuzz_segment, (texts,)),
    "extract": (fuzz_extract, (texts,)),
    "contacts": (fuzz_contacts, (texts,)),
}


KNOWN_SEEN = [0]  # inputs that hit a crash given as known


def is_known(error: Exception, known: set[tuple[str, str]]) -> bool:
    """A crash already reported, by exception type and the function it was raised in."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and (type(error).__name__, frames[-1].name) in known


def run_target(name: str, examples: int, seed_value: int | None = None,
               last: Path | None = None, known: set[tuple[str, str]] | None = None) -> int:
    """Run one target for `examples` examples; KgError passes, and so does a crash in
    `known` (so that a long run looks past a bug already reported); anything else propagates
    after hypothesis has shrunk it. Returns the number of inputs tried."""
    function, strategies = TARGETS[name]
    count = [0]

    def guarded(args: tuple) -> None:
        count[0] += 1
        if last is not None:
            last.write_text(repr(args), encoding="utf-8")
        try:
            function(*args)
        except KgError:
            pass
        except Exception as e:
            if not (known and is_known(e, known)):
                raise
            KNOWN_SEEN[0] += 1

    test = settings(max_examples=examples, deadline=None, database=None, print_blob=True,
                    suppress_health_check=list(HealthCheck))(given(st.tuples(*strategies))(guarded))
    if seed_value is not None:
        test = seed(seed_value)(test)
    test()
    return count[0]


# --- the runner ----------------------------------------------------------------------------

def child(name: str, seconds: float, batch: int, known: set[tuple[str, str]]) -> int:
    """Batches with fresh seeds until the time is up; prints the count, exits 1 on a crash."""
    CRASHES.mkdir(parents=True, exist_ok=True)
    last, total, batches = CRASHES / f"{name}.last", 0, 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            total += run_target(name, batch, seed_value=int.from_bytes(os.urandom(4), "big"),
                                last=last, known=known)
        except Exception as e:  # noqa: BLE001 - this is what fuzzing looks for
            tried = last.read_text(encoding="utf-8") if last.exists() else "?"
            trace = "".join(traceback.format_exception(e))  # every sub-exception of a group
            (CRASHES / f"{name}.crash.txt").write_text(f"{trace}\nlast input tried:\n{tried}\n")
            print(f"{name}: CRASH {type(e).__name__}: {e}", flush=True)
            return 1
        batches += 1
    last.unlink(missing_ok=True)
    past = f" (looked past {KNOWN_SEEN[0]} known)" if KNOWN_SEEN[0] else ""
    print(f"{name}: {total} inputs in {batches} batches, {seconds / 60:.1f} min, no new crash{past}",
          flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="total time, shared by targets")
    parser.add_argument("--batch", type=int, default=200, help="examples per hypothesis run")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    parser.add_argument("--known", action="append", default=[], metavar="ERROR:FUNCTION",
                        help="a reported crash to look past, e.g. IndexError:_unnumbered_headers")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    names = args.target or list(TARGETS)
    seconds = args.minutes * 60 / len(names)
    if args.child:
        return child(names[0], seconds, args.batch, {tuple(k.split(":", 1)) for k in args.known})
    failed = 0
    for name in names:
        done = subprocess.run([sys.executable, "-m", "bench.fuzz", "--child", "--target", name,
                               "--minutes", str(seconds / 60), "--batch", str(args.batch),
                               *[f"--known={k}" for k in args.known]],
                              cwd=ROOT, check=False)
        if done.returncode < 0:
            print(f"{name}: KILLED by signal {-done.returncode}; input in {CRASHES / name}.last")
        failed += done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
