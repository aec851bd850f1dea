"""What every format of one RDF export shares: the mapping, the IRIs minted, the output files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kg.export.describe import DatasetInfo
from kg.export.mapping import Mapping
from kg.export.terms import Minter


@dataclass(frozen=True)
class Run:
    """What every format of one export shares."""

    mapping: Mapping
    minter: Minter
    names: dict[str, dict[str, str]]  # label → name → IRI, for `link` rules
    files: dict[str, Path]  # format → output path
    include_contacts: bool
    info: DatasetInfo
    now: datetime  # when the graph was made: the load time, or else the newest document's date
    jobs: int  # processes rendering a large export
    issued: date | None = None  # the newest document's date
