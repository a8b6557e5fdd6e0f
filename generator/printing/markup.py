"""User text on the printouts: Markdown to safe HTML, and strings for CSS `content:`.

Content is checked for raw HTML already; escaping `<` and `&` here anyway means a
file that slipped past the checks still cannot inject markup into the print page.
Links keep only harmless schemes (the print HTML is also opened in a browser).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

from markupsafe import Markup, escape

SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|[^:]*$)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _converter():
    import markdown
    from markdown.treeprocessors import Treeprocessor

    class SafeLinks(Treeprocessor):
        """Drop hrefs with schemes such as javascript: and every image (a printout shows none)."""

        def run(self, root: etree.Element) -> None:
            for link in root.iter("a"):
                if not SAFE_LINK.match(link.get("href", "")):
                    link.attrib.pop("href", None)
            for parent in root.iter():
                for child in list(parent):
                    if child.tag == "img":
                        parent.remove(child)

    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.treeprocessors.register(SafeLinks(md), "kb_safe_links", 0)
    return md


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> Markup:
    """Block-level HTML for a Markdown text field."""
    md = _converter()
    md.reset()
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return Markup(md.convert(escaped))


def markdown_inline(text: str) -> Markup:
    """HTML for a short Markdown text shown inline (a list entry): one paragraph loses its <p>."""
    html = str(markdown_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


URL_BREAK = re.compile(r"(?<=[/-])(?!/)")
LONG_SEGMENT = 100  # characters: an unbreakable run longer than this does not fit a footer line at 7pt


def breakable_url(url: str) -> Markup:
    """`url` for HTML that may wrap only after a '/' or '-': each run between them is kept whole
    (`.seg`, white-space: nowrap) and a `<wbr>` marks the breaks; a run too long for a line is
    marked `.shrink` so the whole address prints smaller instead of breaking inside a word."""
    segments = [segment for segment in URL_BREAK.split(url) if segment]
    spans = "".join(f'<span class="seg">{escape(segment)}</span>' for segment in segments)
    if max((len(segment) for segment in segments), default=0) > LONG_SEGMENT:
        return Markup(f'<span class="shrink">{spans}</span>')
    return Markup(spans)


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, safe inside a <style> element (every risky character escaped)."""
    out = []
    for char in text:
        if char.isalnum() or char in " .,:;/-_()·":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')
