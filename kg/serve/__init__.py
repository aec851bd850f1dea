"""`kg serve`: the explorer, a small web application over the store (kg.serve.app).

It listens on the loopback interface unless a host is named explicitly, and records review
decisions only when started with `--review`. The browser libraries it serves (Cytoscape.js
and the fCoSE layout) are files in kg/serve/static/vendor, copied from npm packages locked
in tools/explorer (`make explorer-assets`); nothing is fetched from elsewhere.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from govkg.errors import KgError
from govkg.settings import Settings

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> list[str]:
    """Host headers the server answers: its loopback names, or anything when it serves a network."""
    if not is_loopback(host):
        return ["*"]
    return sorted({"127.0.0.1", "localhost", "::1", "[::1]", host})


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host.strip("[]"), 0))
        return s.getsockname()[1]


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8765, review: bool = False,
          include_contacts: bool = False, reviewer: str | None = None, remote: bool = False) -> None:
    """Run the explorer until interrupted. A host that is not loopback is refused unless
    `remote` says the user named it (`kg serve --host`)."""
    import uvicorn

    from kg.serve.app import create_app
    from kg.serve.state import Explorer
    from kg.stores import open_store

    if not is_loopback(host) and not remote:
        raise KgError(f"{host} is not a loopback address", where="kg serve",
                      hint="name it with --host to serve other machines")
    if not is_loopback(host):
        print(f"kg serve: warning: serving {host}: anyone who reaches port {port} can read the graph"
              + (" and change it" if review else ""), file=sys.stderr)
    port = port or free_port(host)
    with open_store(settings) as store:
        from kg.review.records import reviewer as login_name

        explorer = Explorer(settings, store, review=review, include_contacts=include_contacts,
                            reviewer=(reviewer or login_name()) if review else None)
        app = create_app(explorer, allowed_hosts(host))
        shown = f"[{host}]" if ":" in host else host
        mode = "review: decisions are recorded" if review else "read-only"
        print(f"kg serve: http://{shown}:{port}/ ({mode}; Ctrl-C stops)", file=sys.stderr, flush=True)
        uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", access_log=False)
