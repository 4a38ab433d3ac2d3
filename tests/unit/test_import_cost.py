"""What importing the package loads: the layers a classification needs, not those it may never
use (the renderers, the analysis layer, the interfaces, ``rule-engine`` itself)."""

import json
import subprocess
import sys

PROBE = """
import datetime, json, sys
import aiact_tiers
aiact_tiers.load_ruleset()
before = sorted(m for m in sys.modules if m.split(".")[0] in ("aiact_tiers", "rule_engine", "html"))
result = aiact_tiers.classify({"infers_outputs_from_input": True, "placed_on_union_market": True,
                               "annex_iii_points": ["4(a)"], "profiling": True,
                               "practices": []},
                              as_of=datetime.date(2026, 12, 1))
html = result._repr_html_()
print(json.dumps({"before": before, "html": html[:200], "markdown": result._repr_markdown_()[:200],
                  "render": "aiact_tiers.render" in sys.modules}))
"""


def probe() -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    data: dict[str, object] = json.loads(out.stdout)
    return data


def test_import_and_load_leave_the_renderers_analysis_and_interfaces_unloaded() -> None:
    loaded = probe()["before"]
    assert isinstance(loaded, list)
    assert [m for m in loaded if m.startswith(("aiact_tiers.render", "aiact_tiers.analysis",
                                               "aiact_tiers.interfaces", "rule_engine", "html"))] == []


def test_a_result_shown_in_a_notebook_loads_the_renderers_on_first_use() -> None:
    shown = probe()
    assert shown["render"] is True
    assert str(shown["html"]).startswith("<h2>AI system: <span class=\"tier high_risk\">")
    assert str(shown["markdown"]).startswith("# AI system: high_risk\n")


def test_the_command_line_starts_without_the_reader_and_models_only_some_commands_use() -> None:
    """PyYAML (read and written by the commands that take or give YAML) and the services'
    catalogue models load with those commands, not with every start of `aiact-tiers`."""
    code = ("import json, sys; from aiact_tiers.interfaces.cli import main; "
            "print(json.dumps(['yaml' in sys.modules, 'aiact_tiers.law.catalog' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [False, False]
