"""The reference evaluation: a description decided rule by rule under one snapshot, and explained.

:class:`Evaluation` runs the snapshot's generated program where there is one and walks the rule
graph in three-valued logic where there is none (an overlay's predicate that cannot be written
as source); either way it builds the explanation: the legal basis, the provisions ruled out,
the questions still open and the presumptions the result rests on. The tests hold the generated
programs to this walk (``tests/properties/test_decision_program.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from itertools import compress, repeat
from typing import Any, Generic, TypeVar, cast

from ..engine import predicates as _engine
from ..engine.plain import Entry
from ..engine.predicates import FACT_TYPES, Value, known_only, settled
from ..engine.programs import Compiled, Decided, Stop, ask
from ..facts.descriptions import fact_info
from ..facts.partial import PartialSet
from ..facts.vocabulary import Role
from ..law.rule import Rule, anchor
from ..law.ruleset import Presumption, RuleSet
from ..law.snapshot import Snapshot
from ..results.classification import (
    SEVERITY,
    TIER_ORDER,
    Assumption,
    Citation,
    Classification,
    Facts,
    ModelClass,
    Obligation,
    OpenQuestion,
    RuledOut,
    RuleHit,
    Status,
    Tier,
    construct,
)

__all__ = ["EVERY_ROLE", "Evaluation"]

Truth = bool | None  # None: unknown


def _and(a: Truth, b: Truth) -> Truth:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def _any(values: Sequence[Truth]) -> Truth:
    if True in values:
        return True
    return None if None in values else False


EVERY_ROLE = frozenset(Role)
"""Every operator role: the roles of a description that names none."""
_T = TypeVar("_T")


class _once(Generic[_T]):
    """``functools.cached_property`` without its lock, which costs more than most of what an
    evaluation caches (an evaluation is used by one thread): computed on first read, then
    read from the instance."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute, self.name = compute, compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


_value = operator.attrgetter("_value_")  # an enum's value, without the `value` descriptor
_id, _rule, _status = operator.attrgetter("id"), operator.attrgetter("rule"), operator.attrgetter("status")
_NONE = repeat(None)  # None, endlessly: the second operand of an `is None` test mapped
_BASIS_ENTRIES = 4096  # basis entries a snapshot keeps for reuse, at the most
_SEVERITY = {tier: rank for rank, tier in enumerate(reversed(SEVERITY))}
"""Each tier's rank from the most severe (0, prohibited) to out of scope, where no duty binds."""
_RUNG = {**_SEVERITY, Tier.OUT_OF_SCOPE: -1}  # the severity of a tier a carve-out can leave
_ORDER = {tier: rank for rank, tier in enumerate(TIER_ORDER)}  # the order the law asks them
_NO_TIER, _PROHIBITED = frozenset({None}), frozenset({Tier.PROHIBITED})


class Evaluation:
    """One description evaluated against one snapshot of a ruleset.

    Results are built with :func:`~aiact_tiers.results.classification.construct`: every value comes from
    validated rules and facts, so validating them again would only cost time. What does not
    depend on the description (rule lists, override order, deciders) comes from the snapshot.
    """

    tiers: list[Tier]
    tier: Tier | None  # the tier, when only one is possible
    models: list[ModelClass | None]
    answers: tuple[Truth, ...]  # each classifying rule's effective answer
    unknown: Sequence[bool]  # each classifying rule's own and effective answers both unknown
    basis: list[Rule]  # the rules that decided
    obligations: list[Obligation]

    state: tuple[Any, ...] | None = None  # what the duties read of a three-valued program's decision
    strict: Evaluation | None = None  # under presumptions, the evaluation without them
    assumed: Sequence[tuple[Presumption, tuple[str, ...]]] = ()  # the presumptions filled in

    def __init__(self, ruleset: RuleSet, base: Snapshot, entry: Entry,
                 roles: frozenset[Role], facts: dict[str, dict[str, Value]],
                 known: bool | None = None, decided: Decided | None = None) -> None:
        self.ruleset = ruleset
        self.base = base
        self.snapshot = snapshot = base.for_roles(roles)  # rules binding no role asked left out
        self.entry = entry
        self.roles = roles
        # Each subject's facts, an unknown one None; whether every fact of both is known
        # (``known`` when the caller has read it already):
        self.facts = facts
        self.known = settled(facts["system"]) and settled(facts["model"]) if known is None else known
        self.has = {"system": bool(facts["system"]), "model": bool(facts["model"])}  # described
        # The duties (positions in the snapshot's obligations) whose regime is certainly open
        # but whose own answer is not, in order:
        self.undecided: list[int] = []
        self.reading: dict[str, tuple[Truth, ...]] = {}  # per fact, the answers of rules reading it
        self.known_facts: dict[str, dict[str, Value]] = {}  # per subject, see _known
        self.compiled = compiled = snapshot.program(self.has["system"], self.has["model"])
        if compiled is None:
            self._decide_open()
        else:
            self._decide(compiled, decided)

    def _decide(self, compiled: Compiled, decided: Decided | None) -> None:
        """The snapshot's generated decision: Boolean when every fact is known (its answers are
        then those of the three-valued program, and no question is open), else three-valued;
        ``decided`` when the caller has run it already."""
        if decided is None:
            program = (self.known and compiled.known) or compiled.kleene
            decided = program(self.facts["system"], self.facts["model"], self.snapshot.params,
                              self.roles)
        self.tiers, self.models, unknown, effective, obligations, self.undecided, self.state = decided
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
        self, answers: tuple[Truth, ...], unknown: Sequence[bool], obligations: list[Obligation]
    ) -> None:
        """Keep the answers and the obligations, and take the basis from the answers.

        Only an effective rule decides, and an effective rule has fired: the basis is the rules
        that can explain the tier (its own, and those reaching no tier) that are effective, and
        those of another tier that opened the regime of a duty listed (see
        :attr:`Snapshot.duty_openers`).
        """
        self.answers, self.unknown = answers, unknown
        self.tier = self.tiers[0] if len(self.tiers) == 1 else None
        snapshot = self.snapshot
        rules, pick = snapshot.basis_candidates(self.tier)
        self.basis = list(compress(rules, pick(answers)))  # True, not None or False
        self.raw = obligations  # as the rules open them, before _sound
        self.obligations = _sound(snapshot, self.tiers, obligations)
        if self.tier is not None and obligations:
            openers, pick = snapshot.duty_openers[self.tier]
            fired = list(compress(openers, map(operator.is_, pick(answers), repeat(True))))
            if fired:
                listed = self.listed
                cited = [snapshot.classifying[at] for at, duties in fired if not duties.isdisjoint(listed)]
                if cited:
                    order = snapshot.position
                    self.basis = sorted([*self.basis, *cited], key=lambda rule: order[rule.id])

    def _known(self, subject: str) -> dict[str, Value]:
        """The known facts of a subject, unknown ones absent, as the rules' own deciders read
        them."""
        if self.known:
            return self.facts[subject]
        found = self.known_facts.get(subject)
        if found is None:
            found = self.known_facts[subject] = known_only(self.facts[subject])
        return found

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
        position = self.positions
        system = self.system_tiers
        return {
            "id": self.entry.id,
            "tier": _value(position[0]) if len(position) == 1 else None,
            "possible_tiers": list(map(_value, position)),
            "system_tier": _value(system[0]) if len(system) == 1 else None,
            "basis": list(map(_id, self.basis)),
            "obligations": list(map(_rule, self.obligations)),
            "certain": (self.strict or self).settled(),
        }

    def result(self) -> Classification:
        tiers, models = self.tiers, self.models
        model_class = models[0] if len(models) == 1 else None
        position, system = self.positions, self.system_tiers
        hits = [self._hit(rule) for rule in self.basis]
        if position != system and self.has["system"]:
            hits.append(self._position_hit(position))
        return construct(Classification, {
            "id": self.entry.id,
            "name": self.entry.name,
            "ruleset": self.ruleset.id,
            "ruleset_version": self.ruleset.version,
            "as_of": self.snapshot.day,
            "tier": position[0] if len(position) == 1 else None,
            "possible_tiers": position,
            "system_tier": system[0] if len(system) == 1 else None,
            "possible_system_tiers": system,
            "model_class": model_class,
            "possible_model_classes": models,
            "basis": hits,
            "obligations": self.obligations,
            "open_questions": self._questions(tiers, models),
            "assumptions": self._assumptions(),
            "certain": (self.strict or self).settled(),
            "ruled_out": self._ruled_out(system),
        })

    def settled(self) -> bool:
        """Whether nothing is left open: one tier, one tier of the system itself, one model
        class, every obligation applies (strict soundness makes these hold in every completion
        of the unknown facts)."""
        return (len(self.tiers) <= 1 and len(self.system_tiers) <= 1 and len(self.models) <= 1
                and Status.POSSIBLE not in map(_status, self.obligations))

    @_once
    def system_tiers(self) -> list[Tier]:
        """The possible tiers of the system itself, whoever asks: those of this evaluation unless
        rules binding no role asked were left out, when every role is asked again."""
        return self.every_role.tiers

    @_once
    def every_role(self) -> Evaluation:
        """The evaluation of the same facts with every role asked (this one where no rule was
        left out)."""
        if self.snapshot is self.base:
            return self
        return Evaluation(self.ruleset, self.base, self.entry, EVERY_ROLE, self.facts)

    @_once
    def positions(self) -> list[Tier]:
        """:meth:`position`, computed once."""
        return self.position()

    def position(self) -> list[Tier]:
        """The possible positions of the roles asked, from the duties that bind them, for each
        tier the system may have.

        Prohibited when a prohibition binds a role; high-risk when the system is and a role has
        duties for it; limited when an Art 50 duty binds a role; minimal when another duty does;
        out of scope when none does (an Art 2 exclusion, the Art 2(10) personal use, no role).
        Statuses are read as the rules open them (before :meth:`_sound`): where the system has a
        tier other than out of scope or prohibited, a duty they open certainly does apply.
        """
        if not self.has["system"]:
            return []
        certain, possible = self._duty_tiers()
        reached: set[Tier] = set()
        for tier in self.tiers:
            if tier is Tier.OUT_OF_SCOPE or tier is Tier.PROHIBITED:
                bound = tier is Tier.PROHIBITED and Tier.PROHIBITED in {*certain, *possible}
                reached.add(Tier.PROHIBITED if bound else Tier.OUT_OF_SCOPE)
                continue
            cap = _SEVERITY[tier]
            floor = _floor(certain)
            if floor is not tier and (self._bound(tier, floor) or self._bound_in_each_case(tier)):
                floor = tier  # a duty for a high-risk system; or one whichever rule places it
            reached.add(floor)
            if possible:
                reached.update(t for t in possible if cap <= _SEVERITY[t] < _SEVERITY[floor])
            if tier is Tier.HIGH_RISK and possible - {Tier.PROHIBITED} and floor is Tier.OUT_OF_SCOPE:
                reached.add(Tier.HIGH_RISK)
        return sorted(reached, key=_ORDER.__getitem__) if len(reached) > 1 else [*reached]

    def _duty_tiers(self) -> tuple[set[Tier], set[Tier]]:
        """The tiers of the duties that apply and of those that may, as the rules open them
        (a model's duty, on the model axis, has none)."""
        tiers = map(self.snapshot.duty_tiers.__getitem__, map(_rule, self.raw))
        if Status.POSSIBLE not in map(_status, self.raw):  # every one applies
            return _tiered(tiers), set()
        listed = list(tiers)
        applies = list(map(operator.is_, map(_status, self.raw), repeat(Status.APPLIES)))
        return _tiered(compress(listed, applies)), _tiered(compress(listed, map(operator.not_, applies)))

    def _bound(self, tier: Tier, floor: Tier) -> bool:
        """Whether, wherever the system has ``tier``, the roles asked stand there: a high-risk
        system with a duty that applies (``floor``, the most severe tier of one) or with no duty
        at all; or a duty that binds whichever rule places it there."""
        return ((tier is Tier.HIGH_RISK and (floor is not Tier.OUT_OF_SCOPE or self._duty_free()))
                or self._binds_whenever(tier))

    def _bound_in_each_case(self, tier: Tier) -> bool:
        """Whether :meth:`_bound` holds, or the system cannot have ``tier``, however the unknown
        facts read by the open rules deciding it turn out: the rules placing the system there,
        those overriding their duties and those overriding these (at most two facts, see
        :func:`~aiact_tiers.engine.predicates.cases`). Art 2(2) sets the Art 4 duties aside only
        where the system is high-risk under Annex I Section B, never where it is minimal."""
        s, answers = self.snapshot, self.answers
        open_: set[int] = set()
        for i, overriders in s.tier_overriders(tier, self.roles):
            if answers[i] is None:
                open_.add(i)
            if answers[i] is not False:
                open_.update(d for d in overriders if answers[d] is None)
        open_.update(s.position[d] for i in list(open_)
                     for d in s.defeaters.get(s.classifying[i].id, ()) if d in s.position)
        rules = [s.classifying[i] for i in sorted(open_)]
        if not rules or any(rule.subject != "system" for rule in rules):
            return False
        found = _engine.cases([rule.when for rule in rules], self._known("system"))
        if found is None:
            return False
        for case in found:
            facts = {**self.facts, "system": {**self.facts["system"], **case}}
            other = Evaluation(self.ruleset, self.base, self.entry, self.roles, facts)
            if tier in other.tiers and not other._bound(tier, _floor(other._duty_tiers()[0])):
                return False
        return True

    def _duty_free(self) -> bool:
        """Whether the system is high-risk on a route whose regimes hold no duty at all, so that
        its position is its tier for any role asked (Annex I Section B: Art 2(2) leaves the
        requirements to the sectoral legislation)."""
        s, answers = self.snapshot, self.answers
        return bool(self.roles) and any(
            answers[s.position[r.id]] is True and all(regime in s.duty_free_regimes for regime in r.opens)
            for r in s.openers if r.tier is Tier.HIGH_RISK)

    def _binds_whenever(self, tier: Tier) -> bool:
        """Whether every rule that may place the system in ``tier`` opens a regime where a duty
        of a role asked holds, whatever the unknown facts, and no rule may override it: then,
        wherever the system has that tier, such a duty binds (the Art 50(2) marking duty and its
        Art 111(4) twin split on the placing date, and one of them always holds)."""
        s, answers = self.snapshot, self.answers
        rivals = [(rule, duties) for i, rule, duties in s.tier_duties(tier, self.roles)
                  if answers[i] is not False]
        if not rivals:
            return False
        for rule, duties in rivals:
            if duties is None:
                return False  # a rule placing it there opens no regime
            held = [duty.when for duty, defeaters in duties if self.has[duty.subject]
                    and all(answers[d] is False for d in defeaters)]
            if not _engine.always(held, self._known(rule.subject), s.params):
                return False
        return True

    def _position_hit(self, position: list[Tier]) -> RuleHit:
        """The basis entry placing the roles asked where they stand, citing their definitions."""
        roles = sorted(self.roles)
        where = self.ruleset.role_citations
        provision = (", ".join(dict.fromkeys(where[r] for r in roles if r in where))
                     or where.get(None, ""))
        tier = " or ".join(map(_value, position))
        return construct(RuleHit, {
            "rule": "operator_position",
            "title": "The position of the roles described",
            "citation": construct(Citation, {"act": self.ruleset.act, "provision": provision,
                                             "url": self.ruleset.url + anchor(provision)}),
            "outcome": tier,
            "message": (f"As {', '.join(map(_value, roles))}, the duties that bind you place you "
                        f"at {tier}." if roles else
                        "No operator role is described: the Act's duties bind providers, "
                        "deployers, importers, distributors, authorised representatives and "
                        "product manufacturers."),
            "facts": Facts({"roles": tuple(map(_value, roles))}),
            "confidence": "high",
        })

    def _assumptions(self) -> list[Assumption]:
        """The presumptions the result rests on: those filled in on facts that the strict
        evaluation leaves open, and without which (the fact taken the other way) the tiers,
        model classes, duties or positions would differ."""
        if self.strict is None:
            return []
        open_ = self.strict._candidates(self.strict.tiers, self.strict.models)
        out = []
        for presumption, readers in self.assumed:
            if presumption.fact in open_ and self._differs(presumption.fact, not presumption.value):
                out.append(_assumption(presumption, readers, self.ruleset.act))
        return out

    def _ruled_out(self, system: list[Tier]) -> list[RuledOut]:
        """The rules reaching a tier more severe than the least severe the system may have that
        an effective exception overrides, or that a carve-out in their own terms defeats, on
        known facts."""
        ceiling = max(map(_RUNG.__getitem__, system), default=-1)  # its least severe tier
        if ceiling <= 0:
            return []  # out of scope, or no system, or prohibited: nothing is more severe
        known = self._known("system")
        snapshot, params, answers = self.snapshot, self.snapshot.params, self.answers
        carved_rules, owners, overridden = snapshot.severe_reach(ceiling)  # only their rules
        carved = carved_rules.answers(known, params)
        overriding = snapshot.severe_defeaters(answers)
        if True not in carved and True not in overriding:
            return []  # no carve-out holds, and no rule overriding one of them is effective
        fires: dict[int, bool | None] = {}  # the own answers of the rules an effective rule overrides
        for (rows, rules), effective in zip(overridden, overriding, strict=True):
            if effective is True:
                fires.update(zip(rows, rules.answers(known, params), strict=True))
        out: list[RuledOut] = []
        for row in sorted({*compress(owners, map(operator.is_, carved, repeat(True))), *fires}):
            rule, _, at, defeaters, pick, carve_outs = snapshot.severe_rules[row]
            if answers[at] is not False:
                continue
            against = pick(answers)
            if True in against and fires[row] is True:
                winner = self.ruleset.rule(defeaters[against.index(True)])
                out.append(_ruled_out(rule, winner.id, winner.citation.provision, winner.message,
                                      _shown(winner.when.facts, known)))
                continue
            for names, position in carve_outs:
                if carved[position] is True:
                    info = fact_info(names[0], self.ruleset.act)
                    out.append(_ruled_out(rule, names[0], info["provision"], info["description"],
                                          _shown(names, known)))
                    break
        return out

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

    def _open_regimes(self, tiers: list[Tier]) -> dict[str, tuple[Truth, dt.date, dt.date]]:
        """Regimes opened by effective rules, with the date they apply from and the date they
        apply from for certain (that of the earliest opener that fires; ``date.max`` if none
        does): where the two differ, an earlier opener may fire and the day is open.

        A regime applies from its own date, and never before the rule that opens it is in
        force. A prohibition closes every other route.
        """
        regimes: dict[str, tuple[Truth, dt.date, dt.date]] = {}
        only_prohibited = tiers == [Tier.PROHIBITED]
        effective = self.effective
        for rule_id, prohibits, opens in self.snapshot.openings:
            status = effective[rule_id]
            if status is False or (only_prohibited and not prohibits):
                continue
            for regime, start in opens:
                firm = start if status is True else dt.date.max
                if regime in regimes:
                    before, since, firmly = regimes[regime]
                    regimes[regime] = (before or status, min(since, start), min(firmly, firm))
                else:
                    regimes[regime] = (status, start, firm)
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
                opened, since, firm = regimes[rule_regimes[0]]
            else:
                triggers = [regimes[r] for r in rule_regimes if r in regimes]
                opened = _any([opened for opened, _, _ in triggers])
                since = min([since for _, since, _ in triggers])
                firm = min([firm for _, _, firm in triggers])
            if own_date is None and since != firm:
                opened = None  # an earlier opener may fire: the day the duty applies from is open
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
        """The :meth:`_candidates` whose answer alone can change the result, each kept only
        when one of its answers changes a tier, a model class, or a duty's status or date (see
        :meth:`_decides`). Where no single answer changes anything (only answers taken
        together do, as with nothing described), every one is kept, so that answering them all
        still decides the result."""
        if self.known:
            return []  # no fact is unknown
        asked = self._candidates(tiers, models)
        deciding = [name for name in asked if self._decides(name)] or asked
        act = self.ruleset.act
        return [_question(name, tuple(dict.fromkeys(asked[name])), act, _open_members(
            self.facts[FACT_TYPES[name].subject].get(name))) for name in deciding]

    def _candidates(self, tiers: list[Tier], models: list[ModelClass | None]) -> dict[str, list[str]]:
        """Unknown facts read by open rules, with the rules reading them: rules bearing on a
        tier or model class still open, or, while a duty may apply, any rule left open (and the
        rules an open exception covers) and the possible duties; undecided duties."""
        possible = Status.POSSIBLE in map(_status, self.obligations)
        asked: dict[str, list[str]] = {}
        if len(self.system_tiers) > 1 and self.every_role is not self:
            # The system's own tier is open where the roles asked leave rules out: ask what it
            # turns on, as every role would be asked.
            self.every_role._tier_readers(self.system_tiers, [], asked)
        if len(tiers) <= 1 and len(models) <= 1 and not self.undecided and not possible:
            return asked
        snapshot = self.snapshot
        facts = self.facts
        if possible:  # a duty may turn on the facts of any rule left open, or of its own
            open_ = set(compress(snapshot.classifying_ids, map(operator.is_, self.answers, _NONE)))
            open_.update(*(snapshot.exception_targets.get(rule_id, ()) for rule_id in list(open_)))
            obligations = self.obligations
            open_.update(compress(map(_rule, obligations), map(
                operator.is_, map(_status, obligations), repeat(Status.POSSIBLE))))
            described = self.has["system"], self.has["model"]
            snapshot.readers_asker(*described)(
                list(map(open_.__contains__, map(_rule, snapshot.readers_of(*described)))),
                facts["system"], facts["model"], asked)
        elif len(tiers) > 1 or len(models) > 1:
            self._tier_readers(tiers, models, asked)
        if self.undecided:
            ask(map(snapshot.duty_readers.__getitem__, self.undecided), facts, asked)
        return asked

    def _tier_readers(self, tiers: list[Tier], models: list[ModelClass | None],
                      asked: dict[str, list[str]]) -> None:
        """Add to ``asked`` the unknown facts read by the open rules bearing on these tiers and
        model classes, with the rules reading them."""
        # Only the last possible tier can be certain: the possible ones end with it.
        certain = tiers and True in self.snapshot.tier_answers[tiers[-1]](self.answers)
        self.snapshot.asker(tuple(tiers[:-1] if certain else tiers), tuple(models))(
            self.unknown, self.facts["system"], self.facts["model"], asked)

    def _decides(self, fact: str) -> bool:
        """Whether some answer to ``fact`` alone changes the tiers, the model classes or the
        duties (their statuses and dates), by deciding again with each answer the rules tell
        apart (see :meth:`Snapshot.answers`); True where they cannot be listed (numbers, dates).
        The answers whose effect the rules' own answers tell (see :meth:`_changed`) are tried
        before any that takes deciding again."""
        answers = self.snapshot.answers(fact)
        if answers is None:
            return True
        known = self.facts[FACT_TYPES[fact].subject].get(fact)
        if isinstance(known, PartialSet):  # only the members still unknown are answered
            answers = tuple(dict.fromkeys(known.complete(answer) for answer in answers))
        again = []
        for answer in answers:
            told, facts, steady = self._told(fact, answer)
            if told:
                return True
            if told is None:
                again.append((facts, steady))
        return any(self._decided_again(facts, steady) for facts, steady in again)

    def _differs(self, fact: str, answer: Value) -> bool:
        """Whether ``fact`` taken as ``answer`` changes the tiers, model classes, duties or
        positions."""
        told, facts, steady = self._told(fact, answer)
        return told if told is not None else self._decided_again(facts, steady)

    def _told(self, fact: str, answer: Value) -> tuple[bool | None, dict[str, dict[str, Value]], bool]:
        """This evaluation's facts with ``fact`` taken as ``answer``; whether that changes the
        result, where the answers of the rules reading it tell (see :meth:`_changed`), else
        None; and whether the duties reading it answer as before."""
        subject = FACT_TYPES[fact].subject
        facts = {**self.facts, subject: {**self.facts[subject], fact: answer}}
        if self.has[subject] and self.comparable is not None:
            told, steady = self._changed(fact, facts[subject])
            return told, facts, steady
        return None, facts, False

    def _changed(self, fact: str, facts: Mapping[str, Value]) -> tuple[bool | None, bool]:
        """Whether the generated decision changes with ``facts`` (this evaluation's facts of a
        subject, ``fact`` taken another way), told from the answers of the rules reading it
        alone where they tell it, None where it takes deciding again; and whether the duties
        among those rules answer as before.

        The decision reads the facts through the rules' answers alone: while those answers
        stay, it stays. A rule reaching a tier that now holds and that nothing overrides ends the
        possible tiers there, and a duty among those the rules open that is now False leaves
        them, whatever else changes. While no classifying rule answers otherwise, the tiers,
        model classes, regimes and overriding rules stay, and a duty answering otherwise can
        change the duties only where it is among them or was False (its regime may be open)."""
        rules, decider = self.snapshot.reading(fact)
        if decider is None:
            return None, False
        before = self.reading.get(fact)
        if before is None:
            before = self.reading[fact] = decider(self.facts[FACT_TYPES[fact].subject],
                                                  self.snapshot.params)
        after = decider(facts, self.snapshot.params)
        if after == before:
            return False, True
        listed, plain = self.listed, self.snapshot.plain_tiers
        last = max(map(TIER_ORDER.index, self.tiers), default=-1)
        again, steady = False, True
        for rule, old, new in zip(rules, before, after, strict=True):
            if old is new:
                continue
            if new is True and plain.get(rule.id, last) < last:
                return True, False  # a tier now reached ends the tiers before one still possible
            if rule.is_obligation:
                steady = False
            if rule.id in listed:
                if new is False:
                    return True, False  # it leaves the duties (and the obligations), whatever else does
                again = True
            elif old is False or not rule.is_obligation:
                again = True
        return (None if again else False), steady

    @_once
    def comparable(self) -> Compiled | None:
        """The generated programs, where another decision of these facts can be compared with
        this one by them: the snapshot's own, whose tiers are the system's."""
        return self.compiled if self.snapshot is self.base else None

    @_once
    def listed(self) -> frozenset[str]:
        """The ids of the duties the rules open (:attr:`raw`)."""
        return frozenset(map(_rule, self.raw))

    def _decided_again(self, facts: dict[str, dict[str, Value]], steady: bool) -> bool:
        """Whether these facts change the tiers, model classes, duties or positions, decided
        again. Where the duties reading the fact answer as before (``steady``), the generated
        decision ends as soon as what the duties read of it is found the same (see
        :class:`~aiact_tiers.engine.programs.Program`): the duties, and with them the
        positions, are then the same."""
        compiled = self.comparable
        if compiled is not None:
            stop: Stop = ((self.tiers, self.models, self.state) if steady and self.state is not None
                          else (self.tiers, self.models))
            decided = compiled.kleene(facts["system"], facts["model"], self.snapshot.params,
                                      self.roles, stop)
            tiers, models, _, _, raw, _, state = decided
            if (tiers, models) != (self.tiers, self.models):
                return True
            if raw == self.raw or (steady and state == self.state):
                return False  # the positions follow from the tiers and the duties opened
            if len(raw) != len(self.raw) or _sound(self.snapshot, tiers, raw) != self.obligations:
                return True  # soundness keeps every duty, marking some possible
        else:
            decided = None
        other = Evaluation(self.ruleset, self.base, self.entry, self.roles, facts,
                           decided=decided)
        return ((other.system_tiers, other.models, other.obligations, other.positions)
                != (self.system_tiers, self.models, self.obligations, self.positions))


def _floor(certain: set[Tier]) -> Tier:
    """The most severe tier of a duty that applies, a prohibition's aside; out of scope if none."""
    return min(certain - _PROHIBITED, key=_SEVERITY.__getitem__, default=Tier.OUT_OF_SCOPE)


def _tiered(tiers: Iterable[Tier | None]) -> set[Tier]:
    """The tiers among these, once each; None (a duty of no tier) left out."""
    return cast("set[Tier]", set(tiers) - _NO_TIER)


def _sound(snapshot: Snapshot, tiers: list[Tier], obligations: list[Obligation]) -> list[Obligation]:
    """The obligations with each that applies only on some completion marked possible: while
    out of scope is possible, every one; while a prohibition is possible but not certain, every
    one but the prohibition's (a prohibition closes every other route)."""
    if (len(tiers) < 2 or not {Tier.OUT_OF_SCOPE, Tier.PROHIBITED} & set(tiers)
            or Status.APPLIES not in map(_status, obligations)):
        return obligations
    demoted = _SEVERITY.keys() - ({Tier.PROHIBITED} if Tier.OUT_OF_SCOPE not in tiers else set())
    at, results, tier_of = snapshot.obligation_position, snapshot.obligation_results, snapshot.duty_tiers
    return [results[at[o.rule], o.applies_from, None]
            if o.status is Status.APPLIES and tier_of[o.rule] in demoted else o
            for o in obligations]


def _assumption(presumption: Presumption, readers: tuple[str, ...], act: str) -> Assumption:
    info = fact_info(presumption.fact, act)
    return construct(Assumption, {
        "fact": presumption.fact, "value": presumption.value, "provision": presumption.citation,
        "reason": presumption.reason, "question": info["question"], "rules": readers})


def _ruled_out(rule: Rule, by: str, provision: str, message: str, facts: Facts) -> RuledOut:
    return construct(RuledOut, {
        "rule": rule.id, "title": rule.title, "citation": rule.citation, "tier": rule.tier,
        "by": by, "by_provision": provision, "message": message, "facts": facts})


def _shown(names: Iterable[str], known: Mapping[str, Value]) -> Facts:
    """The known values of these facts as a basis entry shows them."""
    shown: dict[str, Any] = {name: _plain(known[name]) for name in names if name in known}
    return Facts(shown)


@functools.lru_cache(maxsize=4096)
def _question(fact: str, rules: tuple[str, ...], act: str, members: str = "") -> OpenQuestion:
    """The open question on ``fact`` that these rules ask, in the words and numbering of
    ``act`` (for a set known in part, naming the ``members`` still unknown): shared, as every
    field is immutable."""
    info = fact_info(fact, act)
    question, cited = info["question"], f" ({info['provision']})"
    if members:  # named before the provision that ends every question
        asked = question.removesuffix(cited)
        question = f"{asked} Still unknown: {members}.{cited if asked != question else ''}"
    return construct(OpenQuestion, {"fact": fact, "question": question,
                                    "provision": info["provision"], "rules": rules})


def _open_members(value: Value) -> str:
    """The members of a set known in part that are still unknown, as a question names them."""
    if not isinstance(value, PartialSet):
        return ""
    return ", ".join(sorted(member.value for member in value.unknown))


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
    """A fact value as a basis entry shows it: enums as strings, sets as sorted tuples (a member
    still unknown marked `?`), dates in ISO form."""
    if isinstance(value, frozenset):
        return tuple(sorted(item.value if isinstance(item, Enum) else item for item in value))
    if isinstance(value, PartialSet):
        present, unknown = _plain(value.present), _plain(value.unknown)
        assert isinstance(present, tuple) and isinstance(unknown, tuple)
        return (*present, *(f"{m}?" for m in unknown))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value
