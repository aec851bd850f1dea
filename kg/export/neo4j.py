"""The graph as the files `neo4j-admin database import full` reads: one node CSV per label,
one relationship CSV per type and pair of labels, the schema's constraints and indexes as a
Cypher file, and `import.sh`, which runs both in the compose service (docker-compose.yml
mounts the folder at /import).

Headers follow neo4j-admin's format: `id:ID(Agency)` (the id is kept as the `id` property, in
one ID space per label), `:LABEL`, `:START_ID(Official)`, `:END_ID(Post)`, `:TYPE`, and a typed
column per schema property (`page:long`, `known:boolean`, `written:string[]`). Dates stay
`string`: govkg stores and compares dates as ISO strings in every store (the canned queries
compare them with `$on`), and a Neo4j `date` would not compare equal to them. Contact details
are withheld unless asked (kg.export.privacy).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable

from govkg.errors import KgError
from kg.dump import GraphData
from kg.export.privacy import withheld
from kg.schema import Property, load_schema

TYPES = {"string": "string", "integer": "long", "float": "double", "boolean": "boolean",
         "date": "string", "list[string]": "string[]", "list[integer]": "long[]"}
ARRAY_DELIMITER = "|"  # neo4j-admin's default `;` is a character the documents write (NFKC of ；)
EDGE_ID = Property("id", "string")  # every stored edge keeps its id; the schema need not declare it


def export_neo4j(data: GraphData, folder: str | Path, include_contacts: bool = False) -> dict[str, int]:
    """Write the import files into `folder`; returns the counts written."""
    data, redacted = withheld(data, include_contacts)
    out = Path(folder)
    (out / "nodes").mkdir(parents=True, exist_ok=True)
    (out / "relationships").mkdir(exist_ok=True)
    node_files = _write_nodes(data, out)
    edge_files = _write_edges(data, out)
    (out / "schema.cypher").write_text(schema_cypher(), encoding="utf-8")
    script = out / "import.sh"
    script.write_text(import_script(node_files, edge_files), encoding="utf-8")
    script.chmod(0o755)
    return {"nodes": len(data.nodes), "edges": len(data.edges), "files": len(node_files) + len(edge_files),
            "redacted": redacted}


def column(name: str, prop: Property) -> str:
    return f"{name}:{TYPES[prop.type]}"


def _write_nodes(data: GraphData, out: Path) -> list[str]:
    schema, files = load_schema(), []
    for label, node_type in schema.nodes.items():
        nodes = sorted((n for n in data.nodes.values() if n.label == label), key=lambda n: n.id)
        if not nodes:
            continue
        props = _with_undeclared({k: p for k, p in node_type.properties.items() if k != "id"}, nodes, {"id"})
        header = [f"id:ID({label})", ":LABEL", *(column(k, p) for k, p in props.items())]
        rows = ([n.id, label, *(_cell(n.props.get(k), p, f"{label} {n.id}") for k, p in props.items())]
                for n in nodes)
        files.append(_write(out / "nodes" / f"{label}.csv", header, rows))
    return files


def _write_edges(data: GraphData, out: Path) -> list[str]:
    schema, files = load_schema(), []
    for type_, edge_type in schema.edges.items():
        declared = {"id": EDGE_ID, **schema.edge_properties(type_)}
        for source, target in edge_type.pairs:
            edges = sorted((e for e in data.edges if e.type == type_ and e.source.label == source
                            and e.target.label == target), key=lambda e: e.id)
            if not edges:
                continue
            props = _with_undeclared(declared, edges)
            header = [f":START_ID({source})", f":END_ID({target})", ":TYPE", *(column(k, p) for k, p in props.items())]
            rows = ([e.source.id, e.target.id, type_, *(_cell(e.props.get(k), p, f"{type_} {e.id}") for k, p in props.items())]
                    for e in edges)
            files.append(_write(out / "relationships" / f"{type_}.{source}.{target}.csv", header, rows))
    return files


def _with_undeclared(declared: dict[str, Property], items: list, skip: set[str] = frozenset()) -> dict[str, Property]:
    """The schema's properties, then any other the items carry (the builder may add one the
    schema does not declare yet), typed by its values: every property reaches Neo4j."""
    seen: dict[str, set[str]] = {}
    for item in items:
        for name, value in item.props.items():
            if name not in declared and name not in skip and value not in (None, "", []):
                seen.setdefault(name, set()).add(_type_of(value))
    extra = {name: Property(name, types.pop() if len(types) == 1 else "string") for name, types in sorted(seen.items())}
    return {**declared, **extra}


def _type_of(value: Any) -> str:
    if isinstance(value, list):
        return "list[integer]" if value and all(type(v) is int for v in value) else "list[string]"
    return {bool: "boolean", int: "integer", float: "float"}.get(type(value), "string")


def _cell(value: Any, prop: Property, where: str) -> str:
    """A value as neo4j-admin reads it for the column's type; an empty cell is no property."""
    if value is None or value == "" or value == []:
        return ""
    if prop.type.startswith("list"):
        items = [str(v) for v in (value if isinstance(value, list) else [value])]
        if any(ARRAY_DELIMITER in v for v in items):
            raise KgError(f"{where}: a value of {prop.name!r} holds the array delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(items)
    if prop.type == "boolean":
        return "true" if value else "false"
    return str(value)


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> str:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")  # quotes doubled, as neo4j-admin reads them
        writer.writerow(header)
        writer.writerows(rows)
    return f"{path.parent.name}/{path.name}"


def schema_cypher() -> str:
    """The store's constraints and indexes (kg.stores.neo4j), run once the import is done."""
    from kg.stores.neo4j import schema_statements

    return "".join(f"{statement};\n" for statement in schema_statements())


def import_script(node_files: list[str], edge_files: list[str]) -> str:
    args = [f'  --nodes="$here/{f}"' for f in node_files] + [f'  --relationships="$here/{f}"' for f in edge_files]
    return SCRIPT.format(delimiter=ARRAY_DELIMITER, files=" \\\n".join(args))


SCRIPT = """#!/bin/sh
# Written by `kg export neo4j`: the graph into a new Neo4j database with neo4j-admin, then the
# constraints and indexes. In the compose service, whose /import is this folder:
#   docker compose stop neo4j
#   docker compose run --rm neo4j /import/import.sh          # replaces the database
#   docker compose up -d neo4j
#   docker compose exec neo4j /import/import.sh schema       # constraints and indexes
set -eu
here=$(cd "$(dirname "$0")" && pwd)
database=${{NEO4J_DATABASE:-neo4j}}
if [ "${{1:-}}" = schema ]; then
  exec cypher-shell -u "${{NEO4J_AUTH%%/*}}" -p "${{NEO4J_AUTH#*/}}" -d "$database" -f "$here/schema.cypher"
fi
exec neo4j-admin database import full "$database" --overwrite-destination=true \\
  --id-type=string --multiline-fields=true --array-delimiter='{delimiter}' \\
{files}
"""
