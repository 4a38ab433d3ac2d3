"""Every citation the library emits names a provision that exists in the text of its ruleset.

That is every rule and obligation, regime, parameter and penalty group, the provision and the
question of every fact a ruleset's rules read (as open questions show them), and each entry of the
Art 28b crosswalk (its EP duty in the 2023 text, its counterparts in the amended 2024 text).

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

from aiact_tiers import crosswalk, list_rulesets, load_ruleset
from aiact_tiers.facts.descriptions import fact_info

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


EP_ACT = "European Parliament amendments of 14 June 2023 to COM(2021) 206"
AMENDED_ACT = "Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744"
# A pinpoint as facts and questions write it, with the ranges and lists they use:
# `Art 5(1)(h)(i)-(iii)`, `Annex III 5(a), 6, 7`, `EP Art 6(2)`.
PINPOINT = re.compile(r"(?:EP )?(?:Art \d+[a-z]?|Annex [IVX]+(?: Section [A-Z]| \d+)?)(?:\([0-9a-z]+\))*")
RANGE_END = re.compile(r"^-((?:\([0-9a-z]+\))+)")
LIST_ITEM = re.compile(r"^, (\d+(?:\([a-z]+\))*)\b")


def _well_formed(provision: str) -> bool:
    return bool(ARTICLE.match(provision) or ANNEX.match(provision))


def pinpoints(text: str) -> list[str]:
    """The provisions a provision string or a question names, each range and list expanded to
    its ends and items."""
    out = []
    for match in PINPOINT.finditer(text):
        cite, rest = match.group(0), text[match.end():]
        if rest.startswith((" of Regulation", " of Directive", " of the 2024 text", " of the final act")) \
                or text[:match.start()].endswith("the 2024 point "):
            continue  # a provision of another act
        out.append(cite)
        if end := RANGE_END.match(rest):
            groups = re.findall(r"\([0-9a-z]+\)", end.group(1))
            head = re.sub(rf"(?:\([0-9a-z]+\)){{{len(groups)}}}$", "", cite)
            out.append(head + "".join(groups))
        if annex := re.match(r"^((?:EP )?Annex [IVX]+) ", cite):
            while item := LIST_ITEM.match(rest):
                out.append(f"{annex.group(1)} {item.group(1)}")
                rest = rest[item.end():]
    return out


def _in_text(cite: str, act: str) -> bool:
    """Whether a cited provision exists in ``act``; only the EP ruleset may prefix `EP `."""
    if cite.startswith("EP "):
        if act != EP_ACT:
            return False
        cite = cite.removeprefix("EP ")
    return _well_formed(cite) and cite in citable(act)


def _citations(ruleset_id: str) -> list[tuple[str, str]]:
    """Every citation the ruleset emits, with where it comes from."""
    ruleset = load_ruleset(ruleset_id)
    found = [(rule.id, rule.citation.provision) for rule in ruleset]
    found += [(f"regime {r.id}", r.citation) for r in ruleset.regimes.values()]
    found += [(f"parameter {p.id}", p.citation) for p in ruleset.parameters.values()]
    found += [(f"presumption {p.fact}", p.citation) for p in ruleset.presumptions]
    found += [(f"predicate {p.id}", p.citation) for p in ruleset.predicates.values()]
    found += [(f"operator {role}", cite) for role, provision in ruleset.role_citations.items()
              for cite in pinpoints(provision)]
    # the provisions named in what a reader is shown: titles, messages, notes, regime titles
    found += [(f"{rule.id} {field}", cite) for rule in ruleset if rule.derived_from is None
              for field in ("title", "message", "note") for cite in pinpoints(getattr(rule, field))]
    found += [(f"regime {r.id} title", cite) for r in ruleset.regimes.values()
              for cite in pinpoints(f"{r.title} {r.note}")]
    for fact in sorted({name for rule in ruleset for name in rule.when.facts}):
        info = fact_info(fact, ruleset.act)
        found += [(f"fact {fact}", cite) for cite in pinpoints(info["provision"])]
        found += [(f"question {fact}", cite) for cite in pinpoints(info["question"])]
    return found


def _penalty_citations(ruleset_id: str) -> list[tuple[str, str]]:
    data = yaml.safe_load((Path(__file__).parents[2] / "src/aiact_tiers/law/data/penalties.yaml")
                          .read_text(encoding="utf-8")).get(ruleset_id, {})
    found = [(f"penalty {g['id']}", cite) for g in data.get("groups", [])
             for cite in [g["citation"], *g.get("provisions", [])]]
    found += [("penalty lower_of", cite) for cite in data.get("lower_of", {}).values()]
    if "residual" in data:
        found.append(("penalty residual", data["residual"]["citation"]))
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
    act = load_ruleset(ruleset_id).act
    wrong = [(where, cite) for where, cite in _citations(ruleset_id) + _penalty_citations(ruleset_id)
             if not _in_text(cite, act)]
    assert wrong == []


@pytest.mark.parametrize("ruleset_id", INDEXED)
def test_every_fact_and_question_a_ruleset_asks_cites_its_own_text(ruleset_id: str) -> None:
    act = load_ruleset(ruleset_id).act
    found = [(where, cite) for where, cite in _citations(ruleset_id)
             if where.startswith(("fact ", "question "))]
    assert found
    assert [(where, cite) for where, cite in found if not _in_text(cite, act)] == []


@pytest.mark.parametrize("ruleset_id", list_rulesets())
def test_a_presumption_cites_its_fact_or_a_rule_reading_it_or_the_rule_that_one_excepts(
    ruleset_id: str,
) -> None:
    """An assumption of a result names the provision it concerns: that of the fact presumed, of a
    rule reading it, or of the rule such an exception overrides (Art 3(62) over Annex III 2)."""
    ruleset = load_ruleset(ruleset_id)
    wrong = []
    for presumption in ruleset.presumptions:
        readers = [rule for rule in ruleset if presumption.fact in rule.when.facts]
        cited = {cite.removeprefix("EP ") for cite in pinpoints(
            fact_info(presumption.fact, ruleset.act)["provision"])}
        cited |= {rule.citation.provision for rule in readers}
        cited |= {ruleset.rule(target).citation.provision for rule in readers
                  for target in ruleset.overridden.get(rule.id, ())}
        if presumption.citation not in cited:
            wrong.append((presumption.fact, presumption.citation))
    assert wrong == []


def test_every_crosswalk_entry_cites_the_2023_duty_and_the_amended_2024_counterparts() -> None:
    wrong = [entry.duty for entry in crosswalk() if not _in_text(entry.duty, EP_ACT)]
    wrong += [cite for entry in crosswalk() for cite in entry.counterparts
              if not _in_text(cite, AMENDED_ACT)]
    assert wrong == []


def test_the_ep_deployer_duties_cite_paragraphs_of_art_29() -> None:
    bare = [rule.id for rule in load_ruleset("eu-2023-ep") if rule.citation.provision == "Art 29"]
    assert bare == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Art 111(2), Art 111(4)", ["Art 111(2)", "Art 111(4)"]),
    ("Art 5(1)(h)(i)-(iii)", ["Art 5(1)(h)(i)", "Art 5(1)(h)(iii)"]),
    ("Annex III 5(a), 6, 7", ["Annex III 5(a)", "Annex III 6", "Annex III 7"]),
    ("Is it so (EP Art 6(2))?", ["EP Art 6(2)"]),
    ("Art 6(1)(a), Annex I", ["Art 6(1)(a)", "Annex I"]),
])
def test_pinpoints_expands_ranges_and_lists(text: str, expected: list[str]) -> None:
    assert pinpoints(text) == expected


def test_a_2024_provision_does_not_pass_for_the_2023_text() -> None:
    assert not _in_text("Art 5(1)(g)", EP_ACT)
    assert not _in_text("EP Art 6(2)", "Regulation (EU) 2024/1689")
    assert _in_text("EP Art 6(2)", EP_ACT)


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
