"""classify(): from a description to an explained classification.

Every rule in force is evaluated in three-valued logic. A rule is *effective* when it fires and
no effective rule overrides it (Annex III is overridden by the Art 6(3) derogation, which the
profiling rule overrides in turn). The tier is the first tier, in the order the law asks them
(out of scope, prohibited, high-risk, limited, minimal), that an effective rule reaches; while
unknown facts leave rules open, every tier they could still reach is listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..engine.plain import Entry, Read, read_plain
from ..engine.predicates import Value, read_facts
from ..errors import DateOutOfRangeError, DescriptionError
from ..facts.descriptions import Description, ModelDescription, SystemDescription
from ..facts.vocabulary import Role
from ..law.ruleset import DEFAULT_RULESET, Presumption, RuleSet, load_ruleset
from ..law.snapshot import Snapshot
from ..results.classification import (
    Classification,
)
from .evaluation import EVERY_ROLE, Evaluation

__all__ = ["classify", "classify_compact"]

_DESCRIPTIONS = (SystemDescription, ModelDescription)

def _as_description(description: Description | Mapping[str, Any]) -> Description:
    if isinstance(description, _DESCRIPTIONS):
        return description
    if not isinstance(description, Mapping):
        raise DescriptionError(
            f"a description must be a mapping of facts, not {type(description).__name__}"
        )
    from pydantic import ValidationError

    from ..facts.descriptions import load_description

    try:
        return load_description(dict(description))
    except ValidationError as exc:
        fields = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
        raise DescriptionError.from_validation(exc, fields) from None


def _read(description: Description | Mapping[str, Any]) -> Read:
    """The entry and facts of a description: plain data read as it stands where it can be
    (:func:`~aiact_tiers.engine.plain.read_plain`), anything else validated first."""
    if type(description) is dict and (plain := read_plain(description)) is not None:
        return plain
    subject = _as_description(description)
    system = subject if isinstance(subject, SystemDescription) else None
    model = subject if isinstance(subject, ModelDescription) else (system and system.model)
    system_facts, system_known = read_facts(system) if system else ({}, True)
    model_facts, model_known = read_facts(model) if model else ({}, True)
    entry = Entry(subject.id, subject.name, subject.as_of, subject.roles)
    return entry, {"system": system_facts, "model": model_facts}, system_known and model_known


def _resolve_ruleset(ruleset: str | RuleSet) -> RuleSet:
    return ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)


def classify(
    description: Description | Mapping[str, Any],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
) -> Classification:
    """Classify an AI system or a general-purpose AI model under one version of the law.

    Args:
        description: The facts of the system (or of the model, with ``kind: model``), as a
            :class:`SystemDescription` or :class:`ModelDescription` or as plain data; a fact
            left out is unknown.
        ruleset: The legal text: ``eu-2024-2026`` (the default, today's law), ``eu-2024`` or
            ``eu-2023-ep``, or a loaded :class:`RuleSet`.
        as_of: The day the law is applied as it stands, today by default; it decides which
            rules are in force and which obligations already apply.
        role: One role to answer for; by default the roles named in the description, or every
            role when it names none (``roles: []`` names no operator role).
        presume: With the default, the law's presumptions fill the facts left unknown (an
            exception applies only when established, the system is an AI system in the Union)
            and are listed in ``assumptions``; ``False`` keeps the strict three-valued reading.

    Returns:
        The operator's position (``tier``), the system's own tier, the model class, the basis,
        the obligations with their phases and dates, the open questions and the assumptions.

    Raises:
        DescriptionError: The description is invalid; one line names each field and what it
            allows.
        UnknownRulesetError: No ruleset has that id.
        DateOutOfRangeError: ``as_of`` is not a date, or before the Act.

    Example:
        >>> import datetime as dt
        >>> result = classify({"annex_iii_points": ["4(a)"], "profiling": True, "practices": [],
        ...                    "roles": ["provider"]}, as_of=dt.date(2026, 12, 1))
        >>> result.tier, result.basis[0].citation.provision
        (<Tier.HIGH_RISK: 'high_risk'>, 'Annex III 4(a)')
    """
    return _evaluation(description, ruleset, as_of, role, presume).result()


def classify_compact(
    description: Description | Mapping[str, Any],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
) -> dict[str, Any]:
    """The classification as JSON-ready data without the explanation: id, tier, the possible
    tiers, and the ids of the basis rules and of the obligations (for large inventories)."""
    return _evaluation(description, ruleset, as_of, role, presume).compact()


def _evaluation(
    description: Description | Mapping[str, Any],
    ruleset: str | RuleSet,
    as_of: dt.date | None,
    role: Role | str | None,
    presume: bool,
) -> Evaluation:
    """The evaluation of a description; under presumptions, of the description with every
    presumed fact filled in, keeping the strict evaluation beside it (see :func:`_presume`)."""
    entry, facts, known = _read(description)
    rules = _resolve_ruleset(ruleset)
    day = _day(as_of) if entry.as_of is None else entry.as_of  # the description's own day
    if day < rules.in_force_from:
        raise DateOutOfRangeError(
            f"`as_of` {day.isoformat()} is before {rules.title} entered into force "
            f"({rules.in_force_from.isoformat()})"
        )
    snapshot, roles = rules.at(day), _roles(entry, role)
    strict = Evaluation(rules, snapshot, entry, roles, facts, known)
    if not presume or strict.known:  # a presumption fills only a fact left unknown
        return strict
    filled, assumed = _presume(snapshot, facts, strict.has)
    if not assumed:
        return strict
    presumed = Evaluation(rules, snapshot, entry, roles, filled)
    presumed.strict, presumed.assumed = strict, assumed
    return presumed


def _presume(
    snapshot: Snapshot, facts: dict[str, dict[str, Value]], has: Mapping[str, bool]
) -> tuple[dict[str, dict[str, Value]], list[tuple[Presumption, tuple[str, ...]]]]:
    """The facts with each presumption of the snapshot filled in where its fact is unknown, and
    the presumptions used, with the rules reading their facts."""
    filled = facts
    assumed: list[tuple[Presumption, tuple[str, ...]]] = []
    for subject, entries in snapshot.presumed.items():
        if not has[subject]:
            continue
        for presumption, readers in entries:
            if facts[subject][presumption.fact] is None:
                if filled is facts:
                    filled = {name: dict(values) for name, values in facts.items()}
                filled[subject][presumption.fact] = presumption.value
                assumed.append((presumption, readers))
    return filled, assumed


def _day(as_of: Any) -> dt.date:
    """``as_of`` as a date, today when None; a datetime or text is refused, not compared."""
    if as_of is None:
        return dt.date.today()
    if type(as_of) is not dt.date:
        raise DateOutOfRangeError(
            f"`as_of` must be a datetime.date such as date(2026, 8, 2), not {type(as_of).__name__}"
            f" `{as_of!r}`"
        )
    return as_of


def _roles(entry: Entry, role: Role | str | None) -> frozenset[Role]:
    if role is not None:
        try:
            return frozenset({Role(role)})
        except ValueError:
            allowed = ", ".join(r.value for r in Role)
            raise DescriptionError(f"role `{role}` is not one of {allowed}") from None
    return EVERY_ROLE if entry.roles is None else frozenset(entry.roles)
