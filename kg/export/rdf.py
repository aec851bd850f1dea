"""GraphData → RDF for open-data portals: W3C ORG, CPOV, FOAF/schema.org, PROV-O, Dublin Core,
ELI, SKOS and DCAT, mapped from ontology/schema.yaml by ontology/rdf_mapping.yaml.

Entities (agencies, officials, posts, tasks, places) are described in the default graph; what
each document states (edges, tenures, memberships, acts, and the document itself) goes into
one named graph per document, which TriG, N-Quads and JSON-LD keep and the triple formats
merge. No format states a triple twice (a quad twice, in those that keep graphs).
"""

from __future__ import annotations

import os
import re
import warnings
from collections import defaultdict
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterable

from kg.dump import GraphData
from govkg.errors import KgError
from kg.export.describe import PLACEHOLDER_PUBLISHER, DatasetInfo, PlaceholderWarning
from kg.export.mapping import Mapping, load_mapping
from kg.export.parts import render
from kg.export.plan import Plan
from kg.export.run import Run
from kg.export.terms import Minter
from kg.export.writers import EXTENSIONS, QUAD_FORMATS, SYNTAXES
from govkg.settings import DEFAULT_RDF_BASE, Settings

FORMATS = tuple(SYNTAXES)


def export_rdf(data: GraphData, fmt: str, out_path: str | Path, *, base: str | None = None,
               include_contacts: bool = False, docs: Iterable[str] | None = None,
               info: DatasetInfo | None = None, now: datetime | None = None, jobs: int = 1) -> dict[str, int]:
    """Write `data` (or the facts of the documents `docs`, by 文号 or document key) as `fmt`
    to `out_path`; personal contact details are withheld unless `include_contacts`. A large
    graph is rendered by `jobs` processes, into the same file one process writes.
    Returns counts: triples, graphs, memberships, redacted, and nodes per label."""
    return _export(data, {fmt: Path(out_path)}, base, include_contacts, docs, info, now, jobs)[fmt]


def export_rdf_all(data: GraphData, out_dir: str | Path, formats: Iterable[str] = FORMATS, *,
                   stem: str = "govkg", base: str | None = None, include_contacts: bool = False,
                   docs: Iterable[str] | None = None, info: DatasetInfo | None = None,
                   now: datetime | None = None, jobs: int = 1) -> dict[str, dict[str, int]]:
    """Every format into `out_dir` as STEM.EXT; each file's DCAT dataset lists them all."""
    files = {fmt: Path(out_dir) / f"{stem}.{EXTENSIONS.get(fmt, fmt)}" for fmt in formats}
    return _export(data, files, base, include_contacts, docs, info, now, jobs)


def _export(data, files, base, include_contacts, docs, info, now, jobs) -> dict[str, dict[str, int]]:
    for fmt in files:
        if fmt not in SYNTAXES:
            raise KgError(f"unknown RDF format {fmt!r}", hint=f"known: {', '.join(FORMATS)}")
    info = info or DatasetInfo()
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", info.license):
        raise KgError(f"licence {info.license!r} is not an http(s) IRI")
    data = _select(data, docs)
    minter, mapping = Minter(base or Settings.from_env().rdf_base), load_mapping()
    _warn_placeholders(minter.base, info)
    issued = info.issued or newest_date(data, mapping)
    now = now or info.modified or (datetime.combine(issued, time(), timezone.utc) if issued
                                   else datetime.now(timezone.utc).replace(microsecond=0))
    run = Run(mapping, minter, _names(data, mapping, minter), files, include_contacts, info, now, jobs, issued)
    return {fmt: _write(data, fmt, run) for fmt in files}


def newest_date(data: GraphData, mapping: Mapping) -> date | None:
    """The date of the newest document: when the dataset's content was last issued."""
    label, dates = mapping.document.label, []
    for node in data.nodes.values():
        if node.label == label and node.props.get("date"):
            try:
                dates.append(date.fromisoformat(str(node.props["date"])))
            except ValueError:  # a date the document wrote partly (2020-03) dates nothing here
                continue
    return max(dates, default=None)


def _warn_placeholders(base: str, info: DatasetInfo) -> None:
    """A portal would publish example IRIs and an example publisher as they are: say so."""
    if base == DEFAULT_RDF_BASE:
        warnings.warn(f"the RDF base is the example {base}: set KG_RDF_BASE to the IRI the data is published under",
                      PlaceholderWarning, stacklevel=3)
    if info.publisher == PLACEHOLDER_PUBLISHER:
        warnings.warn("the DCAT publisher is a placeholder: set KG_RDF_PUBLISHER to the publishing body's name",
                      PlaceholderWarning, stacklevel=3)


def _select(data: GraphData, docs: Iterable[str] | None) -> GraphData:
    if docs is None:
        return data
    wanted = set(docs)
    label = load_mapping().document.label
    known = {e.props.get("doc") for e in data.edges} | {n.id for n in data.nodes.values() if n.label == label}
    unknown = sorted(wanted - known)
    if unknown:
        raise KgError(f"no such document: {', '.join(unknown)}",
                      hint=f"known: {', '.join(sorted(map(str, known))[:8])} …")
    return data.only_documents(wanted)


def _names(data: GraphData, mapping: Mapping, minter: Minter) -> dict[str, dict[str, str]]:
    """name → IRI for each label that a `link` rule points at (an agency's District)."""
    labels = {r.link for n in mapping.nodes.values() for rules in n.rules.values() for r in rules if r.link}
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for node in data.nodes.values():
        if node.label in labels and node.props.get("name"):
            names[node.label][node.props["name"]] = minter.node(mapping.nodes[node.label].path, node.id)
    return names


def _write(data: GraphData, fmt: str, run: Run) -> dict[str, int]:
    syntax, path = SYNTAXES[fmt], run.files[fmt]
    plan = Plan(data, run, syntax.pairs, graphs=fmt in QUAD_FORMATS)
    tmp = path.with_name(f".{path.name}.part")  # a failed export leaves no half-written file
    try:
        total = render(plan, syntax, len(data.edges), run.jobs, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KgError(f"cannot write: {exc.strerror or exc}", where=str(path)) from None
    except BaseException:  # a worker that died, an interrupt
        tmp.unlink(missing_ok=True)
        raise
    return {"triples": total.triples, **plan.labels, "graphs": len(plan.keys),
            "memberships": total.memberships, "redacted": total.redacted}
