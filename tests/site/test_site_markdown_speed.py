"""The faster link parser gives Python-Markdown's own HTML, brackets nested, unclosed or escaped."""

from __future__ import annotations

import markdown
import pytest

from generator.site.markdown_speed import LinkSpeedExtension

EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"]
TEXTS = [
    "[a [b] c](x.md) [unclosed [x](y.md) ] [[z]](w.md)",
    "![img [alt]](i.png) and [ref][r] and [r]\n\n[r]: u.md",
    "[a\\]b](c.md) `[x](y)` [",
    "[x]" * 50 + "[" * 30 + "[a](b.md)",
    "- **[Title](../standards/a.md)**<br>Lead.<br>[Email](../channels/email.md){ .kb-chip } "
    "[Team lead](t.md){ .kb-chip }\n"
    "- **[Other [nested] title](b.md)**<br>[Phone](p.md){ .kb-chip }",
    '<div class="kb-list" markdown>\n\n- [One](1.md) [Two](2.md "title") [Three](<3 3.md>)\n\n</div>',
    "[link](x.md) ] ] [ [ [y](z.md)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_html_as_python_markdown(text: str) -> None:
    stock = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    fast = markdown.Markdown(extensions=[*EXTENSIONS, LinkSpeedExtension()]).convert(text)
    assert fast == stock
    assert "<a " in stock or "<img " in stock


def test_it_replaces_the_link_scan() -> None:
    md = markdown.Markdown(extensions=[LinkSpeedExtension()])
    replaced = [p for p in md.inlinePatterns if "getText" in vars(p)]
    assert {type(p).__name__ for p in replaced} >= {"LinkInlineProcessor", "ImageInlineProcessor",
                                                     "ReferenceInlineProcessor"}


def test_python_markdown_loads_it_by_name_as_zensical_does() -> None:
    md = markdown.Markdown(extensions=["generator.site.markdown_speed", *EXTENSIONS])
    assert any("getText" in vars(p) for p in md.inlinePatterns)
    assert md.convert(TEXTS[4]) == markdown.Markdown(extensions=EXTENSIONS).convert(TEXTS[4])
