"""Copy the explorer's browser libraries from tools/explorer/node_modules (`npm ci` of the
locked package.json) into kg/serve/static/vendor, where the wheel carries them and `kg serve`
serves them: nothing is fetched from a CDN at run time. The copies are committed, so a clone
or a wheel needs no npm; `make explorer-assets` refreshes them after a change to the lock.

    cd tools/explorer && npm ci && cd ../.. && .venv/bin/python tools/explorer/vendor.py
    .venv/bin/python tools/explorer/vendor.py --check   # exit 1 when the copies differ

Each package's licence file is copied beside its code, and VERSIONS.json records the version
and licence the lock file gives (tests/kg/test_serve_assets.py compares them).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MODULES = HERE / "node_modules"
VENDOR = ROOT / "kg" / "serve" / "static" / "vendor"
# npm package → (file in the package, name served), in the order the pages load them
FILES = {
    "cytoscape": ("dist/cytoscape.min.js", "cytoscape.min.js"),
    "layout-base": ("layout-base.js", "layout-base.js"),
    "cose-base": ("cose-base.js", "cose-base.js"),
    "cytoscape-fcose": ("cytoscape-fcose.js", "cytoscape-fcose.js"),
}


def locked() -> dict[str, dict[str, str]]:
    packages = json.loads((HERE / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    return {name: {"version": packages[f"node_modules/{name}"]["version"],
                   "licence": packages[f"node_modules/{name}"].get("license", "not declared")} for name in FILES}


def wanted() -> dict[str, bytes]:
    """Served name → bytes: the code, each licence, and VERSIONS.json."""
    out: dict[str, bytes] = {}
    versions = locked()
    for name, (path, served) in FILES.items():
        package = MODULES / name
        installed = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        if installed != versions[name]["version"]:
            sys.exit(f"vendor: {name} {installed} is installed, the lock says {versions[name]['version']}: run npm ci")
        out[served] = (package / path).read_bytes()
        out[f"{name}.LICENSE.txt"] = (package / "LICENSE").read_bytes()
        versions[name]["file"] = served
    out["VERSIONS.json"] = (json.dumps(versions, indent=1, sort_keys=True) + "\n").encode()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the copies differ from node_modules")
    args = parser.parse_args(argv)
    if not MODULES.is_dir():
        sys.exit("vendor: tools/explorer/node_modules is missing: run `npm ci` in tools/explorer")
    files = wanted()
    if args.check:
        stale = [n for n, data in files.items() if not (VENDOR / n).is_file() or (VENDOR / n).read_bytes() != data]
        if stale:
            print(f"vendor: stale copies in {VENDOR}: {', '.join(stale)} (make explorer-assets)", file=sys.stderr)
            return 1
        return 0
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    for name, data in files.items():
        (VENDOR / name).write_bytes(data)
    print(f"vendor: {len(files)} files in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
