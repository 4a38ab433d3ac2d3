"""The built site in a real browser: pages render, diagrams become SVG, search finds a fact.

The site is built with ``mkdocs build --strict``, served on 127.0.0.1 and opened in headless
Chromium (Debian's ``chromium``, driven by Playwright). CI installs the browser; elsewhere the
tests are skipped when it is missing, but under CI a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from aiact_tiers import ModelDescription, SystemDescription

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OPEN_SHADOW_ROOTS = (  # the theme draws each diagram in a closed shadow root; open it to look inside
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (o) { return attach.call(this, {...o, mode: 'open'}); };"
)

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

if CHROMIUM is None or sync_playwright is None:  # pragma: no cover - depends on the environment
    reason = "needs Debian's chromium and the playwright package"
    if os.environ.get("CI"):
        pytest.fail(f"the browser tests {reason} in CI", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of the freshly built site, served until the tests are done."""
    out = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "docs/vendor_mermaid.py"], cwd=ROOT, check=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                   cwd=ROOT, check=True, env=env)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser_page(site: str) -> Iterator[tuple[Page, list[str]]]:
    """A browser tab, and the hosts other than the site that pages asked for."""
    assert sync_playwright is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.add_init_script(OPEN_SHADOW_ROOTS)
        elsewhere: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(site) else elsewhere.append(r.url))
        yield page, elsewhere
        browser.close()


def visit(browser_page: tuple[Page, list[str]], site: str, path: str) -> Page:
    page = browser_page[0]
    page.goto(site + path)
    page.wait_for_load_state("networkidle")
    return page


def test_the_home_page_shows_the_install_line_the_example_its_output_and_a_picture(
    browser_page: tuple[Page, list[str]], site: str
) -> None:
    page = visit(browser_page, site, "")
    text = page.locator("article").inner_text()
    assert "python -m pip install ." in text and "high_risk ['Annex III 4(a)']" in text
    assert "Not legal advice" in text
    page.locator(".mermaid svg").first.wait_for()
    assert page.locator(".mermaid svg").count() == 1


def test_mermaid_diagrams_become_svg_with_their_provisions(
    browser_page: tuple[Page, list[str]], site: str
) -> None:
    for path, label in (("explanation/tiers/", "Art 6(3)"), ("explanation/time/", "2027-12-02"),
                        ("reference/rules/eu-2024-2026/art_06_3/", "art_06_3_profiling")):
        page = visit(browser_page, site, path)
        svg = page.locator(".mermaid svg").first
        svg.wait_for()
        assert svg.locator("g").count() > 10 and label in (svg.text_content() or ""), path
        # drawn at a readable size, not collapsed: a row of boxes is about 80 px high
        assert svg.bounding_box()["height"] > 60, path  # type: ignore[index]


def test_a_rule_page_renders_with_its_ruleset_links_and_override_graph(
    browser_page: tuple[Page, list[str]], site: str
) -> None:
    page = visit(browser_page, site, "reference/rules/eu-2024-2026/annex_iii_4_a/")
    assert page.locator("h1").inner_text().removesuffix("¶") == (
        "Annex III 4(a): Recruitment or selection of natural persons (eu-2024-2026)"
    )
    assert page.locator("a[href='../art_06_3/']").count() >= 1
    assert page.locator("a[href='../../../facts/#annex_iii_points']").count() == 1
    page.locator(".mermaid svg").first.wait_for()
    active = page.locator(".md-nav__link--active").first.inner_text().strip()
    assert active == "Annex III 4(a): annex_iii_4_a (eu-2024-2026)"


def test_the_facts_reference_lists_every_fact_of_both_descriptions(
    browser_page: tuple[Page, list[str]], site: str
) -> None:
    page = visit(browser_page, site, "reference/facts/")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Facts reference"
    fields = len(SystemDescription.model_fields) + len(ModelDescription.model_fields)
    assert page.locator("article h4").count() == fields
    assert page.locator("#annex_iii_points").inner_text().removesuffix("¶") == "annex_iii_points"
    assert "Is the system sold, supplied or put into use in the EU" in page.locator("article").inner_text()


def test_the_api_page_shows_names_signatures_and_model_fields(
    browser_page: tuple[Page, list[str]], site: str
) -> None:
    page = visit(browser_page, site, "reference/api/")
    text = page.locator("article").inner_text()
    for signature in ("classify_many(", "load_description(", "load_ruleset_overlay(", "penalties("):
        assert signature in text
    assert ":class:" not in text and ":func:" not in text and "_Facts" not in text
    assert page.locator("[id='aiact_tiers.Classification']").count() == 1
    assert "possible_tiers" in page.locator("[id='aiact_tiers.Classification'] ~ div").first.inner_text()


def test_search_finds_a_fact_by_its_name(browser_page: tuple[Page, list[str]], site: str) -> None:
    page = visit(browser_page, site, "")
    page.locator(".md-search__input").click()
    page.keyboard.type("narrow_procedural_task")
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    wanted = "reference/facts/?h=narrow_procedural_task#narrow_procedural_task"
    # The results are drawn again as the search worker answers each prefix typed: read the
    # links in one call (no handle to a result that may be replaced), until the last answer.
    for _ in range(50):
        links = first.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
        if any(link.endswith(wanted) for link in links):
            break
        page.wait_for_timeout(100)
    assert any(link.endswith(wanted) for link in links), links


def test_no_page_asks_a_font_or_script_service(browser_page: tuple[Page, list[str]]) -> None:
    hosts = {url.split("/")[2] for url in browser_page[1]}
    assert not hosts & {"fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net"}
