"""Item ids named in Markdown prose become links with the item's title, in the page's language."""

from __future__ import annotations

import pytest
from site_helpers import rendered

from generator.render.id_links import link_ids

KNOWN = {"complaint-first-contact": "[Close](c.md)", "speed-rule": "[Speed](s.md)"}


def linked(text: str) -> str:
    return link_ids(text, KNOWN.get)


@pytest.mark.parametrize(("text", "expected"), [
    ("see `complaint-first-contact`.", "see [Close](c.md)."),
    ("see `` complaint-first-contact `` now", "see [Close](c.md) now"),
    ("see complaint-first-contact, then speed-rule.", "see [Close](c.md), then [Speed](s.md)."),
    ("*complaint-first-contact*", "*[Close](c.md)*"),
    ("(complaint-first-contact)", "([Close](c.md))"),
    ("- complaint-first-contact\n  continued speed-rule", "- [Close](c.md)\n  continued [Speed](s.md)"),
    ("1. text\n\n    complaint-first-contact", "1. text\n\n    [Close](c.md)"),  # a list item's paragraph
])
def test_an_id_in_prose_becomes_a_link(text: str, expected: str) -> None:
    assert linked(text) == expected


@pytest.mark.parametrize("text", [
    "`no-such-item` and no-such-item stay",
    "`complaint-first-contact and more`",
    "```\ncomplaint-first-contact\n```",
    "~~~yaml\nrelated: [complaint-first-contact]\n~~~",
    "Para.\n\n    complaint-first-contact in an indented code block",
    "## About complaint-first-contact",
    "[complaint-first-contact](https://example.com/complaint-first-contact)",
    "[the rule][complaint-first-contact]",
    "[complaint-first-contact]: https://example.com/x",
    "<https://example.com/complaint-first-contact>",
    "https://example.com/complaint-first-contact and www.example.com/speed-rule",
    "standards/complaint-first-contact.yaml",
    "complaint-first-contact.yaml",
    "mail complaint-first-contact@example.com",
    "#complaint-first-contact",
    "Complaint-First-Contact",
    "pre-complaint-first-contact and complaint-first-contact-2 and complaint_first-contact",
    "speed",  # an id without a hyphen counts only in backticks
    "alert('complaint-first-contact') and \"complaint-first-contact\" and „complaint-first-contact”",
    "x=complaint-first-contact or complaint-first-contact/ or complaint-first-contact.md",
])
def test_what_is_not_prose_is_left_as_written(text: str) -> None:
    assert linked(text) == text


def test_a_one_word_id_counts_in_backticks_only() -> None:
    assert link_ids("`speed` and speed", {"speed": "[Speed](s.md)"}.get) == "[Speed](s.md) and speed"


def test_the_standard_page_links_the_ids_its_text_names_in_each_language() -> None:
    english = rendered("en")["standards/complaint-first-contact.md"]
    assert ("When the customer calls back, [Answer \\*fast\\* &amp; &lt; 3 rings \\| \\[always\\] \\{.strong\\} \\#1]"
            "(../standards/answer-within-three-rings.md) applies; a return\nwithout a receipt follows "
            "[Accept returns without a receipt](../standards/returns-without-receipt.md) "
            '<span class="kb-chip kb-chip--draft">Draft</span>. Not an item: `no-such-rule`.') in english
    polish = rendered("pl")["standards/complaint-first-contact.md"]
    assert ("obowiązuje [Odbieraj szybko, w &lt; 3 sygnałach](../standards/answer-within-three-rings.md); zwrot bez\n"
            "paragonu według [Przyjmuj zwroty bez paragonu](../standards/returns-without-receipt.md)") in polish


def test_the_built_page_shows_titles_not_ids(built_site) -> None:
    html = (built_site / "pl" / "standards" / "complaint-first-contact" / "index.html").read_text("utf-8")
    assert 'obowiązuje <a href="../answer-within-three-rings/">Odbieraj szybko, w &lt; 3 sygnałach</a>;' in html
    assert "answer-within-three-rings`" not in html and "według returns-without-receipt" not in html
