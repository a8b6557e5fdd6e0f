"""A language's MkDocs build kept in memory by `kb preview`, to rebuild only the pages an edit changed.

A whole MkDocs build reads every page, even from the page cache: seconds on a
large knowledge base. After a full build (`mkdocs_api.build(..., live=Live())`)
this keeps what MkDocs gathered (config with its plugins, files, navigation,
template environment); when an edit rewrote only some pages' Markdown, `rebuild`
runs just those pages through MkDocs' own steps (read, Markdown, plugins, the
theme's template, write), replaces their entries in the search index and writes
it again (from each entry's JSON, kept since it was made, in the entries' order). It declines (returns
False, and the caller runs a full build) when the project's config, its list of
files or the navigation's titles changed.

The result is the site a full build would write (tests/site/test_site_preview.py).
The only check it skips: links *into* a rebuilt page from other pages are not
validated again (the next full build does), so the preview cannot miss
anything a `kb build` would refuse.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import write_file

from generator.site.page_cache import nav_signature


class Live(BasePlugin):
    """Added to a full build's plugins by `mkdocs_api.build`; keeps what `rebuild` needs."""

    def __init__(self) -> None:
        super().__init__()
        self.config: Any = None
        self.files: Any = None
        self.nav: Any = None
        self.env: Any = None
        self.cache: Any = None  # the build's PageCache, if any
        self.search: tuple[Any, Any] | None = None  # Material's search plugin's config and index for this site
        self.entry_json: list[str] = []  # the JSON of each entry of the search index, in its order
        self.spans: dict[str, tuple[int, int]] | None = None  # page URL -> where its entries are in the index
        self.doc_files: list[Any] | None = None  # files.documentation_pages(), the same until a full build
        self.ready = False  # a full build completed with this state

    def on_config(self, config: Any) -> Any:
        self.ready = False
        self.config = config
        self.doc_files = None
        return config

    @event_priority(-200)  # after every plugin changed them
    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav, self.files = nav, files
        return nav

    @event_priority(-200)
    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self.env = env
        return env

    @event_priority(-200)  # after the search plugin wrote this language's index
    def on_post_build(self, config: Any) -> None:
        search = _search_plugin(config)
        # MkDocs shares a plugin object between the languages built in one process: keep this one's parts
        self.search = None if search is None else (search.config, search.search_index)
        self.spans = None
        self.entry_json = [] if search is None else [_json(entry) for entry in search.search_index.entries]

    def on_build_error(self, error: Exception) -> None:
        self.ready = False

    def pages(self, docs: list[str]) -> list[Any] | None:
        """The kept pages of these Markdown files, or None when one is not a known page."""
        if not self.ready:
            return None
        found = []
        for doc in docs:
            file = self.files.get_file_from_path(doc)
            if file is None or file.page is None or not doc.endswith(".md"):
                return None
            found.append(file.page)
        return found


def rebuild(live: Live, docs: list[str], cache: Any = None) -> bool:
    """Rebuild only these pages (their Markdown changed, nothing else did); False if a full build is needed.

    `cache`: the build's PageCache; it stays out of the way (nothing is stored or restored) and forgets
    that these pages' files held their old HTML. MkDocs' warnings are raised by the caller's collector."""
    pages = live.pages(docs)
    if pages is None:
        return False
    search = _search_plugin(live.config)
    shared = (search.config, search.search_index) if search is not None else None
    if search is not None and live.search is not None:
        search.config, search.search_index = live.search
    if cache is not None:
        cache.passive = True
    try:
        return _rebuild(live, pages, search, cache)
    finally:
        if cache is not None:
            cache.passive = False
        if search is not None and shared is not None:
            search.config, search.search_index = shared


def _rebuild(live: Live, pages: list[Any], search: Any, cache: Any) -> bool:
    from mkdocs.commands.build import _build_page, _populate_page

    config, files, nav = live.config, live.files, live.nav
    before = nav_signature(nav.items)
    for page in pages:
        vars(page).pop("render", None)  # a page restored from the cache: render it for real
        vars(page).pop("kb_cached_output", None)
        _populate_page(page, config, files)
    if nav_signature(nav.items) != before:  # a title the navigation shows changed
        live.ready = False
        return False
    if live.doc_files is None:
        live.doc_files = files.documentation_pages()
    doc_files = live.doc_files
    index = search.search_index if search is not None else None
    for page in pages:
        start = len(index.entries) if index is not None else 0
        _build_page(page, config, doc_files, nav, live.env, excluded=page.file.inclusion.is_excluded())
        if index is not None:
            _replace_entries(live, index.entries, start, page.url)
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if cache is not None:
            cache.forget(page.file.abs_dest_path)
    if search is not None:
        _write_search_index(live, search, config)
    return True


def _search_plugin(config: Any) -> Any:
    """Material's search plugin (registered as `material/search`), if it is on."""
    for plugin in config.plugins.values():
        if isinstance(getattr(getattr(plugin, "search_index", None), "entries", None), list):
            return plugin
    return None


def _replace_entries(live: Live, entries: list[dict[str, Any]], start: int, url: str) -> None:
    """Move the page's new entries (appended from `start`) to where its old ones were, in their place,
    and their JSON to the same place in `live.entry_json`.

    A page's entries follow each other (its own, then its sections': `url`, `url#anchor`);
    `live.spans` says where each page's are, found again only after a page's count changed."""
    new = entries[start:]
    del entries[start:]
    if live.spans is None:
        live.spans = {}
        for number, entry in enumerate(entries):
            page = str(entry.get("location", "")).split("#", 1)[0]
            live.spans[page] = (live.spans.get(page, (number, 0))[0], number + 1)
    first, end = live.spans.get(url, (len(entries), len(entries)))
    entries[first:end] = new
    live.entry_json[first:end] = [_json(entry) for entry in new]
    if end - first != len(new):
        live.spans = None


def _write_search_index(live: Live, search: Any, config: Any) -> None:
    """What Material's `on_post_build` writes (`json.dumps` of the index's config and entries), from each
    entry's JSON kept since it was made: the same bytes, without encoding or visiting every entry again."""
    if not search.config.enabled:
        return
    index = search.search_index
    if getattr(search, "search_index_prev", None) is not None:  # Material's dirty reload merges: let it
        search.on_post_build(config=config)
        return
    settings = {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")}
    head = _json({"config": settings})
    if len(live.entry_json) != len(index.entries):  # pragma: no cover - kept in step by _replace_entries
        live.entry_json = [_json(entry) for entry in index.entries]
    text = head[:-1] + ',"docs":[' + ",".join(live.entry_json) + "]}"
    write_file(text.encode("utf-8"), os.path.join(config.site_dir, "search", "search_index.json"))


def _json(value: Any) -> str:
    """As Material's search plugin encodes its index."""
    return json.dumps(value, separators=(",", ":"), default=str)
