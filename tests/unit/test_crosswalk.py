from aiact_tiers.crosswalk import crosswalk

EP_28B_DUTIES = [
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
    assert by_duty["EP Art 28b(4)(c)"].counterparts == ("Art 53(1)(d)",)
    assert by_duty["EP Art 28b(2)(f)"].counterparts == ()
    assert by_duty["EP Art 28b(4)(a)"].counterparts == ("Art 50(2)",)
