"""The `kg` command: a thin layer over the library. Errors print as one line, exit code 2."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import click

from govkg.errors import KgError, QueryError
from kg.cli_options import FORMAT, INCLUDE_CONTACTS
from kg.output import print_rows, print_table, to_json
from govkg.settings import Settings



def _store(check_schema: bool = True):
    from kg.stores import open_store

    return open_store(Settings.from_env(), check_schema=check_schema)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair!r} is not key=value")
        out[key.strip()] = value
    return out


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from kg import package_version  # the installed package's metadata, read only when asked

        click.echo(f"kg (govkg) {package_version()}")
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", "-V", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show govkg's version and exit.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """govkg: government gazettes to a knowledge graph of agencies, officials and mandates."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Rewrite documents even when their content is unchanged, and let a "
              "file replace a document of the same 文号 that another file gave.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Extraction processes (0: one per core).")
@click.option("--scheduler", default=None, help="Extract on the Dask distributed cluster at this address.")
@click.option("--writers", default=1, show_default=True, help="Concurrent document writes (Neo4j only).")
def load(paths: tuple[str, ...], force: bool, jobs: int, scheduler: str | None, writers: int) -> None:
    """Read PATHS (files or directories), extract facts and write them to the store."""
    from kg.load import iter_files
    from kg.parallel import cpu_jobs, load_parallel
    from kg.progress import progress

    from kg.lock import writer_lock
    from kg.review import people_for
    from kg.stores import mark_loaded

    settings = Settings.from_env()
    files = list(iter_files(paths))
    people = people_for(settings)  # the judgements on officials and the reviewers' decisions
    with writer_lock(settings.data_dir), _store() as store, progress(len(files)) as advance:
        report = load_parallel(files, store, jobs=cpu_jobs(jobs), scheduler=scheduler, writers=writers,
                               max_bytes=settings.max_bytes, force=force, people=people,
                               index_dir=settings.data_dir, progress=advance)
    if report.written:
        mark_loaded(settings)
    replaced = f", {report.withdrawn} replaced by a changed file" if report.withdrawn else ""
    click.echo(f"{report.files} files: {report.written} documents written ({report.edges} edges), "
               f"{report.unchanged} unchanged{replaced}, {len(report.failures)} failed")
    for note in report.notes:
        click.echo(f"kg: note: {note}", err=True)
    for failure in report.failures:
        click.echo(f"kg: error: {failure}", err=True)
    if report.failures:
        sys.exit(2)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
def extract(path: str, fmt: str) -> None:
    """Extract the facts of one file (no store), in the facts JSON format."""
    from loaders.pipeline import extract_file

    facts = extract_file(path, max_bytes=Settings.from_env().max_bytes).to_json()
    if fmt == "json":
        click.echo(to_json(facts))
    else:
        print_table([{"kind": k, "count": len(v)} for k, v in facts.items()], title=path)


@cli.command()
@FORMAT
def stats(fmt: str) -> None:
    """Count nodes by label and edges by type."""
    with _store() as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(to_json(counts))
        return
    rows = [{"kind": kind, "name": name, "count": n} for kind, names in counts.items() for name, n in names.items()]
    print_rows(rows, fmt)


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "pairs", multiple=True, help="A parameter as key=value (repeatable).")
@click.option("--list", "list_", is_flag=True, help="List the canned queries and their parameters.")
@FORMAT
def query(name: str | None, pairs: tuple[str, ...], list_: bool, fmt: str) -> None:
    """Run the canned query NAME with typed parameters (--list to see them all)."""
    from kg.queries import get_query, load_queries, named_runs

    if list_ or not name:
        listing = [q.to_json() for q in load_queries().values()]
        if fmt == "json":
            click.echo(to_json(listing))
        else:
            print_table([{"name": q["name"], "description": q["description"],
                          "params": ", ".join(f"{p['name']}:{p['type']}" + ("" if p["required"] else f"={p['default']}")
                                              for p in q["params"])} for q in listing])
        return
    canned = get_query(name)
    given = _params(pairs)
    params = canned.bind(given)
    with _store() as store:
        runs, notes = named_runs(canned, params, set(given), store)
        rows = [row for run in runs for row in store.query(canned.cypher, run)]
    for note in notes:
        click.echo(f"kg: note: {note}", err=True)
    print_rows(rows, fmt, title=name)


@cli.command()
@click.argument("statement")
@click.option("--param", "-p", "pairs", multiple=True, help="A string parameter as key=value (repeatable).")
@FORMAT
def cypher(statement: str, pairs: tuple[str, ...], fmt: str) -> None:
    """Run an ad-hoc read-only Cypher STATEMENT (writes are refused)."""
    with _store() as store:
        print_rows(store.query(statement, _params(pairs)), fmt)


@cli.command()
@click.argument("kind", type=click.Choice(["rdf", "graphml", "gexf", "csv", "neo4j", "ftm"]))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=True), help="File (a folder for csv and neo4j).")
@click.option("--format", "rdf_format", default="turtle", show_default=True,
              type=click.Choice(["turtle", "ntriples", "jsonld", "trig", "nquads"]), help="RDF syntax.")
@click.option("--doc", "docs", multiple=True, help="Only the facts of this document (文号 or id); repeatable.")
@INCLUDE_CONTACTS
@click.option("--jobs", "-j", default=0, show_default=True,
              help="Processes rendering a large RDF export (0: one per core); the file is the same.")
def export(kind: str, output: str, rdf_format: str, docs: tuple[str, ...], include_contacts: bool,
           jobs: int) -> None:
    """Export the stored graph: RDF (portals; DCAT-AP), GraphML or GEXF (Gephi, networkx), CSV,
    neo4j (the files of `neo4j-admin database import full`), ftm (a FollowTheMoney entity stream)."""
    from kg.dump import read_graph

    with _store() as s:
        data = read_graph(s)
    if kind == "rdf":  # RDF filters documents itself, keeping their named graphs whole
        counts = _export_rdf(data, rdf_format, output, include_contacts, docs, jobs)
    else:
        counts = _export_graph(data, kind, output, include_contacts, docs)
    click.echo(f"{output}: {to_json(counts)}")


def _export_graph(data, kind: str, output: str, include_contacts: bool, docs: tuple[str, ...]) -> dict:
    from kg.network import to_networkx, write_csv, write_graph

    if docs:
        missing = [d for d in docs if not any(e.props.get("doc") == d for e in data.edges)]
        if missing:
            raise QueryError(f"no such document: {missing[0]}", hint="name it by 文号 or document id")
        data = data.only_documents(set(docs))

    if kind == "csv":
        return write_csv(data, output, include_contacts)
    if kind == "neo4j":
        from kg.export.neo4j import export_neo4j

        return export_neo4j(data, output, include_contacts)
    if kind == "ftm":
        from kg.export.ftm import export_ftm

        return export_ftm(data, output, include_contacts)
    graph = to_networkx(data)
    redacted = write_graph(graph, output, kind, include_contacts)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "redacted": redacted}


def _export_rdf(data, fmt: str, output: str, include_contacts: bool, docs: tuple[str, ...], jobs: int) -> dict:
    from dataclasses import replace

    from kg.export.describe import DatasetInfo
    from kg.export.rdf import export_rdf

    from kg.stores import last_loaded

    settings, info = Settings.from_env(), DatasetInfo()
    info = replace(info, publisher=settings.rdf_publisher or info.publisher,
                   license=settings.rdf_license or info.license, modified=last_loaded(settings))
    return export_rdf(data, fmt, output, base=settings.rdf_base, include_contacts=include_contacts,
                      docs=docs or None, info=info, jobs=jobs or os.cpu_count() or 1)


@cli.command()
@click.option("--agency", help="An agency's neighbourhood (canonical or written name).")
@click.option("--official", help="An official's neighbourhood.")
@click.option("--doc", help="A document's facts (文号 or id).")
@click.option("--depth", default=2, show_default=True, help="Links from the centre.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@INCLUDE_CONTACTS
def viz(agency: str | None, official: str | None, doc: str | None, depth: int, output: str,
        include_contacts: bool) -> None:
    """Write an HTML view of a subgraph that opens in a browser without a server."""
    from kg.dump import read_graph
    from kg.viz import find_node, find_nodes, neighbourhood, render_html

    chosen = [(label, name) for label, name in (("Agency", agency), ("Official", official), ("Document", doc)) if name]
    if len(chosen) != 1:
        raise QueryError("name exactly one of --agency, --official, --doc")
    (label, name), = chosen
    with _store() as s:
        data = read_graph(s)
    if label == "Document":
        data = data.only_documents({data.nodes[find_node(data, label, name)].id})
    else:
        data = neighbourhood(data, find_nodes(data, label, name), depth)  # a short form: each node it names
    Path(output).write_text(render_html(data, name, include_contacts), encoding="utf-8")
    click.echo(f"{output}: {len(data.nodes)} nodes, {len(data.edges)} edges")


@cli.command()
@click.argument("name", required=False)
@click.option("--left", help="Canonical agency of one context (阳泉市卫生健康委员会).")
@click.option("--right", help="Canonical agency of the other context.")
@click.option("--decision", type=click.Choice(["same", "not_same", "unsure"]))
@click.option("--jurisdiction", default="", help="The jurisdiction of both mentions (阳泉市).")
@click.option("--note", default="", help="Why: what the reviewer saw.")
@FORMAT
def judge(name: str | None, left: str | None, right: str | None, decision: str | None,
          jurisdiction: str, note: str, fmt: str) -> None:
    """Record whether two mentions of NAME are the same official (no NAME: list judgements)."""
    from dataclasses import asdict

    from kg.people import Judgement, judged_names, read_judgements, record_judgement

    path = Settings.from_env().judgements_path
    if not name:
        print_rows([asdict(j) for j in read_judgements(path)], fmt, title=str(path))
        return
    if not (left and right and decision):
        raise QueryError("a judgement needs --left, --right and --decision", where="kg judge")
    with _store() as store:
        name, left, right = judged_names(store, name, left, right)
    record_judgement(path, Judgement(name, jurisdiction, left, right, decision, note))
    click.echo(f"{path}: recorded {decision} for {name} ({left} / {right}); "
               "run `kg load --force PATH…` to apply it to loaded documents")


@cli.command()
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than loopback serves other machines and must be named.")
@click.option("--review", is_flag=True, help="Allow review decisions (confirm, reject, merge, split, correct).")
@click.option("--reviewer", default=None, help="Who decides (default: the login name from the environment).")
@INCLUDE_CONTACTS
@click.pass_context
def serve(ctx: click.Context, port: int, host: str, review: bool, reviewer: str | None, include_contacts: bool) -> None:
    """Browse the graph in a web browser: search, a page per entity with its neighbourhood
    drawn, every fact's evidence, the canned queries as forms, and (--review) corrections."""
    from click.core import ParameterSource

    from kg.serve import serve as run

    named = ctx.get_parameter_source("host") is ParameterSource.COMMANDLINE
    run(Settings.from_env(), host=host, port=port, review=review, include_contacts=include_contacts,
        reviewer=reviewer, remote=named)


from kg.eval_command import evaluate  # noqa: E402  (kg eval: scoring is a module of its own)
from kg.review.commands import review  # noqa: E402  (kg review …: the commands are many)

from kg.stores.commands import store  # noqa: E402  (kg store …: the embedded server's life)

cli.add_command(evaluate)
cli.add_command(review)
cli.add_command(store)


@cli.command()
@click.option("--drop-missing", is_flag=True, help="Migrate even when some documents' files are gone "
              "(their documents are left out).")
@click.option("--jobs", "-j", default=1, show_default=True, help="Extraction processes (0: one per core).")
def migrate(drop_missing: bool, jobs: int) -> None:
    """Bring a graph an older govkg wrote to this version: its documents are extracted again
    from the files they came from (the data directory's file index)."""
    from kg.lock import writer_lock
    from kg.migrate import migrate as run
    from kg.parallel import cpu_jobs

    settings = Settings.from_env()
    with writer_lock(settings.data_dir, "kg migrate"):
        report = run(settings, drop_missing=drop_missing, jobs=cpu_jobs(jobs))
    if report.load is None:
        click.echo(f"graph {report.graph}: already at schema {report.was}; nothing to migrate")
        return
    load = report.load
    click.echo(f"graph {report.graph}: migrated from {report.was_text} to schema {report.now}: {load.files} files, "
               f"{load.written} documents written ({load.edges} edges), {len(report.plan.missing)} left out, "
               f"{len(load.failures)} failed")
    for failure in load.failures:
        click.echo(f"kg: error: {failure}", err=True)
    if load.failures:
        sys.exit(2)


def _warn_in_one_line(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"kg: warning: {message}", err=True)


def main() -> None:
    debug = "--debug" in sys.argv
    if not debug:
        warnings.showwarning = _warn_in_one_line
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"kg: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except KgError as exc:
        if debug:
            raise
        click.echo(f"kg: error: {exc.line()}", err=True)
        sys.exit(2)
    except OSError as exc:  # a path the user named that cannot be written or read
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
