"""`kb preview`: MkDocs' live-reload server on the emitted projects, fed by an incremental re-render.

Watches the content folders and mkdocs.yml. On a change: reload the changed
YAML files, re-render only the pages the change can affect, write only pages
whose text changed, rebuild the languages whose project changed (from the page
cache, without cleaning the site folder, writing only pages whose HTML changed),
and let the server reload the browser. Content errors are printed in the terminal and shown on every page as
a banner (assets/preview/kb-preview.js reads `_kb/preview.json`); the last good
site stays up and the server keeps running.
"""

from __future__ import annotations

import gc
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import ConfigError, Project, load_project
from generator.content.knowledge import KnowledgeBase
from generator.content.pipeline import LoadCache, build_knowledge_base
from generator.diagnostics import Severity
from generator.render.memo import RenderMemo
from generator.render.pages import PageSpec, list_pages
from generator.site import mkdocs_api
from generator.site.emit import Changes, LanguageProject, emit_language, safe_join, write_if_changed
from generator.site.incremental import affected_specs
from generator.site.mkdocs_live import Live
from generator.site.watcher import observer_for
from generator.urls import language_prefix

PREVIEW_ASSETS = Path(__file__).parent / "preview_assets"
STATUS = "_kb/preview.json"
Echo = Callable[[str], None]


@dataclass
class Refresh:
    """What one refresh did, for the terminal and for the benchmark."""

    errors: list[str] = field(default_factory=list)
    pages_rendered: int = 0
    pages_written: int = 0
    languages_built: list[str] = field(default_factory=list)
    pages_rebuilt_alone: int = 0  # pages MkDocs rebuilt without a whole build (mkdocs_live.py)
    whole: bool = False  # every page rendered, or a language built whole: most kept objects are new
    render_seconds: float = 0.0
    mkdocs_seconds: float = 0.0


class Preview:
    def __init__(self, config_file: Path, workdir: Path, languages: list[str] | None = None,
                 echo: Echo = lambda message: None) -> None:
        self.config_file = config_file
        self.workdir = workdir
        self.site_root = workdir / "site"
        self.only = languages
        self.echo = echo
        self.loader = LoadCache()
        self.memo = RenderMemo()  # reused across refreshes, like the loader's unchanged items
        self.kb: KnowledgeBase | None = None
        self.projects: dict[str, LanguageProject] = {}
        self.on_disk: dict[str, dict[str, str]] = {}  # per language: page file -> key of the HTML it holds
        self.live: dict[str, Live] = {}  # per language: the last MkDocs build, kept to rebuild single pages

    def languages(self, project: Project) -> list[str]:
        return [lang for lang in project.languages if not self.only or lang in self.only]

    def refresh(self, build_site: bool = True) -> Refresh:
        """Re-read, re-render what changed, rebuild; never raises for bad content or config."""
        report = Refresh()
        started = time.monotonic()
        try:
            project = load_project(self.config_file)
        except ConfigError as exc:
            report.errors = [str(exc)]
            self._status(self._known_languages(), report.errors)
            return report
        kb, diagnostics = build_knowledge_base(project, cache=self.loader)
        if diagnostics.errors:
            report.errors = [str(d) for d in diagnostics.sorted() if d.severity is Severity.ERROR]
            self._status(self.languages(project), report.errors)
            return report
        pages = list_pages(kb)
        specs = affected_specs(self.kb, kb, pages)
        self.kb = kb
        report.whole = specs is None
        changed = self._emit(kb, project, pages, specs, report)
        report.render_seconds = time.monotonic() - started
        if build_site:
            self._build(project, changed, report)
        else:  # the kept builds no longer match the projects: the next build of each is whole
            self.live.clear()
        self._status(self.languages(project), report.errors, len(diagnostics.warnings))  # MkDocs' own errors
        return report

    def _emit(self, kb: KnowledgeBase, project: Project, pages: list[PageSpec], specs: list[PageSpec] | None,
              report: Refresh) -> dict[str, Changes]:
        """Write each language's project; return what changed in those that need MkDocs again."""
        extras = {path.name: path.read_bytes() for path in sorted(PREVIEW_ASSETS.iterdir()) if path.is_file()}
        changed = {}
        for lang in self.languages(project):
            target = self.projects.setdefault(lang, LanguageProject(self.workdir / "project" / lang, lang))
            changes = emit_language(kb, project, target, self._site_dir(project, lang), specs, extras,
                                    switcher=self.languages(project), memo=self.memo, pages=pages)
            report.pages_rendered += len(target.pages) if specs is None else len(specs)
            report.pages_written += len(changes.written) + len(changes.removed)
            if changes or not (self._site_dir(project, lang) / "index.html").exists():
                changed[lang] = changes
        return changed

    def _build(self, project: Project, changed: dict[str, Changes], report: Refresh) -> None:
        started = time.monotonic()
        for lang in self.languages(project):
            if lang in changed:  # builds do not clean the site folder: the default language's keeps the others
                try:
                    report.pages_rebuilt_alone += self._build_language(lang, changed[lang], report)
                except mkdocs_api.SiteBuildError as exc:
                    report.errors.append(str(exc))
                report.languages_built.append(lang)
        report.mkdocs_seconds = time.monotonic() - started

    def _build_language(self, lang: str, changes: Changes, report: Refresh) -> int:
        """Only the changed pages when nothing else changed (0 when the whole language was built)."""
        config_file = self.projects[lang].config_file
        live = self.live.get(lang)
        if (live is not None and changes.written and not changes.removed and not changes.config_changed
                and mkdocs_api.rebuild_pages(config_file, live, changes.written)):
            return len(changes.written)
        report.whole = True
        self.live[lang] = Live()
        mkdocs_api.build(config_file, page_cache=self.workdir / "pages" / lang,
                         on_disk=self.on_disk.setdefault(lang, {}), live=self.live[lang])
        return 0

    def _site_dir(self, project: Project, lang: str) -> Path:
        prefix = language_prefix(lang, project.default_language)
        return self.site_root / prefix if prefix else self.site_root

    def _known_languages(self) -> list[str]:
        return sorted(self.projects)

    def _status(self, languages: list[str], errors: list[str], warnings: int = 0) -> None:
        """Write the status every page's preview script reads (one file per language root)."""
        data = json.dumps({"errors": errors, "warnings": warnings}, ensure_ascii=False, sort_keys=True)
        default = self.kb.default_language if self.kb else (languages[0] if languages else "")
        for lang in languages:
            root = self.site_root if lang == default else self.site_root / lang
            write_if_changed(safe_join(root, STATUS), data.encode("utf-8"))


def _refresh(preview: Preview) -> Refresh:
    report = preview.refresh()
    if report.whole:
        settle_heap()
    return report


def settle_heap() -> None:
    """Collect once, then keep Python's cyclic garbage collector off what the preview holds between edits.

    The preview keeps the whole knowledge base and each language's MkDocs build (1.5 GB at 10,000
    standards in two languages). Whenever enough new objects have survived, the collector walks every
    object the process holds: seconds of each edit at that size. Frozen objects are never walked again,
    so a collection costs only what edits made since. Called after a refresh that replaced most of
    what is kept (all pages rendered, a language built whole): the objects frozen before are unfrozen
    and collected, so a replaced build does not stay in memory as uncollectable cycles; what a small
    edit replaces of the frozen objects (a page's entries, the knowledge base's indexes) is freed by
    reference counting, or stays until the next whole build."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def serve(config_file: Path, host: str, port: int, languages: list[str] | None, echo: Echo) -> None:
    """Run the preview until interrupted; the temporary folder is removed on the way out."""
    workdir = Path(tempfile.mkdtemp(prefix="kb-preview-"))
    preview = Preview(config_file, workdir, languages, echo)
    try:
        _report(_refresh(preview), echo, first=True)

        def builder() -> None:
            try:
                _report(_refresh(preview), echo)
            except Exception as exc:  # noqa: BLE001 - the server must survive anything
                echo(f"kb preview: could not refresh: {type(exc).__name__}: {exc}")

        server = mkdocs_api.make_server(builder, preview.site_root, host, port)
        project = load_project(config_file)
        _watch(server, project, config_file)
        first = preview.languages(project)[0]
        echo(f"kb preview: serving on http://{host}:{port}/{language_prefix(first, project.default_language)} "
             "(Ctrl+C to stop)")
        try:
            server.serve()
        except KeyboardInterrupt:
            echo("kb preview: stopped")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _watch(server: Any, project: Project, config_file: Path) -> None:
    """The content folders and the config, by the system's file events where available (watcher.py).

    With events, the config's folder is watched (not recursively) rather than the file: an editor
    that saves by replacing the file would leave a watch on the file itself watching the old one."""
    folders = [folder for folder in project.content_dirs if folder.exists()]
    observer = observer_for([*folders, config_file.parent])
    if observer is not None:
        server.observer = observer  # MkDocs' server schedules its watches on it and starts it
    for folder in folders:
        server.watch(str(folder))
    if observer is not None:
        server.watch(str(config_file.parent), recursive=False)
    else:
        server.watch(str(config_file))


def _report(report: Refresh, echo: Echo, first: bool = False) -> None:
    if report.errors:
        echo("kb preview: the content has errors; the preview keeps the last good version:")
        for line in report.errors:
            echo(f"  {line}")
        return
    what = "built" if first else f"re-rendered {report.pages_rendered} page(s), wrote {report.pages_written}"
    languages = ", ".join(report.languages_built) or "none"
    echo(f"kb preview: {what} in {report.render_seconds:.2f}s; MkDocs rebuilt {languages} "
         f"in {report.mkdocs_seconds:.1f}s")
