"""The README's Python example runs, and every value its comments claim is what it gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aiact_tiers import Tier

README = Path(__file__).parents[2] / "README.md"
CLAIM = re.compile(r"^(?P<expr>.+?)\s+#\s(?P<value>Tier\.\w+|\[.*\]|True|False|None)(?!\w)")


def _python_block() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## In Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]


def test_every_claimed_value_of_the_readme_example_holds() -> None:
    namespace: dict[str, Any] = {}
    claims = 0
    for line in _python_block().splitlines():
        match = CLAIM.match(line)
        if match is None:
            exec(line, namespace)  # imports and assignments of the example
            continue
        got = eval(match["expr"], namespace)
        expected = eval(match["value"], {"Tier": Tier})
        assert got == expected, f"{match['expr']} gives {got!r}, the README says {match['value']}"
        claims += 1
    assert claims == 5


def test_the_inventory_how_to_classifies_its_cv_screener_as_high_risk() -> None:
    """The CSV of docs/how-to/inventory.md, with only the facts it shows: under the law's
    presumptions its CV screener is high-risk under Annex III 4(a)."""
    import io

    from aiact_tiers import classify_many
    from aiact_tiers.batch import read_inventory

    page = (README.parent / "docs" / "how-to" / "inventory.md").read_text(encoding="utf-8")
    table = page.split("```text\n", 1)[1].split("```", 1)[0]
    results = [item for _, item in classify_many(read_inventory(io.StringIO(table), "csv"))]
    assert [(r.name, r.tier, [h.citation.provision for h in r.basis]) for r in results] == [
        ("CV screener", Tier.HIGH_RISK, ["Annex III 4(a)"])]
