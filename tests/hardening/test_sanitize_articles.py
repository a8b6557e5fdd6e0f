"""The sanitiser for engines without MkDocs' plugin events (Zensical): every page's article, nothing else."""

from __future__ import annotations

from pathlib import Path

from generator.site.postpass import sanitize_and_collect


def test_the_article_of_every_page_is_cleaned_and_the_theme_is_left_alone(tmp_path: Path) -> None:
    page = tmp_path / "pl" / "standards" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    theme = '<script>var __md_scope=new URL("..",location)</script>'
    page.write_text(f'<html><head>{theme}</head><body><article class="md-content__inner md-typeset">'
                    '<h1 id="x">X</h1><p><img src="a.png" onerror="alert(1)"><a href="javascript:alert(2)">y</a>'
                    '<a href="https://example.com/">ok</a></p></article></body></html>', encoding="utf-8")
    untouched = tmp_path / "assets" / "other.html"
    untouched.parent.mkdir()
    untouched.write_text("<p onclick='x()'>no article</p>", encoding="utf-8")
    sources = sanitize_and_collect(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert theme in html
    assert "onerror" not in html and "javascript:" not in html
    assert '<a href="https://example.com/"' in html and '<img src="a.png"' in html
    assert untouched.read_text(encoding="utf-8") == "<p onclick='x()'>no article</p>"
    assert sources.hashes == {"'sha256-RSc6J+WSIURf1atiyzi2S7grQrfwIgNovfLl93l5eD4='"}  # the theme's script
