"""The search API as a WSGI application: `GET /api/search` and `GET /api/health`, JSON in and out.

    /api/search?q=reklamacji&lang=pl&kind=standard&area=&channel=&role=&status=&limit=10

Every parameter is checked (an unknown language or kind is a 400 with a JSON
`error` naming the valid values); the query is at most MAX_QUERY characters and
at most MAX_LIMIT results are returned. The index is opened once; its manifest
is checked at most once a second, and after `kb build` writes a new index the
new one is opened and swapped in while running requests finish on the old one.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from generator.search.manifest import MANIFEST
from generator.search.searcher import FILTERS, MAX_LIMIT, Filters, Searcher, SearchError

MAX_QUERY = 200
MAX_QUERY_STRING = 2048
DEFAULT_LIMIT = 10
PARAMETERS = ("q", "limit", *FILTERS)
StartResponse = Callable[..., Any]


class BadRequest(ValueError):
    """A parameter the API refuses; the message goes back in the JSON `error`."""


class IndexHolder:
    """The open Searcher of the first folder that holds a usable index, reopened when a manifest changes."""

    def __init__(self, folders: list[Path], check_every: float = 1.0) -> None:
        self.folders = folders
        self.check_every = check_every
        self._lock = threading.Lock()
        self._current: tuple[Any, Searcher | None] = (None, None)
        self._checked = 0.0

    def _key(self) -> Any:
        """Changes when any folder's manifest is written, replaced or removed."""
        key: list[tuple[int, int, int] | None] = []
        for folder in self.folders:
            try:
                info = os.stat(folder / MANIFEST)
                key.append((info.st_ino, info.st_mtime_ns, info.st_size))
            except OSError:
                key.append(None)
        return tuple(key)

    def get(self) -> Searcher | None:
        now = time.monotonic()
        if now - self._checked < self.check_every and self._current[1] is not None:
            return self._current[1]
        with self._lock:
            self._checked = now
            key = self._key()
            if key != self._current[0]:
                self._current = (key, self._open(key))
        return self._current[1]

    def _open(self, key: Any) -> Searcher | None:
        """The first folder's index that opens: an index made by another version of kb, or one being
        written, gives way to the next folder (none: 503 until the next check)."""
        for folder, stat in zip(self.folders, key, strict=True):
            if stat is None:
                continue
            try:
                return Searcher(folder)
            except Exception:  # noqa: BLE001 - whatever is wrong with it, the next folder may serve
                continue
        return None


class SearchApi:
    """WSGI: answers /api/...; hands every other path to `fallback`."""

    def __init__(self, holder: IndexHolder, fallback: Callable[[dict, StartResponse], Iterable[bytes]] | None = None):
        self.holder = holder
        self.fallback = fallback

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/api/") and path != "/api" and self.fallback is not None:
            return self.fallback(environ, start_response)
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return _json(start_response, 405, {"error": "only GET is supported"}, [("Allow", "GET, HEAD")])
        try:
            if path == "/api/search":
                return self._search(environ, start_response)
            if path == "/api/health":
                return self._health(start_response)
        except BadRequest as exc:
            return _json(start_response, 400, {"error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - a bug must not show a traceback to the browser
            import sys

            print(f"kb serve: internal error on {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return _json(start_response, 500, {"error": "internal error (this is a bug in kb)"})
        return _json(start_response, 404, {"error": f"no such API endpoint: {path[:100]}",
                                           "endpoints": ["/api/search", "/api/health"]})

    def _health(self, start_response: StartResponse) -> Iterable[bytes]:
        searcher = self.holder.get()
        if searcher is None:
            return _json(start_response, 503, {"status": "no index", "error": "no search index; run `kb build`"})
        manifest = searcher.manifest
        return _json(start_response, 200, {
            "status": "ok", "documents": manifest.documents, "languages": manifest.languages,
            "default_language": manifest.default_language, "filters": manifest.facets,
        })

    def _search(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        params = parse_params(environ.get("QUERY_STRING", ""))
        searcher = self.holder.get()
        if searcher is None:
            return _json(start_response, 503, {"error": "no search index; run `kb build`"})
        filters = Filters(**{name: params.get(name) or None for name in FILTERS})
        try:
            results = searcher.search(params.get("q", ""), filters, _limit(params.get("limit")))
        except SearchError as exc:
            raise BadRequest(str(exc)) from None
        return _json(start_response, 200, results.to_json())


def parse_params(query_string: str) -> dict[str, str]:
    """The API's parameters, checked: known names, each once, within the limits."""
    if len(query_string) > MAX_QUERY_STRING:
        raise BadRequest(f"the query string is longer than {MAX_QUERY_STRING} characters")
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, errors="replace", max_num_fields=20)
    except ValueError:
        raise BadRequest("too many parameters") from None
    params: dict[str, str] = {}
    for name, value in pairs:
        if name not in PARAMETERS:
            continue  # cache busters and the like are harmless
        if name in params:
            raise BadRequest(f"parameter '{name}' is given more than once")
        params[name] = value.strip()
    if len(params.get("q", "")) > MAX_QUERY:
        raise BadRequest(f"q is longer than {MAX_QUERY} characters")
    return params


def _limit(value: str | None) -> int:
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}, got '{value[:20]}'")
    return int(value)


def _json(start_response: StartResponse, status: int, data: dict, extra: list[tuple[str, str]] | None = None,
          ) -> Iterable[bytes]:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
              500: "Internal Server Error", 503: "Service Unavailable"}[status]
    headers = [
        ("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"), *(extra or []),
    ]
    start_response(f"{status} {reason}", headers)
    return [body]
