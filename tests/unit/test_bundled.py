"""The examples and legal cases shipped with the package, `aiact-tiers examples`, `--version`, `-m`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import aiact_tiers
from aiact_tiers.interfaces import bundled
from aiact_tiers.interfaces.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_every_example_file_is_listed_with_the_first_line_of_its_docstring() -> None:
    listed = bundled.examples()
    assert set(listed) == {p.stem for p in (ROOT / "examples").iterdir() if p.suffix in (".py", ".ipynb")}
    assert listed["social_scoring"] == (
        "A municipal social-scoring system: prohibited by Art 5(1)(c) since 2 February 2025."
    )


def test_an_example_is_written_with_the_yaml_it_reads_and_runs_there(tmp_path: Path) -> None:
    written = bundled.write_example("cv_screening", tmp_path)
    assert [p.name for p in written] == ["cv_screening.py", "cv_screening.yaml"]
    run = subprocess.run([sys.executable, "cv_screening.py"], cwd=tmp_path, capture_output=True, text=True)
    assert run.stdout.startswith("CV screener: high_risk under eu-2024-2026 as of 2026-11-28\n")


def test_writing_an_example_never_overwrites_a_file(tmp_path: Path) -> None:
    (tmp_path / "cv_screening.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(bundled.ExampleError, match=r"not overwriting .*cv_screening\.yaml"):
        bundled.write_example("cv_screening", tmp_path)
    assert (tmp_path / "cv_screening.yaml").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "cv_screening.py").exists()


def test_an_unknown_example_is_refused_with_a_suggestion() -> None:
    with pytest.raises(bundled.ExampleError, match="no example 'cv_screning'; did you mean `cv_screening`"):
        bundled.example_files("cv_screning")


def test_the_examples_command_lists_and_writes(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["examples"])
    assert listed.exit_code == 0
    assert listed.stdout.splitlines()[0].startswith("credit_scoring_bank: Credit scoring used by a bank")
    wrote = runner.invoke(app, ["examples", "gpai_model", "--dir", str(tmp_path)])
    assert wrote.exit_code == 0 and wrote.stdout == f"wrote {tmp_path / 'gpai_model.py'}\n"
    again = runner.invoke(app, ["examples", "gpai_model", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "not overwriting" in again.stderr and "Traceback" not in again.output


def test_explain_draws_its_cases_from_the_bundled_cases_wherever_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["explain", "annex_iii_4_a"])
    assert result.exit_code == 0
    assert "fires in" in result.stdout and "near misses" in result.stdout
    assert bundled.folder("cases") == ROOT / "tests" / "cases"  # a development install reads the checkout


def test_python_dash_m_runs_the_command() -> None:
    run = subprocess.run([sys.executable, "-m", "aiact_tiers", "examples"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout == CliRunner().invoke(app, ["examples"]).stdout
    usage = subprocess.run([sys.executable, "-m", "aiact_tiers", "--help"], capture_output=True, text=True)
    assert usage.returncode == 0 and "Usage: aiact-tiers" in usage.stdout


def test_the_command_prints_its_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"aiact-tiers {aiact_tiers.__version__}\n"
