"""The "Find a procedure" page as the site renders it: filters, the list of procedures with their filter
values and chips, escaping. Its script is tested in Chromium (test_static_browser.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.render.pages import list_pages, render_all
from generator.render.view import Renderer, SiteSettings


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, str | None]] = []
        self.options: dict[str, list[str]] = {}
        self.chips: dict[str, list[str]] = {}
        self._select: str | None = None
        self._chip = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        data = dict(attrs)
        if tag == "li":
            self.items.append(data)
            self.chips[data["data-id"]] = []
        elif tag == "select":
            self._select = data["name"]
            self.options[self._select] = []
        elif tag == "option" and self._select:
            self.options[self._select].append(data["value"])
        self._chip = "kb-chip" in (data.get("class") or "")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._chip:
            self.chips[str(self.items[-1]["data-id"])].append(data)
            self._chip = False


def find_page(kb, lang: str) -> str:  # type: ignore[no-untyped-def]
    renderer = Renderer(kb, SiteSettings(), lang)
    return render_all(renderer, [spec for spec in list_pages(kb) if spec.doc == "find.md"])["find.md"]


def parse(markdown: str) -> Collect:
    parser = Collect()
    parser.feed(markdown[markdown.index('<div class="kb-find"'):])
    return parser


def test_polish_page(indexed) -> None:  # type: ignore[no-untyped-def]
    page = find_page(indexed.kb, "pl")
    assert "# Znajdź procedurę" in page and "Wpisz, czego potrzebuje klient" in page
    assert '<div class="kb-find" data-kb-find data-kb-count=' in page
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
    assert parsed.items[0] == {"data-id": "answer-within-three-rings", "data-kind": "standard", "data-area": "phone",
                               "data-channels": "phone", "data-roles": "everyone"}
    assert parsed.chips["answer-within-three-rings"] == ["Telefon", "Wszyscy"]  # channel and role chips, in Polish
    assert parsed.chips["team-lead-first-week"] == ["Lider zespołu"]  # the path's role
    assert '<a href="../standards/answer-within-three-rings/">Odbieraj telefon w ciągu trzech sygnałów</a>' in page
    assert "zeppelin" not in page  # retired


def test_html_in_content_is_escaped(indexed) -> None:  # type: ignore[no-untyped-def]
    from generator.content.types import Text

    standard = indexed.kb.get("delay-notice")
    original = standard.title
    object.__setattr__(standard, "title", Text({"en": 'Say "<b>hi</b>" & <script>x</script>'}))
    try:
        page = find_page(indexed.kb, "en")
    finally:
        object.__setattr__(standard, "title", original)
    assert "<script>" not in page and "<b>" not in page
    assert ">Say &quot;&lt;b&gt;hi&lt;/b&gt;&quot; &amp; &lt;script&gt;x&lt;/script&gt;</a>" in page


def test_search_imports_nothing_from_render() -> None:
    import ast
    from pathlib import Path

    import generator.search

    offenders = []
    for path in sorted(Path(generator.search.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            offenders += [f"{path.name}: {name}" for name in names if name.startswith("generator.render")]
    assert offenders == []
