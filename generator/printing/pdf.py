"""HTML -> PDF with WeasyPrint: the only module that imports it, so it can be swapped.

`render_files` spreads the work over the machine's cores. Workers get HTML strings
and a target path (never the knowledge base), write the PDF atomically and return
its page count.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path

from generator.printing.files import atomic_write_bytes
from generator.workers import die_with_parent

# Form fields make the checkboxes tickable on screen; every option here is part of the cache key.
PDF_OPTIONS = {"pdf_forms": True}


@lru_cache(maxsize=1)
def renderer_version() -> str:
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')} {sorted(PDF_OPTIONS.items())}"


def html_to_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of a self-contained print page, and its number of pages."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=None).render(**PDF_OPTIONS)
    return document.write_pdf(**PDF_OPTIONS), len(document.pages)


def render_file(html: str, target: str) -> int:
    """Write the PDF of `html` to `target` (atomically); return its page count."""
    data, pages = html_to_pdf(html)
    atomic_write_bytes(Path(target), data)
    return pages


def _warm_up() -> None:
    die_with_parent()
    import weasyprint  # noqa: F401  - load it once per worker, before the first job


def render_files(
    jobs: Sequence[tuple[str, Path]],
    workers: int | None = None,
    progress: Callable[[Path, int], None] | None = None,
) -> dict[Path, int]:
    """Render every (html, target) job; `workers` defaults to the number of cores. Returns pages per file."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    pages: dict[Path, int] = {}
    if workers <= 1:
        for html, target in jobs:
            pages[target] = render_file(html, str(target))
            if progress:
                progress(target, pages[target])
        return pages
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_warm_up) as pool:
        futures = {pool.submit(render_file, html, str(target)): target for html, target in jobs}
        for future in as_completed(futures):
            target = futures[future]
            pages[target] = future.result()
            if progress:
                progress(target, pages[target])
    return pages


def _context() -> multiprocessing.context.BaseContext:
    # fork is fastest and, unlike spawn, does not re-import the caller's __main__ (a script without an
    # `if __name__ == "__main__"` guard would break); but forking a threaded process (`kb preview`) can
    # deadlock, so then a fork server started before the threads' locks matter is used instead.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["generator.printing.pdf", "weasyprint"])
        return context
    return multiprocessing.get_context("spawn")
