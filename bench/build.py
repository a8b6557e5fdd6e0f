"""Benchmark `kb build` and `kb preview` on synthetic knowledge bases; prints figures, asserts nothing.

For each size (standards, in two languages by default):

* `kb build --no-pdf` end to end (a separate process: imports included), with its phases
  (check, render, MkDocs, search index) and the peak memory of the process;
* the anchor: a bare `mkdocs build` (Material, search, the same kind of section nav) of the same
  number of plain Markdown pages per language, one `mkdocs build` per language, in sequence;
  our overhead is (kb build - anchor) / anchor, for the whole build and for the site part alone
  (check + render + MkDocs, without the search index another helper writes);
* `kb preview`'s re-render after changing one standard's title: reload the changed file, re-check,
  re-render the affected pages and write those whose text changed (MkDocs' own rebuild excluded).

    .venv/bin/python bench/build.py                  # 1,000 standards
    .venv/bin/python bench/build.py 1000 10000 --jobs 2 --repeat 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

PHASES = ("checking", "rendering and running MkDocs", "writing the search index", "replacing")


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a command; return (seconds, peak resident memory in MB of the process, stderr)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, stderr


def phases(stderr: str) -> dict[str, float]:
    """Seconds per phase, from `kb build`'s progress lines ("kb build: <message> [12.3s]")."""
    marks: list[tuple[str, float]] = []
    for line in stderr.splitlines():
        if line.startswith("kb build: ") and line.endswith("s]"):
            message, _, stamp = line[len("kb build: "):].rpartition(" [")
            if any(message.startswith(phase) for phase in PHASES):  # not the per-language lines
                marks.append((message, float(stamp[:-2])))
    total = float(stderr.rsplit(" in ", 1)[1].split("s", 1)[0]) if " in " in stderr else marks[-1][1]
    result: dict[str, float] = {}
    for (message, start), (_, end) in zip(marks, [*marks[1:], ("end", total)], strict=True):
        name = next((phase for phase in PHASES if message.startswith(phase)), message)
        result[name] = result.get(name, 0.0) + end - start
    return result


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


def anchor(work: Path, pages_per_language: list[int]) -> float:
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    total = 0.0
    for number, pages in enumerate(pages_per_language):
        config = plain_project(work / f"anchor-{number}", pages)
        seconds, _, _ = run_measured([mkdocs, "build", "-q", "-f", str(config)], config.parent, env)
        total += seconds
    return total


def emitted_anchor(config: Path, work: Path) -> tuple[float, float]:
    """Bare `mkdocs build` (the mkdocs command) of exactly the MkDocs projects kb build emits, in sequence:
    what MkDocs costs for this content, so the rest of kb build is the generator's own overhead."""
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.site.emit import LanguageProject, emit_language

    project = load_project(config)
    kb, _ = build_knowledge_base(project)
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    total = render = 0.0
    for lang in project.languages:
        target = LanguageProject(work / "emitted" / lang, lang)
        started = time.monotonic()
        emit_language(kb, project, target, work / "emitted-site" / lang)
        render += time.monotonic() - started
        seconds, _, _ = run_measured([mkdocs, "build", "-q", "-f", str(target.config_file)], target.folder, env)
        total += seconds
    return total, render


def preview_rerender(config: Path, work: Path) -> dict[str, float]:
    """Seconds for `kb preview`'s first render and its re-render after one standard's title changed."""
    from generator.site.preview import Preview

    preview = Preview(config, work / "preview")
    started = time.monotonic()
    first = preview.refresh(build_site=False)
    first_seconds = time.monotonic() - started
    assert not first.errors, first.errors[:3]
    target = sorted((config.parent / "standards").rglob("*.yaml"))[-1]
    text = target.read_text("utf-8")
    changed = text.replace("title:\n  en: ", "title:\n  en: Changed ", 1)
    changed = changed.replace("title: {en: ", "title: {en: Changed ", 1)
    assert changed != text, "no title to change"
    target.write_text(changed, "utf-8")
    started = time.monotonic()
    again = preview.refresh(build_site=False)
    seconds = time.monotonic() - started
    assert not again.errors and again.pages_written > 0, again
    return {"first": first_seconds, "rerender": seconds, "rendered": again.pages_rendered,
            "written": again.pages_written}


def bench(size: int, languages: tuple[str, ...], jobs: int, work: Path, repeat: int = 1) -> None:
    from synth import generate

    kb_dir = work / f"kb-{size}"
    config = generate(kb_dir, size, languages)
    env = {**os.environ, "KB_TODAY": "2026-11-23"}
    kb = str(Path(sys.executable).with_name("kb"))
    seconds, memory, stderr = min(run_measured([kb, "build", "--no-pdf", "--jobs", str(jobs)], kb_dir, env)
                                  for _ in range(repeat))
    split = phases(stderr)
    pages = [sum(1 for _ in (kb_dir / "site" / (lang if i else "")).glob("**/index.html")) for i, lang in
             enumerate(languages)]
    per_language = [count - (sum(pages[1:]) if i == 0 else 0) for i, count in enumerate(pages)]
    bare = min(anchor(work / f"run-{n}", per_language) for n in range(repeat))
    os.environ["KB_TODAY"] = "2026-11-23"
    emitted, render = min(emitted_anchor(config, work / f"run-{n}") for n in range(repeat))
    site_part = seconds - split.get("writing the search index", 0.0)
    print(f"\n== {size:,} standards, languages {', '.join(languages)}, --jobs {jobs} ==")
    print(f"pages built per language: {', '.join(str(p) for p in per_language)}")
    print(f"kb build --no-pdf:        {seconds:7.1f} s   peak memory {memory:,.0f} MB")
    for name, value in split.items():
        print(f"  {name:<30}{value:7.1f} s")
    print(f"    of which render + write  {render:7.1f} s   (measured in-process, all languages)")
    print(f"bare mkdocs build anchor: {bare:7.1f} s   ({sum(per_language):,} plain pages, one build per language)")
    print(f"  over the anchor:        {100 * (seconds - bare) / bare:+7.1f} % whole build, "
          f"{100 * (site_part - bare) / bare:+.1f} % site part (without the search index)")
    print(f"bare mkdocs build of kb's emitted projects: {emitted:7.1f} s   "
          "(same pages and Markdown, the mkdocs command)")
    print(f"  kb's own overhead:      {100 * (site_part - emitted) / emitted:+7.1f} % site part "
          "(check + render + orchestration over MkDocs itself)")
    figures = preview_rerender(config, work)
    print(f"kb preview first render:  {figures['first']:7.2f} s")
    print(f"kb preview re-render after one changed file: {figures['rerender']:.2f} s "
          f"({figures['rendered']} pages re-rendered, {figures['written']} written; MkDocs' rebuild excluded)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="numbers of standards [1000]")
    parser.add_argument("--languages", default="en,pl", help="comma-separated languages [en,pl]")
    parser.add_argument("--jobs", type=int, default=1, help="kb build --jobs [1: like the anchor, in sequence]")
    parser.add_argument("--repeat", type=int, default=1, help="run each build N times, keep the fastest [1]")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            bench(size, tuple(args.languages.split(",")), args.jobs, work, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
