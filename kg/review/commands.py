"""`kg review …`: the decisions of `kg serve --review` from the command line, and the list,
undo and export of all of them. Each decision is applied to the store at once."""

from __future__ import annotations

import click

from govkg.settings import Settings
from kg.cli_options import FORMAT
from kg.output import print_rows, to_csv, to_json

WHO = click.option("--reviewer", default=None, help="Who decides (default: the login name from the environment).")
WHY = click.option("--why", default="", help="Why: what the reviewer saw.")


def _on_a_fact(command):
    """The arguments of a decision on one fact: its edge id, its document, who and why."""
    for option in (WHY, WHO, click.option("--doc", default=None, help="The fact's document (文号): finds the "
                                                                        "fact at once on a large graph."),
                   click.argument("edge")):
        command = option(command)
    return command


@click.group()
def review() -> None:
    """Correct the graph: confirm or reject facts, merge or split agencies and people, correct
    names and posts. Decisions win over the rules at every later load."""


def _decide(kind: str, fields: dict[str, str], reviewer: str | None, why: str) -> None:
    from kg.cli import _store
    from kg.review import decide
    from kg.review.targets import target_for

    settings = Settings.from_env()
    with _store() as store:
        found, applied = decide(store, settings, kind, target_for(store, kind, fields), reviewer, why)
    _report(found, applied)


def _report(found, applied) -> None:
    click.echo(f"{found.id}: {found.summary()} ({len(applied.docs)} documents rewritten)")
    for note in applied.notes:
        click.echo(f"kg: note: {note}", err=True)


@review.command()
@_on_a_fact
def confirm(edge: str, doc: str | None, reviewer: str | None, why: str) -> None:
    """Confirm the fact EDGE (an edge id): it leaves the review queue."""
    _decide("confirm", {"edge": edge, "doc": doc or ""}, reviewer, why)


@review.command()
@_on_a_fact
def reject(edge: str, doc: str | None, reviewer: str | None, why: str) -> None:
    """Reject the fact EDGE (an edge id): it leaves the graph, and stays out at every load."""
    _decide("reject", {"edge": edge, "doc": doc or ""}, reviewer, why)


@review.command()
@click.argument("keep")
@click.argument("drop")
@click.option("--label", type=click.Choice(["Agency", "Official"]), default="Agency", show_default=True)
@WHO
@WHY
def merge(keep: str, drop: str, label: str, reviewer: str | None, why: str) -> None:
    """DROP is the same as KEEP (names or ids): its facts move to KEEP."""
    _decide("merge", {"label": label, "keep": keep, "drop": drop}, reviewer, why)


@review.command()
@click.argument("agency")
@click.argument("name")
@WHO
@WHY
def rename(agency: str, name: str, reviewer: str | None, why: str) -> None:
    """Correct the canonical name of AGENCY to NAME."""
    _decide("rename", {"agency": agency, "name": name}, reviewer, why)


@review.command("split-agency")
@click.argument("agency")
@click.argument("written")
@click.option("--name", default=None, help="The canonical name of the agency WRITTEN names (default: WRITTEN).")
@WHO
@WHY
def split_agency(agency: str, written: str, name: str | None, reviewer: str | None, why: str) -> None:
    """The form WRITTEN does not name AGENCY: facts that wrote it get an agency of their own."""
    _decide("split_agency", {"agency": agency, "written": written, "name": name or ""}, reviewer, why)


@review.command("split-person")
@click.argument("name")
@click.option("--left", required=True, help="The agency of one of them (阳泉市卫生健康委员会).")
@click.option("--right", required=True, help="The agency of the other.")
@WHO
@WHY
def split_person(name: str, left: str, right: str, reviewer: str | None, why: str) -> None:
    """NAME at LEFT and NAME at RIGHT are two people (their documents are read again)."""
    _decide("split_person", {"name": name, "left": left, "right": right}, reviewer, why)


@review.command("post-agency")
@click.argument("post")
@click.argument("agency")
@WHO
@WHY
def post_agency(post: str, agency: str, reviewer: str | None, why: str) -> None:
    """POST (a name or id) belongs to AGENCY."""
    _decide("post_agency", {"post": post, "agency": agency}, reviewer, why)


@review.command("list")
@FORMAT
@click.option("--all", "everything", is_flag=True, help="Undone decisions and undos too.")
def list_(fmt: str, everything: bool) -> None:
    """The decisions in force (oldest first)."""
    from kg.review import review_file
    from kg.review.records import read_decisions

    found = [d for d in read_decisions(review_file(Settings.from_env())) if everything or not (d.undone or d.kind == "undo")]
    print_rows([{"id": d.id, "at": d.at, "who": d.who, "decision": d.summary(), "why": d.why,
                 **({"undone": d.undone} if everything else {})} for d in found], fmt)


@review.command()
@click.argument("decision")
@WHO
@WHY
def undo(decision: str, reviewer: str | None, why: str) -> None:
    """Undo DECISION (its id, or the start of it): the documents it changed are read again."""
    from kg.cli import _store
    from kg.review import undo as take_back

    with _store() as store:
        found, applied = take_back(store, Settings.from_env(), decision, reviewer, why)
    _report(found, applied)


@review.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="File (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True)
def export(output: str | None, fmt: str) -> None:
    """Every decision ever made, undos included: who, when, why, what it applies to."""
    import json

    from kg.review import review_file
    from kg.review.records import read_decisions

    rows = [d.to_json() | {"undone": d.undone, "summary": d.summary()} for d in read_decisions(review_file(Settings.from_env()))]
    if fmt == "csv":
        text = to_csv([{**r, "target": json.dumps(r["target"], ensure_ascii=False, sort_keys=True)} for r in rows])
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    else:
        text = to_json(rows) + "\n"
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"{output}: {len(rows)} decisions")
    else:
        click.echo(text, nl=False)


@review.command()
@FORMAT
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
def queue(fmt: str, limit: int) -> None:
    """Facts most in doubt first (OCR confidence, unknown names, rules of low precision)."""
    from kg.cli import _store
    from kg.review import load_review
    from kg.review.queue import review_queue

    with _store() as store:
        rows = review_queue(store, load_review(Settings.from_env()), limit=limit)
    print_rows([{"doubt": r["doubt"], "fact": f"{r['an']} {r['type']} {r['bn']}", "doc": r["doc"], "edge": r["edge"],
                 "why": "; ".join(r["reasons"])} for r in rows], fmt)
