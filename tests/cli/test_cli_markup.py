"""User text reaches the terminal literally: no rich markup, no control sequences (audit D6)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_support import AS_OF, IN_SCOPE

NAMES = ["Acme [/] screener", "[bold]x[/bold][/italic]", "[link=https://evil.example]click[/link]"]


def describe(tmp_path: Path, name: str, **facts: object) -> Path:
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump({"name": name, "id": name, **facts}, allow_unicode=True))
    return path


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("command", [["classify"], ["history"], ["classify", "-f", "markdown"]])
def test_a_name_with_markup_is_printed_literally(run, tmp_path: Path, name: str, command: list[str]) -> None:
    result = run(*command, str(describe(tmp_path, name)), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(f"{'# ' if 'markdown' in command else ''}{name}")


def test_control_characters_never_reach_the_terminal(run, tmp_path: Path) -> None:
    name = "x\x1b]0;pwned\x07\x1b[2J\u202eevil"
    for command in ("classify", "history"):
        result = run(command, str(describe(tmp_path, name)), "--as-of", AS_OF)
        assert result.exit_code == 0
        first = result.stdout.splitlines()[0]
        assert first.startswith("x]0;pwned[2Jevil")
        assert not any(c in result.stdout for c in "\x1b\x07\u202e")


def test_an_interview_shows_scripted_answers_literally(run, tmp_path: Path) -> None:
    script = tmp_path / "answers.yaml"
    script.write_text(yaml.safe_dump({"name": "[red]Acme[/]", **IN_SCOPE}))
    result = run("interview", "--answers", str(script), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "[red]Acme[/]: " in result.stdout


def test_a_batch_error_row_is_printed_without_control_characters(run, tmp_path: Path) -> None:
    inventory = tmp_path / "inv.jsonl"
    inventory.write_text('{"id": "a\\u001b[2J[b]", "profiling": "maybe"}\n')
    result = run("batch", str(inventory), "--as-of", AS_OF)
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"{inventory}:line 1 (a[2J[b]): field `profiling`")
    assert "\x1b" not in result.stderr


def test_markup_is_escaped_and_control_characters_but_tab_and_newline_removed() -> None:
    from aiact_tiers.render.terminal import markup_text as _m
    from aiact_tiers.render.terminal import terminal_text

    assert _m("[/]") == "\\[/]" and terminal_text("a\x1b[2Jb\tc\nd\x9b") == "a[2Jb\tc\nd"
