"""Regenerate the parse cache of every shipped ruleset (:mod:`.parse_cache`) after rule files or
facts change::

    python -m aiact_tiers.law.refresh_cache
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .parse_cache import dump
from .ruleset import list_rulesets, parse_files


def regenerate(folder: Path | None = None) -> list[Path]:
    """Write the cache of every shipped ruleset, parsing its files afresh; the paths written."""
    target = folder or Path(str(resources.files("aiact_tiers.law").joinpath("data", "parsed")))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ruleset_id in list_rulesets():
        texts, parsed = parse_files(ruleset_id)
        path = target / f"{ruleset_id}.json"
        path.write_text(dump(ruleset_id, texts, parsed), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in regenerate():
        print(f"wrote {written_path}")
