"""The print HTML: one self-contained A4 page per sheet (CSS inline), for WeasyPrint and for browsers.

`TEMPLATE_VERSION` hashes the templates, the CSS and the labels, so a change to the
layout invalidates every cached PDF.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.printing.markup import breakable_url, css_string
from generator.printing.sheet import Sheet
from generator.urls import item_page
from generator.words import FOLDER as LOCALES

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    env.filters["breakable_url"] = breakable_url
    return env


@lru_cache(maxsize=1)
def stylesheet() -> Markup:
    # Our own static file; `</` cannot occur in it, so it is safe inside <style>.
    return Markup((TEMPLATES / "print.css").read_text(encoding="utf-8"))


def _template_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(TEMPLATES.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for path in sorted(LOCALES.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


TEMPLATE_VERSION = _template_version()


def render_html(sheet: Sheet, author: str = "") -> str:
    """The print page of `sheet`; it lives at <lang root>/print/<id>.html beside <id>.pdf."""
    return environment().get_template("sheet.html.j2").render(
        sheet=sheet, css=stylesheet(), author=author, page_link="../" + item_page(sheet.item),
    )
