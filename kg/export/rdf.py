"""GraphData → RDF for open-data portals: W3C ORG, CPOV, FOAF/schema.org, PROV-O, Dublin Core,
ELI, SKOS and DCAT, mapped from ontology/schema.yaml by ontology/rdf_mapping.yaml.

Entities (agencies, officials, posts, tasks, places) are described in the default graph; what
each document states (edges, tenures, memberships, acts, and the document itself) goes into
one named graph per document, which TriG and N-Quads keep and the triple formats merge.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from kg.dump import GraphData
from kg.errors import KgError
from kg.export.describe import DatasetInfo, concept_schemes, dataset, named_graph, software, term_concepts
from kg.export.emit import Block, Emitter
from kg.export.mapping import Mapping, load_mapping
from kg.export.patterns import Patterns, pair_tenures
from kg.export.privacy import Redactor
from kg.export.terms import Minter
from kg.export.writers import CURIE_FORMATS, EXTENSIONS, WRITERS
from kg.settings import Settings

FORMATS = tuple(WRITERS)
POST_ORGANISATION = "org:postIn"  # the edge property that names the organisation of a post


@dataclass(frozen=True)
class _Run:
    """What every format of one export shares."""

    mapping: Mapping
    minter: Minter
    names: dict[str, dict[str, str]]  # label → name → IRI, for `link` rules
    files: dict[str, Path]  # format → output path
    include_contacts: bool
    info: DatasetInfo
    now: datetime


def export_rdf(data: GraphData, fmt: str, out_path: str | Path, *, base: str | None = None,
               include_contacts: bool = False, docs: Iterable[str] | None = None,
               info: DatasetInfo | None = None, now: datetime | None = None) -> dict[str, int]:
    """Write `data` (or the facts of the documents `docs`, by 文号 or document key) as `fmt`
    to `out_path`; personal contact details are withheld unless `include_contacts`.
    Returns counts: triples, graphs, memberships, redacted, and nodes per label."""
    return _export(data, {fmt: Path(out_path)}, base, include_contacts, docs, info, now)[fmt]


def export_rdf_all(data: GraphData, out_dir: str | Path, formats: Iterable[str] = FORMATS, *,
                   stem: str = "govkg", base: str | None = None, include_contacts: bool = False,
                   docs: Iterable[str] | None = None, info: DatasetInfo | None = None,
                   now: datetime | None = None) -> dict[str, dict[str, int]]:
    """Every format into `out_dir` as STEM.EXT; each file's DCAT dataset lists them all."""
    files = {fmt: Path(out_dir) / f"{stem}.{EXTENSIONS.get(fmt, fmt)}" for fmt in formats}
    return _export(data, files, base, include_contacts, docs, info, now)


def _export(data, files, base, include_contacts, docs, info, now) -> dict[str, dict[str, int]]:
    for fmt in files:
        if fmt not in WRITERS:
            raise KgError(f"unknown RDF format {fmt!r}", hint=f"known: {', '.join(FORMATS)}")
    info = info or DatasetInfo()
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", info.license):
        raise KgError(f"licence {info.license!r} is not an http(s) IRI")
    data = _select(data, docs)
    minter, mapping = Minter(base or Settings.from_env().rdf_base), load_mapping()
    run = _Run(mapping, minter, _names(data, mapping, minter), files, include_contacts, info,
               now or datetime.now(timezone.utc).replace(microsecond=0))
    return {fmt: _write(data, fmt, run) for fmt in files}


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


def _write(data: GraphData, fmt: str, run: _Run) -> dict[str, int]:
    redact = Redactor(run.include_contacts)
    emitter = Emitter(run.mapping, run.minter, redact, run.names, curies=fmt in CURIE_FORMATS)
    pattern_of = {t: e.pattern for t, e in run.mapping.edges.items()}
    post_org = {e.source.id: emitter.node_iri(e.target) for e in data.edges if not pattern_of[e.type]
                and POST_ORGANISATION in run.mapping.edges[e.type].by_source[e.source.label]}
    patterns = Patterns(emitter, pair_tenures(data.edges, pattern_of), post_org)
    counts: dict[str, int] = defaultdict(int)
    path = run.files[fmt]
    tmp = path.with_name(f".{path.name}.part")  # a failed export leaves no half-written file
    try:
        counts["triples"] = WRITERS[fmt](_blocks(data, emitter, patterns, run, counts), tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KgError(f"cannot write: {exc.strerror or exc}", where=str(path)) from None
    counts.update(memberships=patterns.memberships, redacted=redact.count)
    return dict(counts)


def _blocks(data: GraphData, em: Emitter, patterns: Patterns, run: _Run, counts: dict[str, int]) -> Iterator[Block]:
    """Vocabulary concepts, entities, then per document its graph's PROV description and its
    facts, then the term concepts used and the DCAT dataset."""
    pattern_of = {t: e.pattern for t, e in run.mapping.edges.items()}
    by_doc: dict[str, list] = defaultdict(list)
    for edge in data.edges:
        by_doc[str(edge.props.get("doc", ""))].append(edge)
    yield from concept_schemes(em)
    agent, agent_block = software(em)
    yield agent_block
    documents = {}
    for node in data.nodes.values():
        counts[node.label] += 1
        if node.label == run.mapping.document.label:  # a document's description is one of its facts
            documents[node.id] = node
        else:
            yield em.node_block(node)
    keys = list(dict.fromkeys([*documents, *by_doc]))
    counts["graphs"] = len(keys)
    for key in keys:
        doc = documents.get(key)
        props = doc.props if doc else {}
        yield from named_graph(em, key, props.get("number"), props.get("source"), agent, run.now)
        if doc:
            yield em.node_block(doc, graph=em.minter.make("graph", key))
        for edge in by_doc.get(key, ()):
            pattern = pattern_of[edge.type]
            if pattern:
                yield from patterns.blocks(edge, pattern)
            else:
                yield from em.edge_blocks(edge)
    yield from term_concepts(em)
    yield from dataset(em, run.info, {f: p.name for f, p in run.files.items()}, keys, run.now)
