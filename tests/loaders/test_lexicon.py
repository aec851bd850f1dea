"""The lexicon (ontology/lexicon/*.yaml): checked when read, asked for by name, and the one
place that spells the words rules key on."""

import ast
from pathlib import Path

import pytest

from govkg.errors import SchemaError
from loaders.lexicon import alternation, lexicon, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
# Entries whose words no module may spell (words of two characters or more, and runs of
# numerals): rules take them from the lexicon. An area joins this list once its rules do.
GUARDED: list[str] = [
    # the words the issue names: body suffixes, role words and labels, numbering, act and group words
    "agencies.long_suffixes", "agencies.collective_suffixes", "agencies.sub_unit_suffixes",
    "agencies.jurisdiction_suffixes", "agencies.group_ends", "agencies.government_ends",
    "roles.verbs", "roles.marks", "groups.types", "groups.roles", "acts.appoint", "acts.remove",
    "acts.block_words", "documents.title_verbs", "documents.doc_types", "documents.issuer_ends",
    "documents.byline_labels",
    # and each area's own
    "places.river_suffixes",
    "places.chief_river_suffixes",
    "places.short_name_suffixes",
    "places.called_river_suffixes",
    "places.river_words_after",
    "places.water_words_after",
    "places.stop_chars",
    "places.not_first_chars",
    "places.position_words_after",
    "places.place_after_river",
    "places.not_a_river_after",
    "places.chief",
    "places.chief_levels",
    "places.called_rivers",
    "places.river_columns",
    "places.river_table_marks",
    "places.first_river_columns",
    "places.reach_places",
    "groups.heading_verbs",
    "groups.collective_heads",
    "groups.office_seat_verbs",
    "acts.hire",
    "acts.resign",
    "acts.accept",
    "acts.no_longer",
    "acts.concurrent",
    "acts.acting",
    "acts.confirm",
    "acts.confirm_tails",
    "acts.confirmed",
    "acts.probation_over",
    "acts.probation_note",
    "acts.colon_block_words",
    "acts.also_words",
    "acts.office_heads",
    "acts.name_joiners",
    "acts.name_stop_chars",
    "acts.local_places",
    "acts.table_marks",
    "acts.place_stop_chars",
    "acts.meeting_word",
    "acts.approval_by",
    "acts.year_numerals",
    "roles.qualifiers",
    "roles.together",
    "roles.labels",
    "roles.prose_chars",
    "roles.place_kinds",
    "roles.deadline_labels",
    "roles.standing_deadlines",
    "roles.not_a_mandate",
    "roles.not_a_verb_after",
    "roles.more_qualifiers",
    "roles.answers_qualifiers",
    "roles.lead_first_pattern",
    "roles.others_cooperate_pattern",
    "roles.responsible_leads_pattern",
    "roles.duty_heading_pattern",
    "roles.duty_suffixes",
    "roles.generic_pattern",
    "roles.not_in_name_chars",
]
GUARDED_RUNS = ["一二三", "①②"]  # runs of numerals: a numbering pattern spelled out


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text, problem", [
    ("words: [a]\n", "opens with `about:`"),
    ("about: x\nwords: [牵头, 牵头]\n", "lists 牵头 twice"),
    ("about: x\nwords: []\n", "list of non-empty strings"),
    ("about: x\nverbs: {牵头: leads}\n", "allowed: lead, cooperate, responsible"),
    ("about: x\nbad_pattern: '(unclosed'\n", "is no pattern"),
    ("about: x\nverbs: {牵头: lead}\nspans: {ROLE_VERB: nouns}\n", "is no entry"),
    ("about: [unclosed\n", "not YAML"),
])
def test_a_broken_file_fails_at_load_naming_it(tmp_path, text, problem):
    _write(tmp_path, "roles", text)
    with pytest.raises(SchemaError, match=problem) as error:
        load_lexicon(tmp_path)
    assert "roles" in str(error.value)


def test_an_unknown_entry_names_the_known_ones():
    with pytest.raises(SchemaError, match="known: .*long_suffixes"):
        lexicon()["agencies.suffixes"]


def test_alternation_tries_longer_words_first_and_escapes():
    assert alternation(["局", "分局", "(区)"]) == r"(?:\(区\)|分局|局)"


def test_every_lexicon_file_says_what_it_holds():
    assert all(entries["about"].strip() for entries in lexicon().files.values())


def _literals(path: Path):
    """String constants of a module that are not docstrings: what its rules match."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_module_spells_the_words_of_the_lexicon():
    words = {w for entry in GUARDED for w in lexicon().words(entry) if len(w) >= 2} | set(GUARDED_RUNS)
    modules = [p for p in (ROOT / "loaders").rglob("*.py") if p.name != "lexicon.py"] + [ROOT / "kg" / "resolve.py"]
    spelled = [f"{path.relative_to(ROOT)}:{line}: {', '.join(sorted(w for w in words if w in value))}"
               for path in modules for line, value in _literals(path) if any(w in value for w in words)]
    assert not spelled
