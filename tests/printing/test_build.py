"""`write_pdfs` as `kb build` calls it: the site layout, the cache, and atomic writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from print_helpers import TODAY, load

from generator.printing.jobs import write_pdfs


@pytest.fixture
def rebuilt(built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the printed fixture knowledge base, cache included."""
    monkeypatch.setenv("KB_TODAY", TODAY)
    root = tmp_path / "kb"
    shutil.copytree(built.root, root)
    return root


def test_an_unchanged_knowledge_base_renders_nothing(rebuilt: Path, built, tmp_path: Path):
    kb, project = load(rebuilt)
    report = write_pdfs(kb, project, tmp_path / "site", rebuilt / ".kb" / "cache")
    assert (report.rendered, report.reused) == (0, 20)
    for pdf in report.pdfs:
        assert pdf.read_bytes() == (built.site / pdf.relative_to(tmp_path / "site")).read_bytes()


def test_changing_one_item_renders_only_that_item_in_each_language(rebuilt: Path, tmp_path: Path):
    path = rebuilt / "standards" / "checklists" / "warehouse-opening.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("First-aid kit is complete", "First-aid kit is full"),
                    encoding="utf-8")
    kb, project = load(rebuilt)
    cache = rebuilt / ".kb" / "cache"
    report = write_pdfs(kb, project, tmp_path / "site", cache)
    assert (report.rendered, report.reused) == (4, 16)
    assert len(list((cache / "print").glob("*.pdf"))) == 20  # the old versions were pruned
    assert not [p for p in (cache / "print").iterdir() if p.suffix != ".pdf"]


def test_the_cache_key_follows_everything_the_page_shows(rebuilt: Path):
    from generator.printing.jobs import make_job

    kb, project = load(rebuilt)
    item = kb.get("long-onboarding")
    key = make_job(kb, project, item, "el").key
    assert make_job(kb, project, item, "el").key == key  # deterministic
    assert make_job(kb, project, item, "ro").key != key  # language
    config = rebuilt / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("standards.example.com", "kb.example.org"),
                      encoding="utf-8")
    kb, project = load(rebuilt)
    assert make_job(kb, project, kb.get("long-onboarding"), "el").key != key  # the printed address
    role = rebuilt / "onboarding" / "roles" / "quality-auditor.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("Ελεγκτής ποιότητας", "Ελεγκτής"), encoding="utf-8")
    kb2, project2 = load(rebuilt)
    assert make_job(kb2, project2, kb2.get("long-onboarding"), "el").key != make_job(
        kb, project, kb.get("long-onboarding"), "el").key  # the mentor's title, from another file


def test_site_pdfs_are_hard_links_into_the_cache_and_readable(built):
    pdf = built.site / "print" / "weekly-huddle.pdf"
    assert pdf.stat().st_nlink >= 2
    assert pdf.stat().st_mode & 0o777 == 0o644
    assert (built.site / "print" / "weekly-huddle.html").stat().st_mode & 0o777 == 0o644


def test_a_failing_render_leaves_no_half_written_file(rebuilt: Path, tmp_path: Path, monkeypatch):
    from generator.printing import pdf

    def broken(html: str):  # type: ignore[no-untyped-def]
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(pdf, "html_to_pdf", broken)
    shutil.rmtree(rebuilt / ".kb" / "cache")
    kb, project = load(rebuilt)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_pdfs(kb, project, tmp_path / "site", rebuilt / ".kb" / "cache", workers=1)
    leftovers = [p for p in (rebuilt / ".kb" / "cache").rglob("*") if p.is_file()]
    assert leftovers == []
    assert not (tmp_path / "site" / "print").exists() or not os.listdir(tmp_path / "site" / "print")


def test_workers_start_safely_when_the_caller_runs_threads(tmp_path: Path):
    """`kb preview` has threads: then the pool uses a fork server instead of forking the threaded process."""
    import threading

    from print_helpers import pages_text

    from generator.printing.pdf import render_files

    html = "<html lang='pl'><title>t</title><body><p>Zażółć gęślą jaźń</p><input type=checkbox name=a></body></html>"
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        targets = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
        pages = render_files([(html, targets[0]), (html, targets[1])], workers=2)
    finally:
        stop.set()
    assert pages == {targets[0]: 1, targets[1]: 1}
    assert "Zażółć gęślą jaźń" in pages_text(targets[1])[0]
