"""classify_jsonl: the compact stream says what the full classification says, row by row."""

from __future__ import annotations

import datetime as dt
import json

from aiact_tiers import RowError, classify_many
from aiact_tiers.interfaces.batch import classify_jsonl
from aiact_tiers.interfaces.inventory import Row

DAY = dt.date(2026, 12, 1)
LINES = [
    '{"id": "chat", "infers_outputs_from_input": true, "interacts_with_natural_persons": true}',
    '{"id": "hr", "infers_outputs_from_input": true, "annex_iii_points": ["4(a)"], "profiling": true}',
    '{"id": "open", "infers_outputs_from_input": true, "annex_iii_points": ["4(a)"]}',
    '{"id": "gpai", "kind": "model", "training_compute_flop": 1e26}',
    '{"id": "mixed", "infers_outputs_from_input": true, "model": {"training_compute_flop": 1e20}}',
    "",
    '{"id": "bad", "profiling": "often"}',
    '{"id": "typo", "profilng": true}',
    "[1, 2]",
    '{"id": "broken", ',
    '{"id": "bad-kind", "kind": "robot"}',
]


def expected() -> list[dict[str, object]]:
    rows = []
    for number, text in enumerate(LINES, start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
            rows.append(Row(number, data) if isinstance(data, dict)
                        else Row(number, error="must be a JSON object of facts"))
        except json.JSONDecodeError as exc:
            rows.append(Row(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})"))
    out: list[dict[str, object]] = []
    for line, item in classify_many(rows, as_of=DAY):
        if isinstance(item, RowError):
            out.append({"line": line, "id": item.id, "error": item.message})
            continue
        out.append({
            "line": line,
            "id": item.id,
            "tier": item.tier.value if item.tier else None,
            "possible_tiers": [t.value for t in item.possible_tiers],
            "system_tier": item.system_tier.value if item.system_tier else None,
            "basis": [hit.rule for hit in item.basis if hit.rule != "operator_position"],
            "obligations": [ob.rule for ob in item.obligations],
            "certain": item.certain,
        })
    return out


def test_compact_records_match_the_full_classification() -> None:
    records = list(classify_jsonl(LINES, as_of=DAY))
    assert records == expected()
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]
    assert records[1]["possible_tiers"] == ["prohibited", "high_risk"]  # Art 2 exclusions presumed absent
    assert records[3]["obligations"] and records[0]["tier"] is None
    assert sum("error" in r for r in records) == 5


def test_role_limits_the_obligations() -> None:
    (everyone,) = classify_jsonl(LINES[1:2], as_of=DAY)
    (deployer,) = classify_jsonl(LINES[1:2], as_of=DAY, role="deployer")
    assert isinstance(deployer["obligations"], list) and isinstance(everyone["obligations"], list)
    assert 0 < len(deployer["obligations"]) < len(everyone["obligations"])
