"""Render: results as Markdown, HTML and a decision-path diagram.

:mod:`.report` writes the reports of a classification and of an inventory; :mod:`.path_svg`
draws the decision path. Importing this package registers the renderers that results use for
their own display (see :mod:`aiact_tiers.results.display`).
"""

from ..results import Classification
from ..results.display import register
from .report import classification_fragment, classification_markdown

register(Classification, "markdown", classification_markdown)
register(Classification, "html", classification_fragment)
