"""`kg store …`: start, stop, inspect or clear the store."""

from __future__ import annotations

import sys

import click

from govkg.errors import KgError
from govkg.settings import Settings
from kg.output import to_json


@click.group()
def store() -> None:
    """Start, stop or inspect the embedded store."""


@store.command("start")
def store_start() -> None:
    """Start the embedded store and leave it running."""
    from kg.stores.server import server_for

    server = server_for(Settings.from_env())
    server.start(detach=True)
    click.echo(to_json(server.status()))


@store.command("stop")
@click.option("--force", is_flag=True, help="End a server that does not answer (stuck reading its data).")
def store_stop(force: bool) -> None:
    """Stop the embedded store (its data stays in KG_DATA_DIR)."""
    from kg.stores.server import server_for

    stopped = server_for(Settings.from_env()).stop(force=force)
    click.echo("stopped" if stopped else "not running")


@store.command("status")
def store_status() -> None:
    """The store in use (KG_STORE) and whether it answers: the embedded server's pid, socket and
    data directory, or Neo4j's URI and database."""
    from kg.stores import status

    click.echo(to_json(status(Settings.from_env())))


@store.command("clear")
@click.option("--yes", "-y", is_flag=True, help="Do not ask (for scripts).")
def store_clear(yes: bool) -> None:
    """Remove everything from the store (refused while a load writes to it)."""
    from kg.lock import writer_lock
    from kg.stores import forget_loaded, open_store

    if not yes:
        if not sys.stdin.isatty():
            raise KgError("kg store clear asks before it removes everything, and there is no terminal to ask",
                          hint="add --yes")
        click.confirm("Remove every node and edge from the store?", abort=True)

    settings = Settings.from_env()
    with writer_lock(settings.data_dir, "kg store clear"), open_store(settings, check_schema=False) as s:
        s.clear()  # an empty graph is of every schema: clearing one an older govkg wrote is allowed
    forget_loaded(settings)
    click.echo("cleared")
