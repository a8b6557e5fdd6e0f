"""What the index pages show: home, sections, areas, channels, the matrix and Find (reports: report_pages.py).

Index pages list active items only; retired items keep their own page but leave
every index (the drafts report lists them for the team lead).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.content.models import Checklist, Competency, Path, Practice, Principle, Role, Standard
from generator.render.item_pages import chip, role_chips
from generator.render.report_pages import needs_review, review_alert
from generator.render.view import PageView
from generator.urls import item_page

if TYPE_CHECKING:
    from generator.render.pages import PageSpec

FIRST = 5  # standards named on each area card of the standards index


def _standards(p: PageView) -> list[Standard]:
    return p.r.typed(Standard)


def _area_rows(p: PageView) -> list[dict[str, Any]]:
    taxonomy = p.r.kb.taxonomy
    if taxonomy is None:
        return []
    standards = _standards(p)
    rows = []
    for key, name in taxonomy.areas.items():
        members = [s for s in standards if s.area == key]
        rows.append({"doc": f"areas/{key}.md", "name": p.t(name), "count": len(members),
                     "first": members[:FIRST], "more": max(0, len(members) - FIRST)})
    return rows


FIND_KINDS = ("standard", "checklist", "path")


def find(p: PageView, spec: PageSpec) -> dict[str, Any]:
    """"Find a procedure": every active standard, checklist and path with what the filters and the
    search (kb-find.js) need; the filters' choices in this language."""
    r = p.r
    taxonomy = r.kb.taxonomy
    areas = taxonomy.areas if taxonomy else {}
    channels = taxonomy.channels if taxonomy else {}
    roles = r.items("role")
    role_names = {role.id: r.plain(role.title) for role in roles} | {"everyone": str(r.fmt("everyone"))}
    entries = []
    for kind in FIND_KINDS:
        for item in r.items(kind):
            item_roles = list(getattr(item, "roles", None) or ([item.role] if isinstance(item, Path) else []))
            item_channels = list(getattr(item, "channels", None) or [])
            entries.append({
                "item": item, "title": r.plain(item.title), "summary": r.plain(item.summary),
                "href": p.url(item_page(item).rstrip("/")) + "/", "kind_label": r.L[f"search_kind_{kind}"],
                "area": str(getattr(item, "area", "") or ""), "channels": item_channels, "roles": item_roles,
                "chips": [("channel", r.plain(channels[c])) for c in item_channels if c in channels]
                + [("role", role_names[x]) for x in item_roles if x in role_names],
            })
    filters = {
        "kind": [(kind, r.L[f"search_kind_{kind}"]) for kind in FIND_KINDS],
        "area": [(key, r.plain(name)) for key, name in areas.items()],
        "channel": [(key, r.plain(name)) for key, name in channels.items()],
        "role": [(role.id, r.plain(role.title)) for role in roles],
    }
    return {"title": r.L["find"], "entries": entries, "filters": filters}


def home(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    roles = []
    for role in r.typed(Role):
        paths = [x for x in r.kb.paths_for_role(role) if x.is_active]
        onboarding = [x for x in paths if x.type == "onboarding"] or paths
        roles.append({"role": role, "path": r.sort(onboarding)[0] if onboarding else None})
    sections = [
        ("standard", "standards/index.md", "standards", len(_standards(p)), "home_standards_text"),
        ("path", "paths/index.md", "paths", len(r.typed(Path)), "home_paths_text"),
        ("practice", "practices/index.md", "practices", len(r.typed(Practice)), "home_practices_text"),
        ("principle", "principles/index.md", "principles", len(r.typed(Principle)), "home_principles_text"),
        ("checklist", "checklists/index.md", "checklists", len(r.typed(Checklist)), "home_checklists_text"),
        ("lead", "roles/index.md", "roles", len(r.typed(Role)), "home_roles_text"),
    ]
    return {
        "title": r.settings.site_name,
        "hide": ("navigation", "toc"),
        "heading_class": "kb-sr-only",  # the header bar names the site; the page opens with search and doors
        "roles": roles,
        "areas": [row for row in _area_rows(p) if row["count"]],
        "attention": len(needs_review(p)),
        "attention_alert": review_alert(p),
        "sections": [{"icon": icon, "doc": doc, "name": r.L[name], "count": count, "text": r.L[text]}
                     for icon, doc, name, count, text in sections],
    }


def standards(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r, taxonomy = p.r, p.r.kb.taxonomy
    active = _standards(p)
    channels = []
    for key, name in (taxonomy.channels.items() if taxonomy else []):
        count = sum(1 for s in active if key in s.channels)
        channels.append(chip(p, f"channels/{key}.md", Markup(f"{p.t(name)} · {count}"), "channel"))
    roles = role_chips(p, [role.id for role in r.typed(Role)])
    return {"title": r.L["standards"], "total": len(active), "areas": _area_rows(p),
            "channels": channels, "roles": roles}


def area(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r, taxonomy = p.r, p.r.kb.taxonomy
    name = taxonomy.areas[spec.key] if taxonomy else None
    rows = []
    for s in _standards(p):
        if s.area != spec.key:
            continue
        chips = [chip(p, f"channels/{key}.md", p.t(taxonomy.channels.get(key)) if taxonomy and key in
                      taxonomy.channels else Markup(key), "channel") for key in s.channels]
        rows.append({"standard": s, "chips": Markup(" ".join(chips + role_chips(p, s.roles)))})
    return {"title": r.plain(name) or spec.key, "standards": rows}


def channel(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r, taxonomy = p.r, p.r.kb.taxonomy
    name = taxonomy.channels[spec.key] if taxonomy else None
    members = [s for s in _standards(p) if spec.key in s.channels]
    groups = []
    for key, area_name in (taxonomy.areas.items() if taxonomy else []):
        in_area = [s for s in members if s.area == key]
        if in_area:
            groups.append({"doc": f"areas/{key}.md", "name": p.t(area_name), "standards": in_area})
    return {"title": r.plain(name) or spec.key, "groups": groups, "count": len(members)}


def practices(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    groups: dict[str, list[dict[str, Any]]] = {"adopted": [], "candidate": [], "rejected": []}
    for practice in r.typed(Practice):
        assert isinstance(practice, Practice)
        state = r.kb.practice_state(practice)
        adopted = r.sort([s for s in r.kb.adopted_by(practice) if s.is_active])
        groups[state].append({"practice": practice, "standards": adopted})
    summary = [Markup(f'<span class="kb-chip kb-chip--practice-{state}">{r.fmt("practice_state_" + state)} · '
                      f"{len(rows)}</span>") for state, rows in groups.items()]
    return {"title": r.L["practices"], "summary": summary,
            "groups": [{"state": state, "practices": rows} for state, rows in groups.items()]}


def principles(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    rows = []
    for principle in r.typed(Principle):
        serving = {link.source.id for link in r.kb.referrers(principle.id, "standard")
                   if link.field == "principles" and link.source.is_active}
        rows.append({"principle": principle, "count": len(serving)})
    return {"title": r.L["principles"], "principles": rows}


def checklists(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    rows = []
    for item in r.typed(Checklist):
        assert isinstance(item, Checklist)
        roles = [r.kb.get(role) or role for role in item.roles]
        rows.append({"checklist": item, "roles": roles,
                     "count": sum(len(entries) for _, entries in item.all_sections())})
    return {"title": r.L["checklists"], "checklists": rows}


def roles(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    rows = []
    for role in r.typed(Role):
        assert isinstance(role, Role)
        rows.append({
            "role": role,
            "paths": r.sort([x for x in r.kb.paths_for_role(role) if x.is_active]),
            "standards": sum(1 for s in r.kb.standards_for_role(role) if s.is_active),
            "competencies": len(role.competencies),
        })
    return {"title": r.L["roles"], "roles": rows}


def _scale(p: PageView) -> list[dict[str, Any]]:
    taxonomy = p.r.kb.taxonomy
    return [{"level": n, "name": name} for n, name in sorted((taxonomy.levels if taxonomy else {}).items())]


def competencies(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    groups = []
    for category in ("universal", "company"):
        rows = [{"competency": c, "roles": sum(1 for role in r.typed(Role) if c.id in role.competencies)}
                for c in r.typed(Competency) if c.category == category]
        if rows:
            groups.append({"category": category, "competencies": rows})
    return {"title": r.L["competencies"], "groups": groups, "scale": _scale(p)}


def matrix(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    role_list = r.typed(Role)
    names = r.kb.taxonomy.levels if r.kb.taxonomy else {}
    rows = []
    ordered = sorted(r.typed(Competency), key=lambda c: c.category != "universal")
    for competency in ordered:
        assert isinstance(competency, Competency)
        cells = []
        for role in role_list:
            level = role.competencies.get(competency.id)
            cells.append({"level": level, "title": f"{r.plain(role.title)}: {level} {r.plain(names.get(level))}"}
                         if level else None)
        rows.append({"competency": competency, "cells": cells})
    return {"title": r.L["matrix"], "hide": ("toc",), "roles": role_list, "rows": rows, "scale": _scale(p)}


def paths(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r = p.r
    groups = []
    for kind in ("onboarding", "development"):
        rows = [{"path": x, "steps": sum(len(phase.steps) for phase in x.phases)}
                for x in r.typed(Path) if x.type == kind]
        if rows:
            groups.append({"type": kind, "paths": rows})
    return {"title": r.L["paths"], "groups": groups}


# -- reports for team leads ---------------------------------------------------
