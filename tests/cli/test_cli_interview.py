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


def test_a_bad_role_is_asked_again(run, tmp_path: Path) -> None:
    """Audit 7.02."""
    written = tmp_path / "finished.yaml"
    result = run("interview", "--output", str(written), "--as-of", AS_OF,
                 input="boss\nprovider\n" + "\n" * 200)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("field `roles.0`: must be one of 'provider'")
    assert result.stderr.splitlines()[0].endswith("(got `'boss'`); please answer again")
    assert yaml.safe_load(written.read_text()) == {"roles": ["provider"]}


def test_end_of_input_writes_the_answers_so_far_and_says_where(run, tmp_path: Path) -> None:
    """Audit 7.03, 7.08: Ctrl-D or piped answers running out."""
    written = tmp_path / "out.yaml"
    result = run("interview", "--output", str(written), "--as-of", AS_OF, input="provider\ntrue\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"interview stopped: 2 answers written to {written}"
    assert yaml.safe_load(written.read_text()) == {"roles": ["provider"], "infers_outputs_from_input": True}


def test_end_of_input_without_output_prints_the_answers(run) -> None:
    result = run("interview", "--as-of", AS_OF, input="deployer\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "interview stopped: 1 answer so far, as YAML on standard output"
    assert result.stdout.endswith("roles:\n- deployer\n")


def test_ctrl_c_writes_the_answers_so_far_and_exits_130(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Audit 7.04."""
    import typer

    answers = iter(["provider", "true"])

    def prompt(text: str, **kwargs: object) -> str:
        try:
            return next(answers)
        except StopIteration:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise typer.Abort() from None

    monkeypatch.setattr(typer, "prompt", prompt)
    written = tmp_path / "out.yaml"
    result = run("interview", "--output", str(written), "--as-of", AS_OF)
    assert result.exit_code == 130
    assert yaml.safe_load(written.read_text()) == {"roles": ["provider"], "infers_outputs_from_input": True}


def test_a_bad_output_path_is_refused_before_the_first_question(run, tmp_path: Path) -> None:
    """Audit 7.07."""
    path = tmp_path / "no_such_dir" / "out.yaml"
    result = run("interview", "--output", str(path), "--as-of", AS_OF, input="provider\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: cannot write `{path}`: no folder `{path.parent}`\n"


def test_answers_with_misspelt_facts_are_an_error(run, tmp_path: Path) -> None:
    """Audit 7.10."""
    script = tmp_path / "answers.yaml"
    script.write_text("profilling: true\nplaced_on_union_markt: true\n")
    result = run("interview", "--answers", str(script))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unknown field `profilling`; did you mean `profiling`?; unknown field "
        "`placed_on_union_markt`; did you mean `placed_on_union_market`? [AT100]\n")


def test_a_model_is_interviewed_from_answers_or_with_model(run, tmp_path: Path) -> None:
    """Audit 7.09: `kind: model` asks the model's facts and keeps the kind."""
    script = tmp_path / "answers.yaml"
    script.write_text("kind: model\nroles: [provider]\ntraining_compute_flop: 1.0e+26\n")
    written = tmp_path / "model.yaml"
    result = run("interview", "--answers", str(script), "--output", str(written), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(written.read_text()) == {
        "kind": "model", "roles": ["provider"], "training_compute_flop": 1e26}
    assert "Art 51(2)" in result.stdout
    result = run("interview", "--model", "--output", str(written), "--as-of", AS_OF,
                 input="provider\n" + "\n" * 50)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(written.read_text()) == {"kind": "model", "roles": ["provider"]}
    assert "Art 3(63)" in result.stdout


def test_each_prompt_says_what_an_answer_looks_like(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import typer

    asked: list[str] = []

    def prompt(text: str, **kwargs: object) -> str:
        asked.append(text)
        if len(asked) > 3:
            raise typer.Abort()
        return "provider" if len(asked) == 1 else ""

    monkeypatch.setattr(typer, "prompt", prompt)
    run("interview", "--as-of", AS_OF)
    assert asked[1:] == ["infers_outputs_from_input (yes or no; empty: unknown)",
                         "placed_on_union_market (yes or no; empty: unknown)",
                         "exclusively_military_defence_national_security (yes or no; empty: unknown)"]


def test_the_hint_of_a_set_an_enum_a_date_and_a_number() -> None:
    from aiact_tiers.interfaces.cli.interview import _hint

    assert _hint("annex_iii_points") == "values separated by commas, or none"
    assert _hint("enterprise_size") == "one of sme, small_mid_cap, large"
    assert _hint("placed_on_market_on") == "a date, YYYY-MM-DD"
    assert _hint("training_compute_flop") == "a number"
