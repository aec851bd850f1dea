"""The vocabulary of government documents, as data: `ontology/lexicon/*.yaml`, read once.

Every word a rule keys on — numbering levels, agency suffixes, role verbs and labels, act
words, group roles, water-body words, table column labels, document-level rules — is written
in one of those files, and only there. Rules build their patterns from the entries here
(`alternation`, `chars`, `table`), so adding a role word or a column label is one line of YAML.

An entry is a string, a list of distinct strings, or a mapping from strings to values. The
files are checked when first read; a broken entry stops govkg before any document is touched,
naming the file and the entry (`SchemaError`). Asking for an entry that does not exist names
the ones that do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from govkg.errors import SchemaError

LEXICON_DIR = Path(__file__).resolve().parents[1] / "ontology" / "lexicon"

# Values some mappings may take: a role of a unit in a task, of a person in a group.
TASK_ROLES = ("lead", "cooperate", "responsible")
MEMBER_ROLES = ("leader", "deputy", "member", "office_director", "office_deputy", "office_member")
# The kinds of column a task table has (loaders/extract/tasks/table.py).
TASK_COLUMNS = ("number", "task", "lead", "cooperate", "responsible", "leader", "deadline")
ALLOWED_VALUES = {
    "roles.verbs": TASK_ROLES, "roles.labels": TASK_ROLES, "roles.marks": TASK_ROLES,
    "roles.table_columns_pattern": TASK_COLUMNS,
    "groups.roles": MEMBER_ROLES,
    "groups.office_roles": MEMBER_ROLES,
}


class Lexicon:
    """The entries of every lexicon file, by dotted name (`roles.verbs`)."""

    def __init__(self, files: dict[str, dict[str, Any]]):
        self.files = files

    def __getitem__(self, name: str) -> Any:
        stem, _, entry = name.partition(".")
        if stem not in self.files:
            raise SchemaError(f"no lexicon file {stem!r}", hint=f"known: {', '.join(sorted(self.files))}")
        entries = self.files[stem]
        if entry not in entries:
            known = ", ".join(sorted(k for k in entries if k != "about"))
            raise SchemaError(f"no entry {entry!r} in ontology/lexicon/{stem}.yaml", hint=f"known: {known}")
        return entries[entry]

    def words(self, *names: str) -> tuple[str, ...]:
        """The words of list entries, or the keys of mapping entries, in file order."""
        out: list[str] = []
        for name in names:
            value = self[name]
            out += list(value) if isinstance(value, (list, dict)) else [value]
        return tuple(dict.fromkeys(out))

    def table(self, name: str) -> dict[str, Any]:
        value = self[name]
        if not isinstance(value, dict):
            raise SchemaError(f"lexicon entry {name!r} is not a mapping")
        return value

    def alternation(self, *names: str) -> str:
        """A regex group matching any word of the entries, longest first, as literal text."""
        return alternation(self.words(*names))

    def chars(self, *names: str) -> str:
        """The characters of string entries as a regex character class."""
        return "[" + "".join(re.escape(ch) for ch in dict.fromkeys("".join(self.words(*names)))) + "]"


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(map(re.escape, ordered)) + ")"


def _check_entry(stem: str, name: str, value: Any) -> None:
    where = f"ontology/lexicon/{stem}.yaml"
    if isinstance(value, str):
        if not value.strip():
            raise SchemaError(f"entry {name!r} is empty", where=where)
    elif isinstance(value, list):
        if not value or not all(isinstance(w, str) and w.strip() for w in value):
            raise SchemaError(f"entry {name!r} must be a list of non-empty strings", where=where)
        repeated = sorted({w for w in value if value.count(w) > 1})
        if repeated:
            raise SchemaError(f"entry {name!r} lists {', '.join(repeated)} twice", where=where)
    elif isinstance(value, dict):
        if not value or not all(isinstance(k, str) and k.strip() for k in value):
            raise SchemaError(f"entry {name!r} must map non-empty strings to values", where=where)
        allowed = ALLOWED_VALUES.get(f"{stem}.{name}")
        wrong = sorted({str(v) for v in value.values() if allowed and v not in allowed})
        if wrong:
            raise SchemaError(f"entry {name!r} has {', '.join(wrong)}; allowed: {', '.join(allowed)}", where=where)
    else:
        raise SchemaError(f"entry {name!r} must be a string, a list or a mapping", where=where)
    if name.endswith("_pattern"):
        for pattern in ([value] if isinstance(value, str) else value):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise SchemaError(f"entry {name!r}: {pattern!r} is no pattern ({exc})", where=where) from None


def read_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SchemaError(f"not YAML: {exc}".splitlines()[0], where=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("about"), str):
        raise SchemaError("a lexicon file is a mapping that opens with `about:`", where=str(path))
    for name, value in data.items():
        if name != "about":
            _check_entry(path.stem, name, value)
    return data


def mark_entries(entry: str | list[str]) -> list[str]:
    """The entries a `spans` label marks: one, or a list of them (ACT_WORD: [act_words, received_reports])."""
    return [entry] if isinstance(entry, str) else list(entry)


def _check_marks(stem: str, entries: dict[str, Any]) -> None:
    """`spans` (span label → entry or entries) name entries of their own file, with labels in capitals."""
    for label, entry in entries.get("spans", {}).items():
        for name in mark_entries(entry):
            if not label.isupper() or name not in entries or name in ("about", "spans"):
                raise SchemaError(f"spans: {label}: {name!r} is no entry of this file",
                                  where=f"ontology/lexicon/{stem}.yaml")


def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    files = {path.stem: read_file(path) for path in sorted(folder.glob("*.yaml"))}
    if not files:
        raise SchemaError("no lexicon files", where=str(folder))
    for stem, entries in files.items():
        _check_marks(stem, entries)
    return Lexicon(files)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The project's lexicon, read and checked once per process."""
    return load_lexicon()
