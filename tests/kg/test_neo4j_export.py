"""`kg export neo4j`: the files `neo4j-admin database import full` takes. Neo4j cannot run here,
so the headers are parsed by neo4j-admin's documented rules (Operations Manual, "Import" →
"CSV header format") and the graph is rebuilt from the files; with KG_NEO4J_URI set, the
schema file also runs against the server."""

from __future__ import annotations

import csv
import os
import re
import stat
from pathlib import Path

import pytest
import yaml

from kg.dump import GraphData
from kg.export.neo4j import export_neo4j
from kg.model import Edge, Node

ROOT = Path(__file__).resolve().parents[2]
# <name>:<type>[<array>](<ID space>) — name empty for :LABEL, :START_ID, :END_ID, :TYPE
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<space>[^()]+)\))?)?$")
ROLES = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
DATA_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
              "localtime", "time", "localdatetime", "datetime", "duration"}


def parse_header(row: list[str], kind: str) -> list[dict]:
    """The header's fields, checked as neo4j-admin checks them; a broken rule fails the test."""
    fields = []
    for text in row:
        m = FIELD.match(text)
        assert m, f"unreadable field {text!r}"
        field = {"name": m["name"], "kind": m["kind"] or "string", "array": bool(m["array"]), "space": m["space"]}
        assert field["kind"] in ROLES | DATA_TYPES, f"unknown type in {text!r}"
        if field["kind"] in ROLES:
            assert not field["array"], f"{text!r}: only a property can be an array"
            assert field["kind"] == "ID" or not field["name"], f"{text!r}: only :ID keeps a property name"
        else:
            assert field["name"] and field["space"] is None, f"{text!r}: a property needs a name, no ID space"
        fields.append(field)
    roles = [f["kind"] for f in fields if f["kind"] in ROLES]
    names = [f["name"] for f in fields if f["name"]]
    assert len(names) == len(set(names)), f"a property twice in {row}"
    if kind == "nodes":
        assert roles.count("ID") == 1 and roles.count("LABEL") <= 1 and not {"START_ID", "END_ID", "TYPE"} & set(roles)
    else:
        assert roles.count("START_ID") == roles.count("END_ID") == roles.count("TYPE") == 1 and "ID" not in roles
    return fields


def _value(text: str, field: dict, delimiter: str):
    if field["array"]:
        return [_value(item, {**field, "array": False}, delimiter) for item in text.split(delimiter)]
    if field["kind"] in ("long", "int", "short", "byte"):
        return int(text)
    if field["kind"] in ("double", "float"):
        return float(text)
    if field["kind"] == "boolean":
        return text == "true"
    return text


def read_import(folder: Path) -> tuple[GraphData, dict]:
    """The graph neo4j-admin would build from the folder, read as import.sh tells it to."""
    script = (folder / "import.sh").read_text(encoding="utf-8")
    delimiter = re.search(r"--array-delimiter='(.)'", script)[1]
    assert "--multiline-fields=true" in script
    files = {kind: re.findall(rf'--{kind}="\$here/([^"]+)"', script) for kind in ("nodes", "relationships")}
    data, spaces = GraphData(), {}
    for kind in ("nodes", "relationships"):
        for name in files[kind]:
            with open(folder / name, newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            fields = parse_header(rows[0], kind)
            for row in rows[1:]:
                cells = {i: (f, text) for i, (f, text) in enumerate(zip(fields, row))}
                props = {f["name"]: _value(t, f, delimiter) for f, t in cells.values()
                         if t != "" and f["kind"] not in ROLES | {"IGNORE"}}
                role = {f["kind"]: (f, t) for f, t in cells.values() if f["kind"] in ROLES}
                if kind == "nodes":
                    field, id_ = role["ID"]
                    node = Node(role["LABEL"][1], id_, {field["name"]: id_, **props})
                    assert field["space"] == node.label
                    spaces[(field["space"], id_)] = node
                    data.nodes[id_] = node
                else:  # the ends must be ids of node files' ID spaces
                    (start_field, start), (end_field, end) = role["START_ID"], role["END_ID"]
                    source, target = spaces[(start_field["space"], start)], spaces[(end_field["space"], end)]
                    data.edges.append(Edge(role["TYPE"][1], source, target, props.get("id", ""), props))
    return data, files


def _plain(props: dict) -> dict:
    return {k: v for k, v in props.items() if v not in (None, "", [])}


def _same_graph(built: GraphData, source: GraphData) -> None:
    assert {(n.label, n.id): _plain(n.props) for n in built.nodes.values()} == \
        {(n.label, n.id): _plain({"id": n.id, **n.props}) for n in source.nodes.values()}
    key = lambda e: (e.type, e.source.id, e.target.id, e.id)  # noqa: E731
    assert sorted((key(e), sorted(_plain(e.props).items())) for e in built.edges) == \
        sorted((key(e), sorted(_plain(e.props).items())) for e in source.edges)


@pytest.fixture(scope="module")
def exported(sample_data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j")
    counts = export_neo4j(sample_data, folder, include_contacts=True)
    return folder, counts


def test_the_files_rebuild_the_same_graph(exported, sample_data):
    folder, counts = exported
    built, files = read_import(folder)
    _same_graph(built, sample_data)
    assert counts["files"] == len(files["nodes"]) + len(files["relationships"])
    written = {f"{p.parent.name}/{p.name}" for p in folder.glob("*/*.csv")}
    assert written == set(files["nodes"]) | set(files["relationships"])  # import.sh names every file


def test_columns_are_typed_from_the_schema(exported):
    folder, _ = exported
    header = next(csv.reader(open(folder / "relationships" / "APPOINTED_TO.Official.Post.csv", encoding="utf-8")))
    assert header[:3] == [":START_ID(Official)", ":END_ID(Post)", ":TYPE"]
    assert {"page:long", "span:long[]", "act:string", "date:string", "contact:boolean"} <= set(header)
    nodes = next(csv.reader(open(folder / "nodes" / "Agency.csv", encoding="utf-8")))
    assert nodes[:2] == ["id:ID(Agency)", ":LABEL"] and "written:string[]" in nodes and "known:boolean" in nodes


def test_values_that_need_quoting_survive(tmp_path):
    """Commas, quotes, new lines (multiline fields) and a property the schema does not declare."""
    awkward = '甲,乙"丙"\n丁'
    agency = Node("Agency", "agency:aa11", {"id": "agency:aa11", "name": awkward, "written": ["市局", "甲"]})
    program = Node("Program", "program:bb22", {"id": "program:bb22", "name": "河长制", "written": ["河长制"]})
    task = Node("Task", "task:cc33", {"id": "task:cc33", "doc": "d", "item": "1", "text": awkward})
    edge = Edge("LEADS", agency, task, "edge:dd44", {"id": "edge:dd44", "doc": "d", "evidence": awkward,
                                                      "rule": "test", "span": [0, 3], "page": 2})
    data = GraphData({n.id: n for n in (agency, program, task)}, [edge])
    export_neo4j(data, tmp_path, include_contacts=True)
    _same_graph(read_import(tmp_path)[0], data)
    assert "written:string[]" in (tmp_path / "nodes" / "Program.csv").read_text(encoding="utf-8").splitlines()[0]


def test_schema_file_import_script_and_compose_volume(exported):
    folder, _ = exported
    schema = (folder / "schema.cypher").read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT govkg_agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;" in schema
    assert "CREATE INDEX govkg_agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);" in schema
    script = folder / "import.sh"
    assert script.stat().st_mode & stat.S_IXUSR
    assert "neo4j-admin database import full" in script.read_text(encoding="utf-8")
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert any(v.endswith(":/import") for v in compose["services"]["neo4j"]["volumes"])


def test_contact_details_are_withheld_unless_asked(sample_data, tmp_path):
    counts = export_neo4j(sample_data.only_documents({"阳政办发〔2020〕25号"}), tmp_path)
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*/*.csv"))
    assert counts["redacted"] > 0 and "18635381792" not in text and "阳政办发〔2020〕25号" in text


@pytest.mark.skipif(not os.environ.get("KG_NEO4J_URI"), reason="KG_NEO4J_URI not set: no Neo4j server to run "
                    "schema.cypher against (neo4j-admin import itself needs the server stopped)")
def test_schema_file_runs_on_neo4j(exported):
    from govkg.settings import Settings
    from kg.stores.neo4j import _connect

    folder, _ = exported
    driver = _connect(Settings.from_env())
    try:
        with driver.session(database=Settings.from_env().neo4j_database) as session:
            for statement in filter(None, (s.strip() for s in (folder / "schema.cypher").read_text().split(";"))):
                session.run(statement).consume()
            names = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name")}
    finally:
        driver.close()
    assert "govkg_agency_id" in names
