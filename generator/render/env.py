"""The one Jinja environment that renders page templates into Markdown.

Created once per process (templates are compiled once and cached). Every
`{{ expression }}` is escaped for Markdown unless it is already `Markup` (what
the PageView helpers and the filters below return), so user text cannot become
Markdown syntax or HTML by accident; raw HTML fragments in templates use the
`attr` filter for attribute values. A typo in a template fails loudly
(StrictUndefined).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.render import icons
from generator.render.escape import html_text, json_for_html, md_indent, md_text, yaml_string

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    return md_text(value)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # with _finalize: Markdown escaping for plain values, Markup passes through
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        attr=html_text,
        md=md_text,
        yaml=yaml_string,
        json=json_for_html,
        indent_md=md_indent,
    )
    env.globals.update(icon=icons.icon)
    return env


def template(name: str) -> jinja2.Template:
    return environment().get_template(name)
