"""The Hypothesis profiles that docs/contributing/layout.md lists, as it lists them."""

import pytest
from hypothesis import settings


@pytest.mark.parametrize(("name", "examples", "fixed"), [
    ("dev", 100, False), ("ci", 1000, True), ("explore", 5000, False)])
def test_a_profile_draws_as_the_contributors_page_says(name: str, examples: int, fixed: bool) -> None:
    profile = settings.get_profile(name)
    assert (profile.max_examples, profile.derandomize) == (examples, fixed)
