"""``veeduria demo``: the whole cycle on the bundled demo world, then the status page.

Layer: monitor. Settings read: demo_world_port, allow_hosts (127.0.0.1 is added: the demo
world is our own loopback server), and everything the cycle reads. Cases: tests/test_demo_cycle.py.
"""

from __future__ import annotations

import logging

from rich.console import Console

from monitor.components import log_components
from monitor.cycle import finish, print_summary, run_cycle
from monitor.demoworld import serve_demo_world
from monitor.runtime import serve_status_page
from monitor.settings import Settings

logger = logging.getLogger(__name__)

DEMO_HOST = "127.0.0.1"


def demo_settings(settings: Settings) -> Settings:
    """The settings with the demo world's loopback address allowed through the SSRF guard."""
    hosts = sorted(settings.allowed_hosts | {DEMO_HOST})
    return settings.replace(allow_hosts=",".join(hosts))


def run_demo(settings: Settings, *, once: bool, port: int | None) -> None:
    settings = demo_settings(settings)
    console = Console()
    with serve_demo_world(host=DEMO_HOST, port=settings.int("demo_world_port")) as world:
        console.print(f"Demo world serving on {world.url}/ (gazette, police, ombudsman, news)")
        for component in log_components(settings):
            console.print(f"  {component}", highlight=False)
        summary = run_cycle(settings, variables={"demo_world": world.url}, console=console)
        print_summary(summary, console)
        if once:
            finish(summary)
            return
        console.print("Next: `veeduria review list` shows the proposals; "
                      "`veeduria review confirm ID` moves a demand's status.")
        serve_status_page(settings, host=None, port=port)
