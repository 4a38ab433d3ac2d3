"""Shared constants and the runner of the command-line tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aiact_tiers.interfaces.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "cv_screening.yaml"
AS_OF = "2026-11-28"

# Art 2 facts that put a system in scope, so the tier follows from Art 5, Art 6 and Art 50.
IN_SCOPE = {
    "infers_outputs_from_input": True,
    "placed_on_union_market": True,
    "exclusively_military_defence_national_security": False,
    "third_country_authority_cooperation": False,
    "sole_purpose_scientific_research": False,
    "pre_market_research_or_testing": False,
    "purely_personal_non_professional_use": False,
}


class Run:
    """Invoke the CLI and keep stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)

