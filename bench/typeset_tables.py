"""Tables for the parity harness's typesetter (bench/typeset.py).

- `name_table`: a member list as a borderless table of `per_row` entries a row, each a name
  cell (the role label, if any, then the name letter-spaced to three ems) and a title cell
  that wraps; entries fill the table column by column, as gazettes print them.
- `cell_table`: rows already cut into cells (a text's tab-separated lines), borderless, each
  column as wide as its widest cell allows.
- `ruled_table`: a ruled grid whose cells wrap; the header row repeats on every page and a
  row too tall for what is left of a page breaks there and goes on, its number cell empty.
"""

from __future__ import annotations

from math import ceil

from bench.typeset import Setter

Entry = tuple[str, str, str]  # (role label, name, title)
PAD = 3.0  # points between a ruled cell's border and its text


def _name_cells(s: Setter, entries: list[Entry]) -> float:
    """The name cell: the widest label, then room for the longest name (three ems at least)."""
    return max(s.width(label) for label, _, _ in entries) + max(3, *(len(n) for _, n, _ in entries)) * s.size


def _draw_name(s: Setter, x: float, y: float, label: str, name: str, label_width: float) -> None:
    if label:
        s.text(x, y, label)
    x += label_width
    if len(name) == 2:  # letter-spaced to the width of a three-character name
        s.text(x, y, name[0])
        s.text(x + 2 * s.size, y, name[1])
    else:
        s.text(x, y, name)


def _entry_layout(s: Setter, entries: list[Entry], per_row: int) -> tuple[float, float, float]:
    x0, x1 = s.bounds()
    entry = (x1 - x0 - (per_row - 1) * 1.5 * s.size) / per_row
    name = _name_cells(s, entries) + s.size
    return entry, name, max(entry - name, 4 * s.size)


def _chunk_rows(s: Setter, chunk: list[Entry], per_row: int, title_width: float) -> list[list[tuple[int, Entry, list[str]]]]:
    """The chunk's entries filled column by column: rows of (column, entry, title lines)."""
    rows_needed = ceil(len(chunk) / per_row)
    rows: list[list] = [[] for _ in range(rows_needed)]
    for j, entry in enumerate(chunk):
        rows[j % rows_needed].append((j // rows_needed, entry, s.wrap(entry[2], title_width)))
    return rows


def _height(s: Setter, rows: list[list]) -> float:
    return sum(max(len(lines) for _, _, lines in row) for row in rows) * s.leading


def name_table(s: Setter, entries: list[Entry], per_row: int) -> None:
    """Entries filled column by column over the whole table (as a word processor's table is
    typed), rows going on over a page break; never fewer than three rows at a page's foot."""
    entry_w, name_w, title_w = _entry_layout(s, entries, per_row)
    label_w = max(s.width(label) for label, _, _ in entries)
    rows = _chunk_rows(s, entries, per_row, title_w)
    s.need(min(_height(s, rows), _height(s, rows[:3])) if _height(s, rows) > s.room() else _height(s, rows))
    for row in rows:
        s.need(max(len(lines) for _, _, lines in row) * s.leading)
        x0, _ = s.bounds()
        for column, (label, name, _), lines in row:
            x = x0 + column * (entry_w + 1.5 * s.size)
            _draw_name(s, x, s.y, label, name, label_w)
            for k, line in enumerate(lines):
                s.text(x + name_w, s.y + k * s.leading, line)
        s.y += max(len(lines) for _, _, lines in row) * s.leading


def cell_table(s: Setter, rows: list[list[str]]) -> None:
    """Borderless rows of cells; a column is as wide as its widest cell, shrunk in proportion
    when the row would not fit, and a cell too long for its column wraps."""
    x0, x1 = s.bounds()
    count = max(len(r) for r in rows)
    gap = 2 * s.size
    widths = _fitted([max((s.width(r[k]) for r in rows if k < len(r) and r[k]), default=s.size)
                      for k in range(count)], x1 - x0 - gap * (count - 1))
    offsets = [sum(widths[:k]) + gap * k for k in range(count)]
    wrapped = [[s.wrap(cell, widths[k]) if cell else [] for k, cell in enumerate(row)] for row in rows]
    heights = [(max((len(c) for c in cells), default=1) or 1) * s.leading for cells in wrapped]
    if sum(heights) <= s.g.height - s.g.top - s.g.bottom:  # a table that fits a page is kept on one
        s.need(sum(heights))
    else:  # else it does not start with fewer than three rows at a page's foot
        s.need(sum(heights[:3]))
    for cells in wrapped:
        height = max((len(c) for c in cells), default=1) or 1
        s.need(height * s.leading)
        x0, _ = s.bounds()  # of the column the row went to
        for k, lines in enumerate(cells):
            for i, line in enumerate(lines):
                s.text(x0 + offsets[k], s.y + i * s.leading, line)
        s.y += height * s.leading


def _fitted(widths: list[float], room: float) -> list[float]:
    """Column widths that fit the room: the widest columns narrowed to one cap, the narrow ones
    left whole, as a typesetter wraps a long cell rather than a name."""
    if sum(widths) <= room:
        return widths
    for cap in sorted(widths, reverse=True):
        narrow = [w for w in widths if w < cap]
        wide = len(widths) - len(narrow)
        if sum(narrow) + wide * cap <= room:
            break
    cap = (room - sum(w for w in widths if w < cap)) / sum(1 for w in widths if w >= cap)
    return [min(w, cap) for w in widths]


def _ruled_row(s: Setter, xs: list[float], cells: list[list[str]], lines: int) -> None:
    """One row (or the part of it that fits) with its borders."""
    top, height = s.y, lines * s.leading + 2 * PAD
    for k, cell in enumerate(cells):
        for i, line in enumerate(cell[:lines]):
            s.text(xs[k] + PAD, top + PAD + i * s.leading, line)
    for x in xs:
        s.rule(x, x, top, top + height)
    s.rule(xs[0], xs[-1], top + height)
    s.y = top + height


def _header(s: Setter, xs: list[float], header: list[str]) -> None:
    cells = [s.wrap(h, xs[k + 1] - xs[k] - 2 * PAD) for k, h in enumerate(header)]
    s.rule(xs[0], xs[-1], s.y)
    _ruled_row(s, xs, cells, max(len(c) for c in cells))


def ruled_table(s: Setter, header: list[str], rows: list[list[str]], shares: list[float]) -> None:
    """A ruled table across a one-column page."""
    x0, x1 = s.bounds()
    xs = [x0 + (x1 - x0) * sum(shares[:k]) / sum(shares) for k in range(len(shares) + 1)]
    s.need(4 * s.leading)
    _header(s, xs, header)
    for row in rows:
        cells = [s.wrap(cell, xs[k + 1] - xs[k] - 2 * PAD) for k, cell in enumerate(row)]
        lines = max(len(c) for c in cells)
        fits = int((s.room() - 2 * PAD) // s.leading)
        while lines > fits:
            if fits >= 2:  # the row breaks here and goes on overleaf
                _ruled_row(s, xs, cells, fits)
                cells = [[]] + [c[fits:] for c in cells[1:]]
                lines -= fits
            s.new_page()
            _header(s, xs, header)
            fits = int((s.room() - 2 * PAD) // s.leading)
        _ruled_row(s, xs, cells, lines)
