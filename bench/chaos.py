"""Chaos: `kill -9` the loader or the store server at random moments, restart, and check that
nothing is lost, half-written or waited on for long.

Each run empties the graph, starts `kg load` on the corpus (the sample gazette and a variant
of it: 54 documents), and kills at a random moment either the load or the store server (half
the store kills strike a second time, at the server's restart, while it reads its saved data
back: where FalkorDB was seen to stop dead). Then:
- whole or absent: every stored document has exactly the nodes and edges a clean load gives
  it, and no edge belongs to a document that is not stored;
- a second `kg load` exits 0 and leaves the store a clean load leaves;
- no wait (the killed load ending, the reload, a read of the store) passes --max-wait seconds.

    python -m bench.chaos --loader-kills 50 --store-kills 50      # ~20 minutes on 2 cores

Run it before resolving any change to the store (kg/stores/*, kg/load.py, kg/parallel.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from govkg.settings import Settings
from kg.dump import read_graph
from kg.stores import open_store
from tests.conftest import SAMPLE

KG = [sys.executable, "-m", "kg"]


@dataclass
class Tally:
    kills: Counter = field(default_factory=Counter)  # loader / store / store-at-restart
    broken: list[str] = field(default_factory=list)  # documents stored half, or differently
    reload_failed: list[str] = field(default_factory=list)
    differs: list[int] = field(default_factory=list)  # runs whose reload is not a clean load
    long_waits: list[str] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)
    stalls: int = 0  # the server stopped making progress at start and was started again
    present: list[int] = field(default_factory=list)  # documents left by each killed load


def corpus(folder: Path, copies: int) -> Path:
    """The sample and variants of it whose documents have other numbers (other years)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"{i}.txt").write_text(text.replace("〔2020〕", f"〔{2020 - i}〕"), encoding="utf-8")
    return folder


def by_document(env: dict) -> tuple[dict[str, set], set[str], set[str]]:
    """Per document key: its edges and their document-owned end nodes, with properties; the
    keys of the stored Document nodes; and every node with its properties."""
    settings = Settings(store="embedded", data_dir=Path(env["KG_DATA_DIR"]), graph=env["KG_GRAPH"])
    with open_store(settings) as store:
        data = read_graph(store)
    out: dict[str, set] = defaultdict(set)
    for e in data.edges:
        ends = tuple(json.dumps(n.props, sort_keys=True, ensure_ascii=False) for n in (e.source, e.target)
                     if n.label not in ("Agency", "Official", "Post", "River", "District", "Program"))
        out[e.props["doc"]].add((e.id, json.dumps(e.props, sort_keys=True, ensure_ascii=False), ends))
    documents = {n.id for n in data.nodes.values() if n.label == "Document"}
    nodes = {json.dumps([n.label, n.props], sort_keys=True, ensure_ascii=False) for n in data.nodes.values()}
    return out, documents, nodes


def timed(tally: Tally, what: str, limit: float, call):
    started = time.monotonic()
    try:
        return call()
    finally:
        took = time.monotonic() - started
        tally.waits.append(took)
        if took > limit:
            tally.long_waits.append(f"{what}: {took:.0f} s")


def kg(env: dict, *args: str, limit: float) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=limit * 3)


def kill_store(env: dict, tally: Tally, rng: random.Random) -> bool:
    pidfile = Path(env["KG_DATA_DIR"]) / "falkordb.pid"
    try:
        pid = int(pidfile.read_text())
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError):
        return False  # no server at this moment (it is being restarted): nothing to kill
    tally.kills["store"] += 1
    if rng.random() < 0.5:  # strike again while the restarted server reads its data back
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                again = int(pidfile.read_text())
            except (OSError, ValueError):
                again = pid
            if again != pid:
                time.sleep(rng.uniform(0.0, 0.3))
                try:
                    os.kill(again, signal.SIGKILL)
                    tally.kills["store at restart"] += 1
                except OSError:
                    pass
                return True
            time.sleep(0.01)
    return True


def one_run(run: int, victim: str, delay: float, env: dict, clean: tuple, folder: Path, tally: Tally,
            rng: random.Random, limit: float) -> str | None:
    """One kill and its checks; None when the load ended before the moment chosen."""
    timed(tally, "clear", limit, lambda: kg(env, "store", "clear", "--yes", limit=limit))
    load = subprocess.Popen([*KG, "load", str(folder)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    killed = load.poll() is None
    if killed and victim == "loader":
        load.send_signal(signal.SIGKILL)
        tally.kills["loader"] += 1
    elif killed:
        killed = kill_store(env, tally, rng)
    if not killed:
        load.communicate(timeout=limit * 3)
        return None
    err = timed(tally, f"run {run}: the load ending after the kill", limit,
                lambda: load.communicate(timeout=limit * 3)[1])
    tally.stalls += err.count("no progress")
    stored, documents, _ = timed(tally, f"run {run}: reading the store", limit, lambda: by_document(env))
    tally.present.append(len(documents))
    for doc in set(stored) | documents:
        if doc not in documents or stored.get(doc, set()) != clean[0][doc]:
            tally.broken.append(f"run {run}: {doc}")
    again = timed(tally, f"run {run}: the reload", limit, lambda: kg(env, "load", str(folder), limit=limit))
    tally.stalls += again.stderr.count("no progress")
    if again.returncode != 0:
        tally.reload_failed.append(f"run {run}: {again.stderr.strip()[:200]}")
    same = timed(tally, f"run {run}: reading the store", limit, lambda: by_document(env)) == clean
    if not same:
        tally.differs.append(run)
    return f"{len(documents):2d} documents whole after the kill, reload {'= clean load' if same else 'DIFFERS'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loader-kills", type=int, default=50)
    parser.add_argument("--store-kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--copies", type=int, default=4, help="copies of the sample in the corpus")
    parser.add_argument("--max-wait", type=float, default=60.0, help="seconds any one wait may take")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tally, started = Tally(), time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus(Path(tmp) / "corpus", args.copies)
        env = {**os.environ, "KG_DATA_DIR": str(Path(tmp) / "data"), "KG_GRAPH": "clean"}
        kg(env, "store", "start", limit=args.max_wait).check_returncode()
        first = time.monotonic()
        kg(env, "load", str(folder), limit=args.max_wait).check_returncode()
        load_time = time.monotonic() - first  # the moments to kill at: within a whole load
        clean = by_document(env)
        env["KG_GRAPH"] = "chaos"
        victims = ["loader"] * args.loader_kills + ["store"] * args.store_kills
        rng.shuffle(victims)
        try:
            for run, victim in enumerate(victims, start=1):
                line = None
                while line is None:  # a moment after the load had ended is no kill: draw again
                    delay = rng.uniform(0.3, load_time)
                    line = one_run(run, victim, delay, env, clean, folder, tally, rng, args.max_wait)
                print(f"run {run:3d}: kill -9 {victim:6s} at {delay:4.1f} s: {line}", flush=True)
        finally:
            kg(env, "store", "stop", "--force", limit=args.max_wait)
    report(tally, len(victims), time.monotonic() - started, sum(map(len, clean[0].values())), len(clean[1]))


def report(tally: Tally, runs: int, seconds: float, edges: int, documents: int) -> None:
    print(f"\n{runs} runs in {seconds / 60:.1f} min on a corpus of {documents} documents ({edges} edges)")
    print(f"kills: {dict(tally.kills)}")
    print(f"documents left by the killed loads: min {min(tally.present)}, max {max(tally.present)}")
    print(f"documents half-written or different from a clean load: {len(tally.broken)}")
    print(f"reloads that failed: {len(tally.reload_failed)}; "
          f"reloads that differ from a clean load: {len(tally.differs)}")
    print(f"longest wait: {max(tally.waits):.1f} s; waits over the limit: {len(tally.long_waits)}")
    print(f"server starts given up for lack of progress and retried: {tally.stalls}")
    for line in tally.broken[:10] + tally.reload_failed[:10] + tally.long_waits[:10]:
        print(f"  {line}")


if __name__ == "__main__":
    main()
