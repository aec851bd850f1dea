"""`kg ARGV` run in the test process (the suite's imports are shared, so it costs no start-up)."""

from __future__ import annotations

import sys

from kg import cli


def run_kg(argv: list[str], monkeypatch, capsys) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `kg ARGV`."""
    monkeypatch.setattr(sys, "argv", ["kg", *argv])
    try:
        cli.main()
        code = 0
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err
