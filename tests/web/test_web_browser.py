"""The status page in Debian's headless Chromium at a phone's width (360 px).

Marker ``browser``. The app runs under uvicorn on 127.0.0.1 (a port picked by the OS) in a
thread; Playwright drives /usr/bin/chromium with the flags from stack-notes. The screenshot is
written to the test's tmp_path (``status-360.png``) for a human to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}

pytestmark = pytest.mark.browser


@pytest.fixture
def served(app) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_status_list_renders_on_a_phone(served, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    shot = tmp_path / "status-360.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=PHONE, locale="es-AR")
            page.goto(f"{served}/?lang=es")
            page.wait_for_selector("#demands li")
            items = page.locator("#demands > li").count()
            overflow = page.evaluate("document.documentElement.scrollWidth")
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert items == 3
    assert overflow <= PHONE["width"]  # no sideways scrolling on a phone
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
