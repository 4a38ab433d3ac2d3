"""The README and the home page tell the truth: every code block runs and every claimed value holds.

Each page runs in an empty folder. Its shell lines run in order with the installed
``aiact-tiers`` command and must succeed; the lines that install the package or run this test
suite are what CI itself does, so they are the only ones left out. Its Python blocks run in one
namespace, in order: a ``text`` block right after one must be what it printed, and a line
``expression  # value`` whose comment is a Python expression claims that value, which must equal
the expression's.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import aiact_tiers
from aiact_tiers.interfaces import bundled

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "docs" / "index.md"]
FENCE = re.compile(r"^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```\n(?P<gap>\s*)", re.M | re.S)
DONE_BY_CI = ("python -m pip install", "python -m pytest")


def fences(page: Path) -> list[tuple[str, str, bool]]:
    """(language, body, whether the next fence follows right after) for each fence of a page."""
    text = page.read_text(encoding="utf-8")
    found = list(FENCE.finditer(text))
    return [(m.group("lang"), m.group("body"), i + 1 < len(found) and found[i + 1].start() == m.end())
            for i, m in enumerate(found)]


def shell_lines(page: Path) -> list[str]:
    """Each shell line, without the installs and test runs CI does itself (the parts of a line
    joined by `&&` that start with them)."""
    out = []
    for lang, body, _ in fences(page):
        if lang in ("bash", "console"):
            for line in body.splitlines():
                parts = [p.strip() for p in line.split("&&") if not p.strip().startswith(DONE_BY_CI)]
                if " ".join(parts).strip():
                    out.append(" && ".join(parts))
    return out


def claims(source: str) -> list[tuple[str, str]]:
    """(expression, claimed value) for each line whose trailing comment is a Python expression."""
    out = []
    for line in source.splitlines():
        code, sep, comment = line.partition("  # ")
        if not sep or not code.strip():
            continue
        try:
            ast.parse(code.strip(), mode="eval")
            ast.parse(comment.strip(), mode="eval")
        except SyntaxError:
            continue
        out.append((code.strip(), comment.strip()))
    return out


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_shell_line_runs(page: Path, folder: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    lines = shell_lines(page)
    assert any(line.startswith("aiact-tiers ") for line in lines)
    for line in lines:
        run = subprocess.run(line, shell=True, cwd=folder, env=env, capture_output=True, text=True)
        assert run.returncode == 0, f"{line}\n{run.stderr}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_python_block_runs_and_its_claims_hold(page: Path, folder: Path) -> None:
    for line in shell_lines(page):  # the files the Python blocks read
        written = re.match(r"aiact-tiers examples (\w+)", line)
        if written:
            bundled.write_example(written.group(1), folder)
    blocks = fences(page)
    namespace: dict[str, Any] = {}
    checked = 0
    for i, (lang, body, adjacent) in enumerate(blocks):
        if lang != "python":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(body, str(page), "exec"), namespace)
        for expression, value in claims(body):
            assert eval(expression, namespace) == eval(value, {**vars(aiact_tiers), **namespace}), expression
            checked += 1
        if adjacent and blocks[i + 1][0] == "text":
            assert out.getvalue().strip() == blocks[i + 1][1].strip()
            checked += 1
    assert checked


def test_a_comment_in_words_is_no_claim_and_a_value_is() -> None:
    source = "result.tier  # Tier.HIGH_RISK\nresult.checklist()  # obligations before, at and after"
    assert claims(source) == [("result.tier", "Tier.HIGH_RISK")]
