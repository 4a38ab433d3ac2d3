"""Art 2(10): the Act does not apply to the obligations of deployers who are natural persons in a
purely personal non-professional activity, so the rule overrides every deployer duty of each
2024 text (a duty added later and left out of its list would survive personal use)."""

from __future__ import annotations

import datetime as dt

import pytest

from aiact_tiers import Role, load_ruleset


@pytest.mark.parametrize("ruleset", ["eu-2024", "eu-2024-2026"])
def test_art_02_10_overrides_every_deployer_duty(ruleset: str) -> None:
    rules = load_ruleset(ruleset)
    duties = [r.id for r in rules if r.role is Role.DEPLOYER and r.derived_from is None]
    assert len(duties) > 20
    assert [d for d in duties if "art_02_10" not in rules.defeaters.get(d, ())] == []


def test_an_exception_over_duties_and_a_rule_out_of_force_is_an_exception_to_duties() -> None:
    """Art 2(10) overrides the Art 4 deployer duty as adopted, out of force after 27 July 2026:
    a rule out of force is no target, so Art 2(10) stays an exception to duties alone (before,
    it counted as a classifying exception with a target and overrode nothing)."""
    snapshot = load_ruleset("eu-2024-2026").at(dt.date(2026, 12, 1))
    assert snapshot.exception_targets["art_02_10"] == ()
    assert "art_02_10" in snapshot.duty_exceptions
