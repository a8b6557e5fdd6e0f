"""Write the printouts: the print HTML and the PDF of every checklist, path and standard, per language.

`write_pdfs` is what `kb build` calls; `print_items` is `kb print`. PDFs are
cached in `<cache_dir>/print/<key>.pdf`, where the key hashes the print HTML (which
holds the content fingerprint, the language and every label), the template
version and the WeasyPrint version: an unchanged item is never rendered twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import escape

from generator.config import Project
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.printing import PRINTABLE_KINDS
from generator.printing.files import atomic_write_bytes, atomic_write_text, link_or_copy
from generator.printing.page import SCRIPT, TEMPLATE_VERSION, render_html
from generator.printing.sheet import Sheet, make_sheet
from generator.urls import language_prefix, print_file

Progress = Callable[[str], None]


@dataclass(frozen=True)
class PrintJob:
    item: Item
    lang: str
    html: str
    sheet: Sheet = field(compare=False, repr=False)
    author: str = ""

    @cached_property
    def key(self) -> str:
        from generator.printing.pdf import renderer_version

        seed = f"{TEMPLATE_VERSION}\0{renderer_version()}\0{self.html}"
        return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


@dataclass
class PrintReport:
    """What a run wrote: files per language root, and how many PDFs were rendered or reused from the cache."""

    pdfs: list[Path] = field(default_factory=list)
    rendered: int = 0
    reused: int = 0


def site_url(project: Project) -> str | None:
    url = project.mkdocs.get("site_url")
    return url if isinstance(url, str) and url.strip() else None


def printable_items(kb: KnowledgeBase) -> list[Item]:
    """Every checklist, path and standard, drafts and retired ones too (their pages link a printout)."""
    return sorted((item for kind in PRINTABLE_KINDS for item in kb.of_kind(kind)), key=lambda item: item.id)


def make_job(kb: KnowledgeBase, project: Project, item: Item, lang: str) -> PrintJob:
    sheet = make_sheet(kb, item, lang, site_url(project))
    owner = next((escape(value.value).striptags() for label, value in sheet.meta if label == sheet.labels["owner"]), "")
    site_name = project.mkdocs.get("site_name")
    author = f"{owner} · {site_name}" if isinstance(site_name, str) and site_name else owner
    return PrintJob(item, lang, render_html(sheet, author), sheet, author)


class PdfCache:
    """Rendered PDFs by key; a build prunes the ones it no longer uses."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def missing(self, jobs: Iterable[PrintJob]) -> dict[str, PrintJob]:
        """One job per key (identical pages render once) whose PDF is not cached yet."""
        return {job.key: job for job in jobs if not self.path(job.key).is_file()}

    def render(self, jobs: Sequence[PrintJob], workers: int | None, progress: Progress | None) -> dict[str, int]:
        from generator.printing.pdf import render_files

        self.folder.mkdir(parents=True, exist_ok=True)
        todo = self.missing(jobs)
        names = {self.path(key): f"{job.item.id} [{job.lang}]" for key, job in todo.items()}
        done = [0]

        def report(target: Path, pages: int) -> None:
            done[0] += 1
            if progress:
                progress(f"printed {done[0]}/{len(todo)}: {names[target]} ({pages} page(s))")

        pages = render_files([(job.html, self.path(key)) for key, job in todo.items()], workers, report)
        return {path.stem: count for path, count in pages.items()}

    def prune(self, keep: set[str]) -> None:
        for path in self.folder.glob("*.pdf"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)


def write_pdfs(
    kb: KnowledgeBase,
    project: Project,
    site_dir: Path,
    cache_dir: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> PrintReport:
    """Write <site>/<lang prefix>print/<id>.html and .pdf for every printable item and language."""
    jobs = [make_job(kb, project, item, lang) for item in printable_items(kb) for lang in kb.languages]
    cache = PdfCache(Path(cache_dir) / "print")
    rendered = cache.render(jobs, workers, progress)
    report = PrintReport(rendered=len(rendered), reused=len(jobs) - len(rendered))
    for job in jobs:
        root = Path(site_dir) / language_prefix(job.lang, kb.default_language)
        target = root / print_file(job.item, "pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(root / print_file(job.item, "html"), job.html)
        link_or_copy(cache.path(job.key), target)
        report.pdfs.append(target)
    cache.prune({job.key for job in jobs})
    return report


def print_items(
    kb: KnowledgeBase,
    project: Project,
    items: Sequence[Item],
    lang: str,
    out_dir: Path,
    cache_dir: Path,
    *,
    html: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> PrintReport:
    """`kb print`: <out>/<id>.pdf (default language) or <out>/<id>.<lang>.pdf, optionally with the print HTML
    (<out>/<id>[.<lang>].html and the kb-print.js it loads)."""
    jobs = [make_job(kb, project, item, lang) for item in items]
    cache = PdfCache(Path(cache_dir) / "print")
    rendered = cache.render(jobs, workers, progress)
    report = PrintReport(rendered=len(rendered), reused=len(jobs) - len(rendered))
    suffix = "" if lang == kb.default_language else f".{lang}"
    for job in jobs:
        target = out_dir / f"{job.item.id}{suffix}.pdf"
        link_or_copy(cache.path(job.key), target, link=False)  # people fill these in: never share the cache's inode
        if html:
            page = render_html(job.sheet, job.author, standalone_pdf=target.name)
            atomic_write_text(out_dir / f"{job.item.id}{suffix}.html", page)
        report.pdfs.append(target)
    if html and jobs:
        atomic_write_bytes(out_dir / SCRIPT.name, SCRIPT.read_bytes())
    return report
