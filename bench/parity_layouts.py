"""A text set as a gazette PDF in each layout of the parity harness (bench/parity.py).

The text's lines are read into blocks — the title, paragraphs, member lists (`组长：王明厚
副市长` then `李文兵 市政府副秘书长` lines), rows already cut into cells by tabs, and numbered
task items followed by `牵头单位：`/`责任单位：` lines — and each layout sets them its way:

| layout      | page                                  | what differs                              |
|-------------|---------------------------------------|-------------------------------------------|
| one-column  | A4                                    | —                                         |
| two-column  | A4, running head, page numbers        | two text columns                          |
| names-2     | A4                                    | member lists as two-entry name tables     |
| names-3     | A4                                    | member lists as three-entry name tables   |
| task-table  | A4                                    | task items as a ruled table               |
| furniture   | A5, running head, page numbers        | page breaks inside lists and task tables  |
| traditional | A4, embedded AR PL UMing TW           | a traditional-script font                 |
| landscape   | A4 portrait turned by /Rotate 90      | long lines on a landscape page            |

A layout changes how the text is printed, not what it says, with one exception: the task
table sets a task item and its label lines as one row (序号, 重点工作, 牵头单位, …), so that
layout's own text — what `text_of` returns — is the table written with tabs, one row a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from bench.typeset import Geometry, Setter
from bench.typeset_tables import cell_table, name_table, ruled_table

CID_FONT = "STSong-Light"  # not embedded, as many gazettes set Chinese
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")  # Debian fonts-arphic-uming
UMING_FONTS = {"UMingCN": 0, "UMingTW": 2}
HEAD = ("阳泉市人民政府公报", "2020年第2期")

_LABEL = r"(?:[\u4e00-\u9fff][ \u3000]*){1,5}[:：]"
_NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}"
ENTRY = re.compile(rf"[ \u3000]*(?P<label>{_LABEL})?[ \u3000]*(?P<name>{_NAME})[ \u3000]+(?P<title>[^ \u3000\t。:：]{{2,60}})")
LABEL_ONLY = re.compile(rf"[ \u3000]*(?P<label>{_LABEL})[ \u3000]*")
ITEM = re.compile(r"[ \u3000]*(?P<number>\d{1,3})[.、．][ \u3000]*(?P<text>\S.*)")
TASK_LABEL = re.compile(r"[ \u3000]*(?P<label>牵头单位|责任单位|配合单位|参与单位|协办单位|牵头部门|责任部门|配合部门|完成时限)"
                        r"[:：][ \u3000]*(?P<units>\S.*)")
MIN_ENTRIES = 3  # member lines in a row before they are set as a name table


@dataclass(frozen=True)
class Layout:
    name: str
    geometry: Geometry
    font: str = CID_FONT
    names: int = 0  # entries a row of a name table; 0: member lists stay lines
    tasks: bool = False  # task items with label lines as a ruled table


A4_PAGE = Geometry(*A4)
LAYOUTS = {layout.name: layout for layout in (
    Layout("one-column", A4_PAGE),
    Layout("two-column", replace(A4_PAGE, columns=2, head=HEAD, folio=True)),
    Layout("names-2", A4_PAGE, names=2),
    Layout("names-3", A4_PAGE, names=3),
    Layout("task-table", A4_PAGE, tasks=True),
    Layout("furniture", Geometry(*A5, margin=44, top=80, bottom=66, head=HEAD, folio=True), tasks=True),
    Layout("traditional", A4_PAGE, font="UMingTW"),
    Layout("landscape", Geometry(*landscape(A4), turn=90, margin=72, top=70, bottom=60)),
)}


def register_fonts() -> None:
    registered = pdfmetrics.getRegisteredFontNames()
    if CID_FONT not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    for name, index in UMING_FONTS.items():
        if name not in registered:
            if not UMING.is_file():
                raise FileNotFoundError(f"{UMING} missing: apt-get install fonts-arphic-uming")
            pdfmetrics.registerFont(TTFont(name, str(UMING), subfontIndex=index))


def blocks(text: str, layout: Layout) -> list[tuple[str, object]]:
    """The text as (kind, content) blocks: title, para, gap, names, cells, tasks."""
    lines = text.split("\n")
    out: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            out.append(("gap", None))
            i += 1
            continue
        if not any(kind == "title" for kind, _ in out):
            out.append(("title", line.strip()))
            i += 1
            continue
        for reader in (_cells, _names if layout.names else None, _tasks if layout.tasks else None):
            found = reader(lines, i) if reader else None
            if found:
                block, i = found
                out.append(block)
                break
        else:
            out.append(("para", line.strip(" \u3000")))
            i += 1
    return out


def _cells(lines: list[str], i: int):
    j = i
    while j < len(lines) and "\t" in lines[j]:
        j += 1
    return (("cells", [line.strip(" \u3000").rstrip("\t").split("\t") for line in lines[i:j]]), j) if j > i else None


def _names(lines: list[str], i: int):
    entries, label, j = [], "", i
    while j < len(lines):
        only, entry = LABEL_ONLY.fullmatch(lines[j]), ENTRY.fullmatch(lines[j])
        if only and not entry:
            label = only["label"]
        elif entry:
            entries.append(((entry["label"] or label).replace(" ", "").replace("\u3000", ""),
                            re.sub(r"[ \u3000]", "", entry["name"]), entry["title"]))
            label = ""
        else:
            break
        j += 1
    return (("names", entries), j) if len(entries) >= MIN_ENTRIES else None


def _tasks(lines: list[str], i: int):
    """Numbered items each followed by label lines, blank lines between them allowed."""
    rows: list[dict[str, str]] = []
    j = i
    while j < len(lines):
        item = ITEM.fullmatch(lines[j])
        k, labels = j + 1, {}
        while k < len(lines) and (TASK_LABEL.fullmatch(lines[k]) or not lines[k].strip()):
            found = TASK_LABEL.fullmatch(lines[k])
            if found:
                labels[found["label"]] = found["units"].strip()
            k += 1
        if not item or not labels:
            break
        rows.append({"序号": item["number"], "重点工作": item["text"].strip(), **labels})
        j = k
    if not rows:
        return None
    header = list(dict.fromkeys(key for row in rows for key in row))
    return ("tasks", (header, [[row.get(h, "") for h in header] for row in rows])), j


def text_of(text: str, layout: Layout) -> str:
    """The layout's own text: the text itself, but for task items set as table rows."""
    if not layout.tasks:
        return text
    out = []
    for kind, content in blocks(text, layout):
        if kind == "tasks":
            header, rows = content
            out += ["\t".join(header)] + ["\t".join(row) for row in rows]
        elif kind in ("title", "para"):
            out.append(content)
        elif kind == "cells":
            out += ["\t".join(row) for row in content]
        else:
            out.append("")
    return "\n".join(out)


def write_pdf(text: str, layout: Layout, path: Path) -> Path:
    register_fonts()
    setter = Setter(path, layout.geometry, layout.font)
    for kind, content in blocks(text, layout):
        if kind == "title":
            setter.title(content)
        elif kind == "para":
            setter.paragraph(content)
        elif kind == "gap":
            setter.gap(0.3)
        elif kind == "names":
            setter.across(lambda: name_table(setter, content, layout.names))
        elif kind == "cells":
            setter.across(lambda: cell_table(setter, content))
        else:
            header, rows = content
            shares = [1.2] + [6 if h == "重点工作" else 3 for h in header[1:]]
            setter.across(lambda: ruled_table(setter, header, rows, shares))
    setter.save()
    return path
