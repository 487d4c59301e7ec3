"""The seed story in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest
import uvicorn

from storyweave.api.app import create_app
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture()
def server(seed_db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(seed_db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make setup installs it as root)")
def test_clicking_a_citation_highlights_exactly_the_cited_span(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(server + "/")
        page.click("table.stories a")
        page.wait_for_selector("ol.brief .cite")
        story_json = page.request.get(server + "/stories/" + page.url.rsplit("/", 1)[-1]).json()
        cited = {(c["article_id"], c["text"]) for s in story_json["stories"][0]["summary"] for c in s["citations"]}
        cites = page.locator("ol.brief .cite")
        assert cites.count() >= 4
        for index in (0, cites.count() - 1):
            cite = cites.nth(index)
            cite.click()
            mark = page.locator("mark.hl")
            assert mark.count() == 1
            highlighted = mark.inner_text()
            article = cite.get_attribute("data-article")
            assert (article, highlighted) in cited
            assert highlighted == cite.get_attribute("data-text")
            assert mark.evaluate("m => m.parentElement.id") == f"text-{article}"
        (ROOT / "out").mkdir(exist_ok=True)
        cites.nth(0).click()
        page.screenshot(path=str(ROOT / "out" / "story-page.png"), full_page=False)
        browser.close()
    assert (ROOT / "out" / "story-page.png").stat().st_size > 10_000
