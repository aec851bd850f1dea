import multiprocessing
import time

import pytest

from govkg.errors import StoreError
from kg.lock import writer_lock


def _hold(path, ready, release):
    with writer_lock(path):
        ready.set()
        release.wait(10)


def test_a_second_writer_is_refused_naming_the_holder(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreError, match=f"another kg load \\(pid {holder.pid}\\)"):
            with writer_lock(tmp_path):
                pass
    finally:
        release.set()
        holder.join(10)
    with writer_lock(tmp_path):  # free again once the holder is gone
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(tmp_path, ready, release))
    holder.start()
    assert ready.wait(30)
    holder.kill()
    holder.join(10)
    deadline = time.monotonic() + 5
    while True:
        try:
            with writer_lock(tmp_path):
                break
        except StoreError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
