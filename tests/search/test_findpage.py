"""The "Find a procedure" page content: filters, the list of procedures with their filter values, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.search.findpage import find_page_markdown


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, str | None]] = []
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        data = dict(attrs)
        if tag == "li":
            self.items.append(data)
        elif tag == "select":
            self._select = data["name"]
            self.options[self._select] = []
        elif tag == "option" and self._select:
            self.options[self._select].append(data["value"])


def parse(markdown: str) -> Collect:
    parser = Collect()
    parser.feed(markdown[markdown.index("<div"):])
    return parser


def test_polish_page(indexed) -> None:  # type: ignore[no-untyped-def]
    page = find_page_markdown(indexed.kb, "pl")
    assert page.startswith("# Znajdź procedurę\n\nWpisz, czego potrzebuje klient")
    assert '<div class="kb-find" data-kb-find data-kb-lang="pl"' in page
    parsed = parse(page)
    assert parsed.options == {
        "kind": ["", "standard", "checklist", "path"],
        "area": ["", "complaints", "phone", "delivery"],
        "channel": ["", "phone", "email", "chat"],
        "role": ["", "agent", "team-lead", "warehouse"],
    }
    assert [item["data-id"] for item in parsed.items] == [
        "answer-within-three-rings", "delay-notice", "chat-greeting-draft", "complaint-first-contact",  # by title
        "weekly-huddle", "team-lead-first-week",
    ]
    first = parsed.items[0]
    assert first == {"data-id": "answer-within-three-rings", "data-kind": "standard", "data-area": "phone",
                     "data-channels": "phone", "data-roles": "everyone",
                     "data-words": "odbieraj telefon w ciagu trzech sygnalow obsluga klienta zaczyna sie od "
                                   "szybkiego i uprzejmego powitania przez czlowieka."}
    assert '<a href="../standards/answer-within-three-rings/">Odbieraj telefon w ciągu trzech sygnałów</a>' in page
    assert 'data-roles="team-lead"' in page  # the path's role
    assert "zeppelin" not in page  # retired


def test_html_in_content_is_escaped(indexed) -> None:  # type: ignore[no-untyped-def]
    from generator.content.types import Text

    standard = indexed.kb.get("delay-notice")
    original = standard.title
    object.__setattr__(standard, "title", Text({"en": 'Say "<b>hi</b>" & <script>x</script>'}))
    try:
        page = find_page_markdown(indexed.kb, "en")
    finally:
        object.__setattr__(standard, "title", original)
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and 'data-words="say &quot;&lt;b&gt;hi' in page


def test_links_follow_the_page_address(indexed) -> None:  # type: ignore[no-untyped-def]
    page = find_page_markdown(indexed.kb, "en", page_url="help/find/")
    assert re.search(r'href="\.\./\.\./standards/delay-notice/"', page)
