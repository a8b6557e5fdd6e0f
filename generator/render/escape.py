"""Escaping user text wherever it lands: Markdown, HTML attributes, YAML front matter, JSON.

Titles and names are plain text: `md_text` makes them literal in Markdown (no
emphasis, links, attribute lists, headings or HTML). Long fields are Markdown
without raw HTML: `md_block` keeps their Markdown but neutralises anything that
could become HTML or script (tags, `javascript:` links, `{: onclick=…}`
attribute lists), even if a check was skipped. Every function returns `Markup`,
the marker the Jinja environment uses to know a value is already escaped.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from markupsafe import Markup

# Characters Python-Markdown honours as backslash escapes (plus `|`, added by tables), and HTML's.
_MD_TABLE = str.maketrans({
    **{char: "\\" + char for char in "\\`*_{}[]|#"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
})
_LINE_START = re.compile(r"^(\d+)\.|^([-+=])")
_SPACES = re.compile(r"\s+")

# A tag, closing tag, comment, CDATA or processing instruction; `< 5 min` and `a<b` stay text.
_HTML_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_LINK_DEST = re.compile(r"(\]\(\s*<?|\]:\s*<?|<)([A-Za-z][A-Za-z0-9+.-]*):")
_DEST_ENTITY = re.compile(r"(\]\(\s*<?|\]:\s*<?)([^)\s>]*&[^)\s>]*)")
_ATTR_LIST = re.compile(r"\{(?=\s*[:.#]|[^{}\n]*=)")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def md_text(text: object) -> Markup:
    """Plain text made literal in Markdown (one line; HTML special characters as entities)."""
    return _md_text(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=1 << 16)
def _md_text(text: str) -> Markup:
    value = " ".join(text.split()).translate(_MD_TABLE)
    if value[:1] in "0123456789-+=" and value:
        value = _LINE_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}", value)
    return Markup(value)


def html_text(text: object) -> Markup:
    """Text for an HTML element or attribute value (quotes escaped too)."""
    return Markup(html.escape(str(text), quote=True))


def md_block(text: object) -> Markup:
    """User Markdown kept as Markdown, with raw HTML, unsafe link schemes and attribute lists neutralised."""
    return _md_block(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=1 << 14)
def _md_block(text: str) -> Markup:
    out: list[str] = []
    fence: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        opener = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opener and opener.group(2)[0] == fence[0] and len(opener.group(2)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(2)
            out.append(line)
            continue
        out.append(_outside_code_spans(line))
    return Markup("\n".join(out).strip("\n"))


def _outside_code_spans(line: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(line):
        parts.append(_neutralise(line[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_neutralise(line[last:]))
    return "".join(parts)


def _neutralise(chunk: str) -> str:
    links: list[str] = []

    def keep_autolink(match: re.Match[str]) -> str:
        links.append(match.group(0))
        return f"\x00{len(links) - 1}\x00"

    chunk = _AUTOLINK.sub(keep_autolink, chunk)
    chunk = _HTML_OPEN.sub("&lt;", chunk)
    chunk = _ATTR_LIST.sub(r"\\{", chunk)
    chunk = re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], chunk)
    chunk = _DEST_ENTITY.sub(lambda m: m.group(1) + m.group(2).replace("&", "&amp;"), chunk)
    return _LINK_DEST.sub(_safe_scheme, chunk)


def _safe_scheme(match: re.Match[str]) -> str:
    scheme = match.group(2)
    if scheme.lower() in SAFE_SCHEMES:
        return match.group(0)
    return f"{match.group(1)}#blocked-{scheme.lower()}-"


def md_indent(text: object, width: int) -> Markup:
    """Indent every line but the first by `width` spaces (to sit inside a list item or admonition)."""
    pad = " " * width
    lines = str(text).split("\n")
    return Markup("\n".join([lines[0], *[(pad + line) if line.strip() else "" for line in lines[1:]]]))


def yaml_string(text: object) -> Markup:
    """A double-quoted YAML scalar (JSON strings are valid YAML), on one line."""
    return Markup(json.dumps(_SPACES.sub(" ", str(text)).strip(), ensure_ascii=False))


def json_for_html(data: object) -> Markup:
    """JSON safe inside an HTML element or attribute: `<`, `>`, `&` and quotes are \\u escapes."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        raw = raw.replace(char, code)
    return Markup(raw)
