"""Fixtures for the site tests: the fixture knowledge base, one built site per session, a local server."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SITE_KB = Path(__file__).resolve().parent.parent / "fixtures" / "site-kb"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
TODAY = "2026-11-23"


@pytest.fixture
def site_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of tests/fixtures/site-kb as the working folder, with KB_TODAY fixed."""
    root = tmp_path / "kb"
    shutil.copytree(SITE_KB, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base built once (no PDFs) for the whole session; returns its site/ folder."""
    from generator.build import build
    from generator.config import load_project

    root = tmp_path_factory.mktemp("built") / "kb"
    shutil.copytree(SITE_KB, root)
    previous, before = os.getcwd(), os.environ.get("KB_TODAY")
    os.chdir(root)
    os.environ["KB_TODAY"] = TODAY
    try:
        result = build(load_project(root / "mkdocs.yml"), pdf=False, jobs=1)
    finally:
        os.chdir(previous)
        if before is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = before
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 by a small http.server thread (a plain static host); yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The built site on a plain static host; yields its base URL."""
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
