"""Rows to a table for people, JSON or CSV for machines."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("table", "json", "csv")


TABLE_CELL = 60  # characters of a cell shown in a table; JSON and CSV carry everything


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _short(value: Any) -> str:
    text = " ".join(_cell(value).split())
    return text if len(text) <= TABLE_CELL else text[:TABLE_CELL - 1] + "…"


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def print_rows(rows: list[dict[str, Any]], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        print(to_json(rows))
    elif fmt == "csv":
        print(to_csv(rows), end="")
    else:
        print_table(rows, title)


def print_table(rows: list[dict[str, Any]], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in rows[0] if rows else ["(no rows)"]:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*(_short(v) for v in row.values()))
    Console().print(table)
