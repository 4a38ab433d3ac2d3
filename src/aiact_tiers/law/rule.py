"""Rule files read into validated rules.

Loading never executes code: the YAML is read by :mod:`aiact_tiers.documents` (safe loader, no
tags, anchors or duplicate keys), and every predicate is parsed and type-checked by
:mod:`aiact_tiers.engine.predicates`. Each error names the file, the line and, where there is
one, the rule id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from ..engine.predicates import Predicate, PredicateError
from ..errors import RuleFileError, did_you_mean
from ..facts.vocabulary import Role
from ..results.classification import Citation, Confidence, ModelClass, Phase, Tier, construct


@dataclass(frozen=True)
class Rule:
    """One provision as data: when it fires, what it decides, from when, and what it overrides."""

    id: str
    title: str
    citation: Citation
    when: Predicate
    effective_from: dt.date
    effective_until: dt.date | None
    tier: Tier | None = None
    model_class: ModelClass | None = None
    exception: bool = False
    role: Role | None = None
    phase: Phase | None = None
    regimes: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()
    applies_from: str | None = None
    overrides: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()
    binds: frozenset[Role] = frozenset()
    as_provider: tuple[str, ...] = ()  # regimes whose provider duties this duty's role bears
    not_as_provider: tuple[str, ...] = ()  # provider duties of those regimes it does not bear
    derived_from: tuple[str, ...] | None = None  # the rules a duty derived from ``as_provider`` joins
    message: str = ""
    confidence: Confidence = "high"
    note: str = ""
    source: str = ""

    @property
    def is_obligation(self) -> bool:
        return self.role is not None

    @property
    def subject(self) -> str:
        """What the rule reads: ``system`` or ``model``."""
        return self.when.subject or ("model" if self.model_class else "system")

    @property
    def outcome(self) -> str:
        """A short label of what the rule decides."""
        if self.tier is not None:
            return self.tier.value
        if self.model_class is not None:
            return self.model_class.value
        if self.is_obligation:
            return "obligation"
        return "exception"

    def in_force(self, day: dt.date) -> bool:
        """Effective dates are half-open: from inclusive, until exclusive."""
        return self.effective_from <= day and (
            self.effective_until is None or day < self.effective_until
        )


_FIELDS = frozenset(field.name for field in fields(Rule))


def replaced(rule: Rule, **changes: Any) -> Rule:
    """``dataclasses.replace`` at a fifth of its cost: a rule checks nothing on creation, so
    a copy of its fields with some changed is the rule those fields make."""
    unknown = changes.keys() - _FIELDS
    if unknown:
        raise TypeError(f"a rule has no field {', '.join(sorted(unknown))}")
    copy = object.__new__(Rule)
    copy.__dict__.update(rule.__dict__, **changes)
    return copy


_RULE_KEYS = {
    "id", "title", "citation", "url", "when", "effective", "outcome", "opens", "overrides",
    "yields_to", "binds", "as_provider", "message", "confidence", "note",
}
_OUTCOME_KEYS = {"tier", "model_class", "exception", "obligation"}
_OBLIGATION_KEYS = {"role", "phase", "regimes", "applies_from"}


_ANCHOR = re.compile(r"^(?:EP )?(Art|Annex) ([0-9]+[a-z]*|[IVX]+)")


def anchor(provision: str) -> str:
    """The fragment of the official text's page for a citation: `#art_6`, `#anx_III`."""
    match = _ANCHOR.match(provision)
    if match is None:
        return ""
    kind, number = match.groups()
    return f"#{'art' if kind == 'Art' else 'anx'}_{number}"


def _enum(kind: type[Any], value: Any, where: str, what: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = [m.value for m in kind]
        raise RuleFileError(
            f"{where}: `{value}` is not a {what}{did_you_mean(str(value), allowed)} "
            f"(allowed: {', '.join(allowed)})"
        ) from None


def _keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    for key in data:
        if key != "__line__" and key not in allowed:
            raise RuleFileError(f"{where}: unknown key `{key}`{did_you_mean(key, allowed)}")


def strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    """A list of strings from a rule or manifest key; RuleFileError otherwise."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def parse_rule(
    data: Any,
    *,
    source: str,
    act: str,
    url: str,
    default_from: dt.date,
    predicates: Callable[[str], Predicate],
) -> Rule:
    """Validate one rule record; raise RuleFileError naming file, line and rule id."""
    line = data.get("__line__", "?") if isinstance(data, dict) else "?"
    where = f"{source}:{line}"
    if not isinstance(data, dict):
        raise RuleFileError(f"{where}: a rule must be a mapping")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{where}: a rule needs an `id`")
    where = f"{where}: rule `{rule_id}`"
    _keys(data, _RULE_KEYS, where)
    for key in ("title", "citation", "outcome"):
        if key not in data:
            raise RuleFileError(f"{where}: missing `{key}`")
    is_obligation = isinstance(data["outcome"], dict) and "obligation" in data["outcome"]
    if "when" not in data and not is_obligation:
        raise RuleFileError(f"{where}: missing `when`")
    try:
        when = data.get("when", "true")
        predicate = predicates(str(when).lower() if isinstance(when, bool) else str(when))
    except PredicateError as exc:
        raise RuleFileError(f"{where}: {exc}") from None

    effective = data.get("effective") or {}
    if not isinstance(effective, dict):
        raise RuleFileError(f"{where}: `effective` must be a mapping with `from` and `until`")
    start = effective.get("from", default_from)
    until = effective.get("until")
    if not isinstance(start, dt.date) or (until is not None and not isinstance(until, dt.date)):
        raise RuleFileError(f"{where}: `effective` dates must be YYYY-MM-DD")
    if until is not None and until <= start:
        raise RuleFileError(f"{where}: `effective.until` must come after `effective.from`")

    outcome = data["outcome"]
    if not isinstance(outcome, dict):
        raise RuleFileError(f"{where}: `outcome` must be a mapping")
    _keys(outcome, _OUTCOME_KEYS, where)
    chosen = [k for k in _OUTCOME_KEYS if k in outcome]
    if len(chosen) != 1:
        raise RuleFileError(f"{where}: `outcome` needs exactly one of {sorted(_OUTCOME_KEYS)}")
    fields: dict[str, Any] = {}
    if "tier" in outcome:
        fields["tier"] = _enum(Tier, outcome["tier"], where, "tier")
    elif "model_class" in outcome:
        fields["model_class"] = _enum(ModelClass, outcome["model_class"], where, "model class")
    elif "exception" in outcome:
        fields["exception"] = True
    else:
        ob = outcome["obligation"]
        if not isinstance(ob, dict):
            raise RuleFileError(f"{where}: `obligation` must be a mapping")
        _keys(ob, _OBLIGATION_KEYS, where)
        fields["role"] = _enum(Role, ob.get("role"), where, "role")
        fields["phase"] = _enum(Phase, ob.get("phase"), where, "phase")
        fields["regimes"] = strings(ob.get("regimes"), where, "regimes")
        if not fields["regimes"]:
            raise RuleFileError(f"{where}: an obligation needs `regimes` that trigger it")
        applies_from = ob.get("applies_from")
        fields["applies_from"] = None if applies_from is None else str(applies_from)

    binds = frozenset(_enum(Role, role, where, "role") for role in strings(data.get("binds"), where, "binds"))
    if binds and fields.get("role") is not None:
        raise RuleFileError(f"{where}: `binds` is for classifying rules; an obligation has its `role`")
    as_provider = data.get("as_provider") or {}
    if not isinstance(as_provider, dict) or set(as_provider) - {"regimes", "except", "__line__"}:
        raise RuleFileError(f"{where}: `as_provider` must be a mapping of `regimes` and `except`")
    if as_provider and fields.get("role") in (None, Role.PROVIDER):
        raise RuleFileError(f"{where}: `as_provider` is for an obligation of a role other than provider")
    confidence = data.get("confidence", "high")
    if confidence not in ("high", "medium", "low"):
        raise RuleFileError(f"{where}: `confidence` must be high, medium or low")
    return Rule(
        id=rule_id,
        title=str(data["title"]),
        citation=construct(Citation, {  # every field a string already: nothing to validate
            "act": act,
            "provision": str(data["citation"]),
            "url": str(data.get("url", url + anchor(str(data["citation"])))),
        }),
        when=predicate,
        effective_from=start,
        effective_until=until,
        opens=strings(data.get("opens"), where, "opens"),
        overrides=strings(data.get("overrides"), where, "overrides"),
        yields_to=strings(data.get("yields_to"), where, "yields_to"),
        binds=binds,
        as_provider=strings(as_provider.get("regimes"), where, "as_provider.regimes"),
        not_as_provider=strings(as_provider.get("except"), where, "as_provider.except"),
        message=str(data.get("message", data["title"])),
        confidence=confidence,
        note=str(data.get("note", "")),
        source=where,
        **fields,
    )
