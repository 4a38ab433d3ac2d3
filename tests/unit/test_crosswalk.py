from aiact_tiers import load_ruleset
from aiact_tiers.analysis.crosswalk import crosswalk
from aiact_tiers.law.rule import Rule

EP_28B_DUTIES = [
    "EP Art 28b(1)",
    "EP Art 28b(2)(a)", "EP Art 28b(2)(b)", "EP Art 28b(2)(c)", "EP Art 28b(2)(d)", "EP Art 28b(2)(e)",
    "EP Art 28b(2)(f)", "EP Art 28b(2)(g)", "EP Art 28b(3)", "EP Art 28b(4)(a)", "EP Art 28b(4)(b)",
    "EP Art 28b(4)(c)",
]


def test_every_art_28b_duty_is_mapped_once_in_order() -> None:
    assert [entry.duty for entry in crosswalk()] == EP_28B_DUTIES


def test_counterparts_are_provisions_of_the_2024_text() -> None:
    for entry in crosswalk():
        assert all(c.startswith("Art ") for c in entry.counterparts)
        assert entry.confidence == "high" or entry.note


def test_copyright_summary_maps_to_art_53_1_d_and_quality_management_to_none() -> None:
    by_duty = {entry.duty: entry for entry in crosswalk()}
    assert by_duty["EP Art 28b(4)(c)"].counterparts == ("Art 53(1)(d)", "Art 53(1)(c)")
    assert by_duty["EP Art 28b(2)(f)"].counterparts == ()
    # EP Art 28b(4)(a) invokes EP Art 52(1), whose successor is Art 50(1)
    assert by_duty["EP Art 28b(4)(a)"].counterparts == ("Art 50(1)", "Art 50(2)")
    assert by_duty["EP Art 28b(1)"].counterparts == ("Art 53(1)",)


def _art_28b_duties() -> dict[str, Rule]:
    ruleset = load_ruleset("eu-2023-ep")
    return {r.id: r for r in ruleset if r.is_obligation and r.citation.provision.startswith("Art 28b")}


def test_every_art_28b_obligation_has_a_crosswalk_entry_and_every_entry_an_obligation() -> None:
    assert [entry.rule for entry in crosswalk()] == list(_art_28b_duties())


def test_each_entry_names_its_obligations_provision_and_confidence() -> None:
    duties = _art_28b_duties()
    for entry in crosswalk():
        rule = duties[entry.rule]
        assert entry.duty == f"EP {rule.citation.provision}"
        assert entry.confidence == rule.confidence
