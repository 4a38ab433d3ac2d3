"""The command line in an 80-column terminal: a summary first, whole fact names, one output option,
help without placeholders on flags, and the shell completion the docs page documents."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import AS_OF, EXAMPLE, IN_SCOPE, ROOT
from typer.main import get_command

from aiact_tiers import Classification, classify, load_description
from aiact_tiers.interfaces import bundled
from aiact_tiers.interfaces.cli import app
from aiact_tiers.render import report

PAGE = ROOT / "docs" / "how-to" / "command-line.md"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```\n(?P<gap>\s*)", re.M | re.S)
COMMAND = [sys.executable, "-m", "aiact_tiers"]
NO_ART_50 = ["interacts_with_natural_persons", "generates_synthetic_content", "generates_deep_fakes",
             "generates_public_interest_text", "emotion_recognition_or_biometric_categorisation"]


def _api(**kwargs: object) -> Classification:
    return classify(load_description(EXAMPLE), as_of=dt.date.fromisoformat(AS_OF), **kwargs)  # type: ignore[arg-type]


def terminal(*args: str, cwd: Path | None = None, home: Path | None = None
             ) -> subprocess.CompletedProcess[str]:
    """The command run as a user runs it, in a terminal 80 columns wide."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", **({"HOME": str(home)} if home else {})}
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False)


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_classify_summarises_and_full_adds_the_checklist(run) -> None:
    api = _api()
    summary = run("classify", str(EXAMPLE), "--as-of", AS_OF).stdout
    full = run("classify", str(EXAMPLE), "--as-of", AS_OF, "--full").stdout
    assert summary.splitlines()[0] == "CV screener: high_risk"
    assert "system tier    high_risk" in summary and "basis          Annex III 4(a)" in summary
    assert "--full lists every obligation" in summary and "--full lists" not in full
    for obligation in api.obligations:  # titles only in the checklist
        assert obligation.title.split()[0] in " ".join(full.split())
    assert "Risk management system" not in summary and "Risk management system" in full
    assert "Open questions" not in summary and "Open questions" in full
    assert full.startswith(summary.split("--full lists")[0])


def test_a_result_under_rich_prints_what_classify_full_prints(run) -> None:
    """docs/how-to/notebook.md: rich prints a result as the tables of `classify --full`."""
    from rich.console import Console

    full = run("classify", str(EXAMPLE), "--as-of", AS_OF, "--full").stdout
    console = Console(record=True, width=80, color_system=None, highlight=False)
    console.print(_api())
    assert lines(console.export_text()) == lines(full)


def test_the_summary_counts_obligations_per_phase_and_names_each_open_fact() -> None:
    rows = dict(report.summary_rows(_api()))
    counts = {phase: len(obligations) for phase, obligations in _api().checklist().items()}
    assert list(rows) == ["system tier", "basis", "presumed", "obligations", "open questions"]
    assert rows["obligations"] == (
        f"{counts['before_market']} before placing on the market, {counts['at_market']} at placing "
        f"on the market, {counts['after_market']} after placing on the market; 2 in force on {AS_OF}")
    facts = [q.fact for q in _api().open_questions]
    assert rows["open questions"] == f"{len(facts)}: {', '.join(facts)}"
    assert rows["presumed"] == "4 facts, under Art 50(1), Art 50(2), Art 111(2), Art 111(1)"
    strict = dict(report.summary_rows(_api(presume=False)))
    assert "presumed" not in strict


def test_a_summary_names_what_was_ruled_out_and_the_model_class() -> None:
    sorter = classify({**IN_SCOPE, "roles": ["provider"], "practices": [], "annex_iii_points": ["4(a)"],
                       "annex_i_legislation": [], "free_open_source_licence": False,
                       "narrow_procedural_task": True, "significant_risk_of_harm": False,
                       "profiling": False, **dict.fromkeys(NO_ART_50, False)},
                      as_of=dt.date.fromisoformat(AS_OF))
    rows = dict(report.summary_rows(sorter))
    assert rows["system tier"] == "minimal"
    assert rows["ruled out"] == "Annex III 4(a) (high_risk) by Art 6(3)"
    model = {"kind": "model", "training_compute_flop": 1e26, "significant_generality": True,
             "wide_range_of_distinct_tasks": True}
    gpai = report.summary_rows(classify(model, as_of=dt.date.fromisoformat(AS_OF)))
    assert gpai[:2] == [("model class", "gpai_systemic_risk"), ("basis", "Art 3(63), Art 51(2)")]
    assert ("presumed", "2 facts, under Art 3(63), Art 2(1)(a)") in gpai


@pytest.mark.parametrize("args", [
    ["classify", str(EXAMPLE)], ["classify", str(EXAMPLE), "--full"], ["questions", str(EXAMPLE), "--strict"],
    ["classify", "-", "--strict"],
])
def test_nothing_is_wider_than_80_columns_and_fact_names_are_whole(args: list[str]) -> None:
    result = subprocess.run([*COMMAND, *args, "--as-of", AS_OF], input="{}", capture_output=True,
                            text=True, env={**os.environ, "COLUMNS": "80"}, check=False)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in lines(result.stdout)) <= 80
    described = {} if "-" in args else load_description(EXAMPLE).model_dump(exclude_none=True)
    api = classify(described, as_of=dt.date.fromisoformat(AS_OF), presume="--strict" not in args)
    words = set(re.split(r"[\s,():]+", result.stdout))
    assert api.open_questions and {q.fact for q in api.open_questions} <= words
    assert "…" not in result.stdout


def test_questions_put_each_fact_whole_on_its_own_line(run) -> None:
    text = terminal("questions", str(EXAMPLE), "--as-of", AS_OF, "--strict").stdout
    heads = [line for line in lines(text) if line and not line.startswith(" ")]
    questions = _api(presume=False).open_questions
    assert heads == ["Open questions", *(f"{q.fact} ({q.provision})" for q in questions)]


@pytest.mark.parametrize(("command", "suffix", "fmt"), [
    ("classify", ".json", "json"), ("classify", ".md", "markdown"), ("classify", ".html", "html"),
    ("history", ".md", "markdown"), ("history", ".html", "html"), ("questions", ".json", "json"),
])
def test_output_writes_what_format_prints(run, tmp_path: Path, command: str, suffix: str, fmt: str) -> None:
    path = tmp_path / f"out{suffix.upper() if suffix == '.md' else suffix}"
    written = run(command, str(EXAMPLE), "--as-of", AS_OF, "-o", str(path))
    assert written.exit_code == 0 and written.stdout == ""
    printed = run(command, str(EXAMPLE), "--as-of", AS_OF, "--format", fmt)
    assert path.read_text(encoding="utf-8") == printed.stdout


def test_compare_writes_its_json(run, tmp_path: Path) -> None:
    args = ["compare", str(EXAMPLE), "--from", "eu-2024", "--to", "eu-2024-2026", "--as-of", AS_OF]
    assert run(*args, "-o", str(tmp_path / "c.json")).exit_code == 0
    assert json.loads((tmp_path / "c.json").read_text())["ruleset_b"] == "eu-2024-2026"


@pytest.mark.parametrize(("args", "error"), [
    (["classify", "-o", "{dir}/r.pdf"], "error: `--output` `{dir}/r.pdf`: cannot write a `.pdf` file; "
     "use .json or .md or .html\n"),
    (["classify", "-o", "{dir}/report"], "error: `--output` `{dir}/report`: cannot write a "
     "`suffix-less` file; use .json or .md or .html\n"),
    (["questions", "-o", "{dir}/q.md"], "error: `--output` `{dir}/q.md`: cannot write a `.md` file; "
     "use .json\n"),
    (["classify", "-f", "json", "-o", "{dir}/r.md"],
     "error: `--format json` and `--output` `{dir}/r.md` disagree; give one of them\n"),
    (["interview", "-o", "{dir}/d.txt"], "error: `--output` `{dir}/d.txt`: cannot write a `.txt` file; "
     "use .json or .yaml or .yml\n"),
])
def test_an_output_the_command_cannot_write_is_refused_on_one_line(
    run, tmp_path: Path, args: list[str], error: str
) -> None:
    argv = [a.format(dir=tmp_path) for a in args]
    if argv[0] != "interview":
        argv.insert(1, str(EXAMPLE))
    result = run(*argv)
    assert result.exit_code == 2 and result.stderr == error.format(dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_interview_writes_json_for_a_json_file(run, tmp_path: Path) -> None:
    output = tmp_path / "system.json"
    result = run("interview", "--answers", str(EXAMPLE), "--as-of", AS_OF, "-o", str(output))
    assert result.exit_code == 0, result.output
    assert json.loads(output.read_text())["annex_iii_points"] == ["4(a)"]


def test_help_shows_no_placeholder_on_flags_and_every_command_whole(run) -> None:
    root = run("--help").stdout
    assert "<bool>" not in root and "..." not in root.split("Commands:")[1]
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert "<bool>" not in run(name, "--help").stdout, name
    assert re.search(r"^  --full +With the table", run("classify", "--help").stdout, re.M)
    assert re.search(r"^  -o, --output FILE +Write the report here", run("classify", "--help").stdout, re.M)


def test_the_documented_summary_is_what_classify_prints(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    fences = list(FENCE.finditer(page))
    shell, shown = fences[0], fences[1]
    assert shell.group("lang") == "bash" and shown.group("lang") == "text"
    for line in shell.group("body").splitlines():
        result = terminal(*line.split()[1:], cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == shown.group("body").splitlines()


def test_the_documented_output_commands_run(tmp_path: Path) -> None:
    bundled.write_example("cv_screening", tmp_path)
    block = FENCE.findall(PAGE.read_text(encoding="utf-8"))[2]
    assert block[0] == "bash"
    for line in block[1].splitlines():
        result = terminal(*line.split()[1:], cwd=tmp_path)
        assert result.returncode == 0, (line, result.stderr)
    assert (tmp_path / "cv_screening.html").read_text().startswith("<!DOCTYPE html>")
    assert json.loads((tmp_path / "questions.json").read_text())
    refused = terminal("classify", "cv_screening.yaml", "-o", "cv_screening.pdf", cwd=tmp_path)
    assert refused.stderr in FENCE.findall(PAGE.read_text(encoding="utf-8"))[3][1]


def in_bash(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The command typed in bash: run by a bash process (not replaced by it, as a lone command
    would be), where the completion options look for the shell."""
    return subprocess.run(["bash", "-c", '"$@"; exit $?', "bash", *COMMAND, *args],
                          capture_output=True, text=True, env={**os.environ, "HOME": str(home)},
                          check=False)


def test_the_documented_completion_installs_and_completes(tmp_path: Path) -> None:
    [line] = [m.group("body").strip() for m in FENCE.finditer(PAGE.read_text(encoding="utf-8"))
              if "--install-completion" in m.group("body")]
    result = in_bash(*line.split()[1:], home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    script = tmp_path / ".bash_completions" / "aiact-tiers.sh"
    assert "complete -o default -F _aiact_tiers_completion aiact-tiers" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    shown = in_bash("--show-completion", home=tmp_path)
    assert shown.stdout.strip() == script.read_text().strip()
    elsewhere = tmp_path / "named"  # a shell named after the option is not read
    assert in_bash("--install-completion", "zsh", home=elsewhere).returncode == 0
    assert sorted(p.name for p in elsewhere.iterdir()) == [".bash_completions", ".bashrc"]
    env = {**os.environ, "_AIACT_TIERS_COMPLETE": "complete_bash", "COMP_CWORD": "1",
           "COMP_WORDS": "aiact-tiers cl"}
    completed = subprocess.run([str(Path(sys.executable).parent / "aiact-tiers")], env=env,
                               capture_output=True, text=True, check=False)
    assert completed.stdout.split() == ["classify"]
    env.update(COMP_WORDS="aiact-tiers classify x --format ", COMP_CWORD="4")
    formats = subprocess.run([str(Path(sys.executable).parent / "aiact-tiers")], env=env,
                             capture_output=True, text=True, check=False)
    assert formats.stdout.split() == ["table", "json", "markdown", "html"]
