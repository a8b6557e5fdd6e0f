"""`kb preview`'s incremental refresh gives, after each kind of edit, the project a fresh preview writes.

Each step edits the content, refreshes the same preview (which re-renders only the pages it judges
affected and replays the item checks of unchanged items) and compares every emitted Markdown file,
config and the diagnostics with a preview started from nothing on the same content.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.config import load_project
from generator.content.knowledge import KnowledgeBase
from generator.content.pipeline import LoadCache, build_knowledge_base
from generator.site.preview import Preview

STANDARD = Path("standards") / "complaints" / "complaint-first-contact.yaml"
LANGUAGES = ["en", "pl", "el"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    time.sleep(0.01)  # a new modification time


def _projects(preview: Preview) -> dict[str, bytes]:
    root = preview.workdir / "project"
    own = str(preview.workdir).encode()  # each config names its own site folder
    return {p.relative_to(root).as_posix(): p.read_bytes().replace(own, b"WORK") for p in sorted(root.rglob("*"))
            if p.is_file()}


def _same_as_fresh(kb: Path, preview: Preview, tmp_path: Path, name: str) -> None:
    fresh = Preview(kb / "mkdocs.yml", tmp_path / f"fresh-{name}")
    assert fresh.refresh(build_site=False).errors == []
    built, expected = _projects(preview), _projects(fresh)
    assert built.keys() == expected.keys(), name
    assert [doc for doc in expected if built[doc] != expected[doc]] == [], name


@pytest.fixture
def kept(site_kb: Path, tmp_path: Path) -> Preview:
    preview = Preview(site_kb / "mkdocs.yml", tmp_path / "kept")
    assert preview.refresh(build_site=False).errors == []
    return preview


def _body(kb: Path) -> None:  # only the standard's own page shows it
    _edit(kb / STANDARD, "The customer is already annoyed.", "The customer is annoyed already.")


def _body_translated(kb: Path) -> None:  # the el translation of `why` appears: the translations report changes
    _edit(kb / STANDARD, "why:\n", "why:\n  el: Ο πελάτης είναι ήδη ενοχλημένος.\n")


def _measures_removed(kb: Path) -> None:  # the coverage report lists standards without measures
    text = (kb / STANDARD).read_text("utf-8")
    start, end = text.index("measures:\n"), text.index("do:\n")
    (kb / STANDARD).write_text(text[:start] + text[end:], "utf-8")


def _title(kb: Path) -> None:  # every index page that lists the standard shows the new title
    _edit(kb / STANDARD, "en: Close typical complaints at the first contact", "en: Settle complaints at once")


def _new_file(kb: Path) -> None:
    (kb / "standards" / "phone" / "call-back-on-time.yaml").write_text(
        "kind: standard\nid: call-back-on-time\ntitle: Call back when promised\narea: phone\nroles: [agent]\n"
        "statement: We call back within the promised hour.\nowner: team-lead\n", "utf-8")


def _deleted_file(kb: Path) -> None:
    (kb / "standards" / "phone" / "call-back-on-time.yaml").unlink()


STEPS = [_body, _body_translated, _measures_removed, _title, _new_file, _deleted_file]


def test_each_edit_gives_the_project_of_a_fresh_preview(site_kb: Path, tmp_path: Path, kept: Preview) -> None:
    before = _projects(kept)
    for step in STEPS:
        step(site_kb)
        report = kept.refresh(build_site=False)
        assert report.errors == [], step.__name__
        _same_as_fresh(site_kb, kept, tmp_path, step.__name__)
    assert _projects(kept) != before


def test_a_body_edit_renders_only_the_standards_own_pages(site_kb: Path, kept: Preview) -> None:
    _body(site_kb)
    report = kept.refresh(build_site=False)
    assert report.pages_rendered == len(LANGUAGES)  # its page in each language, no index page
    for lang in ("en", "el"):  # the el page shows the en text of `why`
        page = kept.projects[lang].docs / "standards" / "complaint-first-contact.md"
        assert "The customer is annoyed already." in page.read_text("utf-8")


def test_a_yaml_error_is_shown_then_its_fix_gives_the_fresh_project(site_kb: Path, tmp_path: Path,
                                                                     kept: Preview) -> None:
    good = (site_kb / STANDARD).read_text("utf-8")
    (site_kb / STANDARD).write_text(good.replace("title:\n", "title: [oops\n", 1), "utf-8")
    report = kept.refresh(build_site=False)
    assert report.errors and report.errors[0].startswith(f"{STANDARD.as_posix()}:")
    (site_kb / STANDARD).write_text(good.replace("The customer is already annoyed.", "Fixed."), "utf-8")
    assert kept.refresh(build_site=False).errors == []
    _same_as_fresh(site_kb, kept, tmp_path, "fixed")


def _diagnostics(project_file: Path, cache: LoadCache | None) -> list[str]:
    _, found = build_knowledge_base(load_project(project_file), cache=cache)
    return [f"{d.severity.name} {d}" for d in found.sorted()]


def test_replayed_item_checks_equal_a_fresh_check(site_kb: Path) -> None:
    cache = LoadCache()
    config = site_kb / "mkdocs.yml"
    target = site_kb / "standards" / "phone" / "answer-within-three-rings.yaml"
    assert _diagnostics(config, cache) == _diagnostics(config, None)
    edits = [
        (site_kb / STANDARD, "Listen to the whole story", "Listen to the <b>whole</b> story", "raw HTML `<b>`"),
        (site_kb / STANDARD, "reviewed: 2026-01-15", "reviewed: 2020-01-15", "is overdue since"),
        (site_kb / STANDARD, "related: [answer-within-three-rings]", "related: [answer-within-3-rings]",
         "unknown item 'answer-within-3-rings'"),
        (site_kb / STANDARD, "related: [answer-within-3-rings]", "related: [answer-within-three-rings]", None),
        (target, "id: answer-within-three-rings\n", "id: answer-within-three-rings\nstatus: retired\n",
         "'answer-within-three-rings' is retired"),  # another file's change: the standard's warning
        (site_kb / STANDARD, "Listen to the <b>whole</b> story", "Listen to the whole story", None),
    ]
    for path, old, new, expected in edits:
        _edit(path, old, new)
        found = _diagnostics(config, cache)
        assert expected is None or any(expected in line for line in found), expected
        assert found == _diagnostics(config, None), new


def _links(kb: KnowledgeBase, item_id: str) -> list[tuple[str, str, tuple[object, ...]]]:
    return [(link.source.id, link.target, link.path) for link in kb.referrers(item_id)]


def test_links_of_unchanged_items_are_kept_and_equal_a_fresh_load(site_kb: Path) -> None:
    cache = LoadCache()
    project = load_project(site_kb / "mkdocs.yml")
    before, _ = build_knowledge_base(project, cache=cache)
    _edit(site_kb / STANDARD, "related: [answer-within-three-rings]", "related: []")
    after, _ = build_knowledge_base(project, cache=cache)
    fresh, _ = build_knowledge_base(project)
    assert [(link.source.id, link.target, link.path) for link in after.links] == [
        (link.source.id, link.target, link.path) for link in fresh.links]
    assert ("complaint-first-contact", "answer-within-three-rings", ("related", 0)) in _links(
        before, "answer-within-three-rings")
    assert _links(after, "answer-within-three-rings") == _links(fresh, "answer-within-three-rings")
    assert "complaint-first-contact" not in [source for source, _, _ in _links(after, "answer-within-three-rings")]
    unchanged = [link for link in after.links if link.source.id != "complaint-first-contact"]
    kept = {id(link) for link in before.links}
    assert unchanged and all(id(link) in kept for link in unchanged)  # the same objects, not made again
