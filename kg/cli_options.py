"""Options several `kg` commands share."""

from __future__ import annotations

import click

from kg.output import FORMATS

FORMAT = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
INCLUDE_CONTACTS = click.option("--include-contacts", is_flag=True,
                                help="Keep phone numbers, e-mail addresses and other contact details.")
