import pytest
import yaml

from govkg.errors import SchemaError
from kg.schema import load_schema, parse_schema, schema_text


def test_schema_names_the_first_graph_model():
    schema = load_schema()
    assert set(schema.nodes) >= {"Agency", "Official", "Post", "Program", "Task", "River", "District", "Document"}
    assert set(schema.edges) >= {"APPOINTED_TO", "REMOVED_FROM", "POST_OF", "LEADS", "COOPERATES_ON",
                                 "RESPONSIBLE_FOR", "PART_OF", "STATED_IN", "CONCERNS", "MEMBER_OF",
                                 "OFFICE_AT", "ISSUED_BY"}
    assert schema.edge("APPOINTED_TO").allows("Official", "Post")
    assert not schema.edge("PART_OF").allows("Task", "Agency")
    assert {"doc", "date", "evidence", "page", "span", "rule"} <= set(schema.provenance)


@pytest.mark.parametrize("mutate, culprit", [
    (lambda s: s["nodes"]["Agency"]["properties"]["name"].update(type="text"), "'name' has unknown type"),
    (lambda s: s["edges"]["LEADS"].update({"to": ["Mandate"]}), "unknown node label 'Mandate'"),
    (lambda s: s["nodes"]["Task"]["properties"].pop("id"), "node Task is missing the required property 'id'"),
    (lambda s: s["nodes"]["River"].update(indexes=["length"]), "indexes unknown property 'length'"),
    (lambda s: s.pop("edges"), "missing or empty section 'edges'"),
    (lambda s: s["edges"]["OFFICE_AT"].pop("from"), "OFFICE_AT needs from/to or pairs"),
])
def test_a_broken_schema_fails_naming_the_culprit(mutate, culprit):
    raw = yaml.safe_load(schema_text())
    mutate(raw)
    with pytest.raises(SchemaError, match=culprit):
        parse_schema(raw)


def test_unknown_label_lists_the_known_ones():
    with pytest.raises(SchemaError, match="known: Agency, Official"):
        load_schema().node("Ministry")
