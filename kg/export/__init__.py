"""Exports of the graph. RDF: `export_rdf(data, fmt, path, …)` in kg.export.rdf."""

from kg.export.describe import DatasetInfo
from kg.export.rdf import FORMATS, export_rdf, export_rdf_all

__all__ = ["FORMATS", "DatasetInfo", "export_rdf", "export_rdf_all"]
