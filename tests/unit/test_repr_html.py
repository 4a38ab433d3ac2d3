"""Notebook displays of a comparison and of a penalty exposure (`_repr_html_`)."""

from __future__ import annotations

import datetime as dt

from aiact_tiers import classify, compare, penalties
from legal_cases import IN_SCOPE

CV_SCREENER = {**IN_SCOPE, "name": "CV screener", "roles": ["provider"], "practices": [],
               "annex_iii_points": ["4(a)"], "profiling": True}
AS_OF = dt.date(2026, 11, 28)


def test_a_comparison_shows_both_tiers_and_each_moved_date_with_its_cause() -> None:
    html = compare(CV_SCREENER, "eu-2024", "eu-2024-2026", as_of=AS_OF)._repr_html_()
    assert html.startswith("<h2>eu-2024 against eu-2024-2026</h2><p>As of 2026-11-28; what differs")
    assert "<tr><td>tier</td><td>high_risk</td><td>high_risk</td></tr>" in html
    assert ("<tr><td>Risk management system</td><td>provider</td><td>2026-08-02</td><td>2027-12-02</td>"
            "<td>Art 9, Art 113, Art 113(c)</td></tr>") in html
    assert "not legal advice" in html


def test_a_comparison_of_a_text_with_itself_says_so() -> None:
    html = compare(CV_SCREENER, "eu-2024", "eu-2024", as_of=AS_OF)._repr_html_()
    assert "the same result under both texts" in html and "<h3>" not in html


def test_a_penalty_exposure_shows_its_ceiling_provision_and_date() -> None:
    exposure = penalties(classify(CV_SCREENER, as_of=AS_OF), enterprise_size="sme")[0]
    html = exposure._repr_html_()
    assert html.startswith(f"<h4>{exposure.title}</h4><table>")
    assert "<tr><td>maximum</td><td>EUR 15,000,000</td></tr>" in html
    assert "<tr><td>or</td><td>3 % of turnover</td></tr>" in html
    assert "<tr><td>ceiling</td><td>the lower</td></tr>" in html
    assert f'<a href="{exposure.citation.url}">Art 99(4)(a)</a>' in html
