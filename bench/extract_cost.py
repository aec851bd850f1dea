"""What extraction costs on the sample gazette: chars/s of CPU time, and CPU instructions.

Instructions do not move with the machine's load, so they compare two versions of the code
where seconds cannot. They are counted by valgrind's callgrind as the difference between a
process that extracts the sample twice and one that extracts it once (both warmed up), which
leaves imports and start-up out.

    .venv/bin/python bench/extract_cost.py             # chars/s and instructions
    .venv/bin/python bench/extract_cost.py --no-valgrind
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"


def _extract_runs(runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from loaders.pipeline import documents_of, extract_documents
    from loaders.read import read

    source = read(SAMPLE)
    for _ in range(runs + 1):  # the first run warms caches (gazetteer, compiled patterns)
        extract_documents(documents_of(source))


def chars_per_second(repeat: int = 20) -> float:
    sys.path.insert(0, str(ROOT))
    from loaders.pipeline import documents_of, extract_documents
    from loaders.read import read

    source = read(SAMPLE)
    extract_documents(documents_of(source))
    best = min(_cpu(lambda: extract_documents(documents_of(source))) for _ in range(repeat))
    return len(source.text) / best


def _cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _instructions(runs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        sys.executable, __file__, "--runs", str(runs)],
                       check=True, capture_output=True, cwd=ROOT)
        totals = re.search(r"^(?:summary|totals):\s*(\d+)", out.read_text(), re.M)
        return int(totals.group(1))


def instructions_per_run() -> int:
    return _instructions(2) - _instructions(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help=argparse.SUPPRESS)  # the process valgrind counts
    parser.add_argument("--no-valgrind", action="store_true")
    args = parser.parse_args()
    if args.runs is not None:
        return _extract_runs(args.runs)
    print(f"extraction, sample gazette: {chars_per_second():,.0f} chars/s (CPU time, best of 20)")
    if not args.no_valgrind and shutil.which("valgrind"):
        print(f"extraction, sample gazette: {instructions_per_run() / 1e9:.3f} G instructions per run (callgrind)")


if __name__ == "__main__":
    main()
