"""Print reports as text (terminal), Markdown (a pull request, a wiki) or JSON (tools): the same facts in each."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from generator.lifecycle.diff import Change, ContentDiff
from generator.lifecycle.reports import Report, Section


def as_text(reports: Sequence[Report]) -> str:
    out: list[str] = []
    for report in reports:
        out += [f"== {report.title} ==", report.summary]
        for section in report.sections:
            out += ["", section.title] + _text_rows(section)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _text_rows(section: Section) -> list[str]:
    if not section.entries:
        return ["  (none)"]
    state_width = max(len(entry.state) for entry in section.entries)
    id_width = max(len(entry.item) for entry in section.entries)
    return [
        f"  {entry.state:<{state_width}}  {entry.item:<{id_width}}  {entry.detail}  [{entry.where}]"
        for entry in section.entries
    ]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def as_markdown(reports: Sequence[Report]) -> str:
    out: list[str] = []
    for report in reports:
        out += [f"## {report.title}", "", _cell(report.summary), ""]
        for section in report.sections:
            out += [f"### {_cell(section.title)}", ""]
            if not section.entries:
                out += ["None.", ""]
                continue
            out += ["| State | Item | Title | Detail | Where |", "|---|---|---|---|---|"]
            out += [
                f"| {e.state} | `{e.item}` | {_cell(e.title)} | {_cell(e.detail)} | `{_cell(e.where)}` |"
                for e in section.entries
            ]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def as_json(reports: Sequence[Report]) -> str:
    data = {report.name: dataclasses.asdict(report) for report in reports}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}


# -- kb diff ------------------------------------------------------------------


def diff_markdown(diff: ContentDiff) -> str:
    """The content a branch changes, for a pull-request description."""
    head = f"## Content changes against `{diff.base}`"
    if diff.empty and not diff.outdated:
        return f"{head}\n\nNo content changes.\n" + _errors_note(diff)
    counts = [f"{len(diff.added)} added", f"{len(diff.changed)} changed", f"{len(diff.removed)} removed"]
    if diff.outdated:
        counts.append(f"translations to update in {len(diff.outdated)} item(s)")
    out = [head, "", " · ".join(counts), ""]
    for title, changes in (("Added", diff.added), ("Changed", diff.changed), ("Removed", diff.removed)):
        if changes:
            out += [f"### {title}", ""] + [_change_line(change) for change in changes] + [""]
    if diff.outdated:
        out += [
            "### Translations made outdated", "",
            f"The {diff.default_language} text of these items changed; update the translations, then record "
            "them with `kb i18n mark ID --lang LANG`.", "",
        ]
        for entry in diff.outdated:
            langs = ", ".join(f"{lang} ({state})" for lang, state in entry.languages.items())
            out.append(f"- `{entry.item}` ({entry.kind}): {_cell(entry.title)}: {langs}")
        out.append("")
    return "\n".join(out) + _errors_note(diff)


def _change_line(change: Change) -> str:
    line = f"- `{change.item}` ({change.kind}): {_cell(change.title)}, `{change.path}`"
    if change.fields:
        line += "; changed: " + ", ".join(f"`{name}`" for name in change.fields)
    return line


def _errors_note(diff: ContentDiff) -> str:
    if not diff.errors:
        return ""
    return (
        f"\n> **Note:** `kb check` finds errors in {diff.errors} file(s) of this branch; an item whose file "
        "does not load shows as removed.\n"
    )


def diff_json(diff: ContentDiff) -> str:
    return json.dumps(dataclasses.asdict(diff), ensure_ascii=False, indent=2) + "\n"


DIFF_FORMATS = {"markdown": diff_markdown, "json": diff_json}
