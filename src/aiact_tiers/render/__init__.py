"""Render: results as Markdown, HTML, a decision-path diagram and terminal tables.

:mod:`.report` writes the reports of a classification and of an inventory; :mod:`.path_svg`
draws the decision path; :mod:`.terminal` builds the terminal's tables of a classification.
Importing this package registers the renderers that results use for their own display (see
:mod:`aiact_tiers.results.display`).
"""

from ..results import Classification
from ..results.display import register
from .report import classification_fragment, classification_markdown
from .terminal import classification_renderable

register(Classification, "markdown", classification_markdown)
register(Classification, "html", classification_fragment)
register(Classification, "rich", classification_renderable)
