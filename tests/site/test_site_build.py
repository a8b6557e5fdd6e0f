"""`kb build` end to end: zero MkDocs warnings, every language, atomic replacement of site/."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import TODAY
from site_helpers import theme_english_on

from generator.build import build
from generator.config import load_project

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent.parent


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def leftovers(root: Path) -> list[str]:
    return sorted(entry.name for entry in root.iterdir() if ".kb-build-" in entry.name)


def test_every_language_is_built_with_its_interface_language(built_site: Path) -> None:
    for prefix, lang in (("", "en"), ("pl/", "pl"), ("el/", "el")):
        page = (built_site / prefix / "standards" / "complaint-first-contact" / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        assert 'id="kb-page"' in page and f'data-kb-lang="{lang}"' in page
    assert "Zamykaj typowe reklamacje przy pierwszym kontakcie" in \
        (built_site / "pl" / "standards" / "complaint-first-contact" / "index.html").read_text("utf-8")
    assert (built_site / "assets" / "kb" / "kb.js").is_file()
    assert (built_site / "el" / "assets" / "kb" / "kb.css").is_file()


def test_retired_items_keep_their_page_but_leave_search(built_site: Path) -> None:
    assert (built_site / "standards" / "old-greeting-script" / "index.html").is_file()
    for lang in ("en", "pl", "el"):  # the browser's index: every document it can show
        docs = (built_site / "_kb" / "search" / "static" / lang / "d").glob("*.json")
        ids = {json.loads(path.read_text("utf-8"))["id"] for path in docs}
        assert "complaint-first-contact" in ids
        assert "old-greeting-script" not in ids
    for prefix in ("", "pl/", "el/"):  # Material's own index is kept empty: readers search ours
        assert json.loads((built_site / prefix / "search" / "search_index.json").read_text("utf-8"))["docs"] == []


def test_search_is_configured_per_language(built_site: Path) -> None:
    configs = {prefix: json.loads((built_site / prefix / "search" / "search_index.json").read_text("utf-8"))["config"]
               for prefix in ("", "pl/", "el/")}
    assert configs[""]["lang"] == ["en"]
    assert configs["pl/"]["lang"] == ["en"] and configs["el/"]["lang"] == ["en"]  # no lunr stemmer: Unicode tokens
    assert configs["pl/"]["pipeline"] != ["trimmer", "stopWordFilter", "stemmer"]


def test_the_build_is_reproducible(site_kb: Path, built_site: Path) -> None:
    result = build(load_project(site_kb / "mkdocs.yml"), pdf=False, jobs=2)
    assert result.ok
    ours = {k: v for k, v in tree_digest(site_kb / "site").items() if not k.startswith("_kb/")}
    before = {k: v for k, v in tree_digest(built_site).items() if not k.startswith("_kb/")}
    assert ours == before


def test_kb_build_command(site_kb: Path, run_kb) -> None:
    result = run_kb("build", "--no-pdf", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "kb build: checking the content" in result.stderr
    assert "kb build: built 111 pages in 3 language(s) into site/" in result.stderr
    assert (site_kb / "site" / "pl" / "index.html").is_file()
    assert leftovers(site_kb) == []


def _previous_site(site_kb: Path, built_site: Path) -> dict[str, str]:
    shutil.copytree(built_site, site_kb / "site")
    return tree_digest(site_kb / "site")


def test_content_errors_stop_the_build_and_keep_the_site(site_kb: Path, built_site: Path, run_kb) -> None:
    before = _previous_site(site_kb, built_site)
    (site_kb / "standards" / "phone" / "broken.yaml").write_text("kind: standard\nid: broken\ntitle: [x\n", "utf-8")
    check = run_kb("check")
    result = run_kb("build", "--no-pdf")
    assert result.exit_code == 1
    assert result.stdout == ""  # content errors go to stderr; only `kb check`'s output is its diagnostics
    assert check.stdout in result.stderr
    assert "standards/phone/broken.yaml:4:1: error: YAML syntax error" in result.stderr
    assert "nothing built (site/ is unchanged)" in result.stderr
    assert tree_digest(site_kb / "site") == before
    assert leftovers(site_kb) == []


def test_a_failing_mkdocs_build_keeps_the_site(site_kb: Path, built_site: Path, run_kb) -> None:
    before = _previous_site(site_kb, built_site)
    config = site_kb / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  font: false\n", "  font: false\n  custom_dir: nowhere\n"),
                      "utf-8")
    result = run_kb("build", "--no-pdf")
    assert result.exit_code == 2
    assert "\nkb: the site could not be built; site/ is unchanged.\n" in result.stderr
    assert "nowhere" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(site_kb / "site") == before
    assert leftovers(site_kb) == []


def test_an_interrupted_build_keeps_the_site(site_kb: Path, built_site: Path, monkeypatch) -> None:
    from generator.site import mkdocs_api

    before = _previous_site(site_kb, built_site)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(mkdocs_api, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(load_project(site_kb / "mkdocs.yml"), pdf=False)
    assert tree_digest(site_kb / "site") == before
    assert leftovers(site_kb) == []


def test_leftovers_of_a_killed_build_are_cleaned_up(site_kb: Path) -> None:
    from generator.site.swap import remove_leftovers

    dead = site_kb / ".site.kb-build-999999999-abcd"
    (dead / "site").mkdir(parents=True)
    unrelated = site_kb / ".site-notes"
    unrelated.mkdir()
    assert remove_leftovers(site_kb / "site") == [dead]
    assert not dead.exists() and unrelated.exists()


def test_the_starter_content_builds_with_zero_mkdocs_warnings(tmp_path: Path, monkeypatch) -> None:
    """The repository's own mkdocs.yml and content (copied, so the repo's site/ is not touched)."""
    root = tmp_path / "starter"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    project = load_project(root / "mkdocs.yml")
    for folder in project.options.content:
        shutil.copytree(REPO / folder, root / folder)
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    result = build(load_project(root / "mkdocs.yml"), pdf=False)  # strict: any MkDocs warning fails it
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    for lang in project.languages[1:]:
        assert (root / "site" / lang / "index.html").is_file()
        assert theme_english_on(root / "site", lang) == {}  # none of the theme's English words (ro too)


def test_every_local_link_and_asset_resolves(built_site: Path) -> None:
    """Links, stylesheets and scripts of every page point at files of the site (printouts aside:
    this site was built without PDFs)."""
    import re
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in sorted(built_site.rglob("*.html")):
        if page.name == "404.html":  # MkDocs writes site-absolute URLs there, on purpose
            continue
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text("utf-8")):
            path = unquote(urlsplit(target).path)
            if not path or "://" in target or target.startswith(("#", "mailto:", "data:")) or "/print/" in path:
                continue
            resolved = (page.parent / path).resolve()
            if not (resolved / "index.html" if resolved.is_dir() else resolved).exists():
                broken.append(f"{page.relative_to(built_site)} -> {target}")
    assert broken == []
