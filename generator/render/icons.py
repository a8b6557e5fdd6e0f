"""Icons on pages: an empty span the site's CSS paints (assets/kb-icons.css, one mask per name).

CSS masks keep the Markdown short and need no emoji extension or icon font.
"""

from __future__ import annotations

from markupsafe import Markup

NAMES = frozenset({
    "edit", "print", "new", "search", "lead", "standard", "checklist", "practice", "principle", "path", "report",
    "arrow", "reset",
})


def icon(name: str, classes: str = "") -> Markup:
    if name not in NAMES:
        raise ValueError(f"unknown icon {name!r}")
    extra = f" {classes}" if classes else ""
    return Markup(f'<span class="kb-icon kb-icon--{name}{extra}" aria-hidden="true"></span>')
