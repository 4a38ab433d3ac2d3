"""`aiact-tiers classify`, `questions`, `explain`, `rulesets`, `schema`: formats and error paths."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from cli_support import AS_OF, EXAMPLE, IN_SCOPE

from aiact_tiers import Classification, classify, load_description, load_ruleset


def _api(path: Path = EXAMPLE, **kwargs: object) -> Classification:
    return classify(load_description(path), as_of=dt.date.fromisoformat(AS_OF), **kwargs)  # type: ignore[arg-type]


def test_classify_json_is_the_api_document(run) -> None:
    result = run("classify", str(EXAMPLE), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    assert result.stdout.strip() == _api().model_dump_json(indent=2)


def test_classify_reads_stdin_and_honours_ruleset_and_role(run) -> None:
    text = EXAMPLE.read_text()
    result = run("classify", "-", "--as-of", AS_OF, "--ruleset", "eu-2024", "--role", "deployer",
                 "-f", "json", input=text)
    assert result.exit_code == 0
    expected = _api(ruleset="eu-2024", role="deployer")
    assert Classification.model_validate_json(result.stdout) == expected


def test_classify_table_names_tier_basis_and_disclaimer(run, tmp_path: Path) -> None:
    path = tmp_path / "cv.yaml"
    path.write_text(yaml.safe_dump({**yaml.safe_load(EXAMPLE.read_text()), **IN_SCOPE}))
    result = run("classify", str(path), "--as-of", AS_OF)
    assert result.exit_code == 0
    api = _api(path)
    assert api.tier is not None and api.tier.value in result.stdout
    for hit in api.basis:
        assert hit.citation.provision in result.stdout
    assert "not legal advice" in result.stdout


def test_classify_markdown_report(run) -> None:
    result = run("classify", str(EXAMPLE), "--as-of", AS_OF, "-f", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# CV screener:")
    assert "## Obligations" in result.stdout and "not legal advice" in result.stdout


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_classify_html_report_is_self_contained_with_key_content(run) -> None:
    result = run("classify", str(EXAMPLE), "--as-of", AS_OF, "-f", "html")
    assert result.exit_code == 0
    page = _Collector()
    page.feed(result.stdout)
    text = " ".join(page.text)
    api = _api()
    assert "style" in page.tags and "script" not in page.tags and "link" not in page.tags
    assert "CV screener" in text and "eu-2024-2026" in text and AS_OF in text
    assert "not legal advice" in text
    for obligation in api.obligations:
        assert obligation.citation.provision in text
        assert obligation.citation.url in page.links
    for question in api.open_questions:
        assert question.fact in text


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["classify", "missing.yaml"], "missing.yaml"),
        (["classify", str(EXAMPLE), "--ruleset", "eu-2025"], "eu-2025"),
        (["classify", str(EXAMPLE), "--as-of", "28/11/2026"], "--as-of"),
        (["classify", str(EXAMPLE), "--as-of", "2020-01-01"], "as_of"),
        (["classify", str(EXAMPLE), "--role", "vendor"], "--role"),
        (["questions", "missing.yaml"], "missing.yaml"),
        (["explain", "annex_iii_4_z"], "did you mean"),
        (["batch", "missing.csv"], "missing.csv"),
        (["batch", str(EXAMPLE.with_suffix(".py"))], ".py"),
    ],
)
def test_errors_are_one_line_exit_2_without_traceback(run, args: list[str], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert "Traceback" not in result.output


def test_misspelled_field_names_the_field_and_the_closest_name(run) -> None:
    result = run("classify", "-", input="roles: [provider]\nprofilng: true\n")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "profilng" in line and "`profiling`" in line


def test_invalid_value_names_the_field(run) -> None:
    result = run("classify", "-", input="annex_iii_points: ['9(z)']\n")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "annex_iii_points" in line


def test_malformed_yaml_names_the_line(run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("roles: [provider]\nprofiling: [true\n")
    result = run("classify", str(path))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert f"{path}:" in line


def test_questions_lists_the_open_facts_with_provisions(run) -> None:
    result = run("questions", str(EXAMPLE), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [q.model_dump(mode="json") for q in _api().open_questions]
    table = run("questions", str(EXAMPLE), "--as-of", AS_OF)
    assert table.exit_code == 0
    for question in _api().open_questions:
        assert question.provision in table.stdout


def test_explain_shows_citation_predicate_dates_and_cases(run) -> None:
    rule = load_ruleset().rule("annex_iii_4_a")
    result = run("explain", "annex_iii_4_a")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert rule.citation.provision in out and rule.effective_from.isoformat() in out
    assert " ".join(rule.when.text.split()) in out
    assert "fires in" in out and "Annex III 4(a)" in out


def test_explain_shows_a_named_predicate_and_the_rules_that_read_it(run) -> None:
    named = load_ruleset().predicates["art_49_4_area"]
    result = run("explain", "art_49_4_area")
    assert result.exit_code == 0
    lines = [line.strip("│ ") for line in result.stdout.splitlines()]
    assert lines[0].strip() == "art_49_4_area: a condition the rules of eu-2024-2026 share"
    out = " ".join(result.stdout.replace("│", " ").split())
    assert "citation Art 49(4), Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744" in out
    assert " ".join(named.when.split()) in out
    assert "used by art_49_4_derogation, art_49_4_deployer, art_49_4 " in out


def test_explain_refuses_a_cases_folder_that_is_not_there(run, tmp_path) -> None:
    missing = tmp_path / "nowhere"
    result = run("explain", "annex_iii_4_a", "--cases", str(missing))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: `--cases` `{missing}` is not a folder of legal cases\n"


def test_rulesets_lists_every_ruleset_and_the_default(run) -> None:
    result = run("rulesets")
    assert result.exit_code == 0
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if "eu-2024" in line}
    assert set(rows) == {"eu-2024", "eu-2024-2026"}
    assert "yes" in rows["eu-2024-2026"] and "yes" not in rows["eu-2024"]


def test_schema_is_the_description_json_schema(run) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "profiling" in schema["properties"]
    model = json.loads(run("schema", "--model").stdout)
    assert "training_compute_flop" in model["properties"]


def test_every_command_has_help(run) -> None:
    for command in ("classify", "batch", "questions", "interview", "explain", "rulesets", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_compare_prints_the_api_comparison(run) -> None:
    from aiact_tiers.analysis.compare import compare

    args = ["compare", str(EXAMPLE), "--from", "eu-2024", "--to", "eu-2024-2026", "--as-of", AS_OF]
    result = run(*args, "--format", "json")
    assert result.exit_code == 0
    day = dt.date.fromisoformat(AS_OF)
    expected = compare(load_description(EXAMPLE), "eu-2024", "eu-2024-2026", as_of=day)
    assert result.stdout.strip() == expected.model_dump_json(indent=2)
    table = run(*args)
    assert table.exit_code == 0 and "Art 113(c)" in table.stdout
    bad = run("compare", str(EXAMPLE), "--from", "eu-2024", "--to", "eu-2030")
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1
