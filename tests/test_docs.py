"""The documentation runs: its code blocks, the worked examples and the notebook print what it says.

Every ``python`` block of a hand-written page runs, in order, in one namespace per page; where a
``text`` block follows it, the output must match. Every example file and the notebook run, and the
tier each prints is checked against the table below. The generated pages cover every rule of every
ruleset and every error code.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aiact_tiers import list_rulesets, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(DOCS))
import site_pages  # noqa: E402

# example file -> the tier (or model class) of each system it prints, in order
EXPECTED = {
    "cv_screening.py": ["high_risk"],
    "cv_screening_derogation.py": ["minimal", "high_risk"],
    "credit_scoring_bank.py": ["high_risk"],
    "customer_service_chatbot.py": ["limited"],
    "deep_fake_generator.py": ["limited"],
    "social_scoring.py": ["prohibited"],
    "emotion_recognition_call_centre.py": ["prohibited", "high_risk"],
    "medical_device_software.py": ["high_risk"],
    "gpai_model.py": ["gpai_systemic_risk"],
    "foundation_model_chatbot.py": ["generative_foundation_model", "limited", "gpai", "limited"],
    "table_1_2023.py": ["prohibited"] * 8 + ["high_risk"] * 9 + ["limited"] * 5 + ["minimal"] * 2,
}
INVENTORY = {"high_risk": 7, "limited": 3, "minimal": 6, "out_of_scope": 1, "prohibited": 3}
HEADLINE = re.compile(r"^(?P<name>[^\s].*): (?P<tier>\S+) under (?P<ruleset>\S+) as of ", re.M)
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.M | re.S)


def blocks(page: Path) -> Iterator[tuple[str, str | None]]:
    """(python source, the text block right after it or None) for each python block of a page."""
    text = page.read_text(encoding="utf-8")
    fences = [(m.group("lang"), m.group("body"), m.start(), m.end()) for m in FENCE.finditer(text)]
    for i, (lang, body, _, end) in enumerate(fences):
        if lang != "python":
            continue
        following = fences[i + 1] if i + 1 < len(fences) else None
        adjacent = following and following[0] == "text" and not text[end:following[2]].strip()
        yield body, following[1] if following and adjacent else None


PAGES = [p for p in sorted(DOCS.rglob("*.md")) if any(blocks(p))]


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_code_blocks_of_a_page_run_and_print_what_the_page_shows(page: Path) -> None:
    namespace: dict[str, Any] = {}
    for source, shown in blocks(page):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(source, str(page), "exec"), namespace)
        if shown is not None:
            assert out.getvalue().strip() == shown.strip()


def test_the_expected_tier_table_names_every_example() -> None:
    assert {p.name for p in site_pages.examples()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_prints_its_tier(name: str) -> None:
    run = subprocess.run(
        [sys.executable, name], cwd=EXAMPLES, capture_output=True, text=True, check=True
    )
    assert [m.group("tier") for m in HEADLINE.finditer(run.stdout)] == EXPECTED[name]


def test_inventory_notebook_runs_and_prints_its_tiers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.syspath_prepend(str(EXAMPLES))
    notebook = json.loads((EXAMPLES / "inventory.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                exec("".join(cell["source"]), namespace)
    summary = out.getvalue().strip().splitlines()[-1]
    assert summary == str(INVENTORY)
    assert len(out.getvalue().strip().splitlines()) == 1 + sum(INVENTORY.values())
    assert summary in (DOCS / "examples" / "inventory.md").read_text(encoding="utf-8")


def test_every_rule_of_every_ruleset_has_a_generated_page() -> None:
    generated = {path: render for path, render in site_pages.pages()}
    for ruleset_id in list_rulesets():
        ruleset = load_ruleset(ruleset_id)
        index = generated[f"reference/rules/{ruleset_id}/index.md"]()
        for rule in ruleset.rules:
            page = generated[site_pages.rule_page(ruleset_id, rule.id)]()
            assert rule.citation.provision in page and rule.when.text in page
            assert f"({rule.id}.md)" in index


def test_every_error_code_has_its_entry() -> None:
    page = site_pages.render_errors()
    for cls in site_pages.error_classes():
        assert f"## {cls.code}" in page and cls.__name__ in page
    assert len({cls.code for cls in site_pages.error_classes()}) == len(site_pages.error_classes())


def test_a_rule_page_lists_the_cases_that_name_the_rule() -> None:
    ruleset = load_ruleset()
    page = site_pages.render_rule(ruleset, ruleset.rule("art_06_3"))
    assert ("(fires;" in page or "(in the basis;" in page) and "(near miss" in page
