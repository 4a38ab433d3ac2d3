"""The choices every interface hands to :func:`~aiact_tiers.decision.classify.classify` unchanged, and the
requests of the services that carry a description with them.

The HTTP API and the MCP server read their requests with these models, so a new choice of
``classify`` is one new field of :class:`Options`; :meth:`Options.kwargs` passes them all on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, cast

from pydantic import BaseModel, ConfigDict, Discriminator, Field, JsonValue, Tag, field_validator

from ..errors import DescriptionError
from ..facts.descriptions import ModelDescription, SystemDescription
from ..facts.vocabulary import Role
from ..law.ruleset import DEFAULT_RULESET, list_rulesets

__all__ = ["AnyDescription", "Circumstances", "DescriptionRequest", "Options", "invalid_request"]

_RULESETS = list_rulesets()
_FIELDS = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
_KINDS = ("system", "model")


def _kind(data: Any) -> str:
    kind = data.get("kind") if isinstance(data, dict) else getattr(data, "kind", None)
    return "model" if kind == "model" else "system"


AnyDescription = Annotated[
    Annotated[SystemDescription, Tag("system")] | Annotated[ModelDescription, Tag("model")],
    Discriminator(_kind),
]
"""A system description, or with ``kind: model`` a model description."""


def known_ruleset(value: str) -> str:
    """``value`` if it is a shipped ruleset; ValueError listing them otherwise."""
    if value not in _RULESETS:
        raise ValueError(f"must be one of {', '.join(_RULESETS)}")
    return value


RulesetId = Annotated[str, Field(json_schema_extra={"enum": cast("list[JsonValue]", _RULESETS)})]


class Circumstances(BaseModel):
    """On which day, for which role."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: dt.date | None = Field(
        default=None, description="The day the law is applied on, YYYY-MM-DD (default today).")
    role: Role | None = Field(
        default=None, description="Only this role's obligations (default the description's roles).")


class Options(Circumstances):
    """Which text of the law, on which day, for which role."""

    ruleset: RulesetId = Field(
        default=DEFAULT_RULESET, description="The ruleset id: the version of the law applied.")

    presume: bool = Field(
        default=True, description="Apply the law's presumptions (an exception applies only when "
        "established); false reads the facts strictly, in three-valued logic.")

    _ruleset = field_validator("ruleset")(known_ruleset)

    def kwargs(self) -> dict[str, Any]:
        """The options as keyword arguments of ``classify``."""
        return {name: getattr(self, name) for name in Options.model_fields}


class DescriptionRequest(Options):
    """A description (``kind: model`` for a general-purpose model) and the options."""

    description: AnyDescription


def invalid_request(errors: Iterable[Any]) -> DescriptionError:
    """The validation errors of a request as one line, the command line's wording: a fact of the
    description named as itself, an option by its name."""

    class _Located:
        def errors(self) -> list[dict[str, Any]]:
            out = []
            for error in errors:
                loc = [part for part in error["loc"] if part not in _KINDS]
                within = loc[:1] == ["description"] and len(loc) > 1
                out.append({**error, "loc": tuple(loc[1:] if within else loc)})
            return out

    return DescriptionError.from_validation(_Located(), _FIELDS)
