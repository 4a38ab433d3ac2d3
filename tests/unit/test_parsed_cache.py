"""The parsed-rule cache: fresh for every shipped ruleset, equal to parsing, ignored when stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiact_tiers import list_rulesets, load_ruleset
from aiact_tiers.law import parse_cache as _cache
from aiact_tiers.law import ruleset as ruleset_module


@pytest.mark.parametrize("ruleset_id", list_rulesets())
def test_the_shipped_cache_matches_the_rule_files(ruleset_id: str) -> None:
    """Fails after rule files or facts change: run `python -m aiact_tiers.law.refresh_cache`."""
    files = ruleset_module._Files(ruleset_module._root().joinpath(ruleset_id), "", None)
    assert _cache.lookup(ruleset_id, files.texts.items()) is not None


@pytest.mark.parametrize("ruleset_id", list_rulesets())
def test_loading_from_the_cache_gives_the_rules_parsing_gives(ruleset_id: str) -> None:
    texts, parsed = ruleset_module.parse_files(ruleset_id)
    stored = json.loads(_cache.dump(ruleset_id, texts, parsed), object_hook=_cache._decode)
    assert stored["documents"] == parsed.documents
    assert {text: _cache._tuples(tree) for text, tree in stored["trees"].items()} == parsed.trees
    fresh = ruleset_module._Files(ruleset_module._root().joinpath(ruleset_id), f"rules/{ruleset_id}", None)
    rebuilt = ruleset_module._build(ruleset_module._manifest(ruleset_id, fresh), fresh)
    assert rebuilt.rules == load_ruleset(ruleset_id).rules


def test_a_stale_cache_falls_back_to_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts, parsed = ruleset_module.parse_files("eu-2024")
    entry = tmp_path / "eu-2024.json"
    entry.write_text(_cache.dump("eu-2024", texts, parsed))
    monkeypatch.setattr(_cache, "_path", lambda ruleset_id: entry)
    assert _cache.lookup("eu-2024", texts) is not None
    edited = [(name, text + "\n") if name.endswith("art_06_3.yaml") else (name, text) for name, text in texts]
    assert _cache.lookup("eu-2024", edited) is None
    entry.write_text("{not json")
    assert _cache.lookup("eu-2024", texts) is None


def test_the_cache_holds_plain_data_only() -> None:
    with pytest.raises(ValueError, match="cannot store"):
        _cache._encode({"$date": "2024-01-01"})
    with pytest.raises(ValueError, match="cannot store"):
        _cache._encode({"a": object()})


def test_a_retyped_fact_makes_the_cache_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts, parsed = ruleset_module.parse_files("eu-2024")
    entry = tmp_path / "eu-2024.json"
    data = json.loads(_cache.dump("eu-2024", texts, parsed))
    assert data["facts"]["profiling"] == ["boolean", "system", None]
    entry.write_text(json.dumps(data))
    monkeypatch.setattr(_cache, "_path", lambda ruleset_id: entry)
    assert _cache.lookup("eu-2024", texts) is not None
    data["facts"]["profiling"] = ["float", "system", None]
    entry.write_text(json.dumps(data))
    assert _cache.lookup("eu-2024", texts) is None
