"""`batch --fail-on`: a threshold gate that undecided and unreadable rows cannot slip through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_support import AS_OF, EXAMPLE, IN_SCOPE
from hypothesis import given
from hypothesis import strategies as st

from aiact_tiers import Tier
from aiact_tiers.interfaces.batch import SEVERITY, Summary

CV = yaml.safe_load(EXAMPLE.read_text())  # high_risk
PROHIBITED = {**CV, "id": "p", "practices": ["social_scoring"],
              "social_score_detrimental_in_unrelated_context": True}
LIMITED_OR_LESS = {**IN_SCOPE, "id": "chat", "roles": ["deployer"], "practices": [],
                   "annex_iii_points": [], "annex_i_legislation": [],
                   "interacts_with_natural_persons": True}  # undetermined: out_of_scope, limited, minimal
MINIMAL_OR_LESS = {**LIMITED_OR_LESS, "id": "plain", "interacts_with_natural_persons": False,
                   "generates_synthetic_content": False, "generates_deep_fakes": False,
                   "emotion_recognition_or_biometric_categorisation": False,
                   "generates_public_interest_text": False}  # undetermined: out_of_scope, minimal
ANYTHING = {"id": "blank"}  # undetermined: every tier
UNREADABLE = {"id": "bad", "profiling": "maybe"}


def gate(run, tmp_path: Path, rows: list[dict[str, object]], *options: str):  # type: ignore[no-untyped-def]
    inventory = tmp_path / "inv.jsonl"
    inventory.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return run("batch", str(inventory), "--as-of", AS_OF, "-o", str(tmp_path / "out.jsonl"), *options)


def test_severity_orders_every_tier() -> None:
    assert sorted(SEVERITY) == sorted(Tier)
    assert SEVERITY.index(Tier.PROHIBITED) > SEVERITY.index(Tier.HIGH_RISK) > SEVERITY.index(Tier.LIMITED)


@pytest.mark.parametrize(("threshold", "fails"), [
    ("prohibited", False), ("high_risk", True), ("limited", True), ("minimal", True), ("out_of_scope", True),
])
def test_the_threshold_is_the_tier_and_every_more_severe_one(
    run, tmp_path: Path, threshold: str, fails: bool
) -> None:
    result = gate(run, tmp_path, [CV], "--fail-on", threshold)
    assert result.exit_code == (1 if fails else 0)
    if fails:
        assert result.stderr.splitlines()[-1] == (
            f"gate --fail-on {threshold} failed: 1 row reached {threshold} or a more severe tier")


def test_a_prohibited_system_fails_a_high_risk_gate(run, tmp_path: Path) -> None:
    result = gate(run, tmp_path, [PROHIBITED, MINIMAL_OR_LESS], "--fail-on", "high_risk")
    assert result.exit_code == 1


def test_an_undetermined_row_that_may_reach_the_threshold_fails_unless_allowed(run, tmp_path: Path) -> None:
    result = gate(run, tmp_path, [ANYTHING, LIMITED_OR_LESS], "--fail-on", "high_risk")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "gate --fail-on high_risk failed: 1 undetermined row may reach high_risk or a more severe tier")
    assert gate(run, tmp_path, [ANYTHING], "--fail-on", "high_risk", "--allow-undetermined").exit_code == 0


def test_an_undetermined_row_below_the_threshold_passes(run, tmp_path: Path) -> None:
    assert gate(run, tmp_path, [LIMITED_OR_LESS, MINIMAL_OR_LESS], "--fail-on", "high_risk").exit_code == 0
    result = gate(run, tmp_path, [LIMITED_OR_LESS, MINIMAL_OR_LESS], "--fail-on", "limited")
    assert result.stderr.splitlines()[-1] == (
        "gate --fail-on limited failed: 1 undetermined row may reach limited or a more severe tier")


def test_an_unreadable_row_fails_the_gate_unless_allowed(run, tmp_path: Path) -> None:
    result = gate(run, tmp_path, [UNREADABLE, MINIMAL_OR_LESS], "--fail-on", "high_risk")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "gate --fail-on high_risk failed: 1 row could not be read"
    assert gate(run, tmp_path, [UNREADABLE], "--fail-on", "high_risk", "--allow-errors").exit_code == 0


def test_every_reason_is_given_on_one_line(run, tmp_path: Path) -> None:
    result = gate(run, tmp_path, [CV, PROHIBITED, ANYTHING, UNREADABLE, UNREADABLE], "--fail-on", "high_risk")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "gate --fail-on high_risk failed: 2 rows reached high_risk or a more severe tier; "
        "1 undetermined row may reach high_risk or a more severe tier; 2 rows could not be read")


def test_without_a_gate_unreadable_and_undetermined_rows_exit_zero(run, tmp_path: Path) -> None:
    assert gate(run, tmp_path, [UNREADABLE, ANYTHING, CV]).exit_code == 0


def test_an_unclosed_quote_before_a_high_risk_row_fails_the_gate(run, tmp_path: Path) -> None:
    """Audit 2.56: the row after the malformed one is classified, and both fail the gate."""
    inventory = tmp_path / "inv.csv"
    columns = list(CV)

    def cell(value: object) -> str:
        if isinstance(value, list):
            return ";".join(value) or "none"
        return str(value).lower() if isinstance(value, bool) else str(value)

    inventory.write_text(",".join(columns) + "\n" + '"broken,' + "," * (len(columns) - 2) + "\n"
                         + ",".join(cell(CV[c]) for c in columns) + "\n")
    result = run("batch", str(inventory), "--as-of", AS_OF, "--fail-on", "high_risk",
                 "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "gate --fail-on high_risk failed: 1 row reached high_risk or a more severe tier; "
        "1 row could not be read")


def test_the_summary_counts_the_most_severe_tier_an_undetermined_row_may_reach() -> None:
    import datetime as dt

    from aiact_tiers import classify

    summary = Summary()
    for row in (ANYTHING, LIMITED_OR_LESS, MINIMAL_OR_LESS):
        summary.add(classify(row, as_of=dt.date.fromisoformat(AS_OF), presume=False))
    assert summary.may_reach == {"prohibited": 1, "limited": 1, "minimal": 1}
    assert summary.gate(Tier.LIMITED) == ["2 undetermined rows may reach limited or a more severe tier"]
    assert summary.gate(Tier.LIMITED, undetermined=False) == []


def junit_cases(path: Path) -> list[tuple[str, str | None]]:
    """(name, failure message or None) of each test case of a JUnit report."""
    from xml.etree import ElementTree

    root = ElementTree.parse(path).getroot()
    suite = root.find("testsuite")
    assert suite is not None
    cases = [(case.get("name", ""), None if (failure := case.find("failure")) is None
              else failure.get("message")) for case in suite.iter("testcase")]
    failed = sum(message is not None for _, message in cases)
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == (
            str(len(cases)), str(failed), "0")
    return cases


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_junit_reports_the_gate_on_every_row_with_its_reason(run, tmp_path: Path, jobs: str) -> None:
    rows = [CV, PROHIBITED, ANYTHING, MINIMAL_OR_LESS, UNREADABLE]
    result = gate(run, tmp_path, rows, "--fail-on", "high_risk", "--junit", str(tmp_path / "gate.xml"),
                  "--jobs", jobs)
    assert result.exit_code == 1  # the report does not change the gate
    assert junit_cases(tmp_path / "gate.xml") == [
        ("line 1 (hr-001)", "reached high_risk"),
        ("line 2 (p)", "reached prohibited"),
        ("line 3 (blank)", "undetermined, and may reach prohibited"),
        ("line 4 (plain)", None),
        ("line 5 (bad)", "could not be read: field `profiling`: must be true or false (null, or left "
                         "out, for unknown) (got `'maybe'`)"),
    ]


def test_junit_passes_what_the_gate_is_told_to_allow(run, tmp_path: Path) -> None:
    result = gate(run, tmp_path, [ANYTHING, UNREADABLE, MINIMAL_OR_LESS], "--fail-on", "high_risk",
                  "--allow-undetermined", "--allow-errors", "--junit", str(tmp_path / "gate.xml"))
    assert result.exit_code == 0
    assert junit_cases(tmp_path / "gate.xml") == [
        ("line 1 (blank)", None), ("line 2 (bad)", None), ("line 3 (plain)", None)]


def test_a_junit_report_holds_no_control_character_of_an_id(run, tmp_path: Path) -> None:
    """XML cannot hold control characters; an id from the inventory may."""
    rows = [{**CV, "id": "hr\x01-\x1b[31m1"}]
    result = gate(run, tmp_path, rows, "--fail-on", "high_risk", "--junit", str(tmp_path / "gate.xml"))
    assert result.exit_code == 1
    assert junit_cases(tmp_path / "gate.xml") == [("line 1 (hr-[31m1)", "reached high_risk")]


@pytest.mark.parametrize(("options", "message"), [
    (["--junit", "gate.xml"], "error: `--junit` reports the gate of `--fail-on`: name the tier it fails on"),
    (["--fail-on", "high_risk", "--junit", "gate.txt"],
     "error: `--junit` `gate.txt`: a JUnit report is an .xml file"),
])
def test_a_junit_report_without_a_gate_or_an_xml_name_is_refused_on_one_line(
    run, tmp_path: Path, options: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = gate(run, tmp_path, [CV], *options)
    assert (result.exit_code, result.stderr.strip()) == (2, message)
    assert list(tmp_path.glob("gate.*")) == [] and not (tmp_path / "out.jsonl").exists()


@st.composite
def kept_rows(draw: st.DrawFn) -> list[object]:
    """Rows as a gate sees them: errors, determined tiers, and undetermined rows with the most
    severe tier each may reach."""
    from aiact_tiers.interfaces.batch import Kept
    from aiact_tiers.interfaces.inventory import RowError

    tiers = st.sampled_from(list(Tier))
    row = st.one_of(
        st.builds(lambda: RowError(1, None, "bad")),
        st.builds(lambda t: Kept(None, t, t, ()), tiers),
        st.builds(lambda t: Kept(None, None, t, ("profiling",)), st.none() | tiers),
    )
    return draw(st.lists(row, max_size=8))


@given(kept_rows(), st.sampled_from(list(Tier)), st.booleans(), st.booleans())
def test_the_gate_fails_exactly_where_a_row_fails_it(
    rows: list[object], threshold: Tier, undetermined: bool, errors: bool
) -> None:
    """The summary's verdict and the rows' verdicts (the JUnit report) are one gate: it fails
    when and only when some row fails it, and each reason counts the rows failing for it."""
    from aiact_tiers.interfaces.batch import gate_failure

    summary = Summary()
    failures = []
    for row in rows:
        summary.add(row)  # type: ignore[arg-type]
        failures.append(gate_failure(row, threshold, undetermined=undetermined, errors=errors))  # type: ignore[arg-type]
    reasons = summary.gate(threshold, undetermined=undetermined, errors=errors)
    assert bool(reasons) == any(f is not None for f in failures)
    counted = sum(int(reason.split()[0]) for reason in reasons)
    assert counted == sum(f is not None for f in failures)
