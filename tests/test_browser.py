"""The site as a person uses it: headless Chromium through ``alkkg serve`` on a free loopback port.

Marked ``integration`` (run by .ci/run, which installs Debian's chromium): every quote of the
source page is highlighted and links to its claim, a sample of every page kind renders with no
console error and fits a phone's width, the search finds entities by their synonyms, and a crawl of
the whole site over HTTP finds no broken internal link. Screenshots go to the test's tmp folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from rdflib import RDF

from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 375, "height": 740}


def _require_browser() -> None:
    """Skip where no browser is installed; under .ci/run (which installs it) that is a failure."""
    missing = []
    if CHROMIUM is None:
        missing.append("chromium (Debian: apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if missing:
        if os.environ.get("ALKKG_REQUIRE_TOOLS"):
            pytest.fail("browser tests need " + " and ".join(missing))
        pytest.skip("needs " + " and ".join(missing))


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[str]:
    """`alkkg serve --port 0` on the session's build; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "alkkg", "serve", "--port", "0", "--out", str(built)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        url = None
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                url = found.group(0)
                break
        assert url, "alkkg serve printed no URL"
        # keep reading its request log: a full pipe would block the server
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class _Page:
    """A page with its console errors and uncaught exceptions collected."""

    def __init__(self, browser: object, viewport: dict[str, int] | None = None) -> None:
        self.page = browser.new_page(viewport=viewport)  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)

    def open(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '?'}"


def _claims(artifacts: Artifacts) -> int:
    return len(set(artifacts.flat.subjects(RDF.type, ALKKG.Claim)))


def test_the_source_page_highlights_every_quote(browser: object, server: str, artifacts: Artifacts,
                                               tmp_path: Path) -> None:
    page = _Page(browser)
    page.open(server + "doc/shaw-2014")
    highlighted = page.page.eval_on_selector_all(
        "a.quote[data-claim]", "els => [...new Set(els.map(e => e.dataset.claim))]")
    assert len(highlighted) == _claims(artifacts)
    visible = page.page.eval_on_selector_all(
        "a.quote[data-claim]",
        "els => [...new Set(els.filter(e => e.getClientRects().length > 0).map(e => e.dataset.claim))]")
    assert sorted(visible) == sorted(highlighted), "a highlight is not rendered"
    sentences = len(set(artifacts.flat.subjects(RDF.type, ALKKG.Sentence)))
    missing = [n for n in range(1, sentences + 1) if page.page.locator(f"#s{n}").count() != 1]
    assert sentences >= 13 and missing == [], f"sentence anchors missing: {missing}"
    page.page.screenshot(path=str(tmp_path / "source.png"), full_page=True)
    first = page.page.locator("a.quote[data-claim]").first
    claim = first.get_attribute("data-claim")
    first.click()
    page.page.wait_for_load_state()
    assert "/claim/" in page.page.url and claim and claim in page.page.url
    assert page.errors == []


@pytest.mark.parametrize("path", [
    "", "doc/shaw-2014", "doc/shaw-2014-sentence-11", "doc/shaw-2014-reference-21",
    "claim/shaw-2014-s10-ceritinib-20-fold-more-potent", "claim/shaw-2014-s13-active-in-crizotinib-naive-patients",
    "entity/ceritinib", "entity/IGF1R-protein", "vocab/Claim", "vocab/inhibits",
    "np/shaw-2014-s11-ceritinib-does-not-inhibit-met", "query/relative-potency", "diagram",
])
def test_every_page_kind_renders_on_a_phone_without_console_errors(
        browser: object, server: str, path: str, tmp_path: Path) -> None:
    page = _Page(browser, PHONE)
    page.open(server + path)
    assert page.page.title().strip()
    overflow = page.page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= PHONE["width"] + 1, f"/{path} is {overflow} px wide on a {PHONE['width']} px phone"
    page.page.screenshot(path=str(tmp_path / f"{path.replace('/', '_') or 'home'}.png"))
    assert page.errors == []


@pytest.mark.parametrize(("query", "entity"), [("IGF-1R", "IGF1R-protein"), ("LDK378", "ceritinib")])
def test_the_search_finds_entities_by_synonym(browser: object, server: str, query: str, entity: str) -> None:
    page = _Page(browser)
    page.open(server + "entity/MET-protein")  # any page: every page has the search box
    page.page.fill("#search", query)
    hit = page.page.locator(f"#search-results a[href*='entity/{entity}']").first
    hit.wait_for(timeout=5000)
    hit.click()
    page.page.wait_for_load_state()
    assert page.page.url.removesuffix("index.html").rstrip("/").endswith(f"entity/{entity}")
    assert page.errors == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_a_crawl_of_the_whole_site_finds_no_broken_link(server: str, artifacts: Artifacts) -> None:
    seen: set[str] = set()
    queue, broken, pages = [server], [], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
                kind = response.headers.get_content_type()
                body = response.read()
                final = response.geturl()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: HTTP {error.code}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urldefrag(urljoin(final, link)).url
            if target.startswith(server) and target not in seen:
                queue.append(target)
    assert broken == []
    assert pages > _claims(artifacts)  # the crawl reached at least every claim page
