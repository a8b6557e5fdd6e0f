"""A `kb build` keeps less of each page while MkDocs builds a language: what nothing reads is let go.

Plugged into MkDocs' build by `mkdocs_api.build` for `kb build` only (the preview keeps the theme's
search index and every page for its single-page rebuilds). MkDocs reads and renders every page
before it writes any, and keeps every page's Markdown and HTML until the build ends; Material's
search plugin keeps every page's text for the theme's search index, which `kb build` then empties
(readers search through kb's own index). This plugin:

* drops each page's Markdown once MkDocs turned it into HTML;
* keeps every page out of the theme's search index (the index file is the same once emptied);
* drops each page's HTML once its file is written (anchors are checked from other fields).

The site's bytes are the same (tests/site/test_site_incremental.py compares builds byte for byte).
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

_SEARCH_META = "kb_lean_meta"


class Lean(BasePlugin):
    @event_priority(-200)  # last: every other plugin has seen the Markdown and the HTML
    def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
        page.markdown = ""  # not None: MkDocs then takes a page without a title for one not read yet
        return html

    @event_priority(200)  # before the search plugin (and the page cache's own search entries)
    def _context_first(self, context: Any, page: Any, **kwargs: Any) -> Any:
        setattr(page, _SEARCH_META, page.meta)
        page.meta = {**page.meta, "search": {"exclude": True}}
        return context

    @event_priority(-200)  # after it: the template sees the page's own metadata
    def _context_last(self, context: Any, page: Any, **kwargs: Any) -> Any:
        page.meta = vars(page).pop(_SEARCH_META, page.meta)
        return context

    on_page_context = CombinedEvent(_context_first, _context_last)

    @event_priority(-200)  # last: the page's file is written right after
    def on_post_page(self, output: str, page: Any, **kwargs: Any) -> str:
        page.content = ""  # not None: see on_page_content
        return output
