"""Sanitise a page where Python-Markdown makes it, for Zensical, which runs no MkDocs plugin.

Loaded by name in the config kb gives Zensical (`zensical_api.zensical_config`). After
Python-Markdown has converted a page (raw HTML put back included), the page's HTML goes
through the same allow-list as MkDocs' pages (`sanitize.clean_html`), and so does each
entry of its table of contents, which Zensical prints in the sidebar from the headings'
HTML outside the page's article: the labels are cleaned and the anchors made safe. The
article is cleaned again once the page is written (`postpass`), as before.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from generator.site.sanitize import clean_html, safe_anchor

LABELS = ("name", "html", "data-toc-label")


def clean_toc(tokens: list[dict[str, Any]]) -> None:
    """Python-Markdown's table-of-contents tokens, cleaned in place: labels sanitised, anchors made safe."""
    for token in tokens:
        for label in LABELS:
            if token.get(label):
                token[label] = clean_html(token[label])
        token["id"] = safe_anchor(str(token.get("id", "")))
        clean_toc(token.get("children") or [])


class _Sanitise(Postprocessor):
    def run(self, text: str) -> str:
        clean_toc(getattr(self.md, "toc_tokens", []))
        return clean_html(text)


class SanitiseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        md.postprocessors.register(_Sanitise(md), "kb_sanitise", 0)  # last: after raw HTML is put back


def makeExtension(**kwargs: Any) -> SanitiseExtension:  # noqa: N802 - Python-Markdown's name for extensions by name
    return SanitiseExtension(**kwargs)
