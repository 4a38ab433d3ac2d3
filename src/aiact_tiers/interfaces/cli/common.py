"""What every command shares: exit codes, formats and options, one-line errors, text made safe for
the terminal, the parsing of dates, roles and descriptions, and the writing of ``--format`` and
``--output``."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from ...errors import AiactTiersError, DescriptionError
from ...facts.descriptions import ModelDescription, SystemDescription, read_description_data
from ...facts.descriptions import _read_description as read_description_file
from ...facts.vocabulary import Role
from ...render.terminal import terminal_text
from .. import files

out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
GATE_FAILED = 1
STOPPED = 1
USAGE_ERROR = 2
INTERRUPTED = 130
FIELDS = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


class DataFormat(StrEnum):
    """The formats of a command without reports: a table, or the API's JSON."""

    TABLE = "table"
    JSON = "json"


SUFFIXES = {".json": Format.JSON, ".md": Format.MARKDOWN, ".html": Format.HTML}
"""The formats `--output` writes, by the file's suffix."""

FileArg = Annotated[str, typer.Argument(
    metavar="FILE", help="Description as YAML or JSON; `-` for stdin.")]
RulesetOpt = Annotated[str, typer.Option(
    "--ruleset", "-r", metavar="ID", help="Ruleset id (see `rulesets`).")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="No presumptions: an exception whose facts are unknown stays open.")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", metavar="DATE", help="Date the law is applied on, YYYY-MM-DD (default today).")]
RoleOpt = Annotated[str | None, typer.Option(
    "--role", metavar="ROLE", help="Only this role's obligations: " + ", ".join(Role) + ".")]
FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format (default: table, or the suffix of --output).")]
DataFormatOpt = Annotated[DataFormat | None, typer.Option(
    "--format", "-f", help="Output format (default: table, or the suffix of --output).")]
ReportOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the report here, in the format of its suffix: "
    ".json, .md or .html. Written whole or not at all.")]
JsonOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the JSON here (suffix .json). Written whole or "
    "not at all.")]


class CliError(Exception):
    """A usage error to report on one line."""


@contextlib.contextmanager
def _one_line_errors() -> Iterator[None]:
    """Turn the library's errors into one line on stderr and exit code 2."""
    try:
        yield
    except ValidationError as exc:
        _fail(str(DescriptionError.from_validation(exc, FIELDS)))
    except (AiactTiersError, CliError) as exc:
        _fail(str(exc))
    except files.WriteError as exc:
        _fail(exc.message)
    except OSError as exc:
        _fail(f"cannot read `{exc.filename}`: {exc.strerror}")
    except UnicodeDecodeError as exc:
        _fail(f"not UTF-8 text: {exc.reason}")


def _fail(message: str) -> None:
    typer.echo(f"error: {' '.join(terminal_text(message).split())}", err=True)
    raise typer.Exit(USAGE_ERROR)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"`--as-of` must be a date YYYY-MM-DD (got `{text}`)") from None


def _role(text: str | None) -> Role | None:
    if text is None:
        return None
    try:
        return Role(text)
    except ValueError:
        raise CliError(f"`--role` must be one of {', '.join(Role)} (got `{text}`)") from None


def _choices(as_of: str | None, role: str | None, strict: bool) -> dict[str, Any]:
    """The day, role and reading that ``--as-of``, ``--role`` and ``--strict`` ask for, as
    :func:`~aiact_tiers.classify` takes them."""
    return {"as_of": _date(as_of), "role": _role(role), "presume": not strict}


def _read_description(file: str) -> dict[str, Any]:
    """The facts in a YAML or JSON file, or on standard input for ``-``, at most as large as
    :func:`~aiact_tiers.load_description` reads."""
    source = "<stdin>" if file == "-" else file
    if file == "-":
        data = read_description_data(sys.stdin.buffer, source)
    else:
        data = read_description_file(Path(file))
    if not isinstance(data, dict):
        raise DescriptionError(f"`{source}` must hold a mapping of facts")
    return data


# --- output: --format and --output --------------------------------------------------------


def _chosen(fmt: StrEnum | None, output: Path | None, formats: type[StrEnum]) -> Format:
    """The format of ``--format``, or of the suffix of ``--output``, or the table; a suffix the
    command does not write, or one that contradicts ``--format``, is refused before any work."""
    choice = Format(fmt.value) if fmt is not None else None
    if output is None:
        return choice or Format.TABLE
    allowed = {suffix: f for suffix, f in SUFFIXES.items() if f.value in {m.value for m in formats}}
    by_suffix = allowed.get(output.suffix.lower())
    if by_suffix is None:
        raise _unwritable(output, allowed)
    if choice is not None and choice is not by_suffix:
        raise CliError(f"`--format {choice}` and `--output` `{output}` disagree; give one of them")
    files.check_writable(output)
    return by_suffix


def _unwritable(output: Path, suffixes: Mapping[str, object]) -> CliError:
    """The one line refusing an ``--output`` whose suffix names no format the command writes."""
    return CliError(f"`--output` `{output}`: cannot write a `{output.suffix or 'suffix-less'}` "
                    f"file; use {' or '.join(suffixes)}")


def _emit(fmt: Format, output: Path | None, table: Callable[[], None],
          renders: Mapping[Format, Callable[[], str]]) -> None:
    """Print the table, or the text of the format chosen, on stdout or whole into ``output``."""
    if fmt is Format.TABLE:
        table()
        return
    text = renders[fmt]().rstrip("\n") + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    with _one_line_errors(), files.atomic_text(output) as stream:
        stream.write(text)
