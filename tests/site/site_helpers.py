"""Helpers shared by the site tests: render the fixture knowledge base without building."""

from __future__ import annotations

import dataclasses
import os
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from conftest import SITE_KB, TODAY

from generator.config import Project, load_project
from generator.content.knowledge import KnowledgeBase
from generator.content.pipeline import build_knowledge_base
from generator.render.pages import list_pages, render_all
from generator.render.view import Renderer
from generator.site.emit import site_settings


@cache
def fixture_kb() -> tuple[Project, KnowledgeBase]:
    before = os.environ.get("KB_TODAY")
    os.environ["KB_TODAY"] = TODAY
    try:
        project = load_project(SITE_KB / "mkdocs.yml")
        kb, diagnostics = build_knowledge_base(project)
    finally:
        if before is None:
            os.environ.pop("KB_TODAY", None)
        else:
            os.environ["KB_TODAY"] = before
    assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
    return project, kb


def renderer(lang: str) -> Renderer:
    """A renderer whose edit links are relative to the fixture folder (stable wherever the repo lives)."""
    project, kb = fixture_kb()
    settings = dataclasses.replace(site_settings(project), repo_root=SITE_KB, history={})
    return Renderer(kb, settings, lang)


@cache
def rendered(lang: str) -> dict[str, str]:
    r = renderer(lang)
    return render_all(r, list_pages(r.kb))


def golden_path(lang: str, doc: str) -> Path:
    return Path(__file__).parent / "goldens" / lang / doc


class _VisibleText(HTMLParser):
    """Visible text and the attributes a reader hears or sees (title, aria-label, placeholder)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [value.strip() for name, value in attrs if name in ("title", "aria-label", "placeholder")
                       and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _theme_english() -> set[str]:
    """Material's English interface strings, and the ones a site gets from its configuration."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    strings = dict(re.findall(r'"([\w.]+)": "([^"]*)"', (folder / "en.html").read_text("utf-8")))
    return {value for key, value in strings.items() if not key.startswith(("search.config", "direction", "language"))
            and len(value) > 3} | {"Switch to dark mode", "Switch to light mode", "Permanent link",
                                   "Made with", "404 - Not found", "Link to this section", "Page not found"}


def theme_english_on(site: Path, lang: str) -> dict[str, set[str]]:
    """Pages of the `lang` site (printouts aside) that show any of the theme's English interface words."""
    english = _theme_english()
    found: dict[str, set[str]] = {}
    for page in sorted((site / lang).rglob("*.html")):
        if "print" in page.relative_to(site / lang).parts:
            continue
        parser = _VisibleText()
        parser.feed(page.read_text("utf-8"))
        hits = english & set(parser.parts)
        if hits:
            found[str(page.relative_to(site))] = hits
    return found
