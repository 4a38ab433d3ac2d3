"""`aiact-tiers batch` streams: memory stays flat however many rows an inventory holds."""

from __future__ import annotations

import csv
import json
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from cli_support import AS_OF

from aiact_tiers.engine.predicates import DT, FACT_TYPES
from aiact_tiers.interfaces.cli import app

# Every fact of a system is given, so that each row takes the two-valued path and tracing every
# allocation stays affordable; what is measured is the stream, not the classification.
FACTS = sorted(name for name, fact in FACT_TYPES.items() if fact.subject == "system")
COLUMNS = ["id", *FACTS]
ROWS = int(os.environ.get("AIACT_TIERS_STREAM_ROWS", "2000"))


def _known(name: str) -> str:
    """A value of the fact as a CSV cell: no, none, or the first of its values."""
    fact = FACT_TYPES[name]
    if fact.data_type == DT.BOOLEAN:
        return "false"
    if fact.data_type == DT.DATETIME:
        return "2027-01-15"
    if fact.data_type == DT.FLOAT:
        return "0"
    assert fact.enum is not None
    return next(iter(fact.enum)).value if fact.data_type == DT.STRING else "none"


BASE = {name: _known(name) for name in FACTS} | {
    "infers_outputs_from_input": "true", "placed_on_union_market": "true", "roles": "provider"}


def generated(rows: int) -> Iterator[list[str]]:
    """Rows of an inventory, high-risk and minimal in turn; every hundredth row holds an invalid
    value."""
    points = ["4(a)", "none", "5(b)", "none"]
    for n in range(rows):
        profiling = "perhaps" if n % 100 == 99 else ("true" if n % 2 else "false")
        row = BASE | {"annex_iii_points": points[n % 4], "profiling": profiling}
        yield [f"sys-{n}", *(row[name] for name in FACTS)]


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
        # one process, so that tracing sees the classification as well as the stream
        app(["batch", str(inventory), "--as-of", AS_OF, "--jobs", "1", "-o", str(output)],
            standalone_mode=False)
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
            if "error" not in record:  # every fact given: one tier, nothing asked
                assert record["tier"] in ("high_risk", "minimal") and record["open_questions"] == []
            lines += 1
    assert lines == ROWS and errors == ROWS // 100
    assert f"{ROWS} rows:" in capsys.readouterr().err
    assert large < small * 1.5 + 256 * 1024, (small, large)
