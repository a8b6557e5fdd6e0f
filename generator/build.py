"""`kb build`: check, render every language, run MkDocs, add printouts and the search index, swap in.

Reads as the pipeline it is. Everything happens in a staging folder beside
`site/`; only a complete build replaces the old site, in one swap.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from generator import buildstamp, files
from generator.config import Project
from generator.content.knowledge import KnowledgeBase
from generator.content.load import release_documents
from generator.content.models import Reviewable
from generator.content.pipeline import build_knowledge_base
from generator.diagnostics import Diagnostics
from generator.render.memo import RenderMemo
from generator.render.pages import list_pages
from generator.search.manifest import ContentState
from generator.site import mkdocs_api, overrides, render_state, sitedir, zensical_api
from generator.site.emit import LanguageProject, emit_language
from generator.site.parallel import map_jobs
from generator.site.swap import discard, removing_trash, staging, swap_in
from generator.urls import language_prefix

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    diagnostics: Diagnostics
    ok: bool = False
    pages: int = 0
    seconds: float = 0.0


def build(
    project: Project, *, pdf: bool = True, jobs: int | None = None, progress: Progress = lambda message: None,
    cache: bool = True, engine: str | None = None,
) -> BuildResult:
    """The whole build; a content error returns a result with ok=False and the diagnostics, site untouched.

    `cache`: reuse pages MkDocs rendered in earlier builds when their inputs are the same
    (`.kb/cache/pages/`, see site/page_cache.py), and leave `site/` as it is when nothing it depends on
    changed (buildstamp.py); the result is the same bytes either way.
    `engine`: mkdocs or zensical (default: the `kb.engine` option)."""
    started = time.monotonic()
    sitedir.check_site_dir(project)  # before anything: a bad site_dir must fail fast
    engine = engine or project.options.engine
    content = ContentState(project)  # before loading: a later edit changes the key and the index's manifest
    key = buildstamp.build_key(project, pdf=pdf, engine=engine, content=content)
    progress("checking the content")
    kb, diagnostics = build_knowledge_base(project)
    diagnostics.extend(overrides.check(project))
    result = BuildResult(diagnostics)
    if diagnostics.errors:
        return result
    if cache and (pages := buildstamp.is_up_to_date(project, key)) is not None:
        progress(f"nothing changed since the last build: {project.site_dir.name}/ is up to date")
        result.ok, result.pages, result.seconds = True, pages, time.monotonic() - started
        return result
    buildstamp.forget(project)
    release_documents(kb.items.values())  # checked: line numbers are rarely needed now (memory)
    result.pages = build_site(kb, project, content, jobs=jobs, pdf=pdf, cache=cache, engine=engine,
                              progress=progress)
    buildstamp.save(project, key, result.pages)
    result.ok = True
    result.seconds = time.monotonic() - started
    return result


def build_site(kb: KnowledgeBase, project: Project, content: ContentState, *, jobs: int | None, pdf: bool,
               cache: bool, engine: str, progress: Progress) -> int:
    """Every language, then printouts and search index, in a staging folder swapped in; returns the pages."""
    site_dir = project.site_dir
    pages = 0
    workers = min(jobs or os.cpu_count() or 1, len(project.languages))
    kept = cache and engine == "mkdocs"  # the emitted projects kept in .kb/cache/project (see render_state)
    plan = render_state.plan(kb, project) if kept else None
    trash = files.cache_dir(project.root) / "trash"  # replaced sites, removed while the next build renders
    with removing_trash(trash), staging(site_dir) as stage, reproducible(kb):
        at_once = f", {workers} at a time" if workers > 1 else ""
        progress(f"rendering and running MkDocs for {', '.join(project.languages)}{at_once}")
        job = LanguageBuild(kb, project, stage, progress, cache, engine, only=plan.only if plan else None)
        for count, note in map_jobs(job, project.languages, workers, isolate=True):  # memory of one language
            pages += count
            progress(note)
        staged_site = assemble(project, stage)
        add_outputs(kb, project, content, staged_site, pdf, progress)
        sitedir.mark(staged_site)
        progress(f"replacing {site_dir.name}/")
        sitedir.check_site_dir(project)  # again: the folder may have changed during the build
        swap_in(staged_site, site_dir)
        discard(staged_site, trash)  # the old site, now in the staging folder
    if plan is not None:
        plan.save(project)
    return pages


@dataclass
class LanguageBuild:
    """One language's part of a build: emit its MkDocs project into the stage and build it there."""

    kb: KnowledgeBase
    project: Project
    stage: Path
    progress: Progress
    cache: bool
    engine: str
    only: set[str] | None = None  # render only these items' pages, the rest is in the kept project (render_state)
    memo: RenderMemo = field(default_factory=RenderMemo)  # shared by the languages built in this process

    def __call__(self, lang: str) -> tuple[int, str]:
        """Emit the language's project in <stage>/project/<lang> and build it into <stage>/languages/<lang>.

        With the cache on, the project lives in .kb/cache/project/<lang> (with Zensical, .kb/cache/zensical/
        <lang>: Zensical's own cache, beside the project, is only reused when the project stays where it was).
        Returns the number of pages and what to tell (the caller's process tells it)."""
        zensical, cache_dir = self.engine == "zensical", self.project.root / ".kb" / "cache"
        built = self.stage / "languages" / lang
        kept = cache_dir / "zensical" / lang if zensical else render_state.project_folder(self.project) / lang
        target = LanguageProject(kept if self.cache else self.stage / "project" / lang, lang,
                                 engine_docs=zensical_api.DOCS if zensical else None)
        full = list_pages(self.kb)
        specs = None if self.only is None or target.fresh else [
            spec for spec in full if spec.item is not None and spec.item.id in self.only]
        emit_language(self.kb, self.project, target, built, specs=specs, memo=self.memo, pages=full)
        pages = {spec.doc for spec in full}
        target.pages.clear()  # every page's Markdown: written, and not needed while MkDocs builds (memory)
        engine_name = "Zensical" if zensical else "MkDocs"
        rendered = f"{len(pages):,} pages" if specs is None else f"{len(specs):,} of {len(pages):,} pages"
        self.progress(f"{lang}: rendered {rendered}; {engine_name} is building them")
        if zensical:
            zensical_api.build(target.config_file, built, pages=pages)
            return len(pages), f"{lang}: built with Zensical"
        page_cache = cache_dir / "pages" / lang if self.cache else None
        previous = self.project.site_dir / language_prefix(lang, self.project.default_language)
        reused = mkdocs_api.build(target.config_file, page_cache=page_cache, lean=True, previous=previous)
        mkdocs_api.empty_search_index(built)  # the header search reads _kb/search/static/
        told = [f"{reused:,} unchanged pages reused"] if reused else []
        told += [] if specs is None else [f"kb rendered {len(specs):,} of {len(pages):,}"]
        return len(pages), f"{lang}: built ({'; '.join(told)})" if told else f"{lang}: built"


def assemble(project: Project, stage: Path) -> Path:
    """The default language at the site root, every other one under /<lang>/."""
    built = stage / "languages"
    site = stage / "site"
    os.replace(built / project.default_language, site)
    for lang in project.languages:
        prefix = language_prefix(lang, project.default_language)
        if prefix:
            os.replace(built / lang, site / prefix.rstrip("/"))
    return site


def add_outputs(kb: KnowledgeBase, project: Project, content: ContentState, staged_site: Path, pdf: bool,
                progress: Progress) -> None:
    """Printouts and the search index, from the modules that own them."""
    from generator.printing.jobs import write_pdfs
    from generator.search.indexer import write_index

    cache_dir = files.cache_dir(project.root)
    if pdf:
        progress("writing printouts (PDF)")
        write_pdfs(kb, project, staged_site, cache_dir, progress=progress)
    progress("writing the search index")
    write_index(kb, project, staged_site, progress, content)


@contextmanager
def reproducible(kb: KnowledgeBase) -> Iterator[None]:
    """Same content, same bytes: MkDocs dates the sitemap from SOURCE_DATE_EPOCH, set from the content.

    The date is the latest `reviewed:` date (or 2000-01-01), unless the caller set the variable.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    dates = [item.reviewed for item in kb.items.values() if isinstance(item, Reviewable) and item.reviewed]
    latest = max(dates) if dates else datetime(2000, 1, 1).date()
    epoch = int(datetime(latest.year, latest.month, latest.day, tzinfo=timezone.utc).timestamp())
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
