"""Every KG_* environment variable, read in one place. Secrets come only from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from govkg.errors import KgError

DEFAULT_RDF_BASE = "https://example.org/govkg/"  # an example base: set KG_RDF_BASE to publish
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
UNITS = {"": 1, "B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
_BYTES = re.compile(r"(?P<number>\d+(?:\.\d+)?(?:[eE]\+?\d+)?)\s*(?P<unit>(?:[KkMmGgTt](?:i?[Bb])?)|[Bb])?")


def byte_count(value: str | None, name: str, default: int) -> int:
    """A positive number of bytes: `200000000`, `2e8`, `200_000_000`, or with a unit `200M`,
    `1.5GB`, `512KiB` (units of 1024). Anything else is a one-line error naming the variable."""
    if value is None:
        return default
    m = _BYTES.fullmatch(value.strip().replace("_", ""))
    number = float(m["number"]) * UNITS[(m["unit"] or "").upper()[:1]] if m else 0
    if not 1 <= number < 1 << 63 or number != int(number):
        raise KgError(f"{value[:40]!r} is not a number of bytes", where=name,
                      hint="write a whole number such as 200000000, 2e8 or 200M")
    return int(number)


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


@dataclass(frozen=True)
class Settings:
    store: str = "embedded"
    data_dir: Path = field(default_factory=lambda: Path(user_data_dir("govkg")))
    graph: str = "govkg"
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    rdf_base: str = DEFAULT_RDF_BASE
    rdf_publisher: str | None = None  # the portal's DCAT publisher and licence
    rdf_license: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    judgements: Path | None = None  # same / not same decisions on officials; default in data_dir

    @property
    def judgements_path(self) -> Path:
        return self.judgements or self.data_dir / "judgements.csv"

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            store=_env("KG_STORE", "embedded"),
            data_dir=Path(_env("KG_DATA_DIR") or user_data_dir("govkg")).expanduser().absolute(),  # the server has its own cwd
            graph=_env("KG_GRAPH", "govkg"),
            neo4j_uri=_env("KG_NEO4J_URI"),
            neo4j_user=_env("KG_NEO4J_USER", "neo4j"),
            neo4j_password=_env("KG_NEO4J_PASSWORD"),
            neo4j_database=_env("KG_NEO4J_DATABASE"),
            rdf_base=_env("KG_RDF_BASE", DEFAULT_RDF_BASE),
            rdf_publisher=_env("KG_RDF_PUBLISHER"),
            rdf_license=_env("KG_RDF_LICENSE"),
            max_bytes=byte_count(_env("KG_MAX_BYTES"), "KG_MAX_BYTES", DEFAULT_MAX_BYTES),
            judgements=Path(_env("KG_JUDGEMENTS")) if _env("KG_JUDGEMENTS") else None,
        )
