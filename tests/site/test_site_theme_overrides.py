"""A project's own `theme.custom_dir` and kb's theme overrides both apply (a merged folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

MAIN = """{% extends "base.html" %}
{% block extrahead %}<meta name="kb-test" content="the user's own theme">{% endblock %}
"""


def _with_custom_dir(site_kb: Path, written: str) -> Path:
    config = site_kb / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  font: false\n", f"  font: false\n  custom_dir: {written}\n"),
                      "utf-8")
    folder = site_kb / "my-theme"
    folder.mkdir()
    (folder / "main.html").write_text(MAIN, "utf-8")
    return folder


def test_a_custom_dir_keeps_kbs_overrides(site_kb: Path, run_kb) -> None:
    _with_custom_dir(site_kb, "!relative $config_dir/my-theme")
    result = run_kb("build", "--no-pdf", "-q")
    assert result.exit_code == 0, result.stderr
    assert "theme.custom_dir" not in result.stderr
    page = (site_kb / "site" / "standards" / "complaint-first-contact" / "index.html").read_text("utf-8")
    assert '<meta name="kb-test" content="the user\'s own theme">' in page  # theirs
    assert 'class="md-source"' in page and 'data-md-component="source"' not in page  # ours: no GitHub API call
    not_found = (site_kb / "site" / "pl" / "404.html").read_text("utf-8")
    assert "<h1>Nie znaleziono strony</h1>" in not_found and "kb-test" in not_found


def test_a_file_of_the_user_replacing_ours_wins_with_a_warning(site_kb: Path, run_kb) -> None:
    folder = _with_custom_dir(site_kb, "my-theme")
    (folder / "partials").mkdir()
    (folder / "partials" / "source.html").write_text('<a class="their-source" href="{{ config.repo_url }}">repo</a>',
                                                    "utf-8")
    warning = ("mkdocs.yml:10:3: warning: theme.custom_dir: your partials/source.html replaces kb's own "
               "(kb's keep the site private and in the page's language; delete yours to use them)\n")
    result = run_kb("build", "--no-pdf", "-q")
    assert result.exit_code == 0 and result.stderr.startswith(warning), result.stderr
    page = (site_kb / "site" / "index.html").read_text("utf-8")
    assert 'class="their-source"' in page and 'class="md-source"' not in page
    assert "<h1>Page not found</h1>" in (site_kb / "site" / "404.html").read_text("utf-8")
    assert warning in run_kb("check").stdout
    (folder / "partials" / "source.html").unlink()  # gone from theirs: ours again, no warning
    result = run_kb("build", "--no-pdf", "-q")
    assert "theme.custom_dir" not in result.stderr
    assert 'class="md-source"' in (site_kb / "site" / "index.html").read_text("utf-8")
