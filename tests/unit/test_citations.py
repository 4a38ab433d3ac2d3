"""Every rule, regime and parameter cites a provision that exists in the text of its ruleset.

The index of Regulation (EU) 2024/1689 is generated from the official text by
``tests/data/make_citation_index.py``; the provisions added by Regulation (EU) 2026/1744 are
listed by hand in ``tests/data/citations-2026-1744.yaml``. The index of the European Parliament's
text of 14 June 2023 (``tests/data/citations-2023-ep.json``) holds the provisions the reference
names for that text, in its own numbering.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from aiact_tiers import list_rulesets, load_ruleset

DATA = Path(__file__).parent.parent / "data"
ARTICLE = re.compile(r"^Art (\d+[a-z]?)((?:\([0-9a-z]+\))*)$")
ANNEX = re.compile(r"^Annex ([IVX]+)(?: (Section [A-Z]|\d+))?((?:\([a-z]+\))*)$")
TEXTS = {
    "Regulation (EU) 2024/1689": ("citations-2024-1689.json",),
    "Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744": (
        "citations-2024-1689.json", "citations-2026-1744.yaml",
    ),
    "European Parliament amendments of 14 June 2023 to COM(2021) 206": ("citations-2023-ep.json",),
}


def _provisions(kind: str, tree: dict[str, dict[str, dict[str, list[str]]]]) -> set[str]:
    """Every citable pinpoint of one index tree: `Art 5(1)(h)(i)`, `Annex III 4(a)`."""
    out = set()
    for unit, firsts in tree.items():
        base = f"Art {unit}" if kind == "articles" else f"Annex {unit}"
        out.add(base)
        for first, points in firsts.items():
            if kind == "articles":
                head = f"{base}({first})" if first else base
            else:
                head = f"{base} {first}" if first else base
            out.add(head)
            for point, subs in points.items():
                out.add(f"{head}({point})")
                out.update(f"{head}({point})({sub})" for sub in subs)
    return out


@cache
def citable(act: str) -> frozenset[str]:
    out: set[str] = set()
    for name in TEXTS[act]:
        text = (DATA / name).read_text(encoding="utf-8")
        if name.endswith(".json"):
            index = json.loads(text)
            out |= _provisions("articles", index["articles"]) | _provisions("annexes", index["annexes"])
        else:
            out |= {entry["provision"] for entry in yaml.safe_load(text)["provisions"]}
    return frozenset(out)


def _well_formed(provision: str) -> bool:
    return bool(ARTICLE.match(provision) or ANNEX.match(provision))


def _citations(ruleset_id: str) -> list[tuple[str, str]]:
    ruleset = load_ruleset(ruleset_id)
    found = [(rule.id, rule.citation.provision) for rule in ruleset]
    found += [(f"regime {r.id}", r.citation) for r in ruleset.regimes.values()]
    found += [(f"parameter {p.id}", p.citation) for p in ruleset.parameters.values()]
    return found


INDEXED = [r for r in list_rulesets() if load_ruleset(r).act in TEXTS]


def test_the_rulesets_of_regulation_2024_1689_are_indexed() -> None:
    assert {"eu-2023-ep", "eu-2024", "eu-2024-2026"} <= set(INDEXED)


@pytest.mark.parametrize(
    "provision", ["Art 5(1)(dc)", "Annex III 8(ab)", "Art 6(2a)", "Art 29a", "Art 52(3a)"]
)
def test_a_provision_of_the_2023_text_is_not_in_the_2024_text(provision: str) -> None:
    assert provision in citable("European Parliament amendments of 14 June 2023 to COM(2021) 206")
    assert provision not in citable("Regulation (EU) 2024/1689")


@pytest.mark.parametrize("ruleset_id", INDEXED)
def test_every_citation_exists_in_the_text_of_its_ruleset(ruleset_id: str) -> None:
    allowed = citable(load_ruleset(ruleset_id).act)
    wrong = [(where, cite) for where, cite in _citations(ruleset_id)
             if not _well_formed(cite) or cite not in allowed]
    assert wrong == []


@pytest.mark.parametrize(
    "invented", ["Art 5(1)(z)", "Art 6(9)", "Art 114", "Annex III 9(a)", "Annex XIV", "Art 50 (2)"]
)
def test_an_invented_citation_is_refused(invented: str) -> None:
    allowed = citable("Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744")
    assert not (_well_formed(invented) and invented in allowed)


def test_a_provision_added_in_2026_is_not_in_the_2024_text() -> None:
    assert "Art 5(1)(ba)" not in citable("Regulation (EU) 2024/1689")
    assert "Art 111(4)" not in citable("Regulation (EU) 2024/1689")


@pytest.mark.parametrize(
    "provision", ["Art 3(63)", "Art 5(1)(h)(iii)", "Art 6(3)(d)", "Art 113(c)", "Annex III 5(b)",
                  "Annex I Section A", "Annex XIII(f)", "Art 53(1)(d)", "Art 111(3)"]
)
def test_the_index_holds_provisions_of_the_official_text(provision: str) -> None:
    assert provision in citable("Regulation (EU) 2024/1689")
