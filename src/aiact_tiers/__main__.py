"""``python -m aiact_tiers``: the ``aiact-tiers`` command, for environments without its script."""

from .interfaces.cli import app

if __name__ == "__main__":
    app(prog_name="aiact-tiers")
