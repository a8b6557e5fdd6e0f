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


# The print page's script (Print button, "print my progress") is a site asset; `kb print --html` copies it
# beside the pages it writes outside a site.
SCRIPT = Path(__file__).resolve().parents[1] / "site" / "assets" / "kb-print.js"
SITE_SCRIPT = "../assets/kb/" + SCRIPT.name  # seen from <lang root>/print/<id>.html


def render_html(sheet: Sheet, author: str = "", standalone_pdf: str | None = None) -> str:
    """The print page of `sheet`; in a site it lives at <lang root>/print/<id>.html beside <id>.pdf.

    `standalone_pdf` names the PDF beside a page written outside a site (`kb print --html`): the page
    then loads the script from its own folder and links the web page only by an absolute address.
    """
    if standalone_pdf is None:
        links = {"pdf_link": f"{sheet.item.id}.pdf", "page_link": "../" + item_page(sheet.item), "script": SITE_SCRIPT}
    else:
        page_link = sheet.url if sheet.url.startswith(("https://", "http://")) else ""
        links = {"pdf_link": standalone_pdf, "page_link": page_link, "script": SCRIPT.name}
    return environment().get_template("sheet.html.j2").render(sheet=sheet, css=stylesheet(), author=author, **links)
