"""Is a store server that does not answer yet getting anywhere?

A server reading its append-only file back answers LOADING, or nothing at all while it
replays one long write. That is progress as long as it reads on (the position of its open
append-only files moves, or INFO's loaded bytes grow) or works (it uses CPU). FalkorDB 4.16
has twice been seen to stop dead while reading its data: no read, no CPU, no answer, for
ever. `Watch.stalled` tells the two apart after `stall` seconds with no sign of progress.

Without /proc (macOS) only INFO's loaded bytes count, so a server busy on one long write
looks stalled sooner: set the stall time generously there.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import redis

from govkg.errors import StoreError

CPU_SHARE = 0.05  # a working server uses at least this share of one core
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class Watch:
    """Signs of progress of one server process, sampled on each call of `stalled`."""

    def __init__(self, pid: int | None, aof_dir: Path, client: redis.Redis | None, stall: float):
        self.pid, self.aof_dir, self.client, self.stall = pid, aof_dir, client, stall
        self.since = time.monotonic()  # the last sign of progress
        self.cpu = cpu_ticks(pid)
        self.read = read_positions(pid, aof_dir)
        self.loaded: int | None = None

    def stalled(self, asks_info: bool = False) -> bool:
        """True once `stall` seconds have passed with no read, no CPU and no loaded bytes.
        `asks_info` when the server answers (LOADING), so that INFO can tell its loaded bytes."""
        now = time.monotonic()
        cpu, read = cpu_ticks(self.pid), read_positions(self.pid, self.aof_dir)
        loaded = loaded_bytes(self.client) if asks_info else self.loaded
        worked = cpu - self.cpu >= CPU_SHARE * (now - self.since) * TICKS > 0
        if worked or read != self.read or loaded != self.loaded:
            self.since, self.cpu, self.read, self.loaded = now, cpu, read, loaded
            return False
        return now - self.since > self.stall

    def idle_for(self) -> float:
        return time.monotonic() - self.since


class Gone(Exception):
    """The server another command started died while this one waited for it."""


class Stalled(Exception):
    """A server that stopped making progress before it answered."""

    def __init__(self, pid: int | None, idle: float, stall: float):
        super().__init__(pid, idle)
        self.pid, self.idle, self.stall = pid, idle, stall

    def error(self, where: Path, ended: bool = False) -> StoreError:
        """The one line a user reads: what happened, and what to do."""
        if ended:
            return StoreError(f"the store server made no progress reading its data for {self.stall:.0f} s, "
                              "twice; it was stopped", where=str(where),
                              hint="keep a copy of falkordb-aof/ and see the log; then run the command again")
        return StoreError(f"the store server (pid {self.pid}) has made no progress reading its data for "
                          f"{self.idle:.0f} s", where=str(where),
                          hint="end it with `kg store stop --force`, then run the command again")


def cpu_ticks(pid: int | None) -> int:
    """User and system CPU time of a process, in clock ticks (0 when it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def read_positions(pid: int | None, folder: Path) -> tuple[tuple[str, int], ...]:
    """(file, offset) of every file in `folder` the process has open: how far it has read."""
    found = []
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return ()
    prefix = str(folder)
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith(prefix):
                pos = Path(f"/proc/{pid}/fdinfo/{fd}").read_text().split("\n", 1)[0].split()[1]
                found.append((target, int(pos)))
        except (OSError, IndexError, ValueError):
            continue
    return tuple(sorted(found))


def loaded_bytes(client: redis.Redis | None) -> int | None:
    """INFO persistence `loading_loaded_bytes`, when the server answers INFO while loading."""
    if client is None:
        return None
    try:
        return client.info("persistence").get("loading_loaded_bytes")
    except (redis.RedisError, OSError):
        return None


def end_process(pid: int, alive, grace: float = 5.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds: a stalled server may ignore SIGTERM (its
    main thread never gets back to the flag the handler sets). `alive(pid)` tells when it is
    gone (a redis-server check, so that a reused pid is left alone)."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        if not alive(pid):
            return
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
