"""The data directory (KG_DATA_DIR) is private to its user: the graph, its append-only file,
the server's log and the file index hold what the documents say, contact details included.

govkg creates the directory 0700 and its own files 0600, and runs the store server with a
umask of 077, so that whatever it writes is 0600 too. A directory that already existed with
group or world access is not changed behind the user's back (it may be shared on purpose,
or be their home): govkg warns once per process with the command that fixes it, and keeps
the files it owns there private.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
UMASK = 0o077
_warned: set[str] = set()


class DataDirWarning(UserWarning):
    """The data directory can be read by other users."""


def prepare(data_dir: Path) -> Path:
    """The directory, created private when missing, with a warning when others can enter it."""
    data_dir = Path(data_dir)
    if not data_dir.exists():
        data_dir.mkdir(parents=True, mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(data_dir, PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode & 0o077 and str(data_dir) not in _warned:
        _warned.add(str(data_dir))
        warnings.warn(f"{data_dir}: the data directory is open to other users (mode {mode:o}); "
                      f"its files are kept 0600, but make it private: chmod 700 '{data_dir}'",
                      DataDirWarning, stacklevel=2)
    return data_dir


def private_open(path: Path, flags: int = os.O_RDWR | os.O_CREAT) -> int:
    """A file descriptor of `path`, created 0600 (and made 0600 when it was not)."""
    fd = os.open(path, flags, PRIVATE_FILE)
    if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def tighten(paths: list[Path]) -> None:
    """Make files (and folders) left readable by an older govkg private: files 0600,
    folders 0700. Missing ones are skipped."""
    for path in paths:
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(mode) or not stat.S_IMODE(mode) & 0o077:
            continue
        os.chmod(path, PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE)
