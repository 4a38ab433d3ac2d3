"""The generated decisions of a snapshot agree with the reference path.

Classification runs a snapshot's generated program: Boolean when every fact read is known,
three-valued otherwise. The same evaluation run through the reference path (loops in
three-valued logic over the rule graph) must give the same result, field for field, for
systems, systems built on a model, and models alone, under every ruleset, date and role.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SYSTEM_FACTS, known_value

from aiact_tiers import Role, Tier, list_rulesets, load_description, load_ruleset
from aiact_tiers.decision.classify import _evaluation
from aiact_tiers.decision.evaluation import Evaluation
from aiact_tiers.engine.predicates import FACT_TYPES
from aiact_tiers.engine.programs import _Boolean, _Kleene, ask, asker, program
from aiact_tiers.facts.partial import PartialSet
from aiact_tiers.law.snapshot import Reader, _reader

MODEL_FACTS = sorted(n for n, t in FACT_TYPES.items() if t.subject == "model")
IN_SCOPE = {"infers_outputs_from_input": True, "placed_on_union_market": True,
            "exclusively_military_defence_national_security": False,
            "sole_purpose_scientific_research": False, "pre_market_research_or_testing": False,
            "purely_personal_non_professional_use": False, "free_open_source_licence": False}


def some(draw: st.DrawFn, names: list[str], unknown: float) -> dict[str, Any]:
    """Facts named ``names``, each unknown with probability ``unknown``."""
    return {name: draw(known_value(FACT_TYPES[name])) for name in names
            if not unknown or draw(st.floats(0, 1)) >= unknown}


@st.composite
def described(draw: st.DrawFn, unknown: float) -> dict[str, Any]:
    """A system (mostly in scope), a system with a model, or a model alone."""
    shape = draw(st.sampled_from(["system", "system with model", "model"]))
    if shape == "model":
        return {"kind": "model", **some(draw, MODEL_FACTS, unknown)}
    facts = some(draw, SYSTEM_FACTS, unknown)
    if draw(st.integers(0, 4)):
        facts.update(IN_SCOPE)
    if shape == "system with model":
        facts["model"] = {"kind": "model", **some(draw, MODEL_FACTS, unknown)}
    return facts


def evaluated(facts: dict[str, Any], ruleset: str, day: dt.date, role: Role | None,
              presume: bool = False) -> Evaluation:
    """The evaluation, checked against the reference path run on the same description (under
    presumptions, on the description with the presumed facts filled in)."""
    evaluation = _evaluation(load_description(facts), ruleset, day, role, presume)
    reference = copy.copy(evaluation)
    reference.undecided = []
    reference._decide_open()
    assert evaluation.result() == reference.result()
    assert evaluation.compact() == reference.compact()
    return evaluation


EXAMPLES = settings(max_examples=400)
"""Each example builds two whole results (questions and presumptions decided again per answer),
so these run fewer examples than the ci profile's default."""
ARGUMENTS = (st.sampled_from(list_rulesets()), st.dates(dt.date(2024, 8, 1), dt.date(2032, 12, 31)),
             st.sampled_from([None, *Role]), st.booleans())


@EXAMPLES
@given(described(unknown=0.0), *ARGUMENTS)
def test_boolean_decision_equals_the_reference(
    facts: dict[str, Any], ruleset: str, day: dt.date, role: Role | None, presume: bool
) -> None:
    evaluation = evaluated(facts, ruleset, day, role, presume)
    compiled = evaluation.snapshot.program(evaluation.has["system"], evaluation.has["model"])
    assert compiled is not None and compiled.known is not None
    compiled.known(evaluation.facts["system"], evaluation.facts["model"],  # every fact is known
                   evaluation.snapshot.params, evaluation.roles)


@EXAMPLES
@given(described(unknown=0.5), *ARGUMENTS)
def test_three_valued_decision_equals_the_reference(
    facts: dict[str, Any], ruleset: str, day: dt.date, role: Role | None, presume: bool
) -> None:
    evaluated(facts, ruleset, day, role, presume)


@EXAMPLES
@given(described(unknown=0.05), *ARGUMENTS)
def test_three_valued_decision_equals_the_reference_with_few_facts_unknown(
    facts: dict[str, Any], ruleset: str, day: dt.date, role: Role | None, presume: bool
) -> None:
    evaluated(facts, ruleset, day, role, presume)


def _brute_differs(evaluation: Evaluation, fact: str, answer: Any) -> bool:
    """Whether ``fact`` taken as ``answer`` changes the result, by a whole evaluation."""
    subject = FACT_TYPES[fact].subject
    facts = {**evaluation.facts, subject: {**evaluation.facts[subject], fact: answer}}
    other = Evaluation(evaluation.ruleset, evaluation.base, evaluation.entry, evaluation.roles,
                       facts)
    return ((other.system_tiers, other.models, other.obligations, other.positions)
            != (evaluation.system_tiers, evaluation.models, evaluation.obligations,
                evaluation.positions))


@settings(max_examples=200)  # each example evaluates every answer to every open fact in whole
@given(described(unknown=0.5), *ARGUMENTS)
def test_the_shortcuts_of_the_relevance_test_agree_with_deciding_again(
    facts: dict[str, Any], ruleset: str, day: dt.date, role: Role | None, presume: bool
) -> None:
    """Whether an answer to an open fact changes the result, as the questions and the
    presumptions test it (told from the rules' answers where they tell it, the generated
    decision ended early where the effective answers stay), is what a whole evaluation with
    that answer gives, answer by answer."""
    evaluation = _evaluation(load_description(facts), ruleset, day, role, presume)
    for fact in evaluation._candidates(evaluation.tiers, evaluation.models):
        answers = evaluation.snapshot.answers(fact)
        known = evaluation.facts[FACT_TYPES[fact].subject].get(fact)
        if answers is None or isinstance(known, PartialSet):
            continue
        differs = [_brute_differs(evaluation, fact, answer) for answer in answers]
        assert [evaluation._differs(fact, answer) for answer in answers] == differs, fact
        assert evaluation._decides(fact) is any(differs), fact


def test_a_description_with_an_unknown_fact_takes_the_three_valued_program() -> None:
    """Unknown facts are read as None, which only the three-valued program reads as unknown."""
    facts = {name: False for name in SYSTEM_FACTS if FACT_TYPES[name].data_type.name == "BOOLEAN"}
    facts.update(IN_SCOPE, practices=[])  # only the Annex I and Annex III facts stay unknown
    evaluation = evaluated(facts, "eu-2024-2026", dt.date(2026, 12, 1), None)
    assert not evaluation.known
    assert evaluation.facts["system"]["annex_iii_points"] is None
    assert evaluation.tiers == [Tier.HIGH_RISK, Tier.MINIMAL]
    assert [q.fact for q in evaluation.result().open_questions] == ["annex_iii_points"]


@pytest.mark.parametrize("ruleset", list_rulesets())
@pytest.mark.parametrize("described", [(True, False), (True, True), (False, True)])
def test_no_rule_text_reaches_the_generated_decision(ruleset: str, described: tuple[bool, bool]) -> None:
    """Rules are named by position and their literals are constants: no id (unless it is also
    the name of a fact or parameter, which the type check has matched), title or quoted value
    of a rule file is in the source."""
    snapshot = load_ruleset(ruleset).at(dt.date(2027, 12, 1))
    subjects = dict(zip(("system", "model"), described, strict=True))
    text = _Boolean(snapshot, subjects).source() + _Kleene(snapshot, subjects).source()
    assert program(snapshot, subjects, kleene=True) is not None
    for rule in snapshot.rules:
        if rule.id not in FACT_TYPES and rule.id not in snapshot.params:
            assert f"'{rule.id}'" not in text
        assert rule.title not in text
        for literal in rule.when.text.split('"')[1::2]:
            assert f"'{literal}'" not in text and f'"{literal}"' not in text


@settings(max_examples=500)
@given(st.sampled_from(list_rulesets()), st.data())
def test_the_generated_questions_are_those_the_loop_asks(ruleset: str, data: st.DataObject) -> None:
    """For any open rules and unknown facts, the generated open questions of a set of askable
    rules are the loop's, fact for fact and rule for rule, in the same order."""
    snapshot = load_ruleset(ruleset).at(dt.date(2027, 12, 1))
    tiers = tuple(data.draw(st.lists(st.sampled_from(list(Tier)), unique=True)))
    models = tuple(data.draw(st.lists(st.sampled_from(sorted({
        r.model_class for r in snapshot.classifying}, key=str)), unique=True)))
    open_ = [data.draw(st.booleans()) for _ in snapshot.classifying]
    facts = {subject: {name: data.draw(st.none() | known_value(fact))
                       for name, fact in FACT_TYPES.items() if fact.subject == subject}
             for subject in ("system", "model")}
    for values in facts.values():  # a set is held as a frozenset, or known in part
        values.update({name: PartialSet(frozenset(value), frozenset({"?"}))
                       if data.draw(st.booleans()) else frozenset(value)
                       for name, value in values.items() if isinstance(value, list)})
    asked: dict[str, list[str]] = {}
    snapshot.asker(tiers, models)(open_, facts["system"], facts["model"], asked)
    expected: dict[str, list[str]] = {}
    chosen = [r for r in snapshot.askable
              if r.tier in tiers or r.model_class in models or r.exception]
    ask([_reader(r) for r in chosen if open_[snapshot.position[r.id]]], facts, expected)
    assert list(asked.items()) == list(expected.items())


def test_questions_that_cannot_be_generated_are_asked_by_the_loop() -> None:
    """A fact name that is no identifier cannot be written as source: the loop asks instead."""
    readers = [(0, Reader("r0", "system", ("not a name",))), (1, Reader("r1", "system", ("x",)))]
    asked: dict[str, list[str]] = {}
    asker(readers)([True, True], {"not a name": None, "x": None}, {}, asked)
    assert asked == {"not a name": ["r0"], "x": ["r1"]}
