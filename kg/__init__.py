"""govkg: government gazettes to a knowledge graph of agencies, officials and mandates."""

from functools import cache


@cache
def package_version() -> str:
    """govkg's version, from the installed package's metadata: one version for `kg --version`,
    the content hashes of documents and the RDF export's provenance."""
    from importlib.metadata import PackageNotFoundError, version  # ~30 ms: only when asked

    try:
        return version("govkg")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
