"""The law's presumptions and the operator's position, checked over generated descriptions.

Read strictly, a result must hold in every completion of the unknown facts (soundness); under
presumptions, it must be the strict result of the description with the presumed facts filled in.
Answering the questions must decide every duty, and no question may be idle.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SYSTEM_FACTS, completions, known_value, system_facts

from aiact_tiers import Classification, Status, classify, list_rulesets, load_ruleset
from aiact_tiers.engine.predicates import FACT_TYPES

DAY = dt.date(2026, 12, 15)
RULESETS = st.sampled_from(list_rulesets())
ROLES = st.one_of(st.none(), st.lists(st.sampled_from(
    ["provider", "deployer", "importer", "distributor", "authorised_representative",
     "product_manufacturer"]), max_size=2, unique=True))


def _answers(fact: str, ruleset: str) -> list[Any]:
    """The values to try for a fact: those the rules in force tell apart, as a description
    gives them (see Snapshot.answers, which names a set's members, never a marker), or every
    value a predicate can tell apart."""
    answers = load_ruleset(ruleset).at(DAY).answers(fact)
    if answers is None:
        return completions(fact, ruleset)
    return [sorted(a) if isinstance(a, frozenset) else a.date() if isinstance(a, dt.datetime) else a
            for a in answers]


def _strict(facts: dict[str, Any], ruleset: str) -> Classification:
    return classify(facts, ruleset=ruleset, as_of=DAY, presume=False)


def _duties(result: Classification) -> dict[tuple[str, str], tuple[Status, dt.date]]:
    return {(o.rule, o.role.value): (o.status, o.applies_from) for o in result.obligations}


def _outcome(result: Classification) -> tuple[Any, ...]:
    """What an answer can change: the positions, the system's tiers, the model classes, and
    every duty with its status and date."""
    return (result.possible_tiers, result.possible_system_tiers, result.possible_model_classes,
            _duties(result))


def _with_roles(facts: dict[str, Any], roles: list[str] | None) -> dict[str, Any]:
    return facts if roles is None else {**facts, "roles": roles}


@settings(max_examples=150)
@given(system_facts(unknown=0.0), st.data(), RULESETS, ROLES)
def test_strict_results_hold_in_every_completion(
    facts: dict[str, Any], data: st.DataObject, ruleset: str, roles: list[str] | None
) -> None:
    """Soundness of the strict reading: tier, system tier, and each duty's status and date."""
    hidden = data.draw(st.lists(st.sampled_from(SYSTEM_FACTS), min_size=1, max_size=3, unique=True))
    partial = _with_roles({k: v for k, v in facts.items() if k not in hidden}, roles)
    result = _strict(partial, ruleset)
    duties = _duties(result)
    for filling in itertools.islice(
            itertools.product(*(_answers(name, ruleset) for name in hidden)), 48):
        complete = _strict({**partial, **dict(zip(hidden, filling, strict=True))}, ruleset)
        assert complete.tier in result.possible_tiers
        assert complete.system_tier in result.possible_system_tiers
        completed = _duties(complete)
        assert completed.keys() <= duties.keys()  # nothing that may apply is left unlisted
        for key, (status, day) in duties.items():
            if status is Status.APPLIES:
                assert completed.get(key) == (Status.APPLIES, day), key
        if result.certain:
            assert _outcome(complete) == _outcome(result)


@settings(max_examples=150)
@given(system_facts(), RULESETS, ROLES)
def test_presumptions_equal_the_strict_reading_of_the_facts_they_fill(
    facts: dict[str, Any], ruleset: str, roles: list[str] | None
) -> None:
    described = _with_roles(facts, roles)
    presumed = classify(described, ruleset=ruleset, as_of=DAY)
    filled = dict(described)
    for presumption in load_ruleset(ruleset).presumptions:
        if presumption.subject == "system" and presumption.fact not in filled:
            filled[presumption.fact] = presumption.value
    strict = _strict(filled, ruleset)
    assert _outcome(presumed) == _outcome(strict)
    assert presumed.basis == strict.basis
    assert presumed.open_questions == strict.open_questions
    assert {a.fact for a in presumed.assumptions} <= filled.keys() - described.keys()
    if presumed.certain:
        assert not presumed.assumptions


@settings(max_examples=60)
@given(system_facts(unknown=0.3), RULESETS, ROLES, st.data())
def test_answering_the_questions_decides_every_duty(
    facts: dict[str, Any], ruleset: str, roles: list[str] | None, data: st.DataObject
) -> None:
    """As the interview does: answer every open question, again and again; within a few rounds
    nothing is left possible and nothing is asked (no possible duty lacks a deciding question)."""
    described = _with_roles(facts, roles)
    for _ in range(8):
        result = _strict(described, ruleset)
        if not result.open_questions:
            break
        for question in result.open_questions:
            described[question.fact] = data.draw(known_value(FACT_TYPES[question.fact]))
    assert not result.open_questions
    assert result.determined
    assert all(o.status is Status.APPLIES for o in result.obligations), [
        o.rule for o in result.obligations if o.status is Status.POSSIBLE]


@settings(max_examples=60)
@given(system_facts(unknown=0.3), RULESETS, ROLES)
def test_no_open_question_is_idle(facts: dict[str, Any], ruleset: str, roles: list[str] | None) -> None:
    """Each question listed has an answer that changes the result, unless only answers taken
    together change anything, when every question reading an open fact is listed."""
    described = _with_roles(facts, roles)
    result = _strict(described, ruleset)
    before = _outcome(result)
    changes = [any(_outcome(_strict({**described, question.fact: value}, ruleset)) != before
                   for value in _answers(question.fact, ruleset))
               for question in result.open_questions]
    if any(changes):
        idle = [q.fact for q, change in zip(result.open_questions, changes, strict=True) if not change]
        assert not idle, f"idle questions: {idle}"
