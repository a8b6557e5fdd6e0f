"""MkDocs' page work, cached between builds: a page whose inputs did not change is not rendered again.

Plugged into MkDocs' build by `mkdocs_api.build` (never written into the emitted
`mkdocs.yml`, so the project stays plain). Two levels, each keyed by a hash of
everything its result depends on, and stored under `.kb/cache/pages/<lang>/`:

* **Markdown** (`page.render`: Markdown -> HTML, table of contents, title, anchors):
  keyed by the page's path, front matter and Markdown (after other plugins' edits),
  the config (without `site_dir`, which names the staging folder), the list of the
  project's files (links resolve against it) and the versions of the renderers.
* **Template** (the theme's page, before `on_post_page`): keyed by the Markdown key,
  the page's URL, its previous and next pages and the whole navigation (titles and
  URLs), the theme's template files and the same versions.

A hit replays exactly what MkDocs would compute, so a cached build gives the same
bytes as a cold one (tests/site/test_site_incremental.py). Other plugins still see
every event (search still indexes every page). Results of a page that logged a
warning are never stored, so a cached page cannot hide a warning in strict mode;
entries no build used are pruned after each successful build (`prune`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from generator.site.cache_store import Store

CACHED_TEMPLATE = "kb-cached-page.html"
_RENDERERS = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "service-standards-kb")
_SITE_DIR_LINE = re.compile(r"^site_dir:.*$", re.MULTILINE)


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()


def package_versions(names: tuple[str, ...]) -> str:
    """'mkdocs=1.6.1 Markdown=3.11 …' for these installed distributions ('-' for one that is not installed)."""
    found = []
    for name in names:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache(BasePlugin):
    """The plugin object; `mkdocs_api.build` adds it to the loaded config's plugins."""

    def __init__(self, folder: Path, on_disk: dict[str, str] | None = None, search: bool = True) -> None:
        """`on_disk` (for a long-running preview, kept between builds of one site folder): what each
        page's HTML file holds, by page key; pages whose file already holds their HTML are not
        written again, and the build must not clean the site folder (`mkdocs_api` builds dirty).
        `search`: keep the theme's search entries of each page (off when nothing reads them)."""
        super().__init__()
        self.store = Store(folder)
        self.on_disk = on_disk
        self.search = search
        self._env: Any = None
        self._written: dict[str, str] = {}  # this build's page files -> keys
        self._site_dir = Path()
        self.warnings = _WarningCount()
        self._salt = ""
        self._markdown_keys: dict[str, str] = {}  # src_uri -> key
        self._page_keys: dict[str, str] = {}
        self._marks: dict[str, int] = {}  # src_uri -> warning count when its work started
        self.shell = ""  # a hash of what every page's template shares (set with the navigation)
        self.reused = 0  # pages whose whole HTML came from the cache
        self._search: dict[str, tuple[str, Any, int, dict[str, Any]]] = {}
        self.passive = False  # mkdocs_live rebuilds some pages: neither store nor restore them

    def forget(self, page_file: str) -> None:
        """A page's file was written outside this cache's knowledge: write it on the next build."""
        if self.on_disk is not None:
            self.on_disk.pop(page_file, None)

    # -- set-up -------------------------------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        text = Path(config.config_file_path).read_text(encoding="utf-8")
        self._salt = _digest(package_versions(_RENDERERS), _SITE_DIR_LINE.sub("", text))
        self._site_dir = Path(config.site_dir)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return config

    def on_post_build(self, config: Any) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def on_build_error(self, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def on_files(self, files: Any, config: Any) -> Any:
        if self.on_disk is not None:  # a dirty build must still read every page: the nav needs them all
            for file in files.documentation_pages():
                file.is_modified = lambda: True
        listing = "\n".join(sorted(file.src_uri for file in files))
        self._salt = _digest(self._salt, listing)
        return files

    @event_priority(-100)
    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.shell = _digest(self._salt, theme_signature(config), nav_signature(nav.items))
        return nav

    # -- Markdown -> HTML ---------------------------------------------------------------------------

    @event_priority(100)
    def on_pre_page(self, page: Any, config: Any, files: Any) -> Any:
        self._marks[page.file.src_uri] = self.warnings.count
        return page

    @event_priority(-100)  # last: the key sees the Markdown as every other plugin left it
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        if self.passive:
            return markdown
        meta = json.dumps(page.meta, sort_keys=True, default=str)
        key = _digest("markdown", self._salt, page.file.src_uri, meta, markdown)
        self._markdown_keys[page.file.src_uri] = key
        cached = self.store.get(key)
        if cached is not None:
            page.render = lambda config, files: _restore(page, cached, files)
        return markdown

    @event_priority(100)  # first: what `page.render` made, before other plugins change it
    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        uri = page.file.src_uri
        if not self.passive and "render" not in vars(page) and self.warnings.count == self._marks.get(uri):
            links = page.links_to_anchors
            self.store.put(self._markdown_keys[uri], {
                "content": html, "toc": page.toc, "title": page._title_from_render,
                "anchors": page.present_anchor_ids,
                "links": None if links is None else {file.src_uri: value for file, value in links.items()},
            })
        return html

    # -- the theme's template -----------------------------------------------------------------------

    @event_priority(-100)
    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        import jinja2

        for file in files.documentation_pages():
            page = file.page
            if page is None or file.src_uri not in self._markdown_keys:
                continue
            around = [(p.title, p.url) if p is not None else None for p in (page.previous_page, page.next_page)]
            key = _digest("page", self.shell, self._markdown_keys[file.src_uri], page.url, str(page.title),
                          json.dumps(around))
            self._page_keys[file.src_uri] = key
            self._written[file.abs_dest_path] = key
            if self.store.has(key):  # read when the page is written, not all at once (memory)
                self.reused += 1
                page.kb_cached_key, page.kb_template = key, page.meta.get("template", "main.html")
                if self.on_disk is not None and self.on_disk.get(file.abs_dest_path) == key:
                    page.kb_cached_output = ""  # already there: MkDocs skips writing an empty page
                page.meta = {**page.meta, "template": CACHED_TEMPLATE}
        cached_loader = jinja2.DictLoader({CACHED_TEMPLATE: "{{ page.kb_cached_output }}"})
        env.loader = jinja2.ChoiceLoader([cached_loader, env.loader])
        self._env = env
        return env

    @event_priority(100)  # before the search plugin: a page whose entries are cached is not parsed again
    def _context_first(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        uri = page.file.src_uri
        self._marks[uri] = self.warnings.count
        index = _search_index(config)
        if index is not None and uri in self._markdown_keys and not self.passive and self.search:
            key = _digest("search", self._markdown_keys[uri], page.url, str(page.title))
            cached = self.store.get(key)
            self._search[uri] = (key, cached, len(index.entries), page.meta)
            if cached is not None:
                page.meta = {**page.meta, "search": {"exclude": True}}  # the search plugin skips it
        return context

    @event_priority(-100)  # after the search plugin: add the cached entries, or keep the new ones
    def _context_last(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        if not self.passive and page.meta.get("template") == CACHED_TEMPLATE and "kb_cached_output" not in vars(page):
            page.kb_cached_output = self._cached_output(page, context)
        found = self._search.pop(page.file.src_uri, None)
        index = _search_index(config)
        if found is None or index is None:
            return context
        key, cached, start, meta = found
        if cached is not None:
            page.meta = meta
            index.entries.extend(cached)
        elif self.warnings.count == self._marks.get(page.file.src_uri):
            self.store.put(key, index.entries[start:])
        return context

    on_page_context = CombinedEvent(_context_first, _context_last)

    def _cached_output(self, page: Any, context: Any) -> str:
        """The page's HTML kept by an earlier build; if its entry was damaged since `on_env` found it,
        the theme's template rendered now (after the other plugins' `on_page_context`, as MkDocs would)."""
        output = self.store.get(page.kb_cached_key)
        if output is None:
            self.reused -= 1
            output = self._env.get_template(page.kb_template).render(context)
            if self.warnings.count == self._marks.get(page.file.src_uri):
                self.store.put(page.kb_cached_key, output)
        return str(output)

    @event_priority(100)  # first: the template's own output
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        uri = page.file.src_uri
        if "kb_cached_output" in vars(page):
            page.kb_cached_output = ""  # written now: no need to keep every page's HTML until the end
        elif (not self.passive and uri in self._page_keys and self.warnings.count == self._marks.get(uri)):
            self.store.put(self._page_keys[uri], output)
        return output

    def finish(self, ok: bool) -> None:
        """After the build: prune the store and note what the page files now hold (or forget it)."""
        if self.on_disk is None:
            if ok:
                self.store.prune()
            return
        if not ok:  # some files may hold HTML of keys not noted: write every page next time
            self.on_disk.clear()
            return
        for stale in set(self.on_disk) - set(self._written):  # pages gone since the last build
            _remove_page(Path(stale), self._site_dir)
        self.on_disk.clear()
        self.on_disk.update(self._written)
        self.store.prune()


def _remove_page(path: Path, site_dir: Path) -> None:
    """Remove a page's file and the folders it leaves empty (up to the site folder)."""
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or site_dir not in folder.parents:
            break
        try:
            folder.rmdir()
        except OSError:  # not empty
            break


def _search_index(config: Any) -> Any:
    """Material's search index (entries in page order), if its search plugin is on."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _restore(page: Any, cached: dict[str, Any], files: Any) -> None:
    """What `Page.render` sets, from the cache."""
    page.content = cached["content"]
    page.toc = cached["toc"]
    page._title_from_render = cached["title"]
    page.present_anchor_ids = cached["anchors"]
    if cached["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): value for uri, value in cached["links"].items()}


def nav_signature(items: Any) -> str:
    """Every navigation entry's kind, title and URL, nested: each page shows the whole navigation."""
    parts = []
    for item in items or ():
        url = getattr(item, "url", "")
        parts.append(f"{type(item).__name__}\0{item.title}\0{url}\0[{nav_signature(item.children)}]")
    return "\n".join(parts)


def theme_signature(config: Any) -> str:
    """A hash of every template file the theme can use, by name and bytes (not dates: CI installs the
    theme afresh on every run, and a restored cache must still match)."""
    digest = hashlib.sha256()
    for order, folder in enumerate(config.theme.dirs):
        for root, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                if name.endswith((".html", ".xml", ".j2")):
                    path = os.path.join(root, name)
                    digest.update(f"{order} {os.path.relpath(path, folder)}\0".encode())
                    with open(path, "rb") as file:
                        digest.update(file.read())
    return digest.hexdigest()
