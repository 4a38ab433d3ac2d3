"""What the services tell about the law itself: the rulesets, one rule, the description schema.

The HTTP API and the MCP server answer from these models, so both say the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from ..errors import DescriptionError
from ..facts.descriptions import ModelDescription, SystemDescription
from ..results.classification import Citation
from .ruleset import DEFAULT_RULESET, list_rulesets, load_ruleset

__all__ = ["RuleInfo", "RulesetInfo", "description_schema", "rule_info", "rulesets"]


class RulesetInfo(BaseModel):
    """A ruleset shipped with the package: one version of the law."""

    id: str
    title: str
    version: str
    in_force_from: dt.date
    extends: str | None
    default: bool


class RuleInfo(BaseModel):
    """One provision as the rule files hold it: citation, predicate, outcome and dates."""

    ruleset: str
    id: str
    title: str
    citation: Citation
    when: str
    outcome: str
    effective_from: dt.date
    effective_until: dt.date | None
    role: str | None
    phase: str | None
    regimes: list[str]
    overrides: list[str]
    yields_to: list[str]
    confidence: str
    note: str
    message: str


def rulesets() -> list[RulesetInfo]:
    """Every shipped ruleset, the default marked."""
    out = []
    for ruleset_id in list_rulesets():
        rules = load_ruleset(ruleset_id)
        out.append(RulesetInfo(id=rules.id, title=rules.title, version=rules.version,
                               in_force_from=rules.in_force_from, extends=rules.extends,
                               default=ruleset_id == DEFAULT_RULESET))
    return out


def rule_info(rule_id: str, ruleset: str = DEFAULT_RULESET) -> RuleInfo:
    """The rule ``rule_id`` of ``ruleset``; KeyError naming the closest id when there is none."""
    rules = load_ruleset(ruleset)
    rule = rules.rule(rule_id)
    return RuleInfo(
        ruleset=rules.id, id=rule.id, title=rule.title, citation=rule.citation,
        when=rule.when.text or "", outcome=rule.outcome, effective_from=rule.effective_from,
        effective_until=rule.effective_until, role=rule.role.value if rule.role else None,
        phase=rule.phase.value if rule.phase else None, regimes=list(rule.regimes or rule.opens),
        overrides=list(rule.overrides), yields_to=list(rule.yields_to), confidence=rule.confidence,
        note=rule.note, message=rule.message,
    )


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The dialect pydantic writes its schemas in, named in their ``$schema``."""


def description_schema(kind: str = "system") -> dict[str, Any]:
    """The JSON Schema of a system description, or with ``kind="model"`` of a model one: every
    fact with its provision, its question and its allowed values, under its ``$schema``."""
    if kind not in ("system", "model"):
        raise DescriptionError(f"field `kind`: must be one of system, model (got `{kind}`)")
    model = ModelDescription if kind == "model" else SystemDescription
    return {"$schema": JSON_SCHEMA_DIALECT, **model.model_json_schema()}
