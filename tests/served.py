"""kb serve's app under waitress in a test's thread (shared by the hardening and site tests)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def served_in_thread(app: object) -> Iterator[str]:
    """kb serve's WSGI app under waitress in a thread, one short loop round at a time (so the loop is ended
    before the sockets close); yields the base URL."""
    from generator.search.server import create_server

    server = create_server(app, "127.0.0.1", 0, threads=2)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/"
    finally:
        stop.set()
        thread.join(5)
        server.close()
