"""Overrides hold: no duty stands in a result while a rule in force that overrides it holds and is
not itself overridden (an exception to a duty, Art 2(10) over the deployer's duties, Art 111 over
those of a legacy system, a derived duty falling with any rule it joins)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import classify, list_rulesets, load_description, load_ruleset
from aiact_tiers.engine.predicates import read_facts
from aiact_tiers.law.snapshot import Snapshot

RULESETS = list_rulesets()
DAYS = st.dates(dt.date(2024, 8, 1), dt.date(2031, 12, 31))


def _effective(rule_id: str, snapshot: Snapshot, defeaters: dict[str, tuple[str, ...]],
               known: dict[str, Any], in_force: set[str]) -> bool:
    """Whether a rule in force holds on the known facts and no rule in force overriding it does."""
    rule = next(r for r in snapshot.rules if r.id == rule_id)
    if rule.when.subject != "system" or rule.when.evaluate(known, snapshot.params) is not True:
        return False
    return not any(_effective(d, snapshot, defeaters, known, in_force)
                   for d in defeaters.get(rule_id, ()) if d in in_force)


@given(system_facts(unknown=0.0), st.sampled_from(RULESETS), DAYS)
def test_no_duty_stands_while_a_rule_overriding_it_holds(facts: dict[str, Any], ruleset: str,
                                                         day: dt.date) -> None:
    rules = load_ruleset(ruleset)
    snapshot = rules.at(day)
    in_force = {r.id for r in snapshot.rules}
    known = read_facts(load_description(facts))[0]
    result = classify(facts, ruleset=ruleset, as_of=day)
    standing = [(o.rule, d) for o in result.obligations for d in rules.defeaters.get(o.rule, ())
                if d in in_force and _effective(d, snapshot, rules.defeaters, known, in_force)]
    assert standing == []
