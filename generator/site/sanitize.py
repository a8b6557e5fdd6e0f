"""Sanitise the HTML MkDocs renders from the pages: an allow-list of tags, attributes and URL schemes.

Escaping user Markdown by hand (`render.escape.md_block`) stops the obvious, but
Markdown has too many ways to become HTML (escaped backticks, unclosed fences,
attribute lists, link destinations on the next line, entities in schemes) for a
line-by-line escape to be safe. So every page's HTML, once MkDocs has rendered it,
goes through `nh3` (the Rust `ammonia` sanitiser) with the allow-list below: the
elements and attributes our templates and the Markdown extensions produce, links
only to http(s), mailto and tel (or relative), no `on*` attribute, no script,
style, iframe, object, form action or inline SVG. The `raw-html` check still tells
editors; this is what holds when the check is skipped or outwitted.

Inline SVG (Material's emoji icons) is not allowed: its parsing rules differ from
HTML's and are a known source of sanitiser bypasses.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import nh3

TAGS = (set(nh3.ALLOWED_TAGS) | {"form", "input", "select", "option", "button", "label", "output"}) - {"area", "map"}
_GLOBAL = {"class", "id", "lang", "title", "hidden", "role", "dir", "tabindex"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"disabled", "checked", "name", "autocomplete", "maxlength", "placeholder", "value", "spellcheck"},
    "select": {"name", "disabled"},
    "option": {"value", "selected"},
    "label": {"for"},
    "td": {"style", "colspan", "rowspan", "align"},
    "th": {"style", "colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
ATTRIBUTE_VALUES = {
    "input": {"type": {"checkbox", "search", "text", "hidden"}},
    "button": {"type": {"button", "submit", "reset"}},
}
SCHEMES = {"http", "https", "mailto", "tel"}
_SAFE_ID = re.compile(r"[\w.:-]*\Z")


def clean_html(html: str) -> str:
    """The page HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, tag_attribute_values=ATTRIBUTE_VALUES, url_schemes=SCHEMES,
        generic_attribute_prefixes={"data-", "aria-"}, link_rel=None, strip_comments=True,
        clean_content_tags={"script", "style"}, filter_style_properties={"text-align"},
    )


def safe_anchor(anchor: str) -> str:
    """A heading id as it may appear in a table-of-contents link (`#` + id) without breaking out of it."""
    return anchor if _SAFE_ID.match(anchor) else quote(anchor, safe="")


_ARTICLE = re.compile(r'(<article\b[^>]*\bmd-content__inner\b[^>]*>)(.*?)(</article>)', re.S)


def clean_page(html: str) -> str:
    """For an engine without MkDocs' plugin events (Zensical): the same allow-list over a written page's
    article, where everything from user text lands (the theme's own markup stays as it is)."""
    return _ARTICLE.sub(lambda m: m.group(1) + clean_html(m.group(2)) + m.group(3), html)
