"""`aiact-tiers batch --compact`: the compact records of `POST /batch`, every row accounted for."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_support import AS_OF
from test_cli_batch import BAD, GOOD, write_inventory

from aiact_tiers import Tier
from aiact_tiers.interfaces import parallel
from aiact_tiers.interfaces.batch import classify_jsonl
from aiact_tiers.interfaces.parallel import CHUNK_ROWS

DAY = dt.date.fromisoformat(AS_OF)
MODEL = {"id": "gpai-1", "kind": "model", "training_compute_flop": 1e26}


def test_compact_records_are_those_of_classify_jsonl(run, tmp_path: Path) -> None:
    inventory = write_inventory(tmp_path / "inventory.jsonl", [*GOOD, MODEL, *BAD])
    out = tmp_path / "out.jsonl"
    result = run("batch", str(inventory), "--as-of", AS_OF, "--compact", "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    lines = inventory.read_text().splitlines()
    assert records == list(classify_jsonl(lines, as_of=DAY))
    assert len(records) == len(GOOD) + 1 + len(BAD) + 1  # rows in = results + errors
    assert [r["id"] for r in records if "error" not in r] == [*(g["id"] for g in GOOD), "gpai-1"]
    assert [r["line"] for r in records if "error" in r] == [5, 6, 7]
    assert {**records[0], "obligations": len(records[0]["obligations"])} == {
        "line": 1, "id": "hr-1", "tier": "high_risk", "possible_tiers": ["high_risk"],
        "system_tier": "high_risk", "basis": ["annex_iii_4_a"], "obligations": 26,
        "certain": False}
    assert records[0]["obligations"][:3] == ["art_04_provider", "art_50_2_mark", "art_111_4_mark"]
    assert records[3]["possible_tiers"] == [] and "art_55_1_a" in records[3]["obligations"]
    assert result.stderr.count(":line ") == 3
    whole = run("batch", str(inventory), "--as-of", AS_OF, "-o", str(tmp_path / "whole.jsonl"))
    counts = "7 rows: out_of_scope 0, prohibited 0, high_risk 1, limited 0, minimal 0, " \
             "undetermined 3, errors 3"
    assert counts in result.stderr and counts in whole.stderr

@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_compact_reads_every_inventory_format(run, tmp_path: Path, suffix: str) -> None:
    inventory = write_inventory(tmp_path / f"inventory{suffix}", [*GOOD, *BAD])
    compact, whole = tmp_path / "compact.jsonl", tmp_path / "whole.jsonl"
    assert run("batch", str(inventory), "--as-of", AS_OF, "--compact", "-o", str(compact)).exit_code == 0
    assert run("batch", str(inventory), "--as-of", AS_OF, "-o", str(whole)).exit_code == 0
    short = [json.loads(line) for line in compact.read_text().splitlines()]
    full = [json.loads(line) for line in whole.read_text().splitlines()]
    assert [(r["line"], r["id"], r.get("tier"), r.get("error")) for r in short] == [
        (r["line"], r["id"], r.get("tier"), r.get("error")) for r in full]
    assert [r["possible_tiers"] for r in short if "error" not in r] == [
        r["possible_tiers"] for r in full if "error" not in r]


def test_compact_with_two_jobs_writes_the_same_bytes(run, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "BLOCK_BYTES", 4096)  # many blocks, cut inside rows
    entries = [{**GOOD[i % len(GOOD)], "id": f"s{i}"} for i in range(3 * CHUNK_ROWS)]
    inventory = write_inventory(tmp_path / "inventory.jsonl", [*entries[:50], *BAD, *entries[50:]])
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"{jobs}.jsonl"
        result = run("batch", str(inventory), "--as-of", AS_OF, "--compact", "--jobs", jobs,
                     "-o", str(out))
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 3 * CHUNK_ROWS + len(BAD) + 1


def test_compact_gate_fails_on_the_tier_reached(run, tmp_path: Path) -> None:
    inventory = write_inventory(tmp_path / "inventory.jsonl", GOOD)
    result = run("batch", str(inventory), "--as-of", AS_OF, "--compact", "--fail-on",
                 Tier.HIGH_RISK.value, "--allow-errors")
    assert result.exit_code == 1
    assert "gate --fail-on high_risk failed: 1 row reached high_risk" in result.stderr


@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_compact_to_another_format_is_refused_in_one_line(run, tmp_path: Path, name: str) -> None:
    inventory = write_inventory(tmp_path / "inventory.jsonl", GOOD)
    result = run("batch", str(inventory), "--as-of", AS_OF, "--compact", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    refused = f"error: `--compact` writes JSON Lines: name a .jsonl output, not `{name}`"
    assert result.stderr.strip() == refused
    assert not (tmp_path / name).exists()
