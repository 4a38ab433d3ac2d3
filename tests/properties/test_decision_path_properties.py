"""The decision path picture names every provision that fired and every rule ruled out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import example, given, settings
from strategies import system_facts

from aiact_tiers import Tier, classify
from aiact_tiers.render.path_svg import decision_path_svg

SVG = "{http://www.w3.org/2000/svg}"
TIERS = {tier.value for tier in Tier}


@settings(max_examples=300)  # each example classifies and draws a whole result
@given(system_facts(unknown=0.3))
@example({"annex_iii_points": ["1(a)"], "emotion_recognition_or_biometric_categorisation": True,
          "practices": []})  # high-risk, with the Art 50(3) rule in the basis for its duty
def test_the_picture_names_the_basis_the_ruled_out_rules_and_the_tier(facts: dict[str, object]) -> None:
    result = classify(facts)
    root = ET.fromstring(decision_path_svg(result))
    groups = [g for g in root.iter(f"{SVG}g")]
    heads = [g.findall(f"{SVG}text")[0].text for g in groups]
    tips = [g.find(f"{SVG}title").text or "" for g in groups]  # type: ignore[union-attr]
    fired = [h.citation.provision for h in result.basis]
    ruled = [r.citation.provision for r in result.ruled_out]
    assert heads == [*(fired or ["no provision fired"]), *ruled,
                     result.tier.value if result.tier else "undetermined"]
    for ruled_out, tip in zip(result.ruled_out, tips[len(fired or [0]):], strict=False):
        assert f"ruled out by {ruled_out.by_provision}: " in tip
    edges = root.findall(f"{SVG}line")
    defeated_by_a_fired_rule = [r for r in result.ruled_out if r.by in {h.rule for h in result.basis}]
    # A rule of a tier other than the system's is in the basis for the duties it opened
    # (Art 50(6)): it leads to no tier.
    for_duties = [h for h in result.basis if h.outcome in TIERS and h.outcome != result.system_tier
                  and h.rule != "operator_position"]
    assert len(edges) == len(result.basis) - len(for_duties) + len(defeated_by_a_fired_rule)
    assert len(root.findall(f"{SVG}path")) == len(result.ruled_out) - len(defeated_by_a_fired_rule)
