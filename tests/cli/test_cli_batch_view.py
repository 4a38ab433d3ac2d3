"""What a batch shows on a terminal: the progress bar, the summary table, and the switch to
them when stdout and stderr are terminals, with nothing extra when they are piped."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from cli_support import AS_OF, IN_SCOPE
from rich.console import Console
from test_cli_batch import CV

from aiact_tiers.interfaces.batch import Kept, Summary
from aiact_tiers.interfaces.batch_view import OPEN_FACTS_SHOWN, expected_rows, progress_bar, summary_view
from aiact_tiers.interfaces.inventory import RowError
from aiact_tiers.results.classification import Tier


def _text(renderable: object, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_the_summary_counts_tiers_and_the_facts_that_leave_rows_open() -> None:
    summary = Summary()
    summary.add(Kept("a", Tier.HIGH_RISK, Tier.HIGH_RISK, ("profiling",)))  # determined: facts not counted
    summary.add(Kept("b", None, Tier.HIGH_RISK, ("profiling", "annex_iii_points")))
    summary.add(Kept("c", None, Tier.LIMITED, ("profiling",)))
    summary.add(RowError(4, "bad", "unknown field `profilng`"))
    text = _text(summary_view(summary))
    assert "4 rows" in text
    assert "│ high_risk    │    1 │   25% │" in text
    assert "│ undetermined │    2 │   50% │" in text
    assert "│ errors       │    1 │   25% │" in text
    assert "What leaves the 2 undetermined rows open" in text
    rows = [line for line in text.splitlines() if line.startswith(("│ profiling ", "│ annex_iii_points "))]
    assert [row.split("│")[1:3] for row in rows] == [
        [" profiling        ", "    2 "], [" annex_iii_points ", "    1 "]]
    assert "Which points of Annex III" in text
    assert "more facts" not in text


def test_the_summary_lists_the_facts_leaving_most_rows_open_and_counts_the_rest() -> None:
    summary = Summary()
    names = [f"fact_{i:02}" for i in range(OPEN_FACTS_SHOWN + 3)]
    for i, name in enumerate(names):
        for _ in range(i + 1):
            summary.add(Kept(None, None, Tier.MINIMAL, (name,)))
    text = _text(summary_view(summary))
    shown = [name for name in names if f"│ {name} " in text]
    assert shown == names[3:]
    assert "│ and 3 more facts " in text
    everything_known = Summary()
    everything_known.add(Kept(None, Tier.MINIMAL, Tier.MINIMAL, ()))
    assert "undetermined rows open" not in _text(summary_view(everything_known))


def test_expected_rows_are_the_lines_not_blank(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": 1}\n\n  \n{"id": 2}\n{"id": 3}')
    csv = tmp_path / "a.csv"
    csv.write_text("id,profiling\n1,true\n\n2,false\n")
    yaml = tmp_path / "a.yaml"
    yaml.write_text("- id: 1\n")
    assert [expected_rows(p) for p in (jsonl, csv, yaml)] == [3, 2, None]


def test_the_progress_bar_shows_rows_done_of_the_total_and_the_rate() -> None:
    stream = io.StringIO()
    console = Console(file=stream, width=100, force_terminal=True, color_system=None)
    with progress_bar(console, 3) as advance:
        for _ in range(3):
            advance()
        console.print("row error")  # printed above the bar
    text = stream.getvalue()
    assert "3/3" in text and "rows/s" in text and "left" in text
    assert "row error" in text


def _inventory(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.jsonl"
    rows = [{**CV, "id": "cv"}, {"id": "open"}, {**IN_SCOPE, "id": "open-2"}, {"id": "bad", "profilng": True}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def _on_a_terminal(*args: str) -> str:
    """What a command prints when stdout and stderr are a terminal (a pseudo-terminal)."""
    main, child = pty.openpty()
    command = [sys.executable, "-m", "aiact_tiers", *args]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=child, stderr=child,
                               env={**os.environ, "COLUMNS": "100"})
    os.close(child)
    out = b""
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        out += data
    os.close(main)
    assert process.wait() == 0
    return out.decode()


def test_on_a_terminal_a_batch_shows_a_progress_bar_and_a_summary_not_the_records(tmp_path: Path) -> None:
    text = _on_a_terminal("batch", str(_inventory(tmp_path)), "--as-of", AS_OF)
    assert '{"line"' not in text
    assert "classifying" in text and "/4" in text  # the bar, of the four rows expected
    assert "4 rows" in text and "undetermined rows open" in text
    assert f"{_inventory(tmp_path)}:line 4 (bad): unknown field `profilng`" in text


def test_piped_a_batch_writes_the_records_and_nothing_extra(tmp_path: Path) -> None:
    inventory = _inventory(tmp_path)
    result = subprocess.run([sys.executable, "-m", "aiact_tiers", "batch", str(inventory), "--as-of", AS_OF],
                            capture_output=True, text=True, check=True)
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 2, 3, 4]
    assert "\x1b" not in result.stderr and "classifying" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"{inventory}:line 4 (bad): unknown field `profilng`; did you mean `profiling`?"
    assert lines[1].startswith("4 rows: ") and len(lines) == 2
