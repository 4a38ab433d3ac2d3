"""The commands on one description under several texts of the law: compare and history."""

from __future__ import annotations

from typing import Annotated

import typer

from ...analysis.history import HISTORY_RULESETS, history, history_html, history_markdown
from .common import (
    AsOfOpt,
    DataFormat,
    DataFormatOpt,
    FileArg,
    Format,
    FormatOpt,
    JsonOpt,
    ReportOpt,
    RoleOpt,
    StrictOpt,
    _choices,
    _chosen,
    _emit,
    _one_line_errors,
    _read_description,
)
from .tables import _print_comparison, _print_history


def compare_command(
    file: FileArg,
    text_a: Annotated[str, typer.Option("--from", metavar="ID", help="The first ruleset.")],
    text_b: Annotated[str, typer.Option("--to", metavar="ID", help="The second ruleset.")],
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: DataFormatOpt = None,
    output: JsonOpt = None,
    strict: StrictOpt = False,
) -> None:
    """One description under two versions of the law: tiers, and obligations that differ."""
    from ...analysis.compare import compare

    with _one_line_errors():
        chosen = _chosen(fmt, output, DataFormat)
        diff = compare(_read_description(file), text_a, text_b, **_choices(as_of, role, strict))
    _emit(chosen, output, lambda: _print_comparison(diff), {
        Format.JSON: lambda: diff.model_dump_json(indent=2),
    })


def history_command(
    file: FileArg,
    rulesets: Annotated[
        list[str] | None,
        typer.Option("--ruleset", "-r", metavar="ID",
                     help="A text to include; repeat it (default: all three)."),
    ] = None,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: FormatOpt = None,
    output: ReportOpt = None,
    strict: StrictOpt = False,
) -> None:
    """One description under the 2023 Parliament text, the 2024 act and the amended act."""
    with _one_line_errors():
        chosen = _chosen(fmt, output, Format)
        result = history(_read_description(file), rulesets or HISTORY_RULESETS,
                         **_choices(as_of, role, strict))
    _emit(chosen, output, lambda: _print_history(result), {
        Format.JSON: lambda: result.model_dump_json(indent=2),
        Format.MARKDOWN: lambda: history_markdown(result),
        Format.HTML: lambda: history_html(result),
    })
