"""Run the status page with uvicorn until interrupted.

Layer: monitor. Settings read: none (``host`` and ``port`` are passed in by
``monitor.runtime``). Behind a proxy, put nginx in front and keep ``host`` on 127.0.0.1.
Cases: exercised by tests/web through Starlette's TestClient (the app), not by a server here.
"""

from __future__ import annotations

import logging

import uvicorn
from starlette.applications import Starlette

logger = logging.getLogger(__name__)


def serve(app: Starlette, *, host: str, port: int) -> None:
    """Serve ``app`` on ``host:port`` (blocks; Ctrl-C stops it)."""
    logger.info("status page listening on %s:%d", host, port)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=True,
                server_header=False, access_log=False)
