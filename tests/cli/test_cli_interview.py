"""`aiact-tiers interview`: only the questions that can still change the result, then a file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from cli_support import AS_OF, EXAMPLE, IN_SCOPE

from aiact_tiers import classify


def _interview(run, tmp_path: Path, answers: dict[str, object]):  # type: ignore[no-untyped-def]
    script = tmp_path / "answers.yaml"
    script.write_text(yaml.safe_dump(answers))
    written = tmp_path / "finished.yaml"
    result = run("interview", "--answers", str(script), "--output", str(written), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return result, yaml.safe_load(written.read_text())


def test_scripted_interview_reaches_the_result_of_classify_on_the_file(run, tmp_path: Path) -> None:
    answers = {**yaml.safe_load(EXAMPLE.read_text()), **IN_SCOPE}
    result, finished = _interview(run, tmp_path, answers)
    day = dt.date.fromisoformat(AS_OF)
    on_file, full = classify(finished, as_of=day), classify(answers, as_of=day)
    assert on_file.tier is full.tier is not None and on_file.basis == full.basis
    assert len(finished) < len(answers)
    written = tmp_path / "finished.yaml"
    cli = run("classify", str(written), "--as-of", AS_OF, "-f", "json")
    assert json.loads(cli.stdout) == json.loads(on_file.model_dump_json())
    assert f"{on_file.name}: {on_file.tier.value}" in result.stdout
    assert "Art 3(1)" in result.stdout  # each question is explained with its provision


def test_interview_asks_only_what_can_still_change_the_result(run, tmp_path: Path) -> None:
    answers = {**yaml.safe_load(EXAMPLE.read_text()), **IN_SCOPE, "infers_outputs_from_input": False}
    result, finished = _interview(run, tmp_path, answers)
    assert finished["infers_outputs_from_input"] is False
    assert "profiling" not in finished and "annex_iii_points" not in finished
    assert "out_of_scope" in result.stdout


def test_interactive_interview_with_blank_answers_leaves_facts_unknown(run, tmp_path: Path) -> None:
    written = tmp_path / "finished.yaml"
    result = run("interview", "--output", str(written), "--as-of", AS_OF, input="provider\n" + "\n" * 200)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(written.read_text()) == {"roles": ["provider"]}


def test_interactive_interview_asks_again_after_an_invalid_answer(run, tmp_path: Path) -> None:
    written = tmp_path / "finished.yaml"
    result = run("interview", "--output", str(written), "--as-of", AS_OF, input="\nmaybe\nno\n" + "\n" * 200)
    assert result.exit_code == 0, result.output
    assert "please answer again" in result.stderr
    assert yaml.safe_load(written.read_text()) == {"infers_outputs_from_input": False}


def test_scripted_interview_with_an_invalid_answer_fails_on_one_line(run, tmp_path: Path) -> None:
    script = tmp_path / "answers.yaml"
    script.write_text("infers_outputs_from_input: perhaps\n")
    result = run("interview", "--answers", str(script))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "infers_outputs_from_input" in line
