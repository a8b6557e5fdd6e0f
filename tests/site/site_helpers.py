"""Helpers shared by the site tests: render the fixture knowledge base without building."""

from __future__ import annotations

import dataclasses
import os
from functools import cache
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
