"""The predicate engine: generated two-valued deciders never carry rule text as code."""

from __future__ import annotations

import pytest

from aiact_tiers.engine import deciders as _decide
from aiact_tiers.engine import predicates as _engine
from aiact_tiers.facts.descriptions import SystemDescription
from aiact_tiers.law.snapshot import picker

HOSTILE = [
    "') or __import__('os').system('false') or ('",
    '") or __import__("os").system("false") or ("',
    "\\'; raise SystemExit; '",
    "{c0}\nimport os\n",
]


@pytest.mark.parametrize("literal", HOSTILE)
def test_rule_text_reaches_generated_code_only_as_a_constant(literal: str) -> None:
    tree = ("or", ("eq", ("fact", "profiling"), ("const", literal)),
            ("not", ("fact", "significant_risk_of_harm")))
    constants: list[object] = []
    source = _decide.source([tree], constants)
    assert source == "lambda f, p: (((f['profiling'] == c0) or (not f['significant_risk_of_harm'])), )"
    assert constants == [literal]
    predicate = _engine.predicate("hostile", tree)
    assert predicate.evaluate({"profiling": "anything", "significant_risk_of_harm": True}, {}) is False
    assert predicate.evaluate({"profiling": literal, "significant_risk_of_harm": True}, {}) is True


@pytest.mark.parametrize("literal", HOSTILE)
def test_a_hostile_literal_in_a_rule_is_refused_by_the_type_check(literal: str) -> None:
    with pytest.raises(_engine.PredicateError, match="is not a value of"):
        _engine.parse(f"{literal!r} in annex_iii_points", {})


@pytest.mark.parametrize("literal", HOSTILE)
def test_a_set_literal_of_hostile_strings_is_one_constant(literal: str) -> None:
    tree = ("in", ("const", literal), ("set", (("const", literal), ("const", "x"))))
    constants: list[object] = []
    source = _decide.source([tree], constants)
    assert source == "lambda f, p: ((c0 in c1), )"
    assert constants == [literal, frozenset({literal, "x"})]


@pytest.mark.parametrize("name", ["a']) or __import__('os').system('x') or (f['", "1x", "a b", 3])
def test_a_name_that_is_no_identifier_gets_no_decider(name: object) -> None:
    assert _decide.decider([("fact", name)]) is None


def test_nesting_too_deep_for_python_falls_back_to_closures() -> None:
    tree: tuple[object, ...] = ("fact", "profiling")
    for _ in range(400):
        tree = ("not", tree)
    assert _decide.decider([tree]) is None
    predicate = _engine.predicate("deep", tree)
    assert predicate.decide is None and predicate.kleene is None
    assert predicate.evaluate({"profiling": True}, {}) is True
    assert predicate.evaluate({}, {}) is None


def test_long_chains_are_flattened() -> None:
    tree: tuple[object, ...] = ("fact", "f0")
    for i in range(1, 500):
        tree = ("or", tree, ("fact", f"f{i}"))
    decide = _decide.decider([tree])
    assert decide is not None
    facts = {f"f{i}": False for i in range(500)}
    assert decide(facts, {}) is False
    assert decide({**facts, "f499": True}, {}) is True


def test_unknown_facts_use_three_valued_logic() -> None:
    predicate = _engine.parse("profiling and not significant_risk_of_harm", {})
    assert predicate.evaluate({"profiling": False}, {}) is False
    assert predicate.evaluate({"profiling": True}, {}) is None
    assert predicate.evaluate({"profiling": True, "significant_risk_of_harm": False}, {}) is True


@pytest.mark.parametrize("positions", [(), (2,), (0, 3), (4, 1, 4)])
def test_a_picker_gives_the_items_at_its_positions_as_a_tuple(positions: tuple[int, ...]) -> None:
    items = ["a", "b", "c", "d", "e"]
    assert picker(positions)(items) == tuple(items[i] for i in positions)


def _known(description: dict[str, object]) -> dict[str, _engine.Value]:
    from aiact_tiers import load_description

    system = load_description(description)
    assert isinstance(system, SystemDescription)
    return _engine.known_only(_engine.read_facts(system)[0])


def test_always_holds_when_one_of_the_predicates_holds_on_each_answer() -> None:
    either = [_engine.parse("profiling", {}), _engine.parse("not profiling", {})]
    assert _engine.always(either, {}, {}) is True
    assert _engine.always(either[:1], {}, {}) is False
    assert _engine.always(either[:1], {"profiling": True}, {}) is True


def test_always_reads_a_set_known_in_part_as_unknown_in_every_case() -> None:
    # Annex III point 4 named without its letter: 4(a) may or may not be among the points.
    facts = _known({"annex_iii_points": ["4"]})
    assert isinstance(facts, _engine.Unsettled)
    one = [_engine.parse("profiling", {}), _engine.parse("'4(a)' in annex_iii_points", {})]
    assert _engine.always(one, facts, {}) is False  # profiling false and 4(a) not the point
    named = _known({"annex_iii_points": ["4(a)"]})
    assert _engine.always(one, named, {}) is True


def test_always_gives_up_beyond_two_unknown_facts() -> None:
    three = [_engine.parse("profiling or not profiling or significant_risk_of_harm "
                           "or narrow_procedural_task", {})]
    assert _engine.always(three, {}, {}) is False
