"""The plain reader agrees with validation.

``read_plain`` reads plain data straight into the facts the decisions read; where it answers,
validating the same data and reading the description gives the same entry, the same facts in
the same order and the same knowledge; where validation refuses the data, the reader declines
it, so that validation gives its message. Plain data (known values as JSON has them) is read.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SYSTEM_FACTS, known_value

from aiact_tiers import DescriptionError, classify, load_description
from aiact_tiers.decision.classify import _read
from aiact_tiers.engine.plain import Entry, read_plain
from aiact_tiers.engine.predicates import FACT_TYPES
from aiact_tiers.facts.descriptions import ModelDescription, SystemDescription
from aiact_tiers.facts.vocabulary import MARKERS, AnnexIIIPoint, Role

MODEL_FACTS = sorted(n for n, t in FACT_TYPES.items() if t.subject == "model")
KEYS = sorted(SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
              | {"placed_on_union_market", "model_placed_on_union_market", "unknown_fact"})
MEMBERS = sorted({m.value for t in FACT_TYPES.values() if t.enum is not None for m in t.enum}
                 | {r.value for r in Role})

# Values of every kind a description may hold, right or wrong for any field: what validation
# accepts by converting it (1 for true, "yes", a number as text) is among them.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.integers(2**52, 2**60),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -0.0, 1.0, 1e25]),
    st.sampled_from(MEMBERS), st.sampled_from(sorted(m.value for m in MARKERS)),
    st.sampled_from(["yes", "true", "1", "", "system", "model", "2026-02-30", "2026-2-3",
                     "2026-08-02", "20260802", "2026-08-02T00:00:00", "0000-01-01"]),
    st.dates(), st.datetimes(), st.text(max_size=5),
)
values = st.one_of(
    scalars,
    st.lists(st.one_of(st.sampled_from(MEMBERS), scalars), max_size=3),
    st.tuples(st.sampled_from(MEMBERS)).map(list).map(tuple),
    st.dictionaries(st.sampled_from(MEMBERS), st.one_of(st.none(), st.booleans()), max_size=2),
    st.dictionaries(st.sampled_from(KEYS), st.booleans(), max_size=2),
)


def validated(data: dict[str, Any]) -> Any:
    """What validation and ``read_facts`` read of ``data``, or the refusal."""
    try:
        return _read(load_description(data))
    except DescriptionError as exc:
        return exc


def agrees(data: dict[str, Any]) -> None:
    plain, expected = read_plain(data), validated(data)
    if plain is None:
        return
    assert not isinstance(expected, DescriptionError), (data, expected)
    entry, facts, known = plain
    assert entry == expected[0]
    assert facts == expected[1]
    for subject in ("system", "model"):
        assert list(facts[subject]) == list(expected[1][subject])
        assert list(map(type, facts[subject].values())) == list(map(type, expected[1][subject].values()))
    assert known is expected[2]


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
def test_where_it_answers_validation_answers_the_same(data: dict[str, Any]) -> None:
    agrees(data)


@settings(max_examples=300, deadline=None)  # each example validates two whole descriptions
@given(st.sampled_from(["system", "model"]), st.data())
def test_plain_data_is_read_and_read_as_validation_reads_it(kind: str, data: st.DataObject) -> None:
    names = SYSTEM_FACTS if kind == "system" else MODEL_FACTS
    facts = {name: data.draw(st.one_of(st.none(), known_value(FACT_TYPES[name])))
             for name in names if data.draw(st.booleans())}
    facts = {name: value.isoformat() if isinstance(value, dt.date) else value
             for name, value in facts.items()}
    facts = {name: value for name, value in facts.items()
             if not (name.endswith("compute_flop") and isinstance(value, float) and not math.isfinite(value))}
    given_ = {**facts, "kind": kind, "id": "s1", "roles": ["provider"]}
    assert read_plain(given_) is not None
    agrees(given_)
    # One value changed to anything, right or wrong: a near miss is declined or read the same.
    agrees({**given_, data.draw(st.sampled_from(KEYS)): data.draw(values)})


def test_a_fully_known_description_is_known() -> None:
    facts = {name: known for name in SYSTEM_FACTS if (known := _first(name)) is not None}
    entry, subjects, known = read_plain(facts) or pytest.fail("declined")
    assert known is True and entry == Entry(None, None, None, None)
    assert subjects["model"] == {}
    assert read_plain({**facts, "practices": None})[2] is False  # type: ignore[index]


def _first(name: str) -> Any:
    fact = FACT_TYPES[name]
    return {"boolean": False, "float": 0.0, "datetime": "2026-01-01", "set": []}.get(
        fact.kind, fact.enum and next(iter(fact.enum)).value)


@pytest.mark.parametrize("data", [
    {"annex_iii_points": ["4"]},  # an area: known in part, validation reads it
    {"annex_iii_points": [4]},  # a number, read as text by validation
    {"annex_iii_points": {"4(a)": True}},  # a mapping answering each member
    {"placed_on_union_market": True, "model_placed_on_union_market": True, "kind": "model"},
    {"model": {"kind": "model"}},  # a nested model
    {"profiling": 1},  # validation reads 1 as true
    {"placed_on_market_on": "2026-08-02T00:00:00"},
    {"roles": ("provider",)},
    {"kind": "other"},
])
def test_what_only_validation_reads_is_declined(data: dict[str, Any]) -> None:
    assert read_plain(data) is None


def test_a_fact_given_by_another_name_is_read_under_its_own() -> None:
    _, subjects, _ = read_plain({"kind": "model", "placed_on_union_market": True}) or pytest.fail()
    assert subjects["model"]["model_placed_on_union_market"] is True
    assert "placed_on_union_market" not in subjects["model"]


def test_a_declined_description_is_classified_as_validated() -> None:
    day = dt.date(2026, 12, 1)
    assert classify({"annex_iii_points": ["4"], "profiling": 1}, as_of=day) == classify(
        load_description({"annex_iii_points": ["4"], "profiling": True}), as_of=day)
    assert read_plain({"annex_iii_points": [AnnexIIIPoint("4(a)").value]}) is not None
