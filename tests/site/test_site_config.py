"""The emitted MkDocs project: one plain mkdocs.yml per language, the user's settings kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from site_helpers import fixture_kb, renderer

from generator.config import Tagged
from generator.render.nav import build_nav, not_in_nav
from generator.site import config as site_config
from generator.site.emit import LanguageProject, asset_names, edit_base, emit_language
from generator.site.zensical_api import DOCS


def emitted(lang: str) -> dict:
    project, _ = fixture_kb()
    return site_config.language_config(project, lang, build_nav(renderer(lang)), not_in_nav(),
                                       Path("/tmp/out"), ["assets/kb/kb.css", "assets/kb/kb.js"])


def test_user_settings_are_kept_and_kb_is_stripped() -> None:
    config = emitted("pl")
    assert "kb" not in config
    assert config["site_name"] == "Site Test Standards"
    assert config["repo_url"] == "https://github.com/example/standards"
    assert config["theme"]["palette"] == {"primary": "indigo", "accent": "teal"}
    assert config["extra"]["analytics_note"] == Tagged("!ENV", ["KB_SITE_TEST_NOTE", "no analytics"])
    assert config["site_url"] == "https://standards.example.com/pl/"
    assert config["edit_uri"] == ""


def test_custom_tags_are_written_back_and_mkdocs_reads_them(monkeypatch) -> None:
    from mkdocs.utils.yaml import get_yaml_loader

    text = site_config.dump(emitted("en"))
    assert "analytics_note: !ENV\n" in text or "analytics_note: !ENV [" in text
    monkeypatch.setenv("KB_SITE_TEST_NOTE", "from the environment")
    loaded = yaml.load(text, Loader=get_yaml_loader())
    assert loaded["extra"]["analytics_note"] == "from the environment"


@pytest.mark.parametrize(("lang", "theme", "search"), [("en", "en", "en"), ("pl", "pl", None), ("el", "el", None)])
def test_interface_and_search_language(lang: str, theme: str, search: str | None) -> None:
    config = emitted(lang)
    assert config["theme"]["language"] == theme
    plugin = config["plugins"][0]
    assert (plugin.get("search", {}).get("lang") if isinstance(plugin, dict) else None) == search


def test_search_gets_a_stemmer_where_both_mkdocs_and_material_have_one() -> None:
    from generator.site.mkdocs_api import search_languages

    assert {"en", "ro", "de", "fr"} <= search_languages()
    assert not {"pl", "el"} & search_languages()


def test_language_switcher_links_every_language_root() -> None:
    assert emitted("en")["extra"]["alternate"] == [
        {"name": "English", "link": "./", "lang": "en"},
        {"name": "Polski", "link": "pl/", "lang": "pl"},
        {"name": "Ελληνικά", "link": "el/", "lang": "el"},
    ]
    assert [a["link"] for a in emitted("el")["extra"]["alternate"]] == ["../", "../pl/", "../el/"]


def test_our_assets_features_and_extensions_are_added() -> None:
    config = emitted("en")
    assert config["extra_css"] == ["assets/kb/kb.css"] and config["extra_javascript"] == ["assets/kb/kb.js"]
    assert "navigation.indexes" in config["theme"]["features"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert {"attr_list", "md_in_html", "admonition", "pymdownx.tasklist"} <= set(names)
    assert config["not_in_nav"].startswith("/standards/*.md\n")


def test_every_asset_file_is_copied_and_listed(tmp_path: Path) -> None:
    project, kb = fixture_kb()
    target = LanguageProject(tmp_path / "en", "en")
    emit_language(kb, project, target, tmp_path / "site")
    text = target.config_file.read_text("utf-8")
    assert "kb.js" in asset_names() and "kb.css" in asset_names()
    for name in asset_names():
        assert (target.docs / "assets" / "kb" / name).is_file()
        # the print pages load kb-print.js; a Zensical build adds kb-search-dialog.js (test_site_zensical.py)
        assert (f"assets/kb/{name}" in text) == (name not in ("kb-print.js", "kb-search-dialog.js"))


def test_writing_again_changes_nothing(tmp_path: Path) -> None:
    project, kb = fixture_kb()
    target = LanguageProject(tmp_path / "en", "en")
    first = emit_language(kb, project, target, tmp_path / "site")
    assert len(first.written) > 30 and first.config_changed
    again = emit_language(kb, project, LanguageProject(tmp_path / "en", "en"), tmp_path / "site")
    assert not again.written and not again.config_changed


def test_the_engines_docs_files_are_written_and_kept_by_the_next_run(tmp_path: Path) -> None:
    """Zensical's docs/.meta.yml: written with the pages, not removed as a stray when the project is kept."""
    project, kb = fixture_kb()
    wanted = {".meta.yml": DOCS[".meta.yml"]}
    first = emit_language(kb, project, LanguageProject(tmp_path / "en", "en", engine_docs=wanted), tmp_path / "s")
    assert ".meta.yml" in first.written
    again = emit_language(kb, project, LanguageProject(tmp_path / "en", "en", engine_docs=wanted), tmp_path / "s")
    assert not again.written and not again.removed
    assert (tmp_path / "en" / "docs" / ".meta.yml").read_bytes() == b"search:\n  exclude: true\n"
    plain = emit_language(kb, project, LanguageProject(tmp_path / "en", "en"), tmp_path / "s")  # MkDocs: none
    assert plain.removed == [".meta.yml"] and not (tmp_path / "en" / "docs" / ".meta.yml").exists()


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"repo_url": "https://github.com/a/b", "edit_uri": "edit/main/"}, "https://github.com/a/b/edit/main/"),
        ({"repo_url": "https://github.com/a/b/"}, "https://github.com/a/b/edit/main/"),
        ({"repo_url": "https://git.example.com/a/b"}, None),
        ({"repo_url": "https://git.example.com/a/b", "edit_uri": "-/edit/dev"}, "https://git.example.com/a/b/-/edit/dev/"),
        ({"edit_uri": "edit/main/"}, None),
        ({"repo_url": "https://github.com/a/b", "edit_uri": ""}, None),
    ],
)
def test_edit_links_need_a_repository(settings: dict, expected: str | None) -> None:
    assert edit_base(settings) == expected
