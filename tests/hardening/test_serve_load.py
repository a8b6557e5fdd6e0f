"""13.7: `kb serve` under faults and load: a build swapped in while pages are being served never yields a
truncated or mixed response; concurrent searches stem as one thread does; idle connections cannot starve
real clients."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.files import swap_folder
from generator.search.server import SERVER_OPTIONS, SiteApp, create_server

OLD, NEW = b"o" * 300_000, b"n" * 120_000


def serving(app: object) -> Iterator[int]:
    server = create_server(app, "127.0.0.1", 0, threads=4)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1, use_poll=server.adj.asyncore_use_poll)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        stop.set()
        thread.join(5)
        server.close()


@pytest.fixture
def two_builds(tmp_path: Path) -> tuple[Path, Path]:
    site, other = tmp_path / "site", tmp_path / ".site.next"
    for folder, body in ((site, OLD), (other, NEW)):
        (folder / "standards").mkdir(parents=True)
        (folder / "index.html").write_bytes(b"<h1>home</h1>")
        (folder / "standards" / "page.html").write_bytes(body)
    return site, other


def fetch(port: int) -> tuple[int, int | None, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/standards/page.html")
        response = connection.getresponse()
        length = response.getheader("Content-Length")
        return response.status, int(length) if length else None, response.read()
    finally:
        connection.close()


@pytest.mark.slow
def test_a_build_swapped_under_kb_serve_never_yields_a_truncated_response(two_builds: tuple[Path, Path]) -> None:
    site, other = two_builds
    app = SiteApp(site, ["en"], check_every=0.2)
    swapping = threading.Event()

    def swap_again_and_again() -> None:
        while not swapping.is_set():
            swap_folder(other, site)

    for port in serving(app):
        swapper = threading.Thread(target=swap_again_and_again)
        swapper.start()
        try:
            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(fetch, [port] * 600))
        finally:
            swapping.set()
            swapper.join()
    served = [(status, length, body) for status, length, body in answers if status == 200]
    assert len(served) > 300
    assert all(body in (OLD, NEW) and length == len(body) for _, length, body in served)
    assert {status for status, _, _ in answers} <= {200, 503}


def test_concurrent_searches_stem_as_one_thread_does() -> None:
    from generator.search import analysis

    words = [f"{stem}{ending}" for stem in ("reklamacj", "obsług", "klient", "rozmow", "telefon", "zwrot")
             for ending in ("a", "e", "i", "ach", "ami", "om", "ą", "ę")]
    words += [f"{stem}{ending}" for stem in ("complain", "answer", "call", "return")
              for ending in ("", "s", "ed", "ing")]
    expected = {(word, lang): analysis._stemmer(lang).stemWord(word) for word in words for lang in ("pl", "en")
                if analysis._stemmer(lang) is not None}

    def stem_all(_: int) -> dict[tuple[str, str], str]:
        return {(word, lang): analysis._stemmer(lang).stemWord(word) for word, lang in expected}

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(stem_all, range(64)))
    assert all(result == expected for result in results)


def test_idle_connections_cannot_starve_a_real_client(two_builds: tuple[Path, Path]) -> None:
    site, _ = two_builds
    assert (SERVER_OPTIONS["connection_limit"], SERVER_OPTIONS["channel_timeout"]) == (1000, 10)
    idle: list[socket.socket] = []
    for port in serving(SiteApp(site, ["en"])):
        try:
            for _ in range(300):  # more than waitress's old limit here (200), all silent
                idle.append(socket.create_connection(("127.0.0.1", port)))
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/")
            assert connection.getresponse().read() == b"<h1>home</h1>"
            connection.close()
        finally:
            for sock in idle:
                sock.close()
