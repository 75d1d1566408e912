"""The demo world: fake but realistic Bolivian gazette, police, ombudsman and press sites.

Layer: monitor. Served on loopback for the demo, the integration test and editors trying
rules; dates are relative to the day it starts, so the week just ended always has movement.
Content: ``content.yaml``; expected proposals per document: ``expectations.yaml``; sources
pointing here: ``rules/sources/demo.yaml`` (``${demo_world}``). No settings.
Cases: tests/demoworld/.

    with serve_demo_world() as world:      # world.url == "http://127.0.0.1:PORT"
        ...
"""

from __future__ import annotations

from pathlib import Path

from monitor.demoworld.content import DemoDocument, last_week_range, load_documents
from monitor.demoworld.server import DemoWorld, serve_demo_world
from monitor.demoworld.site import build_site

EXPECTATIONS_PATH = Path(__file__).with_name("expectations.yaml")

__all__ = ["EXPECTATIONS_PATH", "DemoDocument", "DemoWorld", "build_site", "last_week_range",
           "load_documents", "serve_demo_world"]
