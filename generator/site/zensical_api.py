"""The one module that talks to Zensical, Material's successor, as a second engine for the emitted projects.

Zensical reads the same `mkdocs.yml` kb emits for MkDocs; it runs in its own process
(`python -m zensical build --strict`), from the interpreter kb runs on. The adjustments,
all here, go into a copy of the config (`zensical.yml`): Zensical's classic variant
(Material's look) unless the theme names a variant, the meta plugin (with
`docs/.meta.yml`, every page is left out of Zensical's own search index, which kb
empties anyway and which refuses very long pages), kb's faster link parser and
the sanitiser as Markdown extensions (`markdown_speed.py`, `markdown_sanitize.py`:
Zensical renders Markdown with Python-Markdown), `site_dir: site` (Zensical
writes only inside the project folder; the result is then moved to where the build
wants it), and our header search dialog (`kb-search-dialog.js`). What MkDocs'
plugins would do is done afterwards over the written site (`postpass.py`). Zensical
keeps its own cache in `<project>/.cache`; `kb build` keeps the project in
`.kb/cache/zensical/<lang>` so that a rebuild reuses it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.site.emit import ASSET_FOLDER, write_if_changed
from generator.site.mkdocs_api import SiteBuildError
from generator.site.postpass import finish

CONFIG = "zensical.yml"
_SITE_DIR_LINE = re.compile(r"^site_dir:.*$", re.MULTILINE)
_THEME = re.compile(r"^theme:\n", re.MULTILINE)
_VARIANT = re.compile(r"^  variant:", re.MULTILINE)
_META_PLUGIN = re.compile(r"^- meta(:|$)", re.MULTILINE)
# Front matter for every page, through Zensical's meta plugin: readers search kb's index, and Zensical's
# own refuses a long page (an index of 10,000 standards: "exceeds the search index limit")
META_FILE = ".meta.yml"
META = b"search:\n  exclude: true\n"
# by name, for Python-Markdown in Zensical's process: the faster link scan (Python-Markdown's is quadratic in
# a block's links: an index page of 10,000 standards never finished) and the sanitiser, table of contents included
OUR_EXTENSIONS = ("generator.site.markdown_speed", "generator.site.markdown_sanitize")
DIALOG = f"{ASSET_FOLDER}/kb-search-dialog.js"  # Zensical's header search opens kb's search (see the script)


def available() -> bool:
    return importlib.util.find_spec("zensical") is not None


def version() -> str:
    from importlib import metadata

    return metadata.version("zensical")


def build(config_file: Path, site_dir: Path, pages: set[str] | None = None) -> None:
    """Build the emitted project of `config_file` with Zensical into `site_dir`; SiteBuildError if it fails.

    `pages`: the project's pages (docs-relative), when the project folder is kept between builds:
    Markdown files left from pages that are gone are removed first."""
    if not available():
        raise SiteBuildError("Zensical is not installed: `pip install zensical` in the environment kb runs in "
                             "(or build with the default engine, mkdocs)", [])
    project = config_file.parent
    write_if_changed(project / CONFIG, zensical_config(config_file.read_text(encoding="utf-8")).encode("utf-8"))
    if pages is not None:
        _remove_stale_pages(project / "docs", pages)
    _leave_pages_out_of_zensicals_search(project / "docs")
    command = [sys.executable, "-m", "zensical", "build", "--strict", "-f", CONFIG]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    output = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    if done.returncode != 0 or not (project / "site" / "index.html").is_file():
        raise SiteBuildError(f"Zensical failed on {config_file} (exit {done.returncode})", output[-40:])
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    os.replace(project / "site", site_dir)
    finish(site_dir)  # the sanitiser, the CSP sources, the sitemap as MkDocs has them


def zensical_config(text: str) -> str:
    """The emitted mkdocs.yml with Zensical's adjustments (unchanged, Zensical's cache stays valid)."""
    text = _SITE_DIR_LINE.sub("site_dir: site", text)
    if not _VARIANT.search(text):  # Material's look (Zensical's default is its own, "modern")
        text = _THEME.sub("theme:\n  variant: classic\n", text, count=1)
    if not _META_PLUGIN.search(text):
        text = _prepend("plugins", ["meta"], text)
    text = _prepend("markdown_extensions", list(OUR_EXTENSIONS), text)
    return _prepend("extra_javascript", [DIALOG], text)


def _prepend(key: str, entries: list[str], text: str) -> str:
    """`entries` first in the top-level list `key` of the config's text (the list added at the end if missing)."""
    lines = "".join(f"- {entry}\n" for entry in entries)
    heading = re.compile(rf"^{key}:\n", re.MULTILINE)
    if heading.search(text):
        return heading.sub(lambda _: f"{key}:\n{lines}", text, count=1)
    return text + f"{key}:\n{lines}"


def _leave_pages_out_of_zensicals_search(docs: Path) -> None:
    meta = docs / META_FILE
    if meta.is_symlink() or (meta.exists() and meta.read_bytes() != META):
        return  # a .meta.yml from your docs/ folder stays as you wrote it
    write_if_changed(meta, META)


def _remove_stale_pages(docs: Path, pages: set[str]) -> None:
    for path in docs.rglob("*.md"):
        if path.relative_to(docs).as_posix() not in pages:
            path.unlink()
