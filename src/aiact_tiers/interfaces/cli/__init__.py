"""The ``aiact-tiers`` command line: classify, batch, questions, interview, compare, history, explain,
rulesets, schema, and the services serve (HTTP) and mcp.

Every command goes through :func:`aiact_tiers.classify` and offers its choices (``--ruleset``,
``--as-of``, ``--role``). Errors print one line naming the field, line or file, and exit with 2.

This module holds the app, ``--version`` and the list of commands; each command lives in the
module of its kind (:mod:`.classify`, :mod:`.batch`, :mod:`.interview`, :mod:`.compare`,
:mod:`.reference`, :mod:`.services`), over what they share (:mod:`.common`, :mod:`.tables`).
"""

from __future__ import annotations

import inspect
from typing import Annotated

import typer

from .batch import batch_command
from .classify import classify_command, questions_command
from .compare import compare_command, history_command
from .interview import interview_command
from .reference import examples_command, explain_command, rulesets_command, schema_command
from .services import mcp_command, serve_command

__all__ = ["app", "main"]

app = typer.Typer(
    name="aiact-tiers",
    help="Where an AI system stands under the EU AI Act: tier, legal basis, obligations, dates.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

# The commands in the order `aiact-tiers --help` lists them.
app.command("classify")(classify_command)
app.command("batch")(batch_command)
app.command("questions")(questions_command)
app.command("interview")(interview_command)
app.command("compare")(compare_command)
app.command("history")(history_command)
app.command("explain")(explain_command)
app.command("rulesets")(rulesets_command)
app.command("schema")(schema_command)
app.command("serve")(serve_command)
app.command("mcp")(mcp_command)
app.command("examples")(examples_command)


def _print_version(asked: bool) -> None:
    if asked:
        from ... import __version__

        typer.echo(f"aiact-tiers {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Options of the command itself, before any subcommand."""


def _short_helps() -> None:
    """Each command's first paragraph, whole, as its line in the command list (wrapped at words
    rather than cut at 45 characters)."""
    for info in app.registered_commands:
        if info.callback is not None and info.callback.__doc__:
            info.short_help = " ".join(inspect.cleandoc(info.callback.__doc__).split("\n\n")[0].split())


_short_helps()


def main() -> None:
    """Entry point of the ``aiact-tiers`` console script."""
    app()
