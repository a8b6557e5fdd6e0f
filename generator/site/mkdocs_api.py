"""The one module that talks to MkDocs and mkdocs-material (swap it for a fork or a successor).

Builds an emitted project in-process in strict mode, collecting MkDocs' warnings
so they are reported (and fail the build) instead of scrolling past; reports
which interface and search languages the installed Material supports; and makes
the live-reload server `kb preview` uses.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any


class SiteBuildError(Exception):
    """MkDocs refused the project; `messages` holds its warnings and errors."""

    def __init__(self, message: str, messages: list[str]) -> None:
        super().__init__(message, messages)  # both in args, so the error survives a worker process
        self.message = message
        self.messages = messages

    def __str__(self) -> str:
        return "\n".join([self.message, *[f"  {line}" for line in self.messages]])


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


@contextmanager
def _collected() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def build(config_file: Path, *, serve_url: str | None = None, page_cache: Path | None = None,
          on_disk: dict[str, str] | None = None, live: Any = None, lean: bool = False,
          previous: Path | None = None) -> int:
    """Run MkDocs on one emitted project (strict); raise SiteBuildError on any warning or error.

    `page_cache`: a folder where pages' rendered Markdown and HTML are kept between builds
    (see page_cache.py); pages whose inputs did not change are not rendered again.
    `on_disk` (with `page_cache`; the preview keeps it between builds): what the site folder's
    page files hold; the folder is then not cleaned and unchanged pages are not written again.
    `live` (a mkdocs_live.Live, for the preview): keeps this build's state for `rebuild_pages`.
    `lean` (for `kb build`, which empties the theme's search index afterwards): keep less of each page
    in memory and no search entries (see lean.py); the site is the same.
    `previous` (with `page_cache`, for `kb build`): the folder of the language's current site, whose
    unchanged pages are linked into the new one instead of built (see page_skip.py).
    Returns how many pages were reused from the cache or the previous site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.exceptions import MkDocsException

    cache = skip = None
    with _collected() as collected, _without_dirty_warning():
        try:
            config, cache = _configured(config_file, serve_url, page_cache, on_disk, live, lean)
            if cache is not None and previous is not None and on_disk is None:
                skip = _page_skip(config, cache, previous)
            dirty = cache is not None and (on_disk is not None or skip is not None)  # MkDocs skips pages
            _run(config, serve_url, dirty)
        except MkDocsException as exc:
            if cache is not None:
                cache.finish(ok=False)
            raise _error(f"MkDocs failed on the site of '{config_file.parent.name}': {exc}", collected.messages,
                         config_file) from None
    if skip is not None:
        skip.finish(ok=not collected.messages)  # before the cache's prune: marks the skipped pages' entries used
    if cache is not None:
        cache.finish(ok=not collected.messages)
    if collected.messages:  # pragma: no cover - strict mode raises first
        raise _error(f"MkDocs warned on the site of '{config_file.parent.name}'", collected.messages, config_file)
    if live is not None:
        live.ready = True
    return (cache.reused if cache is not None else 0) + (skip.skipped if skip is not None else 0)


def _page_skip(config: Any, cache: Any, previous: Path) -> Any:
    """The plugin that lets unchanged pages skip MkDocs (page_skip.py), when no unknown plugin could
    change a page because another one changed; None otherwise."""
    if not _known_plugins(config):
        return None
    from generator.site.page_skip import PageSkip

    skip = config.plugins["kb-page-skip"] = PageSkip(cache, previous)
    return skip


def _run(config: Any, serve_url: str | None, dirty: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build

    config.plugins.on_startup(command="serve" if serve_url else "build", dirty=False)
    try:
        mkdocs_build(config, dirty=dirty, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()


def _configured(config_file: Path, serve_url: str | None, page_cache: Path | None,
                on_disk: dict[str, str] | None, live: Any, lean: bool = False) -> tuple[Any, Any]:
    """The project's MkDocs config with kb's in-process plugins added, and the page cache (or None)."""
    from mkdocs.config import load_config

    from generator.site.markdown_speed import LinkSpeedExtension
    from generator.site.page_cache import PageCache

    config = load_config(str(config_file), strict=True)
    config["markdown_extensions"].append(LinkSpeedExtension())  # same HTML, faster (see the module)
    # the preview (on_disk: unchanged pages are not written) serves no policy, so it records none
    config.plugins["kb-sanitize"] = _sanitizer(csp=serve_url is None and on_disk is None)
    cache = None
    if page_cache is not None:
        cache = config.plugins["kb-page-cache"] = PageCache(page_cache, on_disk, search=not lean)
    if lean:
        from generator.site.lean import Lean

        config.plugins["kb-lean"] = Lean()
    if live is not None:
        config.plugins["kb-live"] = live
        live.cache = cache
    return config, cache


_KNOWN_PLUGINS = {"search", "material/search", "kb-sanitize", "kb-page-cache", "kb-lean"}


def _known_plugins(config: Any) -> bool:
    """Only plugins whose work on a page depends on nothing but that page's Markdown and what every page
    shares: a page may then skip MkDocs (page_skip.py). Another plugin (tags, blog) may change a page
    after another page changed, so then every page goes through MkDocs (from the page cache)."""
    return set(config.plugins) <= _KNOWN_PLUGINS


def rebuild_pages(config_file: Path, live: Any, docs: list[str]) -> bool:
    """Rebuild only these pages of the site `live` kept (see mkdocs_live.py); False when that cannot be done
    and a full `build` is needed. Raise SiteBuildError on any warning, like `build`."""
    from mkdocs.exceptions import MkDocsException

    from generator.site.mkdocs_live import rebuild

    with _collected() as collected:
        try:
            done = rebuild(live, docs, live.cache)
        except MkDocsException as exc:
            live.ready = False
            raise _error(f"MkDocs failed on the site of '{config_file.parent.name}': {exc}", collected.messages,
                         config_file) from None
        except Exception:
            live.ready = False
            raise
    if collected.messages:
        live.ready = False
        raise _error(f"MkDocs warned on the site of '{config_file.parent.name}'", collected.messages, config_file)
    return done


class _DirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave the navigation stale; ours reads every page, so it does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextmanager
def _without_dirty_warning() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    dropped = _DirtyWarning()
    logger.addFilter(dropped)
    try:
        yield
    finally:
        logger.removeFilter(dropped)


def _sanitizer(csp: bool) -> Any:
    """A plugin that runs last on every page's HTML: the allow-list of `site/sanitize.py`; and notes the
    inline scripts the theme needs, for the Content-Security-Policy of `kb serve` (`generator/csp.py`)."""
    from mkdocs.plugins import BasePlugin, event_priority

    from generator.csp import Sources
    from generator.site.sanitize import clean_html, safe_anchor

    class Sanitize(BasePlugin):
        sources = Sources()
        last: Any = None  # what the page just written needs

        @event_priority(-100)
        def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
            stack = list(page.toc or [])
            while stack:
                link = stack.pop()
                link.id = safe_anchor(link.id)
                stack.extend(link.children)
            return clean_html(html)

        @event_priority(-100)
        def on_post_page(self, output: str, **kwargs: Any) -> str:
            self.last = self.sources.collect(output) if csp else None  # kept by page_skip.py with the page
            return output

        def add(self, found: Any) -> None:
            """What `on_post_page` noted of a page, for a page kept from the previous site (page_skip.py)."""
            if csp and found is not None:
                self.sources.add(found)

        def on_post_build(self, config: Any, **kwargs: Any) -> None:
            if csp:
                self.sources.save(Path(config.site_dir))

    return Sanitize()


def _error(message: str, messages: list[str], config_file: Path) -> SiteBuildError:
    """The error without the paths of the generated project (a staging or temporary folder the user
    never sees): pages are named by their path in the site's docs, the config as mkdocs.yml."""
    folder = Path(config_file).parent
    swaps = [(str(folder / "docs") + os.sep, ""), (str(config_file), "mkdocs.yml"), (str(folder), "."),
             (str(folder.parent.parent), "(staging)")]

    def scrub(text: str) -> str:
        for path, shown in swaps:
            text = text.replace(path, shown)
        return text

    return SiteBuildError(scrub(message), [scrub(line) for line in messages])


def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


@cache
def theme_languages() -> frozenset[str]:
    """Interface languages Material has translations for."""
    folder = _material_templates() / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


@cache
def search_languages() -> frozenset[str]:
    """Languages both MkDocs' config validation and Material's search worker have a lunr stemmer for."""
    import mkdocs.contrib.search as search

    checked = Path(search.__file__).parent / "lunr-language"
    mkdocs_side = {path.name.split(".")[1] for path in checked.glob("lunr.*.js")}
    worker = _material_templates() / "assets" / "javascripts" / "lunr" / "min"
    material_side = {path.name.split(".")[1] for path in worker.glob("lunr.*.min.js")}
    return frozenset((mkdocs_side & material_side) | {"en"}) - {"multi", "stemmer"}


def empty_search_index(site_dir: Path, index: str = "search/search_index.json", documents: str = "docs") -> None:
    """Keep the theme's search index without its documents: readers search through our own index
    (kb-search.js), the theme's search code still starts cleanly, and the site is smaller.
    `index` and `documents`: the file and its list of documents (Zensical: search.json, items)."""
    path = site_dir / index
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    data[documents] = []
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def make_server(builder: Callable[[], None], root: Path, host: str, port: int) -> Any:
    """MkDocs' live-reload server: serves `root`, calls `builder` after watched files change, reloads browsers."""
    from mkdocs.livereload import LiveReloadServer

    return LiveReloadServer(builder=builder, host=host, port=port, root=str(root))
