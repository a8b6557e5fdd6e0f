"""What a printout says: a plain view of one checklist, path or standard in one language.

`make_sheet(kb, item, lang, site_url)` gathers every text (with its fallback
language) through render's `PageView`, as the web page does; the version (review
date + content fingerprint), the address of the web page and the sign-off lines.
An item the sheet names shows as its title, linked to its web page. The templates
only lay it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.content.fingerprint import content_fingerprint
from generator.content.knowledge import KnowledgeBase
from generator.content.models import Checklist, Item, Path, Standard
from generator.content.types import Text
from generator.lifecycle.translations import outdated_marker
from generator.printing.markup import markdown_html, markdown_inline
from generator.render.id_links import link_ids
from generator.render.view import PageView, Renderer, ShownText, SiteSettings
from generator.urls import SECTIONS, item_doc, item_page, item_url, language_prefix
from generator.words import Words, language_name, words

KIND_WORDS = {"checklist": "checklist", "standard": "service_standard"}
# A group with more rows than this cannot fit on one A4 page anyway; keeping it together would only
# push it to the next page and leave a near-empty one behind, so it may break from its start.
LONG_GROUP = 15


@dataclass
class Row:
    """One tickable line: a checklist item or a path step."""

    text: ShownText
    name: str  # form field name, unique in the sheet
    notes: list[tuple[str, ShownText]] = field(default_factory=list)  # (label, text) under the line
    signer: str = ""  # paths: who signs the step off


@dataclass
class Group:
    """A checklist section or a path phase."""

    title: ShownText | None
    rows: list[Row]
    days: str = ""

    @property
    def long(self) -> bool:
        return len(self.rows) > LONG_GROUP


@dataclass
class Sheet:
    item: Item
    lang: str
    labels: Words
    kind_label: str
    title: ShownText
    fingerprint: str
    version: str
    url: str
    site_url: str | None = None  # links go to the site's pages; without it, relative to the print page
    default_language: str = "en"
    meta: list[tuple[str, ShownText]] = field(default_factory=list)
    intro: ShownText | None = None
    fill_in: list[tuple[str, str]] = field(default_factory=list)  # (form field name, label) at the top
    groups: list[Group] = field(default_factory=list)
    card: dict[str, Any] = field(default_factory=dict)
    signers: list[str] = field(default_factory=list)
    legend: str = ""  # explains the [EN] marker, printed when a text fell back
    outdated: str = ""  # the translation was made from an older text (as the web page says)
    notes_box: bool = False

    @property
    def kind(self) -> str:
        return self.item.kind


def page_address(kb: KnowledgeBase, item: Item, lang: str, site_url: str | None) -> str:
    """The web page's absolute URL with a site_url, else its path relative to the site root."""
    if site_url:
        return item_url(item, lang, kb.default_language, site_url)
    return language_prefix(lang, kb.default_language) + item_page(item)


def make_sheet(kb: KnowledgeBase, item: Item, lang: str, site_url: str | None = None) -> Sheet:
    """The printout of a checklist, path or standard in `lang`."""
    view, labels = PageView(Renderer(kb, SiteSettings(), lang), item_doc(item)), words(lang)
    kind_label = labels[f"path_{item.type}"] if isinstance(item, Path) else labels[KIND_WORDS[item.kind]]
    fingerprint = content_fingerprint(item)
    reviewed = item.reviewed.isoformat() if item.reviewed else labels["review_never"]  # type: ignore[attr-defined]
    sheet = Sheet(
        item=item, lang=lang, labels=labels, kind_label=kind_label, title=view.shown(item.title),
        fingerprint=fingerprint, version=f"{reviewed} · {fingerprint}", url=page_address(kb, item, lang, site_url),
        site_url=site_url, default_language=kb.default_language,
    )
    sheet.meta = [
        (labels["id"], ShownText(item.id)),
        (labels["owner"], _linked(sheet, view, item.owner)),  # type: ignore[attr-defined]
        (labels["version"], ShownText(sheet.version)),
    ]
    FILLERS[item.kind](sheet, item, view)
    if item.status == "retired":
        sheet.signers = []  # nobody signs a rule that no longer applies
    outdated = outdated_marker(kb, item, lang)
    sheet.outdated = f"{outdated.text}: {outdated.note}" if outdated else ""
    sheet.legend = labels["print_legend"].format(code=kb.default_language.upper(),
                                                 language=language_name(kb.default_language, lang))
    return sheet


def _href(sheet: Sheet, item: Item) -> str:
    """The web page of an item the sheet names: on the site, else relative to the print page."""
    if sheet.site_url:
        return item_url(item, sheet.lang, sheet.default_language, sheet.site_url)
    return "../" + item_page(item)


def _linked(sheet: Sheet, view: PageView, ref: str | None) -> ShownText:
    """An item the sheet names: its title in the sheet's language, linked to its web page."""
    item = view.r.kb.get(ref) if ref else None
    title = view.item_title(ref)
    if item is None:
        return title
    return ShownText(Markup('<a href="{}">{}</a>').format(_href(sheet, item), title.value), title.lang)


def _markdown(sheet: Sheet, view: PageView, text: Text | None, inline: bool = False) -> ShownText:
    """A Markdown field as print HTML, with the language it fell back to; item ids it names in prose
    become their titles linked to their pages, by the site's rule (render/id_links.py)."""
    shown = view.shown(text)
    value = link_ids(str(shown.value), lambda ref: _name_item(sheet, view, ref))
    return ShownText(markdown_inline(value) if inline else markdown_html(value), shown.lang)


def _name_item(sheet: Sheet, view: PageView, ref: str) -> str | None:
    """An item's id -> [Its title](its page); None for anything that is not an item with a page."""
    item = view.r.kb.get(ref)
    if item is None or not SECTIONS.get(item.kind):
        return None
    title = re.sub(r"([\\`*_\[\]])", r"\\\1", str(view.item_title(item).value))
    return f"[{title}]({_href(sheet, item)})"


def _fill_checklist(sheet: Sheet, checklist: Checklist, view: PageView) -> None:
    labels, kb = sheet.labels, view.r.kb
    if checklist.frequency:
        sheet.meta.append((labels["frequency"], ShownText(labels[f"frequency_{checklist.frequency}"])))
    if checklist.roles:
        sheet.meta.append((labels["for_roles"], _joined(sheet, view, checklist.roles)))
    sheet.intro = _markdown(sheet, view, checklist.purpose if checklist.purpose else checklist.summary)
    sheet.fill_in = [("date", labels["date"]), ("place", labels["place"])]
    number = 0
    for title, items in checklist.all_sections():
        rows = []
        for entry in items:
            number += 1
            key = kb.progress_key(entry.key, entry.text)
            notes = [(labels["see_standard"], _linked(sheet, view, entry.standard))] if entry.standard else []
            rows.append(Row(view.shown(entry.text), f"{number:03d}-{key}", notes))
        sheet.groups.append(Group(view.shown(title) if title else None, rows))
    sheet.signers = [str(view.item_title(role).value) for role in checklist.sign_off]
    sheet.notes_box = True


def _fill_path(sheet: Sheet, path: Path, view: PageView) -> None:
    labels, kb = sheet.labels, view.r.kb
    sheet.meta.append((labels["role"], _linked(sheet, view, path.role)))
    if path.mentor:
        sheet.meta.append((labels["mentor"], _linked(sheet, view, path.mentor)))
    sheet.intro = _markdown(sheet, view, path.summary) if path.summary else None
    sheet.fill_in = [("new-hire", labels["new_hire"]), ("start-date", labels["start_date"])]
    number = 0
    for phase in path.phases:
        rows = []
        for step in phase.steps:
            number += 1
            key = kb.progress_key(step.key, step.do)
            signer = labels["mentor"] if step.sign_off == "mentor" else labels["new_hire"]
            rows.append(Row(view.shown(step.do), f"{number:03d}-{key}", _step_notes(sheet, step, view), signer))
        title = view.shown(phase.title)
        sheet.groups.append(Group(title, rows, _days(phase.days, str(title.value), labels)))
    role = view.item_title(path.role).value
    sheet.signers = [f"{labels['new_hire']} ({role})"]
    if path.mentor:
        sheet.signers.append(f"{labels['mentor']} ({view.item_title(path.mentor).value})")


def _step_notes(sheet: Sheet, step: Any, view: PageView) -> list[tuple[str, ShownText]]:
    labels, notes = sheet.labels, []
    if step.read:
        notes.append((labels["read"], _joined(sheet, view, step.read)))
    if step.builds:
        competency = _linked(sheet, view, step.builds.competency)
        level = f"{labels['level']} {step.builds.level}"
        taxonomy = view.r.kb.taxonomy
        if taxonomy and step.builds.level in taxonomy.levels:
            level += f" ({view.shown(taxonomy.levels[step.builds.level]).value})"
        notes.append((labels["builds"], ShownText(Markup("{}, {}").format(competency.value, level), competency.lang)))
    return notes


def _days(days: str | None, title: str, labels: Words) -> str:
    """'Day 1' or 'Days 2–5' before the phase title, unless the title already names those days."""
    if not days:
        return ""
    pattern = r"(?<!\w)" + r"\s*[-–]\s*".join(days.split("-")) + r"(?!\d)"
    if re.search(pattern, title):
        return ""
    return labels["days" if "-" in days else "day"].format(days=days.replace("-", "–"))


def _joined(sheet: Sheet, view: PageView, ids: list[str]) -> ShownText:
    everyone = ShownText(view.r.L["everyone"])
    titles = [_linked(sheet, view, item_id) if item_id != "everyone" else everyone for item_id in ids]
    return ShownText(Markup("; ").join(t.value for t in titles), next((t.lang for t in titles if t.lang), None))


def _fill_standard(sheet: Sheet, standard: Standard, view: PageView) -> None:
    labels, taxonomy = sheet.labels, view.r.kb.taxonomy
    if taxonomy and standard.area in taxonomy.areas:
        sheet.meta.append((labels["area"], view.shown(taxonomy.areas[standard.area])))
    if standard.channels and taxonomy:
        names = [view.shown(taxonomy.channels.get(c)).value or c for c in standard.channels]
        sheet.meta.append((labels["channels"], ShownText(", ".join(str(n) for n in names))))
    sheet.intro = _markdown(sheet, view, standard.summary) if standard.summary else None
    sheet.card = {
        "statement": _markdown(sheet, view, standard.statement),
        "why": _markdown(sheet, view, standard.why) if standard.why else None,
        "steps": [_markdown(sheet, view, step, inline=True) for step in standard.steps],
        "authority": [_markdown(sheet, view, entry, inline=True) for entry in standard.authority],
        "measures": [
            (view.shown(m.name), m.target or "", view.shown(m.how) if m.how else ShownText(""))
            for m in standard.measures
        ],
        "do": [_markdown(sheet, view, entry, inline=True) for entry in standard.do],
        "dont": [_markdown(sheet, view, entry, inline=True) for entry in standard.dont],
    }
    sheet.signers = [labels["read_understood"]]


FILLERS: dict[str, Callable[[Sheet, Any, PageView], None]] = {
    "checklist": _fill_checklist, "path": _fill_path, "standard": _fill_standard,
}
