"""The inventory how-to, followed as written."""

from __future__ import annotations

from pathlib import Path

from aiact_tiers import Tier

ROOT = Path(__file__).parents[2]


def test_the_inventory_how_to_classifies_its_cv_screener_as_high_risk() -> None:
    """The CSV of docs/how-to/inventory.md, with only the facts it shows: under the law's
    presumptions its CV screener is high-risk under Annex III 4(a)."""
    import io

    from aiact_tiers import classify_many
    from aiact_tiers.interfaces.inventory import read_inventory

    page = (ROOT / "docs" / "how-to" / "inventory.md").read_text(encoding="utf-8")
    table = page.split("```text\n", 1)[1].split("```", 1)[0]
    results = [item for _, item in classify_many(read_inventory(io.BytesIO(table.encode()), "csv"))]
    assert [(r.name, r.tier, [h.citation.provision for h in r.basis]) for r in results] == [
        ("CV screener", Tier.HIGH_RISK, ["Annex III 4(a)"])]
