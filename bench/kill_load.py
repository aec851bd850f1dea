"""Kill `kg load` (or the store server) at random moments, N times, and check each time that
every document is whole or absent and that a second load equals one clean load.

    python -m bench.kill_load --runs 20
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import SAMPLE
from tests.test_kill import KG, corpus, kill_and_reload, snapshot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus(Path(tmp) / "corpus", SAMPLE)
        env = {**os.environ, "KG_DATA_DIR": str(Path(tmp) / "data"), "KG_GRAPH": "clean"}
        subprocess.run([*KG, "load", str(folder)], env=env, check=True, capture_output=True)
        expected, passed, started = snapshot(env), 0, time.perf_counter()
        try:
            for run in range(args.runs):
                victim, delay = rng.choice(["load", "load", "database"]), rng.uniform(0.5, 5.0)
                run_env = {**env, "KG_GRAPH": f"killed-{run}"}
                kill_and_reload(run_env, folder, delay, victim)
                same = snapshot(run_env) == expected
                passed += same
                print(f"run {run + 1:2d}: killed {victim:8s} after {delay:.2f}s -> {'same store' if same else 'DIFFERENT'}")
        finally:
            subprocess.run([*KG, "store", "stop"], env=env, capture_output=True)
    print(f"{passed} passed, {args.runs - passed} failed in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
