"""How long the pathological inputs of issue 13 take now: each is refused fast or handled in linear time.

    .venv/bin/python bench/hostile.py

Prints, for each input, the time `kb check` takes to refuse it (in-process, on a small knowledge base
holding that one file), and for the shapes that Markdown or the indexer would otherwise meet, the time
of that step at growing sizes, to show which grow linearly and why the others are bounded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generator.config import ConfigError, load_project  # noqa: E402
from generator.content.pipeline import build_knowledge_base  # noqa: E402

BASE_KB = HERE.parent / "tests" / "fixtures" / "base-kb"
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def check_time(root: Path, description: str) -> tuple[float, str]:
    (root / "standards/principles/odd.yaml").write_text(
        f"kind: principle\nid: odd\ntitle: Odd\nsummary: Short.\ndescription: {json.dumps(description)}\n")
    project = load_project(root / "mkdocs.yml")
    found: list[str] = []
    took = seconds(lambda: found.extend(str(d) for d in build_knowledge_base(project)[1].errors))
    return took, found[0] if found else "no error"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kb-bench-hostile-"))
    root = work / "kb"
    shutil.copytree(BASE_KB, root)
    os.chdir(root)
    try:
        cases = {
            "500 KB word": "a" * 500_000,
            "12,000 unclosed links '[a]('": "[a](" * 12_000,
            "list nested 250 levels": "\n".join("  " * n + "- x" for n in range(250)),
            "quote nested 250 levels": "> " * 250 + "x",
            "5,001-digit number": None,
        }
        print("kb check refuses (seconds, first error):")
        for name, text in cases.items():
            if text is None:
                (root / "standards/principles/odd.yaml").write_text(
                    f"kind: principle\nid: odd\ntitle: {'9' * 5001}\nsummary: x\n")
                project = load_project(root / "mkdocs.yml")
                errors: list[str] = []
                took = seconds(lambda p=project, e=errors: e.extend(str(d) for d in build_knowledge_base(p)[1].errors))
                print(f"  {name:32} {took:7.3f}  {errors[0][:110]}")
                continue
            took, first = check_time(root, text)
            print(f"  {name:32} {took:7.3f}  {first[:110]}")
        (root / "standards/principles/odd.yaml").unlink()
        config_bomb(root)
        indexer_scaling()
        markdown_scaling()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def config_bomb(root: Path) -> None:
    rows = ["extra:", "  a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
    rows += [f"  {n}: &{n} [{', '.join([f'*{p}'] * 10)}]" for n, p in zip("bcdefgh", "abcdefg", strict=True)]
    (root / "mkdocs.yml").write_text("site_name: x\n" + "\n".join(rows) + "\n")
    message: list[str] = []

    def load() -> None:
        try:
            load_project(root / "mkdocs.yml")
        except ConfigError as exc:
            message.append(str(exc))

    print(f"mkdocs.yml alias bomb (10^8 values): refused in {seconds(load):.3f} s: {message[0][:90]}")


def indexer_scaling() -> None:
    """The search indexer's scan for words with diacritics, on one long word (was quadratic)."""
    from generator.search import indexer as index

    old = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
    print("search indexer, words with diacritics in one long word (seconds): size, now, before")
    for size in (4_000, 8_000, 16_000, 500_000):
        word = "a" * size
        now = seconds(lambda w=word: [x for x in index._LETTERS.findall(w) if not x.isascii()])
        before = seconds(lambda w=word: old.findall(w)) if size <= 16_000 else float("nan")
        print(f"  {size:>8,}  {now:8.4f}  {before:8.4f}")


def markdown_scaling() -> None:
    """Python-Markdown on the shapes the check bounds: grows faster than the input, hence the limits."""
    import markdown

    print("Python-Markdown (seconds): shape, size, time")
    for size in (200, 1000, 2000):
        took = seconds(lambda n=size: markdown.markdown("[a](" * n, extensions=EXTENSIONS))
        print(f"  '[a](' x{size:<6} {took:8.3f}")
    for depth in (10, 50, 100):
        text = "\n".join("  " * n + "- x" for n in range(depth))
        took = seconds(lambda t=text: markdown.markdown(t, extensions=EXTENSIONS))
        print(f"  list depth {depth:<5} {took:8.3f}")


if __name__ == "__main__":
    main()
