"""Table 1 of the 2023 governance report: every row lands in the report's tier under `eu-2023-ep`.

The rows live in ``examples/table_1_2023.yaml``, which the worked example prints; this test holds
each row's system to its tier, its exact basis and no open question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from legal_cases import run_case

TABLE = yaml.safe_load(
    (Path(__file__).parents[4] / "examples" / "table_1_2023.yaml").read_text(encoding="utf-8")
)
ROWS: list[dict[str, Any]] = TABLE["scenarios"]


def test_the_table_covers_the_four_tiers_of_the_report() -> None:
    tiers = [row["tier"] for row in ROWS]
    assert {t: tiers.count(t) for t in dict.fromkeys(tiers)} == {
        "prohibited": 8, "high_risk": 9, "limited": 5, "minimal": 2,
    }


def test_the_limited_rows_show_the_deployers_transparency_duties() -> None:
    """The table's measure for limited risk is transparency, which the text gives deployers too."""
    rows = {row["name"]: row for row in ROWS if row["tier"] == "limited"}
    deep_fake = next(row for name, row in rows.items() if name.startswith("Systems generating or"))
    emotion = rows["Emotion recognition systems"]
    run_case("eu-2023-ep", {"facts": {**TABLE["shared"], **deep_fake["facts"]}, "role": "deployer",
                            "fires": ["ep_art_52_3_disclose"]})
    run_case("eu-2023-ep", {"facts": {**TABLE["shared"], **emotion["facts"]}, "role": "deployer",
                            "fires": ["ep_art_52_2_inform_and_consent"]})


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_a_row_of_table_1_classifies_to_its_tier(row: dict[str, Any]) -> None:
    facts = {**TABLE["shared"], **row["facts"]}
    run_case("eu-2023-ep", {"facts": facts, "system_tier": row["tier"], "open_questions": []})
    # The report's tier is the system's: asked for every role, it is the tier, with its basis.
    run_case("eu-2023-ep", {"facts": {**facts, "roles": None}, "tier": row["tier"],
                            "basis": row["basis"]})
