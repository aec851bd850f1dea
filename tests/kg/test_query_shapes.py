"""Canned queries written type by type or label by label (so that the store's indexes serve
them on a large graph, see bench/latency.py) must still cover every type and label of the
schema that they stand for."""

import re

from kg.queries import get_query, load_queries
from kg.schema import load_schema


def test_document_evidence_reads_every_edge_type():
    cypher = get_query("document_evidence").cypher
    named = set(re.findall(r"\[r\d+:([A-Z_]+) \{doc: \$doc\}\]", cypher))
    assert named == set(load_schema().edges)


def test_edge_evidence_looks_for_the_subject_in_every_named_label():
    schema = load_schema()
    cypher = get_query("edge_evidence").cypher
    looked = set(re.findall(r"OPTIONAL MATCH \(\w+:(\w+)", cypher))
    named = {label for label, node in schema.nodes.items() if "name" in node.properties}
    written = {label for label, node in schema.nodes.items() if "written" in node.properties}
    assert named <= looked
    by_written = {label for _, label in re.findall(
        r"OPTIONAL MATCH \((\w+):(\w+)\) WHERE \1\.name = \$subject OR \$subject IN \1\.written", cypher)}
    assert written <= by_written


def test_no_query_walks_more_than_two_untyped_links_at_once():
    """An untyped `[*1..4]` from a busy node enumerates millions of paths on a large graph:
    longer chains meet in the middle of two-link walks (agency_path, official_path)."""
    for name, q in load_queries().items():
        for upper in re.findall(r"\[\w*\*\d*\.\.(\d*)\]", q.cypher):
            assert upper and int(upper) <= 2, name


def test_post_holders_find_posts_through_indexes():
    """The post's title and name are indexed; the query looks the title up, never reads every post."""
    assert "title" in load_schema().node("Post").indexes
    cypher = get_query("post_holders").cypher
    assert "(titled:Post {title: ending})" in cypher and "(p:Post)" not in cypher
