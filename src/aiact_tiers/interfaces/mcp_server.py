"""The MCP tool server: the library's questions to the law as tools for an agent, over stdio.

Tools: ``classify``, ``questions``, ``explain`` (a rule), ``compare``, ``history``, ``schema`` and
``rulesets``. Each tool's input schema is the JSON Schema of a pydantic model built on the fact
models, so an agent sees every fact with its provision, question and allowed values; results are
the library's JSON results. Invalid arguments come back as a tool error naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from pydantic import BaseModel, Field, ValidationError, field_validator

from .. import __version__
from ..analysis.compare import compare
from ..analysis.history import HISTORY_RULESETS, history
from ..decision.classify import classify
from ..errors import AiactTiersError
from ..law import catalog
from ..law.ruleset import DEFAULT_RULESET
from .options import (
    AnyDescription,
    Circumstances,
    DescriptionRequest,
    RulesetId,
    invalid_request,
    known_ruleset,
)

__all__ = ["TOOLS", "create_server", "run_stdio"]


class ExplainArgs(BaseModel):
    """A rule of a ruleset."""

    rule_id: str = Field(description="A rule id, e.g. annex_iii_4_a.")
    ruleset: RulesetId = Field(default=DEFAULT_RULESET, description="The ruleset id.")

    _ruleset = field_validator("ruleset")(known_ruleset)


class CompareArgs(Circumstances):
    """One description under two versions of the law."""

    description: AnyDescription
    ruleset_a: RulesetId = Field(description="The first ruleset id.")
    ruleset_b: RulesetId = Field(description="The second ruleset id.")

    _rulesets = field_validator("ruleset_a", "ruleset_b")(known_ruleset)


class HistoryArgs(Circumstances):
    """One description under several texts of the law."""

    description: AnyDescription
    rulesets: list[RulesetId] = Field(default=list(HISTORY_RULESETS), description="The texts, in order.")

    _rulesets = field_validator("rulesets")(lambda values: [known_ruleset(v) for v in values])


class SchemaArgs(BaseModel):
    """Which description."""

    kind: Literal["system", "model"] = Field(default="system", description="A system or a model.")


class NoArgs(BaseModel):
    """No arguments."""


def _classify(args: DescriptionRequest) -> Any:
    return classify(args.description, **args.kwargs()).model_dump(mode="json")


def _questions(args: DescriptionRequest) -> Any:
    result = classify(args.description, **args.kwargs())
    return {"questions": [q.model_dump(mode="json") for q in result.open_questions]}


def _explain(args: ExplainArgs) -> Any:
    return catalog.rule_info(args.rule_id, args.ruleset).model_dump(mode="json")


def _compare(args: CompareArgs) -> Any:
    return compare(args.description, args.ruleset_a, args.ruleset_b, as_of=args.as_of,
                   role=args.role).model_dump(mode="json")


def _history(args: HistoryArgs) -> Any:
    return history(args.description, args.rulesets, as_of=args.as_of, role=args.role).model_dump(mode="json")


def _schema(args: SchemaArgs) -> Any:
    return catalog.description_schema(args.kind)


def _rulesets(args: NoArgs) -> Any:
    return {"rulesets": [r.model_dump(mode="json") for r in catalog.rulesets()]}


TOOLS: dict[str, tuple[str, type[BaseModel], Callable[[Any], Any]]] = {
    "classify": ("Classify an AI system or general-purpose AI model under the EU AI Act: tier, "
                 "legal basis, obligations per role and phase with dates, open questions.",
                 DescriptionRequest, _classify),
    "questions": ("The unknown facts whose answers could change the classification, in the "
                  "law's order, each with its question and provision.", DescriptionRequest, _questions),
    "explain": ("A rule: its citation, predicate, outcome, dates and what it overrides.",
                ExplainArgs, _explain),
    "compare": ("One description under two versions of the law: tiers, and the obligations "
                "that differ.", CompareArgs, _compare),
    "history": ("One description under the 2023 Parliament text, the 2024 Act and the amended "
                "Act, side by side.", HistoryArgs, _history),
    "schema": ("The JSON Schema of a description: every fact with its provision, question and "
               "allowed values.", SchemaArgs, _schema),
    "rulesets": ("The rulesets (versions of the law) this server knows.", NoArgs, _rulesets),
}
"""Each tool's description, the model of its arguments (its input schema), and its handler."""


def call(name: str, arguments: dict[str, Any] | None) -> types.CallToolResult:
    """Run a tool: its JSON result, or a tool error in one line naming what is wrong."""
    if name not in TOOLS:
        return _error(f"unknown tool `{name}`; the tools are {', '.join(TOOLS)}")
    _, model, handler = TOOLS[name]
    try:
        result = handler(model.model_validate(arguments or {}))
    except ValidationError as exc:
        return _error(invalid_request(exc.errors()).message)
    except AiactTiersError as exc:
        return _error(str(exc))
    except KeyError as exc:
        return _error(str(exc.args[0]))
    return types.CallToolResult(content=[types.TextContent(text=json.dumps(result))],
                                structured_content=result)


def _error(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=f"error: {message}")], is_error=True)


def create_server() -> Server[Any]:
    """The MCP server with the seven tools."""

    async def list_tools(ctx: Any, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[
            types.Tool(name=name, description=text, input_schema=model.model_json_schema())
            for name, (text, model, _) in TOOLS.items()
        ])

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        return await anyio.to_thread.run_sync(call, params.name, params.arguments)

    return Server("aiact-tiers", version=__version__, on_list_tools=list_tools, on_call_tool=call_tool)


def run_stdio() -> None:
    """Serve the tools over standard input and output until the client closes them."""
    server = create_server()

    async def serve() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(serve)
