"""`kb serve`: the built site (WhiteNoise) and the search API, behind waitress.

Caching: HTML, JSON and every other file without a content hash in its name get
`Cache-Control: no-cache` (browsers revalidate with ETag / Last-Modified, so
an unchanged page costs a 304); Material's hashed bundles
(`bundle.f55a23d4.min.js`) are cached for a year as immutable; images and fonts
for a day. When `kb build` swaps in a new site, the next request (at most a
second later) sees a fresh file list and index.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from email.utils import formatdate
from pathlib import Path
from typing import Any

from whitenoise import WhiteNoise

from generator import csp
from generator.search.api import IndexHolder, SearchApi, StartResponse
from generator.search.manifest import site_index_dir

_HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)$")
_LONG_LIVED = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".woff", ".woff2", ".ttf")
DAY = 86_400


def _is_hashed(path: str, url: str) -> bool:
    return bool(_HASHED.search(url))


def _headers_function(policy: str) -> Callable[[Any, str, str], None]:
    def add_headers(headers: Any, path: str, url: str) -> None:
        if path.endswith(".html"):
            headers["Content-Security-Policy"] = policy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "same-origin"
        if _is_hashed(path, url):
            return  # WhiteNoise already says: max-age one year, public, immutable
        headers["Cache-Control"] = f"public, max-age={DAY}" if path.endswith(_LONG_LIVED) else "no-cache"

    return add_headers


class NotFound:
    """The site's own 404 page (of the language the path is in), with status 404."""

    def __init__(self, site_dir: Path, languages: list[str], policy: str = "default-src 'self'") -> None:
        self.policy = policy
        self.pages: dict[str, bytes] = {}
        for lang in ["", *languages]:
            page = site_dir / lang / "404.html"
            if page.is_file():
                self.pages[lang] = page.read_bytes()

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        first = environ.get("PATH_INFO", "/").strip("/").split("/", 1)[0]
        body = self.pages.get(first) or self.pages.get("") or b"<h1>404 Not Found</h1>"
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(body))), ("Cache-Control", "no-cache"),
                                         ("Content-Security-Policy", self.policy)])
        return [body]


class SiteApp:
    """WSGI: the static site and /api/*; rebuilt when the site folder is swapped for a new build."""

    def __init__(self, site_dir: Path, languages: list[str], extra_index: Path | None = None,
                 check_every: float = 1.0) -> None:
        self.site_dir = Path(site_dir)
        self.languages = languages
        self.check_every = check_every
        folders = [site_index_dir(self.site_dir)] + ([extra_index] if extra_index else [])
        self.api = SearchApi(IndexHolder(folders, check_every), fallback=self._static)
        self._lock = threading.Lock()
        self._key: Any = None
        self._files: tuple[Callable[..., Iterable[bytes]], NotFound] | None = None
        self._checked = 0.0

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        return self.api(environ, start_response)

    def _static(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """One file from one build: a response whose file changed since the file list was read (a build
        swapped in meanwhile) is dropped and the request served again from the new build."""
        for attempt in range(_ATTEMPTS):
            files, not_found = self._current(fresh=attempt > 0)
            if environ.get("PATH_INFO", "").startswith("/_kb/"):  # the index files are not for browsers
                return not_found(environ, start_response)
            answer: list[tuple[str, list[tuple[str, str]]]] = []
            body = files(environ, _recorder(answer))
            if _consistent(answer[0], body):
                start_response(*answer[0])
                return body
            getattr(body, "close", lambda: None)()
        start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                                   ("Retry-After", "1"), ("Cache-Control", "no-store")])
        return [b"The site is being replaced by a new build; try again in a moment.\n"]

    def _current(self, fresh: bool = False) -> tuple[Callable[..., Iterable[bytes]], NotFound]:
        now = time.monotonic()
        current = self._files
        if current is not None and not fresh and now - self._checked < self.check_every:
            return current
        with self._lock:
            self._checked = now
            key = _folder_key(self.site_dir)
            if key != self._key or self._files is None:
                prefixes = [""] + [f"{lang}/" for lang in self.languages[1:]]
                not_found = NotFound(self.site_dir, self.languages, csp.policy(self.site_dir, prefixes))
                files = WhiteNoise(
                    not_found, root=str(self.site_dir), index_file=True, max_age=None,
                    immutable_file_test=_is_hashed, add_headers_function=_headers_function(not_found.policy),
                )
                self._files, self._key = (files, not_found), key
            return self._files


_ATTEMPTS = 3


def _recorder(answer: list[tuple[str, list[tuple[str, str]]]]) -> StartResponse:
    def record(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        answer.append((status, headers))

    return record


def _consistent(answer: tuple[str, list[tuple[str, str]]], body: Any) -> bool:
    """The open file still has the size and date the headers were made from (else a build replaced it)."""
    status, headers = answer
    handle = getattr(body, "file", None) or getattr(body, "filelike", None)
    fields = {name.lower(): value for name, value in headers}
    if not status.startswith("200") or handle is None or "content-length" not in fields:
        return True
    try:
        info = os.fstat(handle.fileno())
    except (OSError, AttributeError, ValueError):
        return True
    same_date = fields.get("last-modified") in (None, formatdate(info.st_mtime, usegmt=True))
    return info.st_size == int(fields["content-length"]) and same_date


def _folder_key(folder: Path) -> Any:
    """Changes when the folder is replaced (a new build) or its index is rewritten."""
    key: list[Any] = []
    for path in (folder, site_index_dir(folder) / "fingerprint.json", folder / "index.html"):
        try:
            info = os.stat(path)
            key.append((info.st_ino, info.st_mtime_ns))
        except OSError:
            key.append(None)
    return tuple(key)


# Idle or slow connections must not starve real clients: many may be open (poll, not select, so beyond
# 1,024 descriptors), an idle one is closed after 10 s (checked every 5 s). For the public internet put a
# reverse proxy in front (see the README): it buffers slow clients and limits connections per address.
SERVER_OPTIONS = {"ident": "kb", "connection_limit": 1000, "channel_timeout": 10, "cleanup_interval": 5,
                  "asyncore_use_poll": True, "expose_tracebacks": False}


def create_server(app: Any, host: str, port: int, threads: int = 6) -> Any:
    """A waitress server bound to host:port (port 0 picks a free one); `.run()` serves, `.close()` stops."""
    import waitress

    _quiet_queue_warnings()

    return waitress.create_server(app, host=host, port=port, threads=threads, **SERVER_OPTIONS)


def _quiet_queue_warnings() -> None:
    """Waitress warns on every request that waits for a free thread; under load that floods the log
    (and a full stderr pipe blocks the server). Queueing is normal; real errors still show."""
    import logging

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


def serve(make_app: Callable[[], Any], host: str, port: int, threads: int, workers: int,
          announce: Callable[[int], None]) -> None:
    """Serve until interrupted. With several workers (POSIX), each is a process with its own open
    index, all accepting on one listening socket, so requests use every core despite the GIL."""
    if workers <= 1 or not hasattr(os, "fork"):
        server = create_server(make_app(), host, port, threads)
        announce(int(getattr(server, "effective_port", port)))
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
        return
    listener = _listen(host, port)
    announce(listener.getsockname()[1])
    children = [_worker(make_app, listener, threads) for _ in range(workers)]
    _supervise(children)


def _listen(host: str, port: int) -> Any:
    import socket

    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(address)
    listener.listen(1024)
    return listener


def _worker(make_app: Callable[[], Any], listener: Any, threads: int) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:  # the child: its own app (and index), the shared socket
        import waitress

        _quiet_queue_warnings()
        waitress.create_server(make_app(), sockets=[listener], threads=threads, **SERVER_OPTIONS).run()
    except KeyboardInterrupt:
        pass
    except BaseException:  # noqa: BLE001 - a worker must never return into the parent's code
        code = 1
    os._exit(code)


def _supervise(children: list[int]) -> None:
    """Wait for the workers; on Ctrl+C or SIGTERM stop them all."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for pid in children:
            os.waitpid(pid, 0)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
