"""`aiact-tiers history` and the crosswalk table of `aiact-tiers compare`."""

from __future__ import annotations

import datetime as dt

import pytest
from cli_support import AS_OF, ROOT

from aiact_tiers import History, history, load_description
from aiact_tiers.interfaces.cli import common

CHATBOT = ROOT / "examples" / "foundation_model_chatbot.yaml"


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console wide enough that table cells do not wrap."""
    monkeypatch.setattr(common.out, "_width", 240)


def test_history_json_is_the_api_document(run) -> None:
    result = run("history", str(CHATBOT), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    expected = history(load_description(CHATBOT), as_of=dt.date.fromisoformat(AS_OF))
    assert History.model_validate_json(result.stdout) == expected


def test_history_table_sets_the_texts_side_by_side(run, wide) -> None:
    result = run("history", str(CHATBOT), "--as-of", AS_OF)
    assert result.exit_code == 0
    for text in ("eu-2023-ep", "eu-2024-2026", "generative_foundation_model", "Art 28b(2)(g)",
                 "Art 53(1)(d)", "not legal advice"):
        assert text in result.stdout


def test_history_takes_the_texts_to_show_and_other_formats(run) -> None:
    result = run("history", str(CHATBOT), "--as-of", AS_OF, "-r", "eu-2024", "-r", "eu-2023-ep",
                 "-f", "markdown")
    assert result.exit_code == 0
    assert "| | `eu-2024` | `eu-2023-ep` |" in result.stdout
    page = run("history", str(CHATBOT), "--as-of", AS_OF, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "<th>eu-2023-ep</th>" in page


def test_history_refuses_an_unknown_text_on_one_line(run) -> None:
    result = run("history", str(CHATBOT), "-r", "eu-2030")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no ruleset `eu-2030`")
    assert len(result.stderr.strip().splitlines()) == 1


def test_compare_lists_each_art_28b_duty_with_its_counterparts(run, wide) -> None:
    result = run("compare", str(CHATBOT), "--from", "eu-2023-ep", "--to", "eu-2024-2026", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "Foundation-model duties (EP Art 28b) and their counterparts" in result.stdout
    for text in ("EP Art 28b(2)(f)", "EP Art 28b(4)(c)", "art_53_1_d", "art_50_2_mark"):
        assert text in result.stdout
    same_era = run("compare", str(CHATBOT), "--from", "eu-2024", "--to", "eu-2024-2026", "--as-of", AS_OF)
    assert "EP Art 28b" not in same_era.stdout
