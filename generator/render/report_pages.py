"""What the team-lead report pages show: review due, translations, drafts, unused items, coverage.

The same rules as `kb report` (lifecycle/) and the check's warnings (content/usage.py), so a
report page and the command always name the same items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.content import usage
from generator.content.models import Checklist, Item, Path, Reviewable, Standard
from generator.render.view import PageView
from generator.words import field_in_words

if TYPE_CHECKING:
    from generator.render.pages import PageSpec

REVIEW_STATES = ("overdue", "due", "never")


def _reviewables(p: PageView) -> list[Reviewable]:
    r = p.r
    return [*r.typed(Standard), *r.typed(Checklist), *r.typed(Path)]


def needs_review(p: PageView) -> list[Reviewable]:
    return [item for item in _reviewables(p) if p.r.kb.review(item).state in REVIEW_STATES]


def review_alert(p: PageView) -> bool:
    """Something needs a review now: overdue, or never reviewed (due soon alone is not yet an alarm)."""
    return any(p.r.kb.review(item).state in ("overdue", "never") for item in _reviewables(p))


def report_review(p: PageView, spec: PageSpec) -> dict[str, Any]:
    kb = p.r.kb
    groups = []
    reviews = [(item, kb.review(item)) for item in _reviewables(p)]
    for state in REVIEW_STATES:
        chosen = sorted(((item, review) for item, review in reviews if review.state == state),
                        key=lambda pair: (pair[1].due or kb.today, pair[0].id))
        groups.append({"state": state, "rows": [{"item": item, "review": review} for item, review in chosen]})
    return {"title": p.r.L["report_review"], "groups": groups}


def report_drafts(p: PageView, spec: PageSpec) -> dict[str, Any]:
    items = [item for item in p.r.kb.items.values() if item.kind != "taxonomy"]
    drafts = sorted((i for i in items if i.status == "draft"), key=lambda i: (i.kind, i.id))
    retired = sorted((i for i in items if i.status == "retired"), key=lambda i: (i.kind, i.id))
    return {"title": p.r.L["report_drafts"], "drafts": drafts, "retired": retired}


def _translation_states(p: PageView) -> dict[str, tuple[list[tuple[Item, tuple[str, ...]]], list[Item]]]:
    """Per language: items with missing texts (and which), items with outdated translations."""
    from generator.lifecycle.translations import translation_status

    kb = p.r.kb
    active = sorted((i for i in kb.items.values() if i.is_active), key=lambda i: (i.kind, i.id))
    cache = p.r.memo.statuses
    if len(cache) > 4 * len(kb.items) * max(1, len(kb.languages)):
        cache.clear()
    states = {}
    for lang in kb.languages[1:]:
        statuses = [(item, _status(cache, kb, item, lang, translation_status)) for item in active]
        missing = [(item, st.missing) for item, st in statuses if st.state == "missing"]
        outdated = [item for item, st in statuses if st.state == "outdated" or st.stale]
        states[lang] = (missing, outdated)
    return states


def _status(cache: dict[tuple[str, str, str], tuple[Item, Any]], kb: Any, item: Item, lang: str,
            compute: Any) -> Any:
    """The item's translation status, computed again only when the item object is a new one."""
    key = (item.id, kb.default_language, lang)
    cached = cache.get(key)
    if cached is None or cached[0] is not item:
        cached = (item, compute(kb, item, lang))
        cache[key] = cached
    return cached[1]


def report_translations(p: PageView, spec: PageSpec) -> dict[str, Any]:
    r, kb = p.r, p.r.kb
    states = r.shared("translations", lambda: _translation_states(p))
    total = sum(1 for item in kb.items.values() if item.is_active)
    groups = []
    for lang, (missing, outdated) in states.items():
        rows = [{"item": item, "fields": "; ".join(field_in_words(f, r.L) for f in fields[:4])
                 + (" …" if len(fields) > 4 else "")} for item, fields in missing]
        groups.append({"lang": lang, "name": _language(lang), "missing": rows, "outdated": outdated, "total": total})
    return {"title": r.L["report_translations"], "groups": groups}


def _language(lang: str) -> str:
    from generator.words import language_name

    return f"{language_name(lang)} ({lang})"


def orphans(p: PageView) -> list[dict[str, Any]]:
    """The rules of `content.usage`, as `kb report coverage` applies them."""
    kb = p.r.kb
    return [{"name": "standards", "entries": usage.unused_standards(kb)},
            {"name": "checklists", "entries": usage.unused_checklists(kb)},
            {"name": "practices", "entries": usage.undecided_practices(kb)},
            {"name": "competencies", "entries": usage.unused_competencies(kb)}]


def report_orphans(p: PageView, spec: PageSpec) -> dict[str, Any]:
    return {"title": p.r.L["report_orphans"], "groups": orphans(p)}


def _coverage_groups(p: PageView) -> list[dict[str, Any]]:
    from generator.lifecycle.coverage import coverage

    found = p.r.shared("coverage", lambda: coverage(p.r.kb))
    return [{"code": code, "findings": findings} for code, findings in found.items()]


def report_coverage(p: PageView, spec: PageSpec) -> dict[str, Any]:
    """Where the paths leave gaps: the same findings as `kb report coverage`."""
    return {"title": p.r.L["report_coverage"], "groups": _coverage_groups(p)}


def reports(p: PageView, spec: PageSpec) -> dict[str, Any]:
    drafts = report_drafts(p, spec)["drafts"]
    translations = report_translations(p, spec)["groups"]
    untranslated = len({row["item"].id for group in translations for row in group["missing"]}
                       | {item.id for group in translations for item in group["outdated"]})
    counts = {
        "review": len(needs_review(p)),
        "translations": untranslated,
        "coverage": sum(len(group["findings"]) for group in _coverage_groups(p)),
        "drafts": len(drafts),
        "orphans": sum(len(group["entries"]) for group in orphans(p)),
    }
    # Red only where something needs action; drafts are work in progress, and a zero is never red.
    alerts = {"review": review_alert(p), "translations": bool(untranslated), "coverage": bool(counts["coverage"]),
              "drafts": False, "orphans": bool(counts["orphans"])}
    rows = [{"name": name, "doc": f"reports/{name}.md", "count": count, "alert": alerts[name]}
            for name, count in counts.items()]
    return {"title": p.r.L["reports"], "reports": rows}


