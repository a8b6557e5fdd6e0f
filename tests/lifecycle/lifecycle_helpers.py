"""Content snippets for the team-lead workflow tests."""

from __future__ import annotations


def standard(item_id: str, *, reviewed: str | None = None, owner: str = "team-lead", every: int | None = None,
             roles: str = "[team-lead]", measures: bool = True, extra: str = "") -> str:
    """A valid standard in the base knowledge base's taxonomy."""
    lines = [
        "kind: standard",
        f"id: {item_id}",
        f"title: {{en: Title of {item_id}, pl: Tytuł {item_id}}}",
        "area: complaints",
        f"roles: {roles}",
        "statement:",
        "  en: At least 80 % of calls are answered within three rings.",
        "  pl: Co najmniej 80 % połączeń odbieramy do trzeciego sygnału.",
    ]
    if measures:
        lines += ["measures:", "  - name: {en: Answer rate, pl: Odsetek odebranych}", '    target: ">= 80 %"']
    lines.append(f"owner: {owner}")
    if reviewed:
        lines.append(f"reviewed: {reviewed}")
    if every:
        lines.append(f"review_every_months: {every}")
    return "\n".join(lines) + "\n" + extra
