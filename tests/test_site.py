"""The generated parts of the site: the facts reference, the schemas, the API page, the diagrams.

Each is drawn from the code or the rules when the site builds; these tests check that what they
say matches what they are drawn from.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import aiact_tiers
from aiact_tiers import ModelDescription, SystemDescription, list_rulesets, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS))
import diagrams  # noqa: E402
import facts_page  # noqa: E402
import griffe_roles  # noqa: E402
import griffe_validators  # noqa: E402
import site_pages  # noqa: E402

SITE_URL = "https://example.org/aiact/"


@pytest.fixture(scope="module")
def facts() -> str:
    return facts_page.render_facts()


@pytest.mark.parametrize("model", [SystemDescription, ModelDescription])
def test_the_facts_page_names_every_field_of_the_json_schema_with_its_question(
    model: type[SystemDescription] | type[ModelDescription], facts: str
) -> None:
    subject = facts_page.subject(model)
    for name, prop in model.model_json_schema()["properties"].items():
        assert f"#### `{name}` {{#{facts_page.anchor(subject, name)}}}" in facts
        if "question" in prop:
            assert f"**{prop['question']}**" in facts


def test_a_fact_shows_its_type_provision_values_and_the_rules_reading_it(facts: str) -> None:
    entry = facts.split("#### `annex_iii_points` {#annex_iii_points}")[1].split("#### ")[0]
    assert ("- Type: list of `AnnexIIIPoint` values, or a mapping of each value to `true`, "
            "`false` or `null` (a [set known in part](../how-to/partial-knowledge.md)); left "
            "out, it is unknown.") in entry
    assert "- Provision: Art 6(2), Annex III" in entry
    assert "    - `4(a)`: Employment recruitment" in entry
    assert "[`annex_iii_4_a`](rules/eu-2024-2026/annex_iii_4_a.md)" in entry


def test_every_fact_has_a_section_of_the_law() -> None:
    sections = {facts_page.section(m, n) for m in facts_page.MODELS for n in m.model_fields}
    assert sections == {title for title, _ in facts_page.SECTIONS}  # and no section stays empty
    assert facts_page.section(SystemDescription, "narrow_procedural_task") == "The derogation: Art 6(3)"
    assert facts_page.section(SystemDescription, "placed_on_union_market") == "Scope: Art 2 and Art 3(1)"


@pytest.mark.parametrize("model", [SystemDescription, ModelDescription])
def test_the_published_schema_has_its_dialect_and_its_address(
    model: type[SystemDescription] | type[ModelDescription],
) -> None:
    schema = json.loads(facts_page.schema(model, SITE_URL))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://example.org/aiact/schema/{facts_page.SCHEMA_FILES[model]}"
    assert schema["properties"] == model.model_json_schema()["properties"]


def test_the_site_states_no_address_the_package_does_not_state() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "urls" not in project
    assert {"site_url", "repo_url", "edit_uri"}.isdisjoint(config)
    generated = dict(site_pages.pages(config.get("site_url") or ""))
    schema = json.loads(generated["schema/system-description.json"]())
    assert schema["$id"] == "system-description.json"  # resolves to where the schema is read from


def test_a_rule_page_links_the_facts_it_reads_and_the_rules_it_overrides() -> None:
    ruleset = load_ruleset()
    page = site_pages.render_rule(ruleset, ruleset.rule("art_06_3"))
    assert "[`narrow_procedural_task`](../../facts.md#narrow_procedural_task)" in page
    assert "| Overridden by | [`art_06_3_profiling`](art_06_3_profiling.md) |" in page
    assert "[`annex_iii_4_a`](annex_iii_4_a.md)" in page
    title = "# Art 6(3): Annex III system that poses no significant risk of harm (eu-2024-2026)\n"
    assert page.startswith(title)


def test_every_fact_a_rule_reads_has_an_entry_to_link_to(facts: str) -> None:
    anchors = set(re.findall(r"\{#([\w-]+)\}", facts))
    for ruleset_id in list_rulesets():
        for rule in load_ruleset(ruleset_id).rules:
            assert {facts_page.anchor(rule.subject, f) for f in rule.when.facts} <= anchors, rule.id


def test_rule_titles_differ_between_rulesets_and_no_page_shows_a_repository_path() -> None:
    titles = []
    for path, render in site_pages.pages():
        if path.startswith("reference/rules/") and path.count("/") == 3 and not path.endswith("index.md"):
            page = render()
            titles.append(page.splitlines()[0])
            assert "tests/cases" not in page and "src/aiact_tiers" not in page
    assert len(titles) == len(set(titles)) == sum(len(load_ruleset(r).rules) for r in list_rulesets())


def test_the_rules_nav_lists_every_rule_page_under_its_ruleset() -> None:
    nav = site_pages.render_rules_nav()
    for ruleset_id in list_rulesets():
        assert f"- {ruleset_id}\n" in nav
        for rule in load_ruleset(ruleset_id).rules:
            assert f"({ruleset_id}/{rule.id}.md)" in nav


def test_the_decision_order_follows_the_law_and_draws_the_exceptions() -> None:
    diagram = "\n".join(diagrams.decision_order(load_ruleset()))
    tiers = re.findall(r"fires --> t_(\w+)\(", diagram)
    assert list(dict.fromkeys(tiers)) == ["out_of_scope", "prohibited", "high_risk", "limited", "minimal"]
    assert 'x_art_06_3_profiling -. "overrides Art 6(3)" .-> x_art_06_3' in diagram
    assert re.search(r'x_art_06_3 -\. "overrides" \.-> g\d', diagram)
    assert "x_art_02_10" not in diagram  # it overrides duties only, not a tier


def test_the_timeline_names_the_days_the_amendment_moved() -> None:
    adopted, amended = load_ruleset("eu-2024"), load_ruleset()
    lines = list(diagrams.application_dates(amended, adopted))
    assert lines[:3] == [
        "timeline",
        "  title eu-2024-2026, Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744",
        "  2025-02-02 : AI literacy (Art 113(a)) : Prohibited AI practices (Art 113(a)) : Real-time "
        "remote biometric identification permitted for law enforcement (Art 113(a))",
    ]
    day = {line.split(" : ")[0].strip(): line for line in lines[2:]}
    assert "High-risk AI systems under Art 6(2) and Annex III (Art 113(c), 2026-08-02 under eu-2024)" in (
        day["2027-12-02"]
    )
    assert "(Art 111(4), not in eu-2024)" in day["2026-12-02"]
    assert "under eu-2024-2026" in "\n".join(diagrams.application_dates(adopted, amended))


def test_the_override_graph_groups_the_rules_by_part_of_the_act() -> None:
    ruleset = load_ruleset()
    graph = list(diagrams.override_graph(ruleset, ruleset.rule("art_06_3")))
    assert graph == [
        "flowchart LR",
        '  this[["Art 6(3)<br/>art_06_3"]]',
        '  by0["Art 6(3)<br/>art_06_3_profiling"]',
        "  by0 -- overrides --> this",
        '  of0["Annex III 1(a) … Annex III<br/>34 rules"]',
        "  this -- overrides --> of0",
    ]


def test_the_api_page_documents_exactly_the_public_names_and_each_is_importable() -> None:
    targets = re.findall(r"^::: (aiact_tiers\.[\w.]+)$", (DOCS / "reference" / "api.md").read_text(), re.M)
    names = [t.rsplit(".", 1)[1] for t in targets]
    assert sorted(names) == sorted(aiact_tiers.__all__)
    for target, name in zip(targets, names, strict=True):
        module, _, _ = target.rpartition(".")
        __import__(module)
        assert getattr(sys.modules[module], name) is getattr(aiact_tiers, name), target


def test_docstring_roles_become_links_to_public_names_or_plain_code() -> None:
    text = ("See :class:`~aiact_tiers.DescriptionError`, :func:`classify_many` and "
            ":mod:`aiact_tiers.engine.predicates`.")
    assert griffe_roles.markdown(text) == (
        "See [`DescriptionError`][aiact_tiers.errors.DescriptionError], "
        "[`classify_many`][aiact_tiers.interfaces.batch.classify_many] and `predicates`."
    )
    assert griffe_roles.markdown(":func:`classify`") == "[`classify`][aiact_tiers.decision.classify.classify]"


def test_every_validator_of_a_fact_model_is_listed_with_the_fields_it_validates() -> None:
    import griffe

    extensions = griffe.load_extensions({"griffe_pydantic": {"schema": False}},
                                        griffe_validators.InheritedValidators)
    package = griffe.load("aiact_tiers", search_paths=[str(ROOT / "src")], extensions=extensions)
    validators = {func.path for cls in griffe_validators.classes(package)
                  for func in cls.members.values()
                  if not func.is_alias and isinstance(func, griffe.Function)
                  and griffe_validators.validator_call(func)}
    assert validators == {"aiact_tiers.facts.annex_iii.AnnexIIIFacts._points_as_text",
                          "aiact_tiers.facts.fields.Facts._set_knowledge",
                          "aiact_tiers.facts.gpai.GeneralPurposeModelFacts._flop_is_a_number"}
    for path in validators:
        assert "pydantic-validator" in package[path.removeprefix("aiact_tiers.")].labels, path
    points = package["facts.annex_iii.AnnexIIIFacts"].all_members["annex_iii_points"]
    assert [f.name for f in points.extra[griffe_validators.NAMESPACE]["validators"]] == ["_points_as_text"]


def test_cli_help_fits_the_content_column() -> None:
    page = site_pages.render_cli()
    assert max(len(line) for line in page.splitlines() if not line.startswith("#")) <= site_pages.HELP_COLUMNS


def test_a_hand_written_page_gets_the_diagram_it_asks_for() -> None:
    page = site_pages.with_diagrams("Before.\n\n<!-- diagram: decision-order -->\n\nAfter.\n")
    assert page.startswith("Before.\n\n```mermaid\nflowchart TD\n") and page.endswith("```\n\n\nAfter.\n")
    with pytest.raises(KeyError, match="no diagram named `nope`"):
        site_pages.with_diagrams("<!-- diagram: nope -->")


def test_every_generated_page_links_the_file_it_is_drawn_from() -> None:
    for path, _ in site_pages.pages():
        assert (DOCS / site_pages.edit_path(path)).resolve().is_file(), path
    assert site_pages.edit_path("reference/rules/eu-2024-2026/annex_iii_4_a.md") == (
        "../src/aiact_tiers/law/rules/eu-2024/annex_iii/area_4_employment.yaml"
    )
    assert site_pages.edit_path("examples/inventory.md") == "../examples/inventory.ipynb"


def test_a_rule_using_a_named_predicate_shows_it_written_out_on_its_page() -> None:
    """docs/how-to/overlay.md: the rule reads the condition written out, as its page shows it."""
    ruleset = load_ruleset("eu-2024")
    page = site_pages.render_rule(ruleset, ruleset.rule("art_49_4"))
    predicate = page.split("## Predicate\n\n```text\n")[1].split("```")[0]
    assert " ".join(predicate.split()) == " ".join(f"({ruleset.predicates['art_49_4_area'].when})".split())
    assert "art_49_4_area" not in predicate
