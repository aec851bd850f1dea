"""Exports of the graph. RDF: `export_rdf(data, fmt, path, …)` in kg.export.rdf; the files of
neo4j-admin's bulk import: kg.export.neo4j; a FollowTheMoney entity stream: kg.export.ftm
(GraphML, GEXF and CSV: kg.network)."""

from kg.export.describe import DatasetInfo
from kg.export.rdf import FORMATS, export_rdf, export_rdf_all

__all__ = ["FORMATS", "DatasetInfo", "export_rdf", "export_rdf_all"]
