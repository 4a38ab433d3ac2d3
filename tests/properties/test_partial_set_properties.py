"""Sets known in part: an Annex III area, a mapping of members, a description's own date.

A set fact may be known in part (see ``aiact_tiers.facts.partial``): the strict result must hold in
every completion of what is unknown, an area must be as certain as its points are, the mapping
form must agree with the list form where both say the same, and a row's own ``as_of`` must give
what classifying it alone on that day gives.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import (
    AnnexIIIPoint,
    Classification,
    Practice,
    Status,
    classify,
    classify_many,
    list_rulesets,
)
from aiact_tiers.engine.predicates import FACT_TYPES
from aiact_tiers.facts.vocabulary import IMPLIED_MEMBERS

DAY = dt.date(2026, 12, 15)
RULESETS = st.sampled_from(list_rulesets())
SETS = sorted(n for n, t in FACT_TYPES.items() if t.kind == "set" and t.subject == "system")
AREAS = sorted((m for m in IMPLIED_MEMBERS if m is not AnnexIIIPoint.SOME_POINT), key=str)


def _members(fact: str) -> list[str]:
    enum = FACT_TYPES[fact].enum
    assert enum is not None
    return [m.value for m in enum if m not in IMPLIED_MEMBERS]


def _strict(facts: dict[str, Any], ruleset: str) -> Classification:
    return classify(facts, ruleset=ruleset, as_of=DAY, presume=False)


def _duties(result: Classification) -> dict[tuple[str, str], tuple[Status, dt.date]]:
    return {(o.rule, o.role.value): (o.status, o.applies_from) for o in result.obligations}


def _assert_holds(result: Classification, complete: Classification) -> None:
    """What the strict result claims of a description holds in this completion of it."""
    assert complete.tier in result.possible_tiers
    assert complete.system_tier in result.possible_system_tiers
    duties, completed = _duties(result), _duties(complete)
    assert completed.keys() <= duties.keys()
    for key, (status, day) in duties.items():
        if status is Status.APPLIES:
            assert completed.get(key) == (Status.APPLIES, day), key


@settings(max_examples=120, deadline=None)
@given(system_facts(unknown=0.0), st.sampled_from(SETS), st.data(), RULESETS)
def test_a_set_known_in_part_holds_in_every_completion(
    facts: dict[str, Any], fact: str, data: st.DataObject, ruleset: str
) -> None:
    """Soundness: members answered unknown in a mapping may turn out either way."""
    members = _members(fact)
    present = set(data.draw(st.lists(st.sampled_from(members), max_size=2, unique=True)))
    unknown = data.draw(st.lists(st.sampled_from([m for m in members if m not in present]),
                                 min_size=1, max_size=4, unique=True))
    answered = {m: (m in present) for m in members if m not in unknown}
    result = _strict({**facts, fact: {**answered, **dict.fromkeys(unknown)}}, ruleset)
    for chosen in itertools.chain.from_iterable(
            itertools.combinations(unknown, k) for k in range(len(unknown) + 1)):
        complete = _strict({**facts, fact: sorted(present | set(chosen))}, ruleset)
        _assert_holds(result, complete)


@settings(max_examples=120, deadline=None)
@given(system_facts(unknown=0.0), st.sampled_from(AREAS), RULESETS)
def test_an_area_is_as_certain_as_its_points(
    facts: dict[str, Any], area: AnnexIIIPoint, ruleset: str
) -> None:
    """An area without its point holds in each point, and where every point of the area gives
    one and the same system tier, so does the area."""
    result = _strict({**facts, "annex_iii_points": [area.value]}, ruleset)
    tiers = set()
    for point in sorted(IMPLIED_MEMBERS[area]):
        alone = _strict({**facts, "annex_iii_points": [point.value]}, ruleset)
        _assert_holds(result, alone)
        tiers.add(alone.system_tier)
    if len(tiers) == 1 and None not in tiers:
        assert result.system_tier == tiers.pop()


@settings(max_examples=150, deadline=None)
@given(system_facts(unknown=0.3), st.lists(st.sampled_from(list(Practice)), max_size=3,
                                           unique=True), RULESETS)
def test_per_practice_answers_agree_with_the_list(
    facts: dict[str, Any], practices: list[Practice], ruleset: str
) -> None:
    """A practice answered on its own, every one answered, says what the list says."""
    listed = {**facts, "practices": [p.value for p in practices]}
    answered = {**facts, "practices": {p.value: p in practices for p in Practice}}
    assert (classify(answered, ruleset=ruleset, as_of=DAY).model_dump()
            == classify(listed, ruleset=ruleset, as_of=DAY).model_dump())


@settings(max_examples=100, deadline=None)
@given(system_facts(), st.dates(dt.date(2024, 8, 1), dt.date(2031, 12, 31)), RULESETS)
def test_a_rows_own_date_is_that_of_classifying_it_alone(
    facts: dict[str, Any], day: dt.date, ruleset: str
) -> None:
    """A row's `as_of` wins over the batch's, and gives what the row alone on that day gives."""
    [(line, item)] = list(classify_many([{**facts, "as_of": day}], ruleset=ruleset, as_of=DAY))
    alone = classify({**facts, "as_of": day}, ruleset=ruleset)
    assert line == 1 and isinstance(item, Classification)
    assert item.as_of == day
    assert item.model_dump() == alone.model_dump()
    assert item.model_dump() == classify(facts, ruleset=ruleset, as_of=day).model_dump()
