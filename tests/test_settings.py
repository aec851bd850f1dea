"""govkg.settings: every KG_* variable read in one place; a bad value is a one-line error
naming the variable, never a traceback (issue 15: KG_MAX_BYTES=abc or 1e6)."""

from __future__ import annotations

import pytest

from govkg.errors import KgError
from govkg.settings import DEFAULT_MAX_BYTES, Settings


@pytest.mark.parametrize("value, expected", [
    (None, DEFAULT_MAX_BYTES), ("1000000", 1_000_000), ("1e6", 1_000_000), ("2.5e6", 2_500_000),
    ("200_000_000", 200_000_000), ("200M", 200 << 20), ("1.5GB", 3 << 29), ("512KiB", 512 << 10),
    ("10 MB", 10 << 20), ("64k", 64 << 10), ("5B", 5),
])
def test_max_bytes_reads_numbers_as_people_write_them(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("KG_MAX_BYTES", raising=False)
    else:
        monkeypatch.setenv("KG_MAX_BYTES", value)
    assert Settings.from_env().max_bytes == expected


@pytest.mark.parametrize("value", ["abc", "1.5", "0", "-1", "1e-3", "1e400", "12 parsecs", "9" * 30])
def test_a_bad_max_bytes_is_one_line_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("KG_MAX_BYTES", value)
    with pytest.raises(KgError) as err:
        Settings.from_env()
    line = err.value.line()
    assert line.startswith("KG_MAX_BYTES: ") and "is not a number of bytes" in line and "\n" not in line
    assert len(line) < 200
