"""`kg eval`: score the facts extracted from documents against hand-written gold files."""

from __future__ import annotations

from pathlib import Path

import click

from govkg.errors import KgError
from kg.cli_options import FORMAT
from kg.output import print_rows, to_json

# The fact kinds `kg eval` scores (kept here so that --help does not import the scorer).
EVAL_KINDS = ("documents", "appointments", "removals", "task_agencies", "lead_units",
              "group_members", "rivers", "task_rivers")


@click.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True),
              help="A gold facts file, or a folder of them named like the documents.")
@click.argument("path", type=click.Path(exists=True))
@FORMAT
@click.option("--errors", "show", type=click.Choice(list(EVAL_KINDS)), default=None,
              help="List the missed and extra facts of one kind.")
@click.option("--split", type=click.Choice(["dev", "sealed", "all"]), default="all", show_default=True,
              help="Which half of an evaluation set to score.")
@click.option("--files", "per_file", is_flag=True, help="Also score every file of a set.")
@click.option("--by-rule", "rules", is_flag=True, help="Precision of every rule that read facts.")
@click.option("--unseal", is_flag=True, help="Allow --errors on the sealed half (read once, at the end).")
@click.option("--only", "only", multiple=True, metavar="PATTERN",
              help="Score only the documents whose file stem matches (`30??_*`: one blind batch); repeatable.")
@click.option("--save-rules", type=click.Path(dir_okay=False), default=None,
              help="Keep the precision of every rule in this JSON file (the review queue reads it).")
def evaluate(gold: str, path: str, fmt: str, show: str | None, split: str, per_file: bool, rules: bool,
             unseal: bool, only: tuple[str, ...], save_rules: str | None) -> None:
    """Score the facts extracted from PATH against GOLD: P, R, F1 per fact kind.

    PATH and GOLD are a document and its gold file, or two folders (an evaluation set,
    scored per half: dev and sealed)."""
    from kg import evalset
    from kg.rules_score import rule_rows

    if Path(path).is_dir() != Path(gold).is_dir():
        raise KgError("PATH and --gold must both be files or both be folders", where=path)
    if not Path(path).is_dir():
        if only:
            raise KgError("--only picks documents of a set: PATH and --gold must be folders", where=path)
        return _evaluate_file(Path(gold), Path(path), fmt, show, rules)
    halves = evalset.HALVES if split == "all" else (split,)
    if (show or rules or save_rules) and "sealed" in halves and not unseal:
        raise KgError("the sealed half's errors are read once, at the end",
                      hint="use --split dev, or add --unseal")
    results = evalset.evaluate(Path(path), Path(gold), _extract_json, halves, only)
    if only and not results:
        raise KgError(f"no document of the set matches {' or '.join(only)}", where=path)
    print_rows(evalset.summary(results, halves, compact=fmt == "table"), fmt,
               title=f"{path}: {len(results)} documents")
    if per_file:
        print_rows([{"file": r.stem, "half": r.half, **s.to_json()} for r in results
                    for s in r.scores if s.gold or s.found], fmt)
    if rules:
        print_rows(rule_rows(evalset.rule_counts(results)), fmt, title="precision by rule")
    if save_rules:
        from kg.review.queue import precision_table

        table = precision_table(rule_rows(evalset.rule_counts(results)), f"{path} ({', '.join(halves)})")
        Path(save_rules).write_text(to_json(table) + "\n", encoding="utf-8")
    if show:
        print_rows(evalset.errors(results, show), fmt)


def _extract_json(path: Path) -> dict:
    from loaders.pipeline import extract_file

    return extract_file(path).to_json()


def _evaluate_file(gold: Path, path: Path, fmt: str, show: str | None, rules: bool) -> None:
    from kg.evalset import FileResult, align, errors, read_gold, rule_counts
    from kg.evaluate import score
    from kg.rules_score import rule_rows

    expected = read_gold(gold)
    found = align(expected, _extract_json(path))  # a document without 文号 is named as the gold names it
    # tasks and groups scored on the documents the gold gives them for: a gazette's gold may cover
    # only some of its documents for a kind (a set's gold files are whole, kg.evalset.evaluate)
    result = FileResult(path.name, "", expected, found, score(expected, found))
    print_rows([s.to_json() for s in result.scores], fmt, title=f"{path} vs {gold}")
    if rules:
        print_rows(rule_rows(rule_counts([result])), fmt, title="precision by rule")
    if show:
        print_rows(errors([result], show), fmt)
