"""`aiact-tiers batch` streams: memory stays flat however many rows an inventory holds."""

from __future__ import annotations

import csv
import json
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from cli_support import AS_OF

from aiact_tiers.interfaces.cli import app

COLUMNS = ["id", "roles", "infers_outputs_from_input", "placed_on_union_market", "practices",
           "annex_iii_points", "profiling"]
ROWS = int(os.environ.get("AIACT_TIERS_STREAM_ROWS", "1000"))


def generated(rows: int) -> Iterator[list[str]]:
    """Rows of an inventory; every hundredth row holds an invalid value."""
    points = ["4(a)", "", "5(b)", "none"]
    for n in range(rows):
        profiling = "perhaps" if n % 100 == 99 else ("yes" if n % 2 else "no")
        yield [f"sys-{n}", "provider", "true", "true", "none", points[n % 4], profiling]


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        writer.writerows(generated(rows))


def peak_of_batch(tmp_path: Path, rows: int) -> tuple[int, Path]:
    inventory, output = tmp_path / f"inv{rows}.csv", tmp_path / f"out{rows}.jsonl"
    write_csv(inventory, rows)
    tracemalloc.start()
    try:
        app(["batch", str(inventory), "--as-of", AS_OF, "-o", str(output)], standalone_mode=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, output


def test_batch_accounts_for_every_row_with_flat_memory(tmp_path: Path, capsys) -> None:
    peak_of_batch(tmp_path, 50)  # load and cache the ruleset first
    small, _ = peak_of_batch(tmp_path, ROWS // 10)
    large, output = peak_of_batch(tmp_path, ROWS)
    errors = lines = 0
    with output.open() as stream:
        for number, text in enumerate(stream, start=2):
            record = json.loads(text)
            assert record["line"] == number
            errors += "error" in record
            lines += 1
    assert lines == ROWS and errors == ROWS // 100
    assert f"{ROWS} rows:" in capsys.readouterr().err
    assert large < small * 1.5 + 256 * 1024, (small, large)
