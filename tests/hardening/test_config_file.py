"""13.6 and issue 10: mkdocs.yml is read with the bounded loader; `!!python/` tags never run; `plugins: - kb:`
is one error at its line; no message names a staging or temporary path."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Tagged, load_project


def config(text: str) -> None:
    Path("mkdocs.yml").write_text(text, "utf-8")


BASE = "site_name: Standards\nkb:\n  content: [standards, onboarding]\n  languages: [en, pl]\n"


@pytest.mark.parametrize("plugins", [
    "plugins:\n  - search\n  - kb:\n      languages: [en, pl]\n",
    "plugins:\n  - search\n  - kb\n",
])
def test_kb_under_plugins_is_one_error_at_its_line(kb_project: Path, run_kb, plugins: str) -> None:
    config(BASE + plugins)
    result = run_kb("check")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kb: mkdocs.yml:7:5: `kb` is not a MkDocs plugin: move its options from `plugins:` to the top-level "
        "`kb:` key (for example `kb: {languages: [en, pl]}`)\n")


def test_kb_under_a_plugins_mapping_is_refused_too(kb_project: Path, run_kb) -> None:
    config(BASE + "plugins:\n  search: {}\n  kb: {languages: [en]}\n")
    assert run_kb("build", "--no-pdf").stderr.startswith("kb: mkdocs.yml:7:3: `kb` is not a MkDocs plugin")


def test_a_python_tag_is_refused_and_never_runs(kb_project: Path, run_kb, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    config(BASE + f"extra:\n  x: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run_kb("build", "--no-pdf")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: mkdocs.yml:6:6: YAML tag '!!python/object/apply:os.system' is not allowed in mkdocs.yml (kb lets "
        "MkDocs resolve only !ENV, !relative and !!python/name: of a Material or pymdownx function) "
        "(remove the tag or write the value out)\n")
    assert not marker.exists()
    assert not (kb_project / "site").exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!python/module:os", "!custom"])
def test_other_tags_are_refused(kb_project: Path, run_kb, tag: str) -> None:
    config(BASE + f"extra:\n  x: {tag} ''\n")
    result = run_kb("check")
    assert result.exit_code == 2 and "is not allowed in mkdocs.yml" in result.stderr


def test_mkdocs_own_tags_are_kept_for_mkdocs(kb_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_SITE", "public")
    config(BASE + "site_dir: !ENV [KB_SITE, site]\nextra:\n  v: !ENV [VERSION, '1.0']\n"
           "markdown_extensions:\n  - pymdownx.emoji:\n"
           "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
           "theme:\n  name: material\n  custom_dir: !relative $config_dir/overrides\n")
    project = load_project("mkdocs.yml")
    assert project.site_dir == kb_project / "public"
    assert project.mkdocs["extra"]["v"] == Tagged("!ENV", ["VERSION", "1.0"])
    assert project.mkdocs["theme"]["custom_dir"] == Tagged("!relative", "$config_dir/overrides")


def test_an_alias_bomb_in_the_config_fails_at_its_line(kb_project: Path, run_kb) -> None:
    rows = ["extra:", "  a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
    for name, previous in zip("bcdefg", "abcdef", strict=True):
        rows.append(f"  {name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    config(BASE + "\n".join(rows) + "\n")
    result = run_kb("build", "--no-pdf")
    assert result.stderr == ("kb: mkdocs.yml:10:10: the config expands to more than 20000 values "
                             "(aliases may not multiply content; write the values out)\n")


def test_deep_nesting_in_the_config_says_the_limit(kb_project: Path, run_kb) -> None:
    config(BASE + "extra: " + "[" * 5000 + "]" * 5000 + "\n")
    result = run_kb("check")
    assert result.stderr == "kb: mkdocs.yml:5:39: nesting is deeper than 32 levels (flatten the structure)\n"


def test_an_option_error_names_its_line(kb_project: Path, run_kb) -> None:
    config("site_name: x\nkb:\n  languages: [en]\n  review_due_days: -3\n")
    assert run_kb("check").stderr == "kb: mkdocs.yml:4:20: `kb.review_due_days`: must be greater than 0, got -3\n"


def test_a_mkdocs_failure_never_names_the_staging_folder(kb_project: Path, run_kb) -> None:
    config(BASE + "plugins:\n  - search\n  - no-such-plugin\n")
    result = run_kb("build", "--no-pdf", "-q", "-j", "1")
    assert result.exit_code == 2
    assert result.stderr == (
        "kb: the site could not be built; site/ is unchanged.\n"
        "MkDocs failed on the site of 'en': Aborted with a configuration error!\n"
        "  error: Config value 'plugins': The \"no-such-plugin\" plugin is not installed\n")
    assert ".kb-build-" not in result.stderr and "/tmp" not in result.stderr
