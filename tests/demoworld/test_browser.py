"""The JavaScript listing renders its bulletins in Debian's Chromium (marker ``browser``).

Cases: /policia/js/ of the demo world; the wait_for selector of source bo_policia_js.
"""

from __future__ import annotations

import shutil

import pytest
from demoworld_helpers import demo_specs

from monitor.demoworld import DemoWorld, load_documents

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.browser
def test_js_listing_renders_its_items(demo_world: DemoWorld):
    from playwright.sync_api import sync_playwright

    spec = demo_specs(demo_world.url)["bo_policia_js"]
    assert spec.render == "js" and spec.wait_for
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(spec.start_url)
            page.wait_for_selector(spec.wait_for, timeout=10_000)
            hrefs = page.eval_on_selector_all("li.boletin a", "els => els.map(e => e.href)")
        finally:
            browser.close()
    bulletins = {demo_world.url + d.path for d in load_documents(demo_world.today)
                 if d.section == "policia_js"}
    assert len(bulletins) > 1 and set(hrefs) == bulletins
