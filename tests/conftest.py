import os

from hypothesis import HealthCheck, settings

pytest_plugins = ["legal_cases"]

# Each profile states derandomize: on a CI machine Hypothesis's own defaults are derandomized,
# and a profile that left it out would inherit that.
settings.register_profile("dev", max_examples=100, deadline=None, derandomize=False)
# A landing's gate draws the same examples on every run: it fails only on what a change did.
settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The long hunt, random, run now and then (docs/contributing/layout.md):
settings.register_profile(
    "explore", max_examples=5000, deadline=None, derandomize=False,
    suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
