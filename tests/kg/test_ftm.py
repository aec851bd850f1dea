"""`kg export ftm`: a FollowTheMoney entity stream that followthemoney's own model and its
`ftm validate` command take as it is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model

from kg.export.ftm import export_ftm, ftm_id
from tests.kg.rdf_support import DOC1, DOC2, hand_data


def _stream(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_valid(entities: list[dict]) -> None:
    """Each entity by its schema (required properties, values of their types), nothing
    changed by cleaning, and every entity a property points to in the stream."""
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        schema.validate(data)
        assert set(schema.required) <= set(data["properties"]), data
        cleaned = model.get_proxy(data, cleaned=False).to_dict()
        assert {k: sorted(v) for k, v in cleaned["properties"].items()} == \
            {k: sorted(v) for k, v in data["properties"].items()}, data["id"]
        for name, values in data["properties"].items():
            if schema.properties[name].type.name == "entity":
                assert set(values) <= ids, f"{data['id']}.{name} points outside the stream"
                ranges = {model.get(v).name for v in ids_schema(entities, values)}
                assert all(model.get(r).is_a(schema.properties[name].range) for r in ranges)


def ids_schema(entities: list[dict], ids: list[str]) -> list[str]:
    by_id = {e["id"]: e["schema"] for e in entities}
    return [by_id[i] for i in ids]


@pytest.fixture(scope="module")
def sample_stream(sample_data, tmp_path_factory) -> tuple[list[dict], dict]:
    path = tmp_path_factory.mktemp("ftm") / "g.ftm.json"
    counts = export_ftm(sample_data, path)
    return _stream(path), counts


def test_the_sample_gazette_is_a_valid_entity_stream(sample_stream, sample_data):
    entities, counts = sample_stream
    assert_valid(entities)
    schemata = {e["schema"] for e in entities}
    assert {"PublicBody", "Person", "Position", "Occupancy", "Membership", "Documentation", "Document"} <= schemata
    labels = lambda label: sum(n.label == label for n in sample_data.nodes.values())  # noqa: E731
    assert counts["Person"] == labels("Official") and counts["Position"] == labels("Post")
    assert counts["PublicBody"] + counts["Organization"] == labels("Agency")
    assert counts["left_out_River"] == labels("River")


def test_ftm_validate_takes_the_stream_as_it_is(sample_stream, tmp_path):
    entities, _ = sample_stream
    source = tmp_path / "in.json"
    source.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    ftm = Path(sys.executable).with_name("ftm")
    done = subprocess.run([str(ftm), "validate", "-i", str(source), "-o", str(tmp_path / "out.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    back = {e["id"]: {k: sorted(v) for k, v in e["properties"].items()} for e in _stream(tmp_path / "out.json")}
    assert back == {e["id"]: {k: sorted(v) for k, v in e["properties"].items()} for e in entities}


def test_an_appointment_and_its_removal_are_one_occupancy_with_evidence(tmp_path):
    export_ftm(hand_data(), tmp_path / "h.json")
    entities = _stream(tmp_path / "h.json")
    assert_valid(entities)
    (occupancy,) = [e for e in entities if e["schema"] == "Occupancy"]
    p = occupancy["properties"]
    assert (p["startDate"], p["endDate"], p["status"]) == (["2020-03-04"], ["2020-06-01"], ["ended"])
    assert sorted(p["proof"]) == sorted(ftm_id("Document", d) for d in (DOC1, DOC2))
    assert "免去张三的市公安局西城分局局长职务" in p["summary"]
    (seat,) = [e for e in entities if e["schema"] == "Membership"]
    assert seat["properties"]["role"] == ["市长"]
    roles = {e["properties"]["role"][0] for e in entities if e["schema"] == "ProjectParticipant"}
    assert roles == {"牵头", "配合", "负责"}


def test_a_collective_is_an_organization_not_a_public_body(sample_stream):
    entities, _ = sample_stream
    by_name = {e["properties"]["name"][0]: e["schema"] for e in entities if "name" in e["properties"]}
    assert by_name["各县（区）政府"] == "Organization" and by_name["阳泉市水利局"] == "PublicBody"


def test_contact_details_are_withheld_unless_asked(sample_data, tmp_path):
    data = sample_data.only_documents({"阳政办发〔2020〕25号"})
    export_ftm(data, tmp_path / "w.json")
    export_ftm(data, tmp_path / "s.json", include_contacts=True)
    assert "18635381792" not in (tmp_path / "w.json").read_text(encoding="utf-8")
    assert "18635381792" in (tmp_path / "s.json").read_text(encoding="utf-8")
