"""The exceptions aiact_tiers raises, each with a stable code documented in the reference.

::

    AiactTiersError            base class; ``code`` names the error
    ├── DescriptionError       AT100  a description is invalid (field, allowed values, did you mean)
    ├── RuleFileError          AT200  a rule file is malformed or names an unknown fact
    ├── RuleConflictError      AT210  two rules override each other, or one id is defined twice
    ├── UnknownRulesetError    AT300  no ruleset with that id
    ├── UnknownRuleError       AT310  no rule with that id in the ruleset (also a ``KeyError``)
    └── DateOutOfRangeError    AT400  ``as_of`` not a date, or before the Act entered into force
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "AiactTiersError",
    "DateOutOfRangeError",
    "DescriptionError",
    "RuleConflictError",
    "RuleFileError",
    "UnknownRuleError",
    "UnknownRulesetError",
    "did_you_mean",
    "import_extra",
]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``; did you mean `x`?`` hint, or an empty string when nothing is close."""
    import difflib  # only when an error is reported

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def import_extra(module: str, extra: str) -> Any:
    """A module an optional extra installs, or an error naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise AiactTiersError(f"this needs the [{extra}] extra ({exc.name} is missing): "
                              f"python -m pip install 'aiact-tiers[{extra}]'") from None


class AiactTiersError(Exception):
    """Base class of every error this library raises on purpose."""

    code = "AT000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class DescriptionError(AiactTiersError, ValueError):
    """A description of a system or model is invalid."""

    code = "AT100"

    @classmethod
    def from_validation(cls, exc: Any, fields: Iterable[str]) -> DescriptionError:
        """One readable line per pydantic error, naming the field and what is allowed."""
        names = list(fields)
        lines = []
        for err in _one_branch(exc.errors()):
            loc = ".".join(str(part) for part in err["loc"]) or "(top level)"
            if err["type"] == "extra_forbidden":
                name = str(err["loc"][-1])
                if name in names:  # a fact of the other kind of description
                    lines.append(f"field `{loc}` is not a fact of this kind of description: "
                                 "AI systems and general-purpose models (`kind: model`) have "
                                 "different facts")
                    continue
                lines.append(f"unknown field `{loc}`{did_you_mean(name, names)}")
                continue
            message, hint = _ALLOWED.get(err["type"], err["msg"]), ""
            if err["type"] == "value_error":  # a check of ours: its own words
                message = str(err["ctx"]["error"])
            elif err["type"] == "literal_error" and err["loc"] == ("kind",):
                message = "must be 'system' or 'model'"
            elif err["type"] == "enum":
                expected = err["ctx"]["expected"]  # "'a', 'b' or 'c'"
                message = f"must be one of {expected}"
                hint = did_you_mean(str(err.get("input")), expected.split("'")[1::2])
            elif err["type"] == "frozen_set_type":  # only the set facts are frozensets
                message = "a list is expected (or a mapping of members to true, false or null)"
            lines.append(f"field `{loc}`: {message} (got `{err.get('input')!r}`{hint})")
        return cls("; ".join(lines))


_ALLOWED = {
    **dict.fromkeys(("bool_parsing", "bool_type"), "must be true or false (null, or left out, "
                    "for unknown)"),
    **dict.fromkeys(("float_parsing", "float_type", "int_parsing", "int_type"), "must be a number"),
    "finite_number": "must be a finite number",
    **dict.fromkeys(("date_parsing", "date_type", "date_from_datetime_parsing",
                     "date_from_datetime_inexact"), "must be a date, YYYY-MM-DD"),
    "string_type": "must be text",
    "list_type": "a list is expected",
}
"""What a value of the wrong type must be instead, by pydantic's error type: the field's
allowed values in the description's own terms."""


def _one_branch(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The errors with the forms a fact may take (a set as a list or as a mapping) left out of
    their places, and where a value has the wrong form for one of them, only the other form's
    errors."""
    out: list[dict[str, Any]] = []
    for err in errors:
        loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and "[" in part))
        if loc != err["loc"] and err["type"] in _WRONG_FORM and any(
            other is not err and other["loc"][: len(loc)] == loc
            and other["type"] not in _WRONG_FORM for other in errors
        ):
            continue
        if not any(seen["loc"] == loc and err["type"] in _WRONG_FORM for seen in out):
            out.append({**err, "loc": loc})
    return out


_WRONG_FORM = frozenset({"dict_type", "frozen_set_type", "set_type", "list_type"})


class RuleFileError(AiactTiersError):
    """A rule file cannot be loaded: malformed YAML, missing keys, unknown facts, wrong types."""

    code = "AT200"


class RuleConflictError(AiactTiersError):
    """Rules conflict: an id defined twice, or exceptions that override each other in a cycle."""

    code = "AT210"


class UnknownRulesetError(AiactTiersError, LookupError):
    """No ruleset has that id."""

    code = "AT300"


class UnknownRuleError(AiactTiersError, KeyError):
    """No rule of the ruleset has that id (a ``KeyError`` too, for code that catches one)."""

    code = "AT310"


class DateOutOfRangeError(AiactTiersError, ValueError):
    """``as_of`` is not a date, or outside the period the rulesets cover."""

    code = "AT400"
