"""tools/districts.py: the district gazetteer extended from a list of division codes."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("districts_tool", ROOT / "tools" / "districts.py")
districts_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(districts_tool)

# real codes (GB/T 2260): a province, a prefecture and its counties, a county under its province,
# a name two prefectures share, and two-character names
CODES = """adcode,name
130000000000,河北省
130900000000,沧州市
130925000000,盐山县
130928000000,献县
110000000000,北京市
110105000000,朝阳区
220100000000,长春市
220104000000,朝阳区
429000000000,省直辖县级行政区划
429004000000,仙桃市
420000000000,湖北省
"""


def _rows(path: Path) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in csv.DictReader(path.open(encoding="utf-8"))}


def test_divisions_are_appended_with_their_parents(tmp_path):
    codes, out = tmp_path / "adcodes.csv", tmp_path / "districts.csv"
    codes.write_text(CODES, encoding="utf-8")
    out.write_text("name,level,parent,variants\n沧州市,city,河北省,沧州\n", encoding="utf-8")
    districts_tool.main([str(codes), "--out", str(out)])
    rows = _rows(out)
    assert rows["盐山县"] == {"name": "盐山县", "level": "county", "parent": "沧州市", "variants": ""}
    assert rows["沧州市"]["variants"] == "沧州"  # a row written by hand stays as it was
    assert rows["仙桃市"]["parent"] == "湖北省"  # under the province itself, not 省直辖县级行政区划
    assert rows["朝阳区"]["parent"] == ""  # two prefectures have one: the name alone cannot tell
    assert "献县" not in rows and "省直辖县级行政区划" not in rows
    districts_tool.main([str(codes), "--out", str(out)])
    assert list(_rows(out)) == list(rows)  # a second run adds nothing


@pytest.mark.parametrize("content, problem", [
    (b"", "not a code list"),
    (b"code,title\n1,x\n", "not a code list"),
    (b"adcode,name\n13AB,x\n", "no 12-digit division code"),
    (b"\xff\xfe\x00\x01binary", "cannot read the code list"),
])
def test_a_bad_code_list_is_one_line_naming_the_file(tmp_path, content, problem):
    codes, out = tmp_path / "adcodes.csv", tmp_path / "districts.csv"
    codes.write_bytes(content)
    out.write_text("name,level,parent,variants\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        districts_tool.main([str(codes), "--out", str(out)])
    message = str(stop.value)
    assert message.startswith(str(codes)) and problem in message and "\n" not in message
    assert out.read_text(encoding="utf-8") == "name,level,parent,variants\n"  # nothing written
