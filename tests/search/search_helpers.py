"""Helpers shared by the search tests (imported by conftest.py and test modules)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FIXTURE_KB = Path(__file__).parent / "fixture-kb"
TODAY = "2026-11-23"


def copy_fixture(target: Path) -> Path:
    """A copy of the four-language fixture knowledge base at `target` (without index or site)."""
    shutil.copytree(FIXTURE_KB, target, ignore=shutil.ignore_patterns(".kb", "site"))
    return target


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """`folder` served by Python's plain static file server (what `python -m http.server` runs)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Runs in a page served from a static index folder (`<index>/static/`): each [query, lang, filters]
# through the browser's engine; returns each answer's [id, score] pairs.
RUN_ENGINE = """async ([queries, limit]) => {
  const engine = await import(new URL('engine.js', location.href).href);
  const root = new URL('./', location.href);
  const opened = {};
  const answers = [];
  for (const [query, lang, filters] of queries) {
    opened[lang] = opened[lang] || await engine.open(root, lang);
    const found = await opened[lang].search(query, filters || {}, limit);
    answers.push(found.hits.map((hit) => [hit.id, hit.score]));
  }
  return answers;
}"""


def engine_page(browser, folder: Path, url: str):  # type: ignore[no-untyped-def]
    """A page of `browser` at `url`, which serves `folder` (a static index), ready for RUN_ENGINE."""
    (folder / "blank.html").write_text("<!doctype html><meta charset='utf-8'><title>engine</title>", encoding="utf-8")
    page = browser.new_page()
    page.goto(url + "blank.html")
    return page
