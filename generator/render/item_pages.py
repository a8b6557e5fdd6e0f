"""What each item page shows, computed from the KnowledgeBase: one function per kind.

Each returns the variables of its template. Lists are sorted (by title in the
page's language, then id) and retired items leave every list but their own page.
Every reference is a link, and every link runs backwards: `backlinks()` lists
the items that point at the page's item, grouped by kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.content.fingerprint import content_fingerprint
from generator.content.models import (
    Checklist,
    Competency,
    Item,
    Path,
    Practice,
    Principle,
    Reviewable,
    Role,
    Standard,
)
from generator.content.types import Text
from generator.render.view import PageView
from generator.urls import print_file

if TYPE_CHECKING:
    from generator.render.pages import PageSpec

BACKLINK_ORDER = ("path", "checklist", "standard", "practice", "principle", "role", "competency")


@dataclass(frozen=True)
class Backlink:
    item: Item
    detail: Markup | None = None


@dataclass(frozen=True)
class BacklinkGroup:
    label: str
    entries: list[Backlink]


def backlinks(p: PageView, item: Item, skip_fields: tuple[str, ...] = ()) -> list[BacklinkGroup]:
    """Active items pointing at `item`, grouped by kind; a path says in which phase."""
    kb = p.r.kb
    found: dict[str, dict[str, Backlink]] = {}
    for link in kb.referrers(item.id):
        source = link.source
        if source.id == item.id or not source.is_active or link.field in skip_fields:
            continue
        group = found.setdefault(source.kind, {})
        if source.id not in group:
            group[source.id] = Backlink(source, _detail(p, link.source, link.path))
    return [
        BacklinkGroup(f"used_by_{kind}", [found[kind][i.id] for i in p.r.sort(list(_items(found[kind])))])
        for kind in BACKLINK_ORDER
        if kind in found
    ]


def _items(group: dict[str, Backlink]) -> list[Item]:
    return [entry.item for entry in group.values()]


def _detail(p: PageView, source: Item, path: tuple[Any, ...]) -> Markup | None:
    if isinstance(source, Path) and path[:1] == ("phases",) and len(path) > 1:
        return p.t(source.phases[path[1]].title)
    return None


def _resolve(p: PageView, ids: list[str]) -> list[Item]:
    kb = p.r.kb
    return [item for item in (kb.get(i) for i in ids) if item is not None]


def chip(p: PageView, doc: str, label: Markup, kind: str) -> Markup:
    return Markup(f"[{label}]({p.href(doc)}){{ .kb-chip .kb-chip--{kind} }}")


def text_chip(label: Markup, kind: str) -> Markup:
    return Markup(f'<span class="kb-chip kb-chip--{kind}">{label}</span>')


def role_chips(p: PageView, roles: list[str]) -> list[Markup]:
    chips = []
    for role_id in roles:
        role = p.r.kb.get(role_id)
        if role is None:
            chips.append(text_chip(p.r.fmt("everyone") if role_id == "everyone" else Markup(role_id), "role"))
        else:
            chips.append(chip(p, f"roles/{role.id}.md", p.t(role.title), "role"))
    return chips


def review_context(p: PageView, item: Reviewable) -> dict[str, Any]:
    return {
        "review": p.r.kb.review(item),
        "version": p.r.shared(("version", item.id), lambda: content_fingerprint(item)),
        "print_url": p.url(print_file(item, "pdf")),
    }


def standard(p: PageView, spec: PageSpec) -> dict[str, Any]:
    s: Standard = spec.item  # type: ignore[assignment]
    taxonomy = p.r.kb.taxonomy
    chips = []
    if taxonomy is not None and s.area in taxonomy.areas:
        chips.append(chip(p, f"areas/{s.area}.md", p.t(taxonomy.areas[s.area]), "area"))
    for key in s.channels:
        name = taxonomy.channels.get(key) if taxonomy else None
        chips.append(chip(p, f"channels/{key}.md", p.t(name) if name else Markup(key), "channel"))
    chips += role_chips(p, s.roles)
    return {
        "s": s,
        "chips": chips,
        "practices": _resolve(p, s.adopted_from),
        "principles": p.r.sort(_resolve(p, s.principles)),
        "related": p.r.sort(_resolve(p, s.related)),
        "used": backlinks(p, s, skip_fields=("related",)) + _related_back(p, s),
        **review_context(p, s),
    }


def _related_back(p: PageView, item: Item) -> list[BacklinkGroup]:
    """Items that name this one under `related:` and that it does not name back."""
    mine = set(getattr(item, "related", []))
    sources = [
        link.source for link in p.r.kb.referrers(item.id)
        if link.field == "related" and link.source.is_active and link.source.id not in mine
    ]
    unique = {source.id: source for source in sources}
    if not unique:
        return []
    return [BacklinkGroup("used_by_related", [Backlink(i) for i in p.r.sort(list(unique.values()))])]


def practice(p: PageView, spec: PageSpec) -> dict[str, Any]:
    x: Practice = spec.item  # type: ignore[assignment]
    kb = p.r.kb
    state = kb.practice_state(x)
    adopted = p.r.sort([s for s in kb.adopted_by(x) if s.is_active])
    return {
        "x": x,
        "state": state,
        "chips": [text_chip(p.r.fmt(f"practice_state_{state}"), f"practice-{state}")],
        "adopted_by": adopted,
        "related": p.r.sort(_resolve(p, x.related)),
        "used": backlinks(p, x, skip_fields=("adopted_from", "related")) + _related_back(p, x),
    }


def principle(p: PageView, spec: PageSpec) -> dict[str, Any]:
    x: Principle = spec.item  # type: ignore[assignment]
    serving = [link.source for link in p.r.kb.referrers(x.id, "standard") if link.field == "principles"]
    standards = p.r.sort([s for s in {s.id: s for s in serving}.values() if s.is_active])
    return {"x": x, "standards": standards, "used": backlinks(p, x, skip_fields=("principles",))}


@dataclass(frozen=True)
class Entry:
    text: Text
    key: str
    standard: Item | None


def checklist(p: PageView, spec: PageSpec) -> dict[str, Any]:
    c: Checklist = spec.item  # type: ignore[assignment]
    kb = p.r.kb
    sections = []
    for title, entries in c.all_sections():
        rows = [
            Entry(e.text, kb.progress_key(e.key, e.text),
                  kb.get(e.standard) if e.standard else None)
            for e in entries
        ]
        sections.append({"title": title, "entries": rows})
    chips = []
    if c.frequency:
        chips.append(text_chip(p.r.fmt(f"frequency_{c.frequency}"), "frequency"))
    chips += role_chips(p, c.roles)
    return {"c": c, "chips": chips, "sections": sections, "used": backlinks(p, c), **review_context(p, c)}


def role(p: PageView, spec: PageSpec) -> dict[str, Any]:
    x: Role = spec.item  # type: ignore[assignment]
    kb, r = p.r.kb, p.r
    taxonomy = kb.taxonomy
    levels = taxonomy.levels if taxonomy else {}
    profile = []
    ordered = sorted(x.competencies.items(), key=lambda pair: (-pair[1], r.plain(_title(kb.get(pair[0]))), pair[0]))
    for competency_id, level in ordered:
        found = kb.get(competency_id)
        indicator = found.levels.get(level) if isinstance(found, Competency) else None
        profile.append({"competency": found or competency_id, "level": level,
                        "level_name": levels.get(level), "indicator": indicator})
    paths = r.sort([path for path in kb.paths_for_role(x) if path.is_active])
    owned = {link.source.id: link.source for link in kb.referrers(x.id) if link.field == "owner"}
    mentored = {link.source.id: link.source for link in kb.referrers(x.id, "path") if link.field == "mentor"}
    return {
        "x": x,
        "profile": profile,
        "paths": paths,
        "path_steps": {path.id: sum(len(ph.steps) for ph in path.phases) for path in paths},
        "standard_groups": _by_area(p, [s for s in kb.standards_for_role(x) if s.is_active]),
        "checklists": r.sort([c for c in kb.checklists_for_role(x) if c.is_active]),
        "mentors": r.sort([i for i in mentored.values() if i.is_active]),
        "owns": r.sort([i for i in owned.values() if i.is_active]),
    }


def _title(item: Item | None) -> Text | None:
    return item.title if item is not None else None


def _by_area(p: PageView, standards: list[Standard]) -> list[dict[str, Any]]:
    taxonomy = p.r.kb.taxonomy
    order = list(taxonomy.areas) if taxonomy else []
    groups: dict[str, list[Standard]] = {}
    for s in standards:
        groups.setdefault(s.area, []).append(s)
    keys = sorted(groups, key=lambda key: (order.index(key) if key in order else len(order), key))
    return [
        {"key": key, "area": taxonomy.areas.get(key) if taxonomy else None, "standards": p.r.sort(groups[key])}
        for key in keys
    ]


def competency(p: PageView, spec: PageSpec) -> dict[str, Any]:
    x: Competency = spec.item  # type: ignore[assignment]
    kb, r = p.r.kb, p.r
    names = kb.taxonomy.levels if kb.taxonomy else {}
    levels = [{"level": n, "name": names.get(n), "indicator": x.levels.get(n)}
              for n in sorted(set(names) | set(x.levels))]
    roles = [role for role in r.typed(Role) if x.id in role.competencies]
    required = [{"role": role, "level": role.competencies[x.id], "level_name": names.get(role.competencies[x.id])}
                for role in roles]
    built = []
    for path in r.typed(Path):
        for phase in path.phases:
            for step in phase.steps:
                if step.builds and step.builds.competency == x.id:
                    built.append({"path": path, "step": step.do, "level": step.builds.level})
    return {
        "x": x,
        "chips": [text_chip(r.fmt(f"category_{x.category}"), "category")],
        "levels": levels,
        "required_by": required,
        "built_by": built,
    }


def path(p: PageView, spec: PageSpec) -> dict[str, Any]:
    x: Path = spec.item  # type: ignore[assignment]
    kb, r = p.r.kb, p.r
    phases = []
    for number, phase in enumerate(x.phases, start=1):
        steps = [{
            "do": step.do,
            "key": kb.progress_key(step.key, step.do),
            "reads": _resolve(p, step.read),
            "builds": {"competency": step.builds.competency, "level": step.builds.level} if step.builds else None,
            "sign_off": step.sign_off,
        } for step in phase.steps]
        phases.append({"title": phase.title, "days": phase.days, "anchor": f"phase-{number}", "steps": steps})
    chips = [text_chip(r.fmt(f"path_type_{x.type}"), "path-type")] + role_chips(p, [x.role])
    if x.mentor:
        mentor = kb.get(x.mentor)
        label = r.fmt("mentor_is", role=r.plain(mentor.title) if mentor else x.mentor)
        chips.append(chip(p, f"roles/{x.mentor}.md", label, "mentor") if mentor else text_chip(label, "mentor"))
    return {
        "x": x,
        "chips": chips,
        "after": _resolve(p, x.after),
        "phases": phases,
        "total": sum(len(phase.steps) for phase in x.phases),
        "used": backlinks(p, x),
        **review_context(p, x),
    }
