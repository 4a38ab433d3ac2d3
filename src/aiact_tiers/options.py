"""The choices every interface hands to :func:`~aiact_tiers.classify.classify` unchanged.

The HTTP API and the MCP server read them from their requests with this one model, so a new
choice of ``classify`` is one new field here; :meth:`Options.kwargs` passes them all on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from .facts import Role
from .ruleset import DEFAULT_RULESET, list_rulesets

__all__ = ["Options"]

_RULESETS = list_rulesets()


class Options(BaseModel):
    """Which text of the law, on which day, for which role."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ruleset: str = Field(
        default=DEFAULT_RULESET, description="The ruleset id: the version of the law applied.",
        json_schema_extra={"enum": cast("list[JsonValue]", _RULESETS)},
    )
    as_of: dt.date | None = Field(
        default=None, description="The day the law is applied on, YYYY-MM-DD (default today).")
    role: Role | None = Field(
        default=None, description="Only this role's obligations (default the description's roles).")

    @field_validator("ruleset")
    @classmethod
    def _known_ruleset(cls, value: str) -> str:
        if value not in _RULESETS:
            raise ValueError(f"must be one of {', '.join(_RULESETS)}")
        return value

    def kwargs(self) -> dict[str, Any]:
        """The options as keyword arguments of ``classify``."""
        return {name: getattr(self, name) for name in Options.model_fields}
