"""classify(): from a description to an explained classification.

Every rule in force is evaluated in three-valued logic. A rule is *effective* when it fires and
no effective rule overrides it (Annex III is overridden by the Art 6(3) derogation, which the
profiling rule overrides in turn). The tier is the first tier, in the order the law asks them
(out of scope, prohibited, high-risk, limited, minimal), that an effective rule reaches; while
unknown facts leave rules open, every tier they could still reach is listed.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Mapping, Sequence
from enum import Enum
from itertools import compress
from typing import Any

from ._engine import FACT_TYPES, Value, known_only, read_facts
from ._loader import Rule
from ._program import Compiled, ask
from .errors import DateOutOfRangeError, DescriptionError
from .facts import Description, ModelDescription, Role, SystemDescription, fact_info
from .result import (
    TIER_ORDER,
    Classification,
    Facts,
    ModelClass,
    Obligation,
    OpenQuestion,
    RuleHit,
    Tier,
    construct,
)
from .ruleset import DEFAULT_RULESET, RuleSet, Snapshot, load_ruleset

__all__ = ["classify"]

Truth = bool | None  # None: unknown


def _and(a: Truth, b: Truth) -> Truth:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def _any(values: Sequence[Truth]) -> Truth:
    if True in values:
        return True
    return None if None in values else False


def _as_description(description: Description | Mapping[str, Any]) -> Description:
    if isinstance(description, _DESCRIPTIONS):
        return description
    from pydantic import ValidationError

    from .facts import load_description

    try:
        return load_description(dict(description))
    except ValidationError as exc:
        fields = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
        raise DescriptionError.from_validation(exc, fields) from None


def _resolve_ruleset(ruleset: str | RuleSet) -> RuleSet:
    return ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)


def classify(
    description: Description | Mapping[str, Any],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
) -> Classification:
    """Classify an AI system or a general-purpose AI model under one version of the law.

    ``as_of`` defaults to today; it decides which rules are in force and which obligations
    already apply. ``role`` limits obligations to one role; by default the roles named in the
    description, or every role when it names none.
    """
    return _evaluation(description, ruleset, as_of, role).result()


def classify_compact(
    description: Description | Mapping[str, Any],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
) -> dict[str, Any]:
    """The classification as JSON-ready data without the explanation: id, tier, the possible
    tiers, and the ids of the basis rules and of the obligations (for large inventories)."""
    return _evaluation(description, ruleset, as_of, role).compact()


def _evaluation(
    description: Description | Mapping[str, Any],
    ruleset: str | RuleSet,
    as_of: dt.date | None,
    role: Role | str | None,
) -> _Evaluation:
    subject = _as_description(description)
    rules = _resolve_ruleset(ruleset)
    day = as_of or dt.date.today()
    if day < rules.in_force_from:
        raise DateOutOfRangeError(
            f"`as_of` {day.isoformat()} is before {rules.title} entered into force "
            f"({rules.in_force_from.isoformat()})"
        )
    return _Evaluation(rules, rules.at(day), subject, _roles(subject, role))


def _roles(subject: Description, role: Role | str | None) -> frozenset[Role]:
    if role is not None:
        try:
            return frozenset({Role(role)})
        except ValueError:
            allowed = ", ".join(r.value for r in Role)
            raise DescriptionError(f"role `{role}` is not one of {allowed}") from None
    return frozenset(subject.roles) if subject.roles else _EVERY_ROLE


_EVERY_ROLE = frozenset(Role)
_value = operator.attrgetter("_value_")  # an enum's value, without the `value` descriptor
_id, _rule = operator.attrgetter("id"), operator.attrgetter("rule")
_BASIS_ENTRIES = 4096  # basis entries a snapshot keeps for reuse, at the most
_NO_FACTS: tuple[dict[str, Value], bool] = ({}, True)  # an undescribed subject's (never changed)
_DESCRIPTIONS = (SystemDescription, ModelDescription)


class _Evaluation:
    """One description evaluated against one snapshot of a ruleset.

    Results are built with :func:`~aiact_tiers.result.construct`: every value comes from
    validated rules and facts, so validating them again would only cost time. What does not
    depend on the description (rule lists, override order, deciders) comes from the snapshot.
    """

    tiers: list[Tier]
    tier: Tier | None  # the tier, when only one is possible
    models: list[ModelClass | None]
    answers: Sequence[Truth]  # each classifying rule's effective answer
    unknown: Sequence[bool]  # each classifying rule's own and effective answers both unknown
    basis: list[Rule]  # the rules that decided
    obligations: list[Obligation]

    def __init__(
        self, ruleset: RuleSet, snapshot: Snapshot, subject: Description, roles: frozenset[Role]
    ) -> None:
        self.ruleset = ruleset
        self.snapshot = snapshot
        self.subject = subject
        self.roles = roles
        system = subject if isinstance(subject, SystemDescription) else None
        model = subject if isinstance(subject, ModelDescription) else (system and system.model)
        (system_facts, system_known), (model_facts, model_known) = (
            read_facts(system) if system else _NO_FACTS, read_facts(model) if model else _NO_FACTS)
        # Each subject's facts, an unknown one None; whether every fact of both is known:
        self.facts: dict[str, dict[str, Value]] = {"system": system_facts, "model": model_facts}
        self.known = system_known and model_known
        self.has = {"system": system is not None, "model": model is not None}
        # The duties (positions in the snapshot's obligations) whose regime is certainly open
        # but whose own answer is not, in order:
        self.undecided: list[int] = []
        compiled = snapshot.program(system is not None, model is not None)
        if compiled is None:
            self._decide_open()
        else:
            self._decide(compiled)

    def _decide(self, compiled: Compiled) -> None:
        """The snapshot's generated decision: Boolean when every fact is known (its answers are
        then those of the three-valued program, and no question is open), else three-valued."""
        program = (self.known and compiled.known) or compiled.kleene
        decided = program(self.facts["system"], self.facts["model"], self.snapshot.params,
                          self.roles)
        self.tiers, self.models, unknown, effective, obligations, self.undecided = decided
        self._conclude(effective, unknown, obligations)

    def _decide_open(self) -> None:
        """Some answer unknown: three-valued logic over the rule graph (the reference)."""
        snapshot = self.snapshot
        self.fired = fired = snapshot.none_fired.copy()  # every classifying rule in force
        for name, rules in snapshot.by_subject.items():
            if self.has[name]:
                fired.update(rules.evaluate(self._known(name), snapshot.params))
        self.tier_of = snapshot.tier_of
        self.effective = effective = fired.copy()
        for rule_id, defeaters in snapshot.defeat_order:
            if effective[rule_id] is not False:
                effective[rule_id] = self._undefeated(effective[rule_id], defeaters)
        covered = self._covered()
        for rule_id, targets in snapshot.exception_targets.items():
            if targets and effective[rule_id] is not False:
                effective[rule_id] = _and(effective[rule_id], covered[rule_id])
        self.tiers, self.models = self._classes()
        self._conclude(tuple(effective.values()),
                       [f is None is e for f, e in zip(fired.values(), effective.values(), strict=True)],
                       list(map(snapshot.obligation_results.__getitem__,
                                self._obligations(self.tiers, self.roles))))

    def _conclude(
        self, answers: Sequence[Truth], unknown: Sequence[bool], obligations: list[Obligation]
    ) -> None:
        """Keep the answers and the obligations, and take the basis from the answers.

        Only an effective rule decides, and an effective rule has fired: the basis is the rules
        that can explain the tier (its own, and those reaching no tier) that are effective.
        """
        self.answers, self.unknown = answers, unknown
        self.tier = self.tiers[0] if len(self.tiers) == 1 else None
        rules, pick = self.snapshot.basis_candidates(self.tier)
        self.basis = list(compress(rules, pick(answers)))  # True, not None or False
        self.obligations = obligations

    def _known(self, subject: str) -> dict[str, Value]:
        """The known facts of a subject, unknown ones absent, as the rules' own deciders read
        them."""
        return self.facts[subject] if self.known else known_only(self.facts[subject])

    def _undefeated(self, fired: Truth, defeaters: Sequence[str]) -> Truth:
        """Fires, and no effective rule overrides it (Kleene logic over the exception graph)."""
        if fired is False:
            return False
        get = self.effective.get
        against = [get(defeater, False) for defeater in defeaters]
        if True in against:
            return False
        return None if None in against else fired

    def _covered(self) -> dict[str, Truth]:
        """For each exception in force, whether a rule it overrides fired where it could matter.

        An exception applies only where a rule it overrides would have applied: over a rule
        that fired and, when that rule is an exception itself, over one that it covers.
        """
        fired = self.fired
        covered: dict[str, Truth] = {}
        reach: dict[str, Truth] = {}  # fired, and covers a rule when an exception
        for rule_id, rules, exceptions in self.snapshot.exception_order:
            statuses = list(map(fired.__getitem__, rules))
            if exceptions:
                statuses += [reach[exception] for exception in exceptions]
            covered[rule_id] = _any(statuses)
            reach[rule_id] = _and(fired[rule_id], covered[rule_id])
        return covered

    def _last_certain_tier(self) -> int:
        """The last position in the tier order that some effective rule certainly reaches.

        A rule that fires is effective unless a rule overriding it is; when every such rival
        reaches a tier too (Art 2(12) yields to Art 5, high-risk and Art 50), one of their tiers
        is reached whichever way the open facts fall, though Kleene logic alone cannot see it.
        """
        last = len(TIER_ORDER) - 1
        fired, effective = self.fired, self.effective
        for rule_id, position, defeaters in self.snapshot.tier_rules:
            if position >= last:
                break  # in the tier order: no later rule can come before `last`
            if fired.get(rule_id) is not True:
                continue
            rivals = [d for d in defeaters if effective.get(d, False) is not False]
            tiers = [self.tier_of.get(d) for d in rivals]
            if all(t is not None for t in tiers):
                last = min(last, max([position, *(TIER_ORDER.index(t) for t in tiers if t)]))
        return last

    def _possible(self, groups: Sequence[tuple[Any, tuple[str, ...]]]) -> tuple[list[Any], bool]:
        """Every class (tier or model class) still possible, in order: the first one some
        effective rule certainly reaches ends the list; and whether one does."""
        effective = self.effective
        possible = []
        for cls, rule_ids in groups:
            statuses = list(map(effective.__getitem__, rule_ids))
            if True in statuses:
                possible.append(cls)
                return possible, True
            if None in statuses:
                possible.append(cls)
        return possible, False

    def _classes(self) -> tuple[list[Tier], list[ModelClass | None]]:
        """The possible tiers and the possible model classes."""
        tiers: list[Tier] = self._possible(self.snapshot.tier_groups)[0] if self.has["system"] else []
        last = self._last_certain_tier()
        tiers = [t for t in tiers if TIER_ORDER.index(t) <= last]
        models: list[ModelClass | None] = []
        if self.has["model"]:
            models, certain = self._possible(self.snapshot.model_class_groups)
            if not certain:
                models.append(None)  # possibly not a general-purpose model at all
        return tiers, models

    def compact(self) -> dict[str, Any]:
        """The result as JSON-ready data without the explanation (see classify_compact)."""
        return {
            "id": self.subject.id,
            "tier": self.tier and _value(self.tier),
            "possible_tiers": list(map(_value, self.tiers)),
            "basis": list(map(_id, self.basis)),
            "obligations": list(map(_rule, self.obligations)),
        }

    def result(self) -> Classification:
        tiers, models = self.tiers, self.models
        model_class = models[0] if len(models) == 1 else None
        hits = [self._hit(rule) for rule in self.basis]
        return construct(Classification, {
            "id": self.subject.id,
            "name": self.subject.name,
            "ruleset": self.ruleset.id,
            "ruleset_version": self.ruleset.version,
            "as_of": self.snapshot.day,
            "tier": self.tier,
            "possible_tiers": tiers,
            "model_class": model_class,
            "possible_model_classes": models,
            "basis": hits,
            "obligations": self.obligations,
            "open_questions": self._questions(tiers, models),
        })

    def _hit(self, rule: Rule) -> RuleHit:
        """The basis entry of a rule that decided: shared by the results in which the rule read
        the same values (the snapshot keeps a bounded number of them)."""
        snapshot = self.snapshot
        parts = snapshot.hit_parts.get(rule.id)
        if parts is None:
            parts = snapshot.hit_parts[rule.id] = _hit_parts(rule)
        subject, names, converted, fields = parts
        key = (rule.id, *map(self.facts[subject].get, names))
        entries = snapshot.basis_entries
        hit = entries.get(key)
        if hit is None:
            if len(entries) >= _BASIS_ENTRIES:
                entries.clear()
            shown = {name: value for name, value in zip(names, key[1:], strict=True)
                     if value is not None}
            for name in converted:
                if name in shown:
                    shown[name] = _plain(shown[name])
            hit = entries[key] = construct(RuleHit, {**fields, "facts": Facts(shown)})
        return hit

    def _open_regimes(self, tiers: list[Tier]) -> dict[str, tuple[Truth, dt.date]]:
        """Regimes opened by effective rules, with the date they apply from.

        A regime applies from its own date, and never before the rule that opens it is in
        force. A prohibition closes every other route.
        """
        regimes: dict[str, tuple[Truth, dt.date]] = {}
        only_prohibited = tiers == [Tier.PROHIBITED]
        effective = self.effective
        for rule_id, prohibits, opens in self.snapshot.openings:
            status = effective[rule_id]
            if status is False or (only_prohibited and not prohibits):
                continue
            for regime, start in opens:
                if regime in regimes:
                    before, since = regimes[regime]
                    regimes[regime] = (before or status, min(since, start))  # True or None
                else:
                    regimes[regime] = (status, start)
        return regimes

    def _obligations(
        self, tiers: list[Tier], roles: frozenset[Role]
    ) -> list[tuple[int, dt.date, Truth]]:
        """The obligations that apply or may apply: each as its position in the snapshot's
        obligations, with its date and status."""
        if tiers == [Tier.OUT_OF_SCOPE]:
            return []
        regimes = self._open_regimes(tiers)
        if not regimes:
            return []
        duties: dict[str, Truth] = {}
        for name, rules in self.snapshot.duties.items():
            duties.update(rules.evaluate(self._known(name), self.snapshot.params))
        out: list[tuple[int, dt.date, Truth]] = []
        at = self.snapshot.obligation_position  # a duty's position among all obligations
        plan = self.snapshot.obligations_for(roles)
        effective = self.effective
        by_regime = self.snapshot.duties_by_regime(roles)
        opened_by = {position for regime in regimes for position in by_regime.get(regime, ())}
        for position in sorted(opened_by):
            rule, rule_regimes, defeaters, own_date = plan[position]
            duty = duties[rule.id]
            if duty is False:
                continue
            if len(rule_regimes) == 1:
                opened, since = regimes[rule_regimes[0]]
            else:
                triggers = [regimes[r] for r in rule_regimes if r in regimes]
                opened = _any([opened for opened, _ in triggers])
                since = min([since for _, since in triggers])
            status = opened if duty is True else None  # neither is False here
            if defeaters:  # overridden by an effective rule: see _undefeated
                against = [effective[rule_id] for rule_id in defeaters]
                if True in against:
                    status = False
                elif None in against:
                    status = None
            if opened is True and status is None:
                self.undecided.append(at[rule.id])
            if status is not False:
                out.append((at[rule.id], own_date or since, status))
        return out

    def _questions(self, tiers: list[Tier], models: list[ModelClass | None]) -> list[OpenQuestion]:
        """Unknown facts read by open rules that could still change the result: rules bearing on
        a tier or model class still open whose own answer is unknown, and undecided duties."""
        if len(tiers) <= 1 and len(models) <= 1 and not self.undecided:
            return []
        snapshot = self.snapshot
        asked: dict[str, list[str]] = {}
        facts = self.facts
        if len(tiers) > 1 or len(models) > 1:
            # Only the last possible tier can be certain: the possible ones end with it.
            certain = tiers and True in snapshot.tier_answers[tiers[-1]](self.answers)
            snapshot.asker(tuple(tiers[:-1] if certain else tiers), tuple(models))(
                self.unknown, facts["system"], facts["model"], asked)
        if self.undecided:
            ask(map(snapshot.duty_readers.__getitem__, self.undecided), facts, asked)
        act = self.ruleset.act
        return [_question(name, tuple(rule_ids), act) for name, rule_ids in asked.items()]


@functools.lru_cache(maxsize=4096)
def _question(fact: str, rules: tuple[str, ...], act: str) -> OpenQuestion:
    """The open question on ``fact`` that these rules ask, in the words and numbering of
    ``act``: shared, as every field is immutable."""
    info = fact_info(fact, act)
    return construct(OpenQuestion, {"fact": fact, "question": info["question"],
                                    "provision": info["provision"], "rules": rules})


def _hit_parts(rule: Rule) -> tuple[str, tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    """What a rule's basis entry takes from the rule: the subject and facts it reads, those of
    them whose values are shown converted (enums, sets, dates), and every field but the facts
    (in the order of the fields)."""
    names = tuple(rule.when.facts)
    converted = tuple(name for name in names
                      if FACT_TYPES[name].kind in ("set", "datetime") or FACT_TYPES[name].enum)
    return rule.when.subject or "system", names, converted, dict(
        rule=rule.id,
        title=rule.title,
        citation=rule.citation,
        outcome=rule.outcome,
        message=rule.message,
        facts=None,
        confidence=rule.confidence,
    )


def _plain(value: Value) -> object:
    """A fact value as a basis entry shows it: enums as strings, sets as sorted tuples, dates in
    ISO form."""
    if isinstance(value, frozenset):
        return tuple(sorted(item.value if isinstance(item, Enum) else item for item in value))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value
