"""What a template sees: the language's text, labels and links, seen from one page.

`Renderer` holds what is shared by every page of one language (labels, sorted
lists, taxonomy names); `PageView` is a cheap per-page object that turns ids into
relative links from that page and remembers whether any text fell back to the
default language (the page then carries a "not yet translated" notice).
Every user text a page or a printout shows is looked up by `PageView.shown`, which
returns a `ShownText`: the words, and the language they fell back to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, TypeVar
from urllib.parse import quote

from markupsafe import Markup

from generator.content.knowledge import KnowledgeBase
from generator.content.models import Item
from generator.content.types import Text
from generator.render.escape import html_text, md_block, md_indent, md_text
from generator.render.id_links import link_ids
from generator.render.memo import RenderMemo
from generator.urls import SECTIONS, item_doc
from generator.words import language_name, sort_key
from generator.words import words as labels

UNKNOWN = "?"
T = TypeVar("T")
ItemT = TypeVar("ItemT", bound=Item)


@dataclass(frozen=True)
class ShownText:
    """A user text as one language shows it; `lang` names the language it fell back to (None: not a fallback).

    `value` is plain text from `PageView.shown`; a printout may swap in its HTML (`Markup`).
    """

    value: str | Markup
    lang: str | None = None


@dataclass(frozen=True)
class SiteSettings:
    """Site-wide facts the pages need, taken from the project's mkdocs.yml."""

    site_name: str = "Service standards"
    edit_base: str | None = None  # repo_url + edit_uri, ending in '/': the YAML path is appended
    repo_root: FsPath | None = None  # content paths in edit links are relative to it
    directory_urls: bool = True
    # content file (absolute path) -> its recent commits; empty when the content is not in git
    history: dict = field(default_factory=dict, compare=False, hash=False)


class Renderer:
    """Shared by every page of one language."""

    def __init__(self, kb: KnowledgeBase, settings: SiteSettings, lang: str, memo: RenderMemo | None = None) -> None:
        self.kb = kb
        self.memo = memo or RenderMemo()
        self.settings = settings
        self.lang = lang
        self.default = kb.default_language
        self.L = labels(lang)
        self.language_name = language_name(lang, lang)
        self.default_name = language_name(self.default, lang)
        title = html_text(f"{self.L['not_translated']}: {self.default_name}")
        self.marker = Markup(f'<span class="kb-untranslated" title="{title}" lang="{html_text(self.default)}">'
                             f"{html_text(self.default.upper())}</span>")
        self._sorted: dict[tuple[str, bool], list[Item]] = {}
        self._labels: dict[str, tuple[str, bool, str]] = {}  # id -> (escaped title, fell back, doc)

    def shared(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` once per KnowledgeBase, for every language's renderer sharing the memo."""
        store = self.memo.shared(self.kb)
        if key not in store:
            store[key] = compute()
        return store[key]

    def title_of(self, item: Item) -> tuple[str, bool, str]:
        """(escaped title, whether it fell back, Markdown file) of a linked item, computed once."""
        found = self._labels.get(item.id)
        if found is None:
            value, fell_back = self.kb.text(item.title, self.lang)
            section = SECTIONS.get(item.kind)
            found = (str(md_text(value)), fell_back, item_doc(item) if section else "")
            self._labels[item.id] = found
        return found

    def shown(self, text: Text | None) -> ShownText:
        """The text in this language, else in the language it falls back to (which `lang` then names)."""
        value, fell_back = self.kb.text(text, self.lang)
        if not fell_back:
            return ShownText(value)
        return ShownText(value, self.default if text and self.default in text else next(iter(text or {}), None))

    def plain(self, text: Text | None) -> str:
        """The text in this language (falling back), unescaped: for sorting and front matter."""
        return self.kb.text(text, self.lang)[0] if text else ""

    def items(self, kind: str, include_retired: bool = False) -> list[Item]:
        """Items of `kind` sorted by their title in this language (then id)."""
        key = (kind, include_retired)
        if key not in self._sorted:
            found = self.kb.of_kind(kind, include_retired)
            self._sorted[key] = self.sort(found)
        return self._sorted[key]

    def typed(self, cls: type[ItemT]) -> list[ItemT]:
        """Active items of a model class, sorted like `items()`."""
        kind = cls.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
        return self.items(kind)  # type: ignore[return-value]

    def sort(self, items: Iterable[ItemT]) -> list[ItemT]:
        return sorted(items, key=lambda item: (sort_key(self.plain(item.title), self.lang), item.id))

    def fmt(self, key: str, **values: object) -> Markup:
        """A label with `{placeholders}` filled in, escaped for Markdown."""
        return md_text(self.L[key].format(**values))

    def label_html(self, key: str, **values: object) -> Markup:
        """A label for raw HTML (attribute values, text in HTML blocks)."""
        return html_text(self.L[key].format(**values))

    def edit_url(self, item: Item) -> str | None:
        base, root = self.settings.edit_base, self.settings.repo_root
        origin = getattr(item.origin, "path", None)
        if not base or root is None or origin is None:
            return None
        try:
            relative = FsPath(origin).resolve().relative_to(root.resolve())
        except ValueError:
            return None
        return base + quote(relative.as_posix())


class PageView:
    """One page's view of the language: links relative to `doc`, and fallback tracking."""

    def __init__(self, renderer: Renderer, doc: str) -> None:
        self.r = renderer
        self.doc = doc
        self.depth = doc.count("/")
        self.fallback = False

    # -- text -----------------------------------------------------------------

    def shown(self, text: Text | None) -> ShownText:
        """A user text in this page's language; a fallback is remembered (the page then says so)."""
        found = self.r.shown(text)
        self.fallback = self.fallback or found.lang is not None
        return found

    def item_title(self, ref: str | Item | None) -> ShownText:
        """The title of an item (by id) in this language; an unknown id shows as itself."""
        item = self.r.kb.get(ref) if isinstance(ref, str) else ref
        if item is None:
            return ShownText(ref if isinstance(ref, str) else UNKNOWN)
        return self.shown(item.title)

    def t(self, text: Text | None) -> Markup:
        """Plain text (a title, a name) in this language; a fallback gets a visible marker."""
        if not text:
            return Markup("")
        found = self.shown(text)
        if found.lang is None:
            return md_text(found.value)
        return Markup(f'<span lang="{html_text(self.r.default)}">{md_text(found.value)}</span> {self.marker()}')

    def heading(self, text: Text | None) -> Markup:
        """A heading's text: a fallback carries its language but no marker (the page notice says it,
        and the marker must not enter the table of contents); its anchor is set by the template."""
        found = self.shown(text)
        if found.lang is None:
            return md_text(found.value)
        return Markup(f'<span lang="{html_text(self.r.default)}">{md_text(found.value)}</span>')

    def _block(self, text: Text) -> tuple[str, bool]:
        """The text in this page's language as a Markdown block, and whether it fell back."""
        found = self.shown(text)
        return link_ids(str(md_block(found.value)), self._id_link), found.lang is not None

    def _id_link(self, ref: str) -> str | None:
        """An item id named in prose: a link with its title (this page's own id: the title alone)."""
        item = self.r.kb.get(ref)
        if item is None or not SECTIONS.get(item.kind):
            return None
        if item_doc(item) == self.doc:
            return self.r.title_of(item)[0]
        return str(self.link(item))

    def md(self, text: Text | None, indent: int = 0) -> Markup:
        """A Markdown block; a fallback is wrapped in a marked box in the default language."""
        if not text:
            return Markup("")
        body, fell_back = self._block(text)
        if fell_back:
            label = html_text(f"{self.r.L['not_translated']} ({self.r.default_name})")
            body = (
                f'<div class="kb-fallback" lang="{self.r.default}" data-kb-untranslated="{label}" markdown>\n\n'
                f"{body}\n\n</div>"
            )
        return md_indent(body, indent) if indent else Markup(body)

    def md_inline(self, text: Text | None, indent: int = 0) -> Markup:
        """A Markdown list entry: a fallback gets the inline marker in front."""
        if not text:
            return Markup("")
        body, fell_back = self._block(text)
        if fell_back:
            body = f"{self.marker()} {body}"
        return md_indent(body, indent) if indent else Markup(body)

    def marker(self) -> Markup:
        return self.r.marker

    def chips(self, chips: list[Markup]) -> Markup:
        """A paragraph of chips (empty when there are none)."""
        return Markup(" ".join(chips) + "\n{ .kb-chips }") if chips else Markup("")

    # -- links ----------------------------------------------------------------

    def href(self, doc: str) -> str:
        """A Markdown link target (a .md file) relative to this page's file."""
        return "../" * self.depth + doc

    def url(self, doc_or_file: str) -> str:
        """A URL for raw HTML, relative to this page's address (print files, assets)."""
        here = self._address(self.doc)
        return posixpath.relpath(doc_or_file, here or ".") if here else doc_or_file

    def page_url(self, doc: str) -> str:
        """The address of page `doc` for raw HTML, relative to this page ('../../standards/')."""
        target, here = self._address(doc), self._address(self.doc)
        if not self.r.settings.directory_urls:
            return posixpath.relpath(doc[:-3] + ".html", here or ".")
        relative = posixpath.relpath(target or ".", here or ".")
        return "./" if relative == "." else relative + "/"

    def _address(self, doc: str) -> str:
        """The folder of the page's address: 'standards/x.md' -> 'standards/x' (directory URLs)."""
        stem = doc[:-3]
        if doc == "index.md" or doc.endswith("/index.md"):
            return posixpath.dirname(doc)
        return stem if self.r.settings.directory_urls else posixpath.dirname(doc)

    def link(self, ref: str | Item | None, text: Markup | None = None) -> Markup:
        """`[Title](../standards/x.md)`; an unknown id shows as plain text."""
        item = self.r.kb.get(ref) if isinstance(ref, str) else ref
        if item is None:
            return md_text(ref if isinstance(ref, str) else UNKNOWN)
        title, fell_back, doc = self.r.title_of(item)
        if text is not None:
            label = str(text)
        elif fell_back:
            self.fallback = True
            label = f'<span lang="{html_text(self.r.default)}">{title}</span> {self.marker()}'
        else:
            label = title
        if not doc:
            return Markup(label)
        extra = "{ .kb-retired-link }" if not item.is_active else ""
        if item.status == "draft":
            extra += f' <span class="kb-chip kb-chip--draft">{md_text(self.r.L["draft"])}</span>'
        return Markup(f"[{label}]({'../' * self.depth}{doc}){extra}")

    def path_progress(self, path: Item) -> Markup:
        """A link "3 of 25 done — continue" to the path, shown by kb.js once this browser holds ticks."""

        kb = self.r.kb
        keys = [kb.progress_key(step.key, step.do)
                for phase in getattr(path, "phases", []) for step in phase.steps]
        href = self.page_url(item_doc(path))
        return Markup(
            f' <a class="kb-path-progress" href="{html_text(href)}" data-kb-path="{html_text(path.id)}"'
            f' data-kb-steps="{html_text(" ".join(keys))}" data-kb-label="{html_text(self.r.L["progress_continue"])}"'
            " hidden></a>"
        )

    def item_list(self, items: Iterable[Item], summaries: bool = True) -> Markup:
        """A bullet list of links, each with the item's summary (a hot path on big sites: no macro)."""
        lines = []
        for item in items:
            summary = f" — {self.t(item.summary)}" if summaries and item.summary else ""
            lines.append(f"- {self.link(item)}{summary}")
        return Markup("\n".join(lines) + "\n" if lines else "")

    def links(self, refs: Iterable[str | Item]) -> Markup:
        """Links separated by commas."""
        return Markup(", ".join(self.link(ref) for ref in refs))

    def doc_link(self, doc: str, text: Markup | str) -> Markup:
        label = text if isinstance(text, Markup) else md_text(text)
        return Markup(f"[{label}]({self.href(doc)})")
