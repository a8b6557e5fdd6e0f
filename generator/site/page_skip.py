"""Unchanged pages skip MkDocs altogether: the previous site's file is linked into the new one.

The page cache (page_cache.py) spares MkDocs the Markdown and the template of an
unchanged page, but every page still goes through MkDocs' steps (read, replay, the
sanitiser, every plugin event, the write). For `kb build`, this plugin goes further:
after each build it keeps, per page, a record (`skip.json` in the language's page
cache folder) of the hash of its source file, the hash of the HTML file written, its
title, anchors and links to anchors, and the page cache's keys; and one hash of what
every page shares (the page cache's salt: versions, config, file list; the theme's
templates; the whole navigation with its titles).

In the next build, a page whose source file has the same hash, while the shared hash
is the same, is not read by MkDocs (a dirty build: MkDocs skips a page whose file is
not modified). If the previous site still holds exactly the HTML the record names (its
hash is checked), that file is hard-linked into the new site; MkDocs writes only the
pages it builds, and the link is never written into. Otherwise the page is read and
built as usual (from the page cache). A skipped page's title, anchors and links are
restored from its record, so the navigation, the other pages and MkDocs' anchor checks
see what a full build sees; the theme's inline scripts of a linked page are noted for
the Content-Security-Policy as if it had been written. The result is the same bytes as
a cold build (tests/site/test_site_incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

from generator.files import atomic_write
from generator.site.page_cache import PageCache

RECORDS = "skip.json"
_VERSION = 2


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PageSkip(BasePlugin):
    """Skip unchanged pages of a `kb build`; `previous`: the folder of this language's current site."""

    def __init__(self, cache: PageCache, previous: Path) -> None:
        super().__init__()
        self.cache = cache
        self.previous = previous
        self.path = cache.store.folder / RECORDS
        self.old: dict[str, Any] = _load(self.path)
        self.records: dict[str, Any] = {}  # this build's, by src_uri
        self.sources: dict[str, str] = {}  # src_uri -> hash of the source file
        self.candidates: dict[str, Any] = {}  # src_uri -> File, not read by MkDocs (so far)
        self.shell = ""
        self.skipped = 0
        self._config: Any = None

    @event_priority(-200)  # after the page cache's: its salt has the file list
    def on_files(self, files: Any, config: Any) -> Any:
        self._config = config
        pages = self.old.get("pages", {})
        for file in files.documentation_pages():
            with open(file.abs_src_path, "rb") as source:
                self.sources[file.src_uri] = digest = _sha(source.read())
            old = pages.get(file.src_uri)
            skip = old is not None and old["source"] == digest
            if skip:
                self.candidates[file.src_uri] = file
            file.is_modified = (lambda: False) if skip else (lambda: True)
        return files

    @event_priority(200)  # before the page cache's: it must not see the skipped pages as its own
    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        pages = self.old.get("pages", {})
        for file in self.candidates.values():
            _restore(file.page, pages[file.src_uri], files)
        self.shell = self.cache.shell
        same_shell = self.shell == self.old.get("shell")
        for uri, file in list(self.candidates.items()):
            if not (same_shell and self._link(file, pages[uri])):
                self._build(file, files)
        self.skipped = len(self.candidates)
        return env

    def _link(self, file: Any, record: dict[str, Any]) -> bool:
        """Link the previous site's file of the page into this build's, if it holds the recorded HTML."""
        relative = os.path.relpath(file.abs_dest_path, self._config.site_dir)
        old = self.previous / relative
        try:
            if not os.path.realpath(old).startswith(os.path.realpath(self.previous) + os.sep):
                return False  # through a symbolic link
            with open(old, "rb", opener=lambda path, flags: os.open(path, flags | os.O_NOFOLLOW)) as source:
                if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
                    return False
                data = source.read()
        except OSError:
            return False
        if _sha(data) != record["html"]:
            return False
        os.makedirs(os.path.dirname(file.abs_dest_path), exist_ok=True)
        try:
            os.link(old, file.abs_dest_path, follow_symlinks=False)
        except OSError:  # another file system, or links not allowed: a copy
            atomic_write(Path(file.abs_dest_path), data)
        sanitizer = self._config.plugins.get("kb-sanitize")
        if sanitizer is not None:
            sanitizer.add(record.get("csp"))
        self.records[file.src_uri] = record
        return True

    def _build(self, file: Any, files: Any) -> None:
        """A candidate that cannot be skipped after all: read and rendered now, built with the others."""
        from mkdocs.commands.build import _populate_page

        del self.candidates[file.src_uri]
        page = file.page
        page.markdown = page.content = None
        page._title_from_render = None
        file.is_modified = lambda: True
        _populate_page(page, self._config, files)

    @event_priority(-300)  # last: the HTML as MkDocs writes it
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if output.strip():
            links = page.links_to_anchors
            uri = page.file.src_uri
            self.records[uri] = {
                "source": self.sources[uri], "html": _sha(output.encode("utf-8", errors="xmlcharrefreplace")),
                "title": page.title, "anchors": sorted(page.present_anchor_ids or ()),
                "links": None if links is None else {to.src_uri: value for to, value in links.items()},
                "csp": getattr(config.plugins.get("kb-sanitize"), "last", None),
                "keys": [key for key in (self.cache._markdown_keys.get(uri), self.cache._page_keys.get(uri)) if key],
            }
        return output

    def finish(self, ok: bool) -> None:
        """After a successful build: keep the records, and the page cache's entries of the skipped pages."""
        if not ok:
            return
        for uri in self.candidates:
            self.cache.store.used.update(self.records[uri].get("keys", ()))
        data = {"version": _VERSION, "shell": self.shell, "pages": self.records}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == _VERSION else {}


def _restore(page: Any, record: dict[str, Any], files: Any) -> None:
    """What the navigation, other pages and the anchor checks read of a page, without reading it."""
    page.markdown = page.content = ""  # not None: MkDocs takes the title below
    page._title_from_render = record["title"]
    page.present_anchor_ids = set(record["anchors"])
    links = record["links"]
    if links is not None:
        found = {uri: files.get_file_from_path(uri) for uri in links}  # None: gone (the shared hash differs)
        page.links_to_anchors = {file: links[uri] for uri, file in found.items() if file is not None}
