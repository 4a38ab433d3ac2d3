"""The documentation runs: its code blocks, the worked examples and the notebook print what it says.

Every ``python`` block of a hand-written page runs, in order, in one namespace per page, in an
empty folder holding the bundled examples its ``aiact-tiers examples NAME`` lines write; where a
``text`` block follows it, the output must match. Every example file and the notebook run, and the
tier each prints is checked against the table below; the notebook's saved outputs are the ones its
cells give now. The generated pages cover every rule of every ruleset and every error code.
"""

from __future__ import annotations

import ast
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
from aiact_tiers.interfaces import bundled

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
BAD_ROW = "row 21: field `annex_iii_points.0`: must be one of"
HEADLINE = re.compile(r"^(?P<name>[^\s].*): (?P<tier>\S+) under (?P<ruleset>\S+) as of ", re.M)
FENCE = re.compile(r"^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```", re.M | re.S)
WRITES_EXAMPLE = re.compile(r"^aiact-tiers examples (?P<name>\w+)", re.M)


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


def run_in_folder(page: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter ``folder`` with the bundled examples the page's shell lines write."""
    for name in WRITES_EXAMPLE.findall(page.read_text(encoding="utf-8")):
        bundled.write_example(name, folder)
    monkeypatch.chdir(folder)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_code_blocks_of_a_page_run_and_print_what_the_page_shows(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_in_folder(page, tmp_path, monkeypatch)
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


def run_cell(source: str, namespace: dict[str, Any]) -> tuple[str, str | None]:
    """Run a notebook cell as Jupyter does: what it prints, and its last expression's HTML."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(tree, "<cell>", "exec"), namespace)
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None
    html = value._repr_html_() if hasattr(value, "_repr_html_") else None
    return out.getvalue(), html


def notebook_cells() -> list[dict[str, Any]]:
    notebook = json.loads((EXAMPLES / "inventory.ipynb").read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def test_inventory_notebook_runs_and_prints_its_tiers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    namespace: dict[str, Any] = {}
    printed = "".join(run_cell("".join(cell["source"]), namespace)[0] for cell in notebook_cells())
    lines = printed.strip().splitlines()
    assert lines[-1] == str(INVENTORY)
    assert len(lines) == 1 + sum(INVENTORY.values()) + 1
    assert lines[-2].startswith(BAD_ROW)


def test_the_notebook_is_saved_with_the_outputs_its_cells_give_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    namespace: dict[str, Any] = {}
    html_outputs = 0
    for cell in notebook_cells():
        printed, html = run_cell("".join(cell["source"]), namespace)
        saved_text = "".join("".join(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream")
        saved_html = [o["data"]["text/html"] for o in cell["outputs"] if "text/html" in o.get("data", {})]
        assert saved_text == printed
        assert ["".join(h) for h in saved_html] == ([html] if html is not None else [])
        html_outputs += html is not None
    assert html_outputs == 5  # the inventory, one result, a comparison, the history, a penalty


def test_the_notebook_page_shows_its_tables_and_its_tiers() -> None:
    page = site_pages.render_notebook(EXAMPLES / "inventory.ipynb")
    assert str(INVENTORY) in page and BAD_ROW in page
    assert page.count('<div class="notebook-output">') == 5 and page.count("<table>") >= 5


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
    assert ("(fires)" in page or "(in the basis)" in page) and "(near miss: does not fire)" in page
    assert "tests/cases" not in page
