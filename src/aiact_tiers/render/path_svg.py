"""The decision path of one result as an inline SVG picture, drawn without a library.

Three columns, left to right: the rules ruled out (dashed, each with the provision that defeated
it), the provisions that fired (the legal basis), and the tier they reach. A rule ruled out by a
provision that fired is joined to it; one ruled out by a carve-out in its own terms ends in a
cross. Each box holds its full text as a tooltip. The picture needs no script, style sheet or
network, so it shows the same in a saved HTML report and in a notebook.
"""

from __future__ import annotations

from html import escape

from ..results.classification import Classification, Tier

__all__ = ["decision_path_svg"]

BOX_W, BOX_H, GAP, COLUMN_GAP, MARGIN = 230, 44, 12, 50, 10
CHARS = 36
"""The characters of a box's second line that fit its width at 11 px."""

TIER_COLOURS = {
    Tier.PROHIBITED: "#b00", Tier.HIGH_RISK: "#c60", Tier.LIMITED: "#06c", Tier.MINIMAL: "#080",
    Tier.OUT_OF_SCOPE: "#080",
}
_TIERS = frozenset(Tier)  # a basis entry's outcome names a tier, or what else it decides
FIRED, RULED_OUT, UNDETERMINED = "#333", "#999", "#666"
MARKERS = {FIRED: "aiact-arrow-fired", RULED_OUT: "aiact-arrow-ruled-out"}
"""The arrowheads, one per colour of line."""


def _short(text: str) -> str:
    return text if len(text) <= CHARS else text[: CHARS - 1].rstrip() + "…"


def _box(x: int, y: int, head: str, line: str, tip: str, colour: str, *, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    return (
        f"<g><title>{escape(tip)}</title>"
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#fff" '
        f'stroke="{colour}" stroke-width="1.5"{dash}/>'
        f'<text x="{x + 8}" y="{y + 18}" font-size="12" font-weight="bold" fill="{colour}">'
        f"{escape(head)}</text>"
        f'<text x="{x + 8}" y="{y + 34}" font-size="11" fill="{colour}">{escape(_short(line))}</text>'
        "</g>"
    )


def _edge(x1: int, y1: int, x2: int, y2: int, colour: str, *, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    return (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="1.5"'
            f'{dash} marker-end="url(#{MARKERS[colour]})"/>')


def _cross(x: int, y: int) -> str:
    return (f'<path d="M{x - 5} {y - 5}L{x + 5} {y + 5}M{x - 5} {y + 5}L{x + 5} {y - 5}" '
            f'stroke="{RULED_OUT}" stroke-width="2"/>')


def _top(row: int) -> int:
    return MARGIN + row * (BOX_H + GAP)


def decision_path_svg(result: Classification) -> str:
    """The provisions that fired and those ruled out, on the way to the tier, as an SVG element."""
    ruled_out_x = MARGIN
    basis_x = ruled_out_x + (BOX_W + COLUMN_GAP if result.ruled_out else 0)
    tier_x = basis_x + BOX_W + COLUMN_GAP
    rows = max(len(result.ruled_out), len(result.basis), 1)
    height = _top(rows) - GAP + MARGIN
    tier_y = (height - BOX_H) // 2
    parts = []
    rows_of = {hit.rule: i for i, hit in enumerate(result.basis)}
    own = result.system_tier
    for i, hit in enumerate(result.basis):
        y = _top(i)
        parts.append(_box(basis_x, y, hit.citation.provision, hit.title,
                          f"{hit.citation.provision} fired: {hit.message}", FIRED))
        if hit.outcome not in _TIERS or hit.outcome == own or hit.rule == "operator_position":
            # a rule of another tier is cited for its duties (Art 50(6)): it leads to no tier
            parts.append(_edge(basis_x + BOX_W, y + BOX_H // 2, tier_x - 4, tier_y + BOX_H // 2, FIRED))
    if not result.basis:
        parts.append(_box(basis_x, _top(0), "no provision fired", "unknown facts leave it open",
                          "No provision decided the tier yet", UNDETERMINED, dashed=True))
    for i, ruled in enumerate(result.ruled_out):
        y = _top(i) + BOX_H // 2
        parts.append(_box(ruled_out_x, _top(i), ruled.citation.provision,
                          f"{ruled.tier.value}, ruled out by {ruled.by_provision}",
                          f"{ruled.citation.provision} ({ruled.tier.value}) ruled out by "
                          f"{ruled.by_provision}: {ruled.message}", RULED_OUT, dashed=True))
        if ruled.by in rows_of:
            target = _top(rows_of[ruled.by]) + BOX_H // 2
            parts.append(_edge(basis_x - 4, target, ruled_out_x + BOX_W, y, RULED_OUT, dashed=True))
        else:
            parts.append(_cross(ruled_out_x + BOX_W + COLUMN_GAP // 2, y))
    colour = TIER_COLOURS.get(result.tier, UNDETERMINED) if result.tier else UNDETERMINED
    label = result.tier.value if result.tier else "undetermined"
    possible = ", ".join(t.value for t in result.possible_tiers)
    line = f"as of {result.as_of.isoformat()}" if result.tier else f"possible: {possible}"
    parts.append(_box(tier_x, tier_y, label, line, f"tier: {label} (possible: {possible})", colour))
    width = tier_x + BOX_W + MARGIN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="max-width:100%;height:auto" '
        f'font-family="system-ui,sans-serif" aria-label="Decision path to {escape(label)}">'
        "<defs>" + "".join(
            f'<marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="{colour}"/></marker>'
            for colour, marker in MARKERS.items())
        + "</defs>" + "".join(parts) + "</svg>"
    )
