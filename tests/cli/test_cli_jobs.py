"""`batch --jobs N` and `classify_many(..., jobs=N)`: worker processes change nothing but speed."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from cli_support import AS_OF
from test_cli_batch import BAD, GOOD, write_inventory

from aiact_tiers import UnknownRulesetError, classify_many
from aiact_tiers.interfaces import parallel
from aiact_tiers.interfaces.batch import read_path
from aiact_tiers.interfaces.inventory import JsonLines, RowError, block_rows
from aiact_tiers.interfaces.parallel import CHUNK_ROWS

SMALL_BLOCKS = 4096
"""Bytes per JSON Lines block in these tests, so that an inventory of a few hundred rows spans
many blocks (cut inside rows of every kind, good and bad)."""


@pytest.fixture(autouse=True)
def _small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BLOCK_BYTES", SMALL_BLOCKS)


def _inventory(path: Path, rows: int, seed: int) -> Path:
    """``rows`` good rows with bad rows injected at random places, spanning several chunks."""
    rng = random.Random(seed)
    entries = [{**rng.choice(GOOD), "id": f"s{i}"} for i in range(rows)]
    for bad in BAD * 3:
        entries.insert(rng.randrange(len(entries)), bad)
    return write_inventory(path, entries)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("output", ["out.jsonl", "out.csv"])
def test_two_jobs_write_the_same_bytes_as_one(run, tmp_path: Path, suffix: str, output: str) -> None:
    inventory = _inventory(tmp_path / f"inventory{suffix}", 3 * CHUNK_ROWS + 17, seed=len(suffix))
    outputs, stderr = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"{jobs}-{output}"
        result = run("batch", str(inventory), "--as-of", AS_OF, "--jobs", jobs, "-o", str(out))
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
        stderr.append(result.stderr)
    assert outputs[0] == outputs[1]
    assert stderr[0] == stderr[1]
    rows_in = 3 * CHUNK_ROWS + 17 + len(BAD) * 3 + 1  # and the one malformed row of the writer
    assert f"{rows_in} rows:" in stderr[1]
    assert stderr[1].count(":line ") == len(BAD) * 3 + 1


def test_blocks_of_json_lines_give_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    """Blocks end after a newline, whatever their size; a line longer than a block, a last line
    without a newline, a blank line, a line that is not UTF-8 and the byte order mark all read as
    they do when the file is read whole."""
    path = tmp_path / "inventory.jsonl"
    long = json.dumps({"id": "x" * 300})
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(
        [json.dumps({"id": "first"}), "", long, "{bad", json.dumps({"id": "e"})]).encode()
        + b"\n\xff\xfe\n" + json.dumps({"id": "last"}).encode())
    whole = list(read_path(path))
    for size in (1, 7, 64, 10_000):
        reader = read_path(path)
        assert isinstance(reader, JsonLines)
        blocks = list(reader.blocks(size))
        assert b"".join(block for _, block in blocks) == path.read_bytes()
        assert all(block.endswith(b"\n") for _, block in blocks[:-1])
        assert [row for first, block in blocks for row in block_rows(first, block)] == whole
    assert [row.line for row in whole] == [1, 3, 4, 5, 6, 7]
    assert [row.error is None for row in whole] == [True, True, False, True, False, True]


def test_classify_many_in_workers_keeps_order_lines_and_every_row(tmp_path: Path) -> None:
    inventory = _inventory(tmp_path / "inventory.jsonl", 2 * CHUNK_ROWS, seed=7)
    day = dt.date.fromisoformat(AS_OF)
    one = list(classify_many(read_path(inventory), as_of=day, jobs=1))
    two = list(classify_many(read_path(inventory), as_of=day, jobs=2))
    assert [line for line, _ in two] == [line for line, _ in one]
    assert [json.dumps(i.model_dump(mode="json")) if not isinstance(i, RowError) else str(i)
            for _, i in two] == [json.dumps(i.model_dump(mode="json")) if not isinstance(i, RowError)
                                 else str(i) for _, i in one]
    rows_in = sum(1 for text in inventory.read_text().splitlines() if text.strip())
    assert len(two) == rows_in
    assert sum(isinstance(item, RowError) for _, item in two) == len(BAD) * 3 + 1


def test_zero_jobs_is_one_clear_line(run, tmp_path: Path) -> None:
    inventory = write_inventory(tmp_path / "inventory.jsonl", GOOD)
    result = run("batch", str(inventory), "--jobs", "0")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: `--jobs` must be at least 1 (got 0)"
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        list(classify_many(GOOD, jobs=0))
    with pytest.raises(UnknownRulesetError, match="no ruleset `eu-2099`"):
        list(classify_many(GOOD * CHUNK_ROWS, ruleset="eu-2099", jobs=2))
