"""Build citations-2024-1689.json: the provisions of Regulation (EU) 2024/1689 that may be cited.

Usage: python tests/data/make_citation_index.py <regulation-2024-1689-en.md>

Reads the Markdown rendering of the Official Journal text and writes, next to this script, every
article with its paragraphs, points and sub-points, and every annex with its sections, points and
sub-points. The recitals before Chapter I and the footnotes after Article 113 are skipped.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ARTICLE = re.compile(r"^### Article (\d+[a-z]?)$")
ANNEX = re.compile(r"^# ANNEX ([IVX]+)$")
SECTION = re.compile(r"^#+ Section ([A-Z])\b")
NUMBERED = re.compile(r"^(\d+[a-z]?)\. ")
PARENTHESISED = re.compile(r"^\((\d+[a-z]?|[a-z]+)\) ")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

Tree = dict[str, dict[str, dict[str, list[str]]]]


class _Builder:
    """Three levels under each article or annex: paragraph (or point), point, sub-point."""

    def __init__(self) -> None:
        self.tree: Tree = {}
        self.unit: dict[str, dict[str, list[str]]] = {}
        self.level1 = ""
        self.level2 = ""
        self.lead_in = False  # the last point ended with a colon: sub-points follow
        self.numbered_lead_in = False  # the last numbered line ended with a colon: points follow

    def open(self, key: str) -> None:
        self.unit = self.tree.setdefault(key, {})
        self.level1 = self.level2 = ""
        self.unit.setdefault("", {})

    def first(self, number: str, lead_in: bool = True) -> None:
        self.level1, self.level2, self.numbered_lead_in = number, "", lead_in
        self.unit.setdefault(number, {})

    def point(self, token: str, lead_in: bool) -> None:
        points = self.unit[self.level1]
        if token in ROMAN and self.level2 and (len(token) > 1 or token == "i"):
            if token == "i" and not self.lead_in:
                # the rendering drops a point whose text only introduces sub-points
                # (Art 5(1)(c) and (h)); it is the letter after the last point
                self.level2 = chr(ord(self.level2) + 1)
                points.setdefault(self.level2, [])
            points[self.level2].append(token)
            if token == "i":
                points.setdefault(token, [])  # (i) may also be a letter of the list itself
            return
        if token == "a" and self.level1.isdigit() and (points or not self.numbered_lead_in):
            # the numbered line introducing this list of points was dropped too
            self.first(str(int(self.level1) + 1))
            points = self.unit[self.level1]
        self.level2, self.lead_in = token, lead_in
        points.setdefault(token, [])


def build(text: str) -> dict[str, Tree]:
    articles, annexes = _Builder(), _Builder()
    current: _Builder | None = None
    for line in text.splitlines():
        if line.startswith("## CHAPTER I") or ARTICLE.match(line):
            current = articles
        if match := ANNEX.match(line):
            current = annexes
            annexes.open(match.group(1))
            if match.group(1) == "III":  # the rendering drops the line of point 1 (biometrics)
                annexes.first("1")
            continue
        if line.startswith("Done at Brussels"):
            current = None
        if current is None:
            continue
        if match := ARTICLE.match(line):
            articles.open(match.group(1))
        elif current is annexes and (match := SECTION.match(line)):
            annexes.first(f"Section {match.group(1)}")
        elif match := NUMBERED.match(line):
            current.first(match.group(1), line.rstrip().endswith(":"))
        elif match := PARENTHESISED.match(line):
            token = match.group(1)
            if token[0].isdigit():
                current.first(token, line.rstrip().endswith(":"))
            else:
                current.point(token, line.rstrip().endswith(":"))
        elif line.rstrip().endswith(":"):
            current.numbered_lead_in = True  # an unnumbered subparagraph introduces the points
    return {"articles": articles.tree, "annexes": annexes.tree}


def main() -> None:
    source = Path(sys.argv[1])
    index = build(source.read_text(encoding="utf-8"))
    target = Path(__file__).with_name("citations-2024-1689.json")
    target.write_text(json.dumps(index, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
