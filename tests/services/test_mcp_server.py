"""The MCP tool server started over stdio by the SDK's own client, as an agent's host starts it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import anyio
import yaml
from mcp import Client, StdioServerParameters

ROOT = Path(__file__).resolve().parents[2]
CV = yaml.safe_load((ROOT / "examples" / "cv_screening.yaml").read_text())
AS_OF = "2026-11-28"
SERVER = StdioServerParameters(command=sys.executable,
                               args=["-c", "from aiact_tiers.interfaces.cli import main; main()", "mcp"])
RULESETS = ["eu-2023-ep", "eu-2024", "eu-2024-2026"]
TOOLS = ["classify", "questions", "explain", "compare", "history", "schema", "rulesets"]


def _session(calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[Any], list[Any]]:
    """The tools listed by the server, then the result of each call, in one stdio session."""

    async def main() -> tuple[list[Any], list[Any]]:
        async with Client(SERVER, read_timeout_seconds=120) as client:
            tools = (await client.list_tools()).tools
            return tools, [await client.call_tool(name, arguments) for name, arguments in calls]

    return anyio.run(main)


def test_the_server_lists_seven_tools_and_classifies_the_cv_example() -> None:
    tools, results = _session([
        ("classify", {"description": CV, "as_of": AS_OF}),
        ("classify", {"description": {**CV, "profilng": True}}),
        ("classify", {"description": CV, "ruleset": "eu-2099"}),
        ("classify", {"as_of": AS_OF}),
        ("questions", {"description": {"annex_iii_points": ["4(a)"]}, "as_of": AS_OF, "presume": False}),
        ("explain", {"rule_id": "annex_iii_4_a"}),
        ("explain", {"rule_id": "annex_iii_4_z"}),
        ("compare", {"description": CV, "ruleset_a": "eu-2024", "ruleset_b": "eu-2024-2026",
                     "as_of": AS_OF}),
        ("history", {"description": CV, "as_of": AS_OF}),
        ("schema", {"kind": "model"}),
        ("rulesets", {}),
    ])
    assert [tool.name for tool in tools] == TOOLS
    schema = {tool.name: tool.input_schema for tool in tools}["classify"]
    facts = schema["$defs"]["SystemDescription"]["properties"]
    assert facts["profiling"]["question"] == (
        "Does the system profile people: use their personal data to evaluate them automatically, "
        "for instance to predict their work performance, finances, health, preferences, "
        "reliability, behaviour or movements? (Art 6(3), Art 3(52))")
    assert facts["profiling"]["provision"] == "Art 6(3), Art 3(52)"
    assert "4(a)" in json.dumps(schema["$defs"]["AnnexIIIPoint"])
    cv, bad_field, bad_ruleset, no_description, questions, rule, no_rule = results[:7]
    diff, texts, model_schema, rulesets = results[7:]
    assert not cv.is_error and cv.structured_content["tier"] == "high_risk"
    assert json.loads(cv.content[0].text)["basis"][0]["citation"]["provision"] == "Annex III 4(a)"
    assert bad_field.is_error
    assert bad_field.content[0].text == "error: unknown field `profilng`; did you mean `profiling`?"
    assert bad_ruleset.is_error and bad_ruleset.content[0].text.startswith(
        "error: field `ruleset`: must be one of eu-2023-ep, eu-2024, eu-2024-2026")
    assert no_description.is_error
    assert no_description.content[0].text.startswith("error: field `description`: Field required")
    assert "profiling" in [q["fact"] for q in questions.structured_content["questions"]]
    assert rule.structured_content["citation"]["provision"] == "Annex III 4(a)"
    assert no_rule.is_error and "no rule `annex_iii_4_z`" in no_rule.content[0].text
    assert [diff.structured_content[key] for key in ("tier_a", "tier_b")] == ["high_risk"] * 2
    assert [t["ruleset"] for t in texts.structured_content["texts"]] == RULESETS
    assert model_schema.structured_content["title"] == "ModelDescription"
    assert [r["id"] for r in rulesets.structured_content["rulesets"]] == RULESETS
