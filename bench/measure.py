"""What every benchmark needs: figures with their floor and ratio, clocks, peak memory, the
machine they ran on.

A figure is reported beside its floor, measured in the same run on the same data: on a
shared machine absolute rates move with the load, the ratio much less. Rates are given by
CPU time where one process does the work (the per-core figure) and by wall time where
several do (jobs, the store server).
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    floor: float | None = None
    floor_name: str = ""
    target: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None

    def line(self) -> str:
        ratio = f"{self.ratio:6.1%} of {self.floor_name} ({_num(self.floor)} {self.unit})" if self.ratio else ""
        target = f"  [target {self.target}]" if self.target else ""
        note = f"  — {self.note}" if self.note else ""
        return f"{self.name:44s} {_num(self.value):>10s} {self.unit:10s} {ratio}{target}{note}"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def _num(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}"


def machine() -> dict[str, Any]:
    return {"cores": os.cpu_count(), "cpu": _cpu_model(), "python": platform.python_version(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def best_cpu(call: Callable[[], Any], repeat: int = 5) -> float:
    """The least CPU time of `repeat` calls (after one warm-up): the per-core cost with the
    least interference from other work on the machine."""
    return _best(call, repeat, time.process_time)


def best_wall(call: Callable[[], Any], repeat: int = 3) -> float:
    return _best(call, repeat, time.perf_counter)


def _best(call: Callable[[], Any], repeat: int, clock: Callable[[], float]) -> float:
    call()
    best = float("inf")
    for _ in range(repeat):
        started = clock()
        call()
        best = min(best, clock() - started)
    return best


@dataclass
class Run:
    """A finished command: wall and CPU seconds, peak memory of its process tree."""

    returncode: int
    wall: float
    cpu: float  # user + system of the command and its children
    peak_tree_mb: float  # the most that the command and its children held at once
    peak_process_mb: float  # the largest single process
    output: str


def run_command(args: list[str], env: dict[str, str] | None = None, exclude: Callable[[psutil.Process], bool]
                = lambda p: False, interval: float = 0.05) -> Run:
    """Run a command, sampling the summed RSS of its process tree (without the processes
    `exclude` names, such as a store server it starts) until it exits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(args, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    peaks = {"tree": 0.0, "one": 0.0}
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root] + [c for c in root.children(recursive=True) if not exclude(c)]
                sizes = [p.memory_info().rss for p in tree]
            except psutil.Error:
                sizes = []
            if sizes:
                peaks["tree"] = max(peaks["tree"], sum(sizes) / 2**20)
                peaks["one"] = max(peaks["one"], max(sizes) / 2**20)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(proc.returncode, wall, cpu, peaks["tree"], peaks["one"], output)


def is_store_server(process: psutil.Process) -> bool:
    """The store server, or the copy of itself it forks to rewrite its log (redis-aof-rewrite)."""
    try:
        return "redis" in process.name() or "redis" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def process_cpu(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system
