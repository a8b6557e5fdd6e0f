"""User text is escaped wherever it lands: Markdown, HTML attributes, YAML front matter, JSON."""

from __future__ import annotations

import json
import re

import markdown
import pytest

from generator.render.escape import html_text, json_for_html, md_block, md_indent, md_text, yaml_string

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


def html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Answer *fast* & < 3 rings", "Answer *fast* &amp; &lt; 3 rings"),
        ("[link](javascript:alert(1))", "[link](javascript:alert(1))"),
        ("pipe | and {: .class } and #1", "pipe | and {: .class } and #1"),
        ("<b>bold</b> `code` _under_", "&lt;b&gt;bold&lt;/b&gt; `code` _under_"),
        ("1. not a list", "1. not a list"),
        ("- not a list", "- not a list"),
        ("back\\slash", "back\\slash"),
    ],
)
def test_plain_text_stays_literal_in_markdown(text: str, shown: str) -> None:
    assert html(f"# {md_text(text)}").endswith(f">{shown}</h1>")
    assert html(f"| a |\n|---|\n| {md_text(text)} |").count("<td>") == 1


def test_plain_text_is_one_line() -> None:
    assert md_text("two\n\nparagraphs  here") == "two paragraphs here"


def test_markdown_keeps_formatting_and_links() -> None:
    out = html(md_block("Use **bold**, a [link](https://example.com) and <https://example.org>."))
    assert "<strong>bold</strong>" in out
    assert '<a href="https://example.com">link</a>' in out
    assert '<a href="https://example.org">https://example.org</a>' in out


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- comment -->",
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](data:text/html,hi)",
        "[x](&#106;avascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "para {: onclick=\"alert(1)\" }",
        "[x](https://a.b){: onmouseover=\"alert(1)\" }",
    ],
)
def test_markdown_cannot_carry_html_or_script(text: str) -> None:
    out = html(md_block(text))
    tags = re.findall(r"<[a-z][^>]*>", out)
    assert all(tag.split()[0] in ("<p>", "<p", "<a") for tag in tags), tags
    assert not any(re.search(r"\son\w+=", tag) for tag in tags), tags
    assert 'href="javascript' not in out.lower() and 'href="data:' not in out


def test_code_is_left_alone() -> None:
    text = "```\n<b>{: x=1}</b>\n```\n\nand `<i>{: y}</i>` inline"
    out = html(md_block(text))
    assert "&lt;b&gt;{: x=1}&lt;/b&gt;" in out
    assert "<code>&lt;i&gt;{: y}&lt;/i&gt;</code>" in out


def test_less_than_that_is_not_a_tag_stays() -> None:
    assert "5 &lt;= 6 and a &lt; b" in html(md_block("5 <= 6 and a < b"))


def test_html_attribute_and_json_and_yaml() -> None:
    assert html_text('a "q" <b> & \'s\'') == "a &quot;q&quot; &lt;b&gt; &amp; &#x27;s&#x27;"
    blob = json_for_html({"t": "</script><b>'&"})
    assert "<" not in blob and ">" not in blob and "&" not in blob and "'" not in blob
    assert json.loads(blob) == {"t": "</script><b>'&"}
    assert yaml_string('say "hi"\nnow') == '"say \\"hi\\" now"'


def test_indent_for_nesting() -> None:
    assert md_indent("one\n\ntwo\nthree", 4) == "one\n\n    two\n    three"
