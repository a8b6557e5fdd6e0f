"""Zensical's pages are sanitised where Python-Markdown makes them: the HTML and the table of contents."""

from __future__ import annotations

import markdown

EXTENSIONS = ["toc", "attr_list", "md_in_html", "generator.site.markdown_sanitize"]
HOSTILE = ('## Hi <img src=x onerror="alert(1)"> <em>kept</em> [go](javascript:alert(2)) { #a"b }\n\n'
           "### Sub <script>alert(3)</script>\n\nText <b onclick=\"alert(4)\">bold</b>.\n")


def converted() -> tuple[str, list[dict]]:
    md = markdown.Markdown(extensions=EXTENSIONS)
    return md.convert(HOSTILE), md.toc_tokens


def test_the_page_html_goes_through_the_allow_list() -> None:
    html, _ = converted()
    assert "onerror" not in html and "onclick" not in html and "javascript:" not in html
    assert "<script" not in html and "alert(3)" not in html
    assert "<em>kept</em>" in html and "<b>bold</b>" in html


def test_the_table_of_contents_labels_and_anchors_are_cleaned() -> None:
    _, tokens = converted()
    top, sub = tokens[0], tokens[0]["children"][0]
    assert top["html"] == 'Hi <img src="x"> <em>kept</em> <a>go</a>'
    assert top["id"] == "a%22b"  # a quote cannot end the link's href in the sidebar
    assert (sub["html"], sub["name"], sub["id"]) == ("Sub", "Sub", "sub")


def test_without_the_extension_the_same_input_is_not_clean() -> None:
    """What the extension is for: Python-Markdown alone keeps the raw HTML in the page and the contents."""
    md = markdown.Markdown(extensions=EXTENSIONS[:-1])
    html = md.convert(HOSTILE)
    assert "onerror" in html and "onerror" in md.toc_tokens[0]["html"]
