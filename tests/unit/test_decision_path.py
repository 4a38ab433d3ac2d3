"""The decision path picture of a result (HTML report, notebook display): exact for known cases."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from aiact_tiers import classify
from aiact_tiers.render.path_svg import decision_path_svg
from aiact_tiers.render.report import classification_html
from legal_cases import IN_SCOPE

SVG = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2026, 11, 28)
NO_ART_50 = dict.fromkeys(["interacts_with_natural_persons", "generates_synthetic_content",
                           "generates_deep_fakes", "generates_public_interest_text",
                           "emotion_recognition_or_biometric_categorisation"], False)
SORTER = {**IN_SCOPE, **NO_ART_50, "roles": ["provider"], "practices": [], "annex_iii_points": ["4(a)"],
          "annex_i_legislation": [], "narrow_procedural_task": True,
          "significant_risk_of_harm": False, "profiling": False}


def boxes(svg: str) -> list[tuple[str, str, str]]:
    """(head, second line, tooltip) of each box, in drawing order."""
    root = ET.fromstring(svg)
    return [(texts[0].text or "", texts[1].text or "", group.find(f"{SVG}title").text or "")  # type: ignore[union-attr]
            for group in root.iter(f"{SVG}g") if len(texts := group.findall(f"{SVG}text")) == 2]


def test_a_derogation_joins_the_rule_it_defeats_and_reaches_the_tier() -> None:
    result = classify(SORTER, as_of=AS_OF)
    svg = decision_path_svg(result)
    assert [b[:2] for b in boxes(svg)] == [
        ("Art 6(3)", "Annex III system that poses no sign…"),
        ("Art 95(1)", "Minimal risk"),
        ("Annex III 4(a)", "high_risk, ruled out by Art 6(3)"),
        ("minimal", "as of 2026-11-28"),
    ]
    root = ET.fromstring(svg)
    lines = root.findall(f"{SVG}line")
    assert [line.get("stroke-dasharray") for line in lines] == [None, None, "5 3"]  # 2 fired, 1 defeat
    assert root.findall(f"{SVG}path") == []  # no cross: the defeating rule is in the picture
    assert boxes(svg)[0][2].startswith("Art 6(3) fired: ")


def test_a_rule_of_another_tier_cited_for_its_duty_leads_to_no_tier() -> None:
    """Art 50(6): the Art 50(1) duty of a high-risk chatbot is explained by its rule, which does
    not make the system high-risk."""
    chatbot = {**SORTER, "narrow_procedural_task": False, "significant_risk_of_harm": True,
               "interacts_with_natural_persons": True, "interaction_obvious": False,
               "authorised_by_law_for_criminal_offences": False}
    svg = decision_path_svg(classify(chatbot, as_of=AS_OF))
    assert [b[:2] for b in boxes(svg)] == [
        ("Annex III 4(a)", "Recruitment or selection of natural…"),
        ("Art 50(1)", "AI system intended to interact dire…"),
        ("high_risk", "as of 2026-11-28"),
    ]
    assert len(ET.fromstring(svg).findall(f"{SVG}line")) == 1  # Annex III 4(a) to the tier only


def test_an_undetermined_result_says_no_provision_fired_and_which_tiers_remain() -> None:
    result = classify({}, as_of=AS_OF, presume=False)
    assert [b[:2] for b in boxes(decision_path_svg(result))] == [
        ("no provision fired", "unknown facts leave it open"),
        ("undetermined", "possible: out_of_scope, prohibited,…"),
    ]
    assert "possible: out_of_scope, prohibited, high_risk, limited, minimal" in boxes(
        decision_path_svg(result))[1][2]


def test_the_report_and_the_notebook_display_hold_the_picture() -> None:
    result = classify(SORTER, as_of=AS_OF)
    picture = f"<h3>Decision path</h3><figure>{decision_path_svg(result)}</figure>"
    assert picture in classification_html(result) and picture in result._repr_html_()
    assert "<script" not in picture and "href" not in picture.replace('url(#', '')
