"""The commands on one description under one text of the law: classify and questions."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ...decision.classify import classify
from ...law.ruleset import DEFAULT_RULESET
from ...render import report
from ...render.terminal import classification_renderable, questions_renderable
from ...results.classification import Classification
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
    RulesetOpt,
    StrictOpt,
    _choices,
    _chosen,
    _emit,
    _one_line_errors,
    _read_description,
    out,
)


def _classify(file: str, ruleset: str, as_of: str | None, role: str | None, strict: bool
              ) -> Classification:
    return classify(_read_description(file), ruleset=ruleset, **_choices(as_of, role, strict))


def classify_command(
    file: FileArg,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: FormatOpt = None,
    output: ReportOpt = None,
    full: Annotated[bool, typer.Option(
        "--full", help="With the table: every obligation, presumption and question, not only "
        "their counts.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Classify one AI system or general-purpose model.

    The table is a summary: tier, basis, obligations counted per phase, open questions; --full
    adds the checklist. JSON, Markdown and HTML always hold everything.
    """
    with _one_line_errors():
        chosen = _chosen(fmt, output, Format)
        result = _classify(file, ruleset, as_of, role, strict)
    _emit(chosen, output, lambda: out.print(classification_renderable(result, full=full)), {
        Format.JSON: lambda: result.model_dump_json(indent=2),
        Format.MARKDOWN: lambda: report.classification_markdown(result),
        Format.HTML: lambda: report.classification_html(result),
    })


def questions_command(
    file: FileArg,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: DataFormatOpt = None,
    output: JsonOpt = None,
    strict: StrictOpt = False,
) -> None:
    """The unknown facts whose answers could change the result, in the law's order."""
    with _one_line_errors():
        chosen = _chosen(fmt, output, DataFormat)
        result = _classify(file, ruleset, as_of, role, strict)
    _emit(chosen, output, lambda: out.print(questions_renderable(result.open_questions)), {
        Format.JSON: lambda: json.dumps([q.model_dump(mode="json") for q in result.open_questions],
                                        indent=2),
    })
