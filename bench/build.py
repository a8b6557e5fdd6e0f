"""Benchmark `kb build` and `kb preview` on synthetic knowledge bases, per engine; prints figures, asserts nothing.

For each size (standards, in two languages by default) and each engine (mkdocs, zensical):

* `kb build --no-pdf` end to end (a separate process: imports included), four times:
  cold (no `.kb/cache`), again with nothing changed, after one standard's text changed, and after
  another change (that build also removes the site the one before replaced);
  each with its peak memory (the largest process: kb, or Zensical's own for that engine);
* the anchor: a bare `mkdocs build` (Material, search, the same kind of section nav) of the same
  number of plain Markdown pages per language, one `mkdocs build` per language, in sequence,
  and the ratio of each build to it; the cost per page (the same at every size when it is linear),
  in wall time and in CPU time (the build's processes together: far less affected by whatever else
  runs on the machine, so it is the figure to compare across sizes and runs);
* `kb preview` (MkDocs only): edit-to-reload latency, from saving a standard's YAML file until the
  preview server serves the changed page (the browser's live reload fires when that build ends).

    .venv/bin/python bench/build.py                       # 1,000 standards, both engines
    .venv/bin/python bench/build.py 1000 10000 --engines mkdocs --jobs 2
    .venv/bin/python bench/build.py 10000 --preview-only     # parts of a long run, in parallel
    .venv/bin/python bench/build.py 10000 --engines zensical --no-preview --bare 131.0
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

TODAY = "2026-11-23"


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run a command; return (seconds, CPU seconds of it and its children, peak resident memory in MB of its
    largest process, stderr). CPU time depends much less on what else runs on the machine than wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # includes grandchildren (Zensical)
    peak = max(usage.ru_maxrss, children if children > before else 0)
    return seconds, usage.ru_utime + usage.ru_stime, peak / 1024, stderr


def plain_project(folder: Path, pages: int, sections: int = 8) -> Path:
    """A bare MkDocs project: `pages` plain Markdown pages in `sections` folders, nav of section indexes."""
    docs = folder / "docs"
    nav: list[object] = ["index.md"]
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nPlain pages for the anchor benchmark.\n", "utf-8")
    per_section = max(1, (pages - 1 - sections) // sections)
    for s in range(sections):
        section = docs / f"section-{s}"
        section.mkdir()
        links = []
        for i in range(per_section):
            name = f"page-{i}.md"
            section.joinpath(name).write_text(
                f"# Page {s}-{i}\n\nA plain page with a paragraph of text about service number {i}.\n\n"
                "## Steps\n\n1. Listen to the customer.\n2. Decide.\n3. Tell them what happens next.\n\n"
                "## Measures\n\n| Measure | Target |\n|---|---|\n| Resolution | 80 % |\n", "utf-8")
            links.append(f"- [Page {i}]({name})")
        section.joinpath("index.md").write_text(f"# Section {s}\n\n" + "\n".join(links) + "\n", "utf-8")
        nav.append({f"Section {s}": f"section-{s}/index.md"})
    config = {"site_name": "Anchor", "theme": {"name": "material"}, "plugins": ["search"], "nav": nav,
              "not_in_nav": "/section-*/page-*.md\n", "markdown_extensions": ["tables"]}
    (folder / "mkdocs.yml").write_text(json.dumps(config), "utf-8")  # JSON is valid YAML
    return folder / "mkdocs.yml"


def anchor(work: Path, pages_per_language: list[int]) -> tuple[float, float]:
    """(seconds, CPU seconds) of bare `mkdocs build`s of as many plain pages, one per language, in sequence."""
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    total, cpu = 0.0, 0.0
    for number, pages in enumerate(pages_per_language):
        config = plain_project(work / f"anchor-{number}", pages)
        seconds, cpu_seconds, _, _ = run_measured([mkdocs, "build", "-q", "-f", str(config)], config.parent, env)
        total, cpu = total + seconds, cpu + cpu_seconds
    return total, cpu


def change_one_standard(kb_dir: Path, word: str) -> tuple[Path, str]:
    """Reword one standard's `why` (not its title: the change shows on its own page and where it is quoted)."""
    target = sorted((kb_dir / "standards").rglob("*.yaml"))[-1]
    text = target.read_text("utf-8")
    marker = "why:\n  en: "
    assert marker in text, f"no `why` to change in {target}"
    at = text.index(marker) + len(marker)
    at += text[at] == '"'  # a quoted text: change inside the quotes
    target.write_text(f"{text[:at]}{word} {text[at:]}", "utf-8")
    return target, word


class Figure(NamedTuple):
    what: str
    seconds: float
    cpu: float  # seconds of CPU, the build's processes together
    memory: float  # MB, the largest process


def builds(kb_dir: Path, engine: str, jobs: int) -> list[Figure]:
    """Cold, no-change and one-change `kb build --no-pdf` with the engine, and one change more: a rebuild
    after a rebuild, which also removes the site the one before replaced (kb moves it aside for that)."""
    shutil.rmtree(kb_dir / ".kb" / "cache", ignore_errors=True)
    shutil.rmtree(kb_dir / "site", ignore_errors=True)
    env = {**os.environ, "KB_TODAY": TODAY}
    kb = str(Path(sys.executable).with_name("kb"))
    command = [kb, "build", "--no-pdf", "--jobs", str(jobs), "--engine", engine]
    figures = []
    for what in ("cold build", "no-change rebuild", "one-change rebuild", "another change"):
        if what in ("one-change rebuild", "another change"):
            change_one_standard(kb_dir, f"Benchmark{engine.capitalize()}{len(figures)}")
        seconds, cpu, memory, _ = run_measured(command, kb_dir, env)
        figures.append(Figure(what, seconds, cpu, memory))
    return figures


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def preview_latency(kb_dir: Path, timeout: float = 3600.0, edits: int = 5) -> tuple[float, list[float]]:
    """(seconds to the first page, edit-to-served seconds of each edit) of `kb preview`, a separate process."""
    port = free_port()
    env = {**os.environ, "KB_TODAY": TODAY}
    kb = str(Path(sys.executable).with_name("kb"))
    process = subprocess.Popen([kb, "preview", "--port", str(port)], cwd=kb_dir, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target, _ = change_one_standard(kb_dir, "Warmup")  # the page whose change is watched
        url = f"http://127.0.0.1:{port}/standards/{target.stem}/"
        started = time.monotonic()
        while "Warmup" not in (fetch(url) or ""):
            if time.monotonic() - started > timeout or process.poll() is not None:
                raise SystemExit("kb preview did not serve the site")
            time.sleep(0.2)
        first = time.monotonic() - started
        latencies = []
        for number in range(edits):
            time.sleep(1.0)  # let the watcher settle
            _, word = change_one_standard(kb_dir, f"Reloaded{number}")
            edited = time.monotonic()
            while word not in (fetch(url) or ""):
                if time.monotonic() - edited > timeout:
                    raise SystemExit("kb preview did not show the change")
                time.sleep(0.02)
            latencies.append(time.monotonic() - edited)
        return first, latencies
    finally:
        process.terminate()
        process.wait(timeout=30)


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def bench(size: int, languages: tuple[str, ...], engines: list[str], jobs: int, work: Path,
          preview: bool = True, bare: float | None = None) -> None:
    from synth import generate

    kb_dir = work / f"kb-{size}"
    generate(kb_dir, size, languages)
    print(f"\n== {size:,} standards, languages {', '.join(languages)}, --jobs {jobs}; {load()} ==", flush=True)
    rows: dict[str, list[Figure]] = {}
    for engine in engines:
        rows[engine] = builds(kb_dir, engine, jobs)
        print(f"{engine}: built ({load()})", flush=True)
    if rows:
        pages = [sum(1 for _ in (kb_dir / "site" / (lang if i else "")).glob("**/index.html")) for i, lang in
                 enumerate(languages)]
        per_language = [count - (sum(pages[1:]) if i == 0 else 0) for i, count in enumerate(pages)]
        total = max(1, sum(per_language))
        bare_cpu = None
        if bare is None:
            bare, bare_cpu = anchor(work / f"anchor-{size}", per_language)
        cpu_text = f", CPU {1000 * bare_cpu / total:.1f} ms a page" if bare_cpu is not None else ""
        print(f"pages per language: {', '.join(f'{p:,}' for p in per_language)}; bare MkDocs on as many plain "
              f"pages: {bare:.1f} s, {1000 * bare / total:.1f} ms a page{cpu_text} ({load()})")
        print(f"{'engine':<10}{'build':<20}{'seconds':>9}{'ms/page':>9}{'CPU ms/page':>12}{'x bare':>8}"
              f"{'of cold':>9}{'peak MB':>9}")
    for engine, figures in rows.items():
        cold = figures[0].seconds
        for figure in figures:
            print(f"{engine:<10}{figure.what:<20}{figure.seconds:9.1f}{1000 * figure.seconds / total:9.1f}"
                  f"{1000 * figure.cpu / total:12.1f}{figure.seconds / (bare or 1):8.2f}"
                  f"{100 * figure.seconds / cold:8.0f}%{figure.memory:9,.0f}", flush=True)
    if preview:
        first, latencies = preview_latency(kb_dir)
        each = ", ".join(f"{seconds:.2f}" for seconds in latencies)
        print(f"mkdocs    kb preview: first page served after {first:.1f} s; edit-to-reload median "
              f"{statistics.median(latencies):.2f} s (each: {each}) ({load()})", flush=True)
    if "zensical" in engines:
        print("zensical  kb preview: not available (the preview runs MkDocs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="numbers of standards [1000]")
    parser.add_argument("--languages", default="en,pl", help="comma-separated languages [en,pl]")
    parser.add_argument("--engines", default="mkdocs,zensical", help="comma-separated engines [mkdocs,zensical]")
    parser.add_argument("--jobs", type=int, default=1, help="kb build --jobs [1: like the anchor, in sequence]")
    parser.add_argument("--preview-only", action="store_true", help="measure only kb preview's latency")
    parser.add_argument("--no-preview", action="store_true", help="do not measure kb preview")
    parser.add_argument("--bare", type=float, help="seconds of the bare MkDocs anchor, measured before (skip it)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            engines = [] if args.preview_only else args.engines.split(",")
            bench(size, tuple(args.languages.split(",")), engines, args.jobs, work, not args.no_preview, args.bare)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
