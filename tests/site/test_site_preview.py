"""`kb preview`: re-render only what a change affects, survive content errors, reload in the browser."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.site.preview import Preview

STANDARD = Path("standards") / "complaints" / "complaint-first-contact.yaml"


@pytest.fixture
def preview(site_kb: Path, tmp_path: Path) -> Preview:
    watcher = Preview(site_kb / "mkdocs.yml", tmp_path / "preview")
    first = watcher.refresh(build_site=False)
    assert first.errors == [] and first.pages_written > 100
    return watcher


def docs(preview: Preview, lang: str = "en") -> Path:
    return preview.projects[lang].docs


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    time.sleep(0.01)


def test_a_change_rewrites_only_the_pages_it_affects(site_kb: Path, preview: Preview) -> None:
    page = docs(preview) / "standards" / "complaint-first-contact.md"
    untouched = docs(preview) / "competencies" / "product-knowledge.md"
    stamp = untouched.stat().st_mtime_ns
    edit(site_kb / STANDARD, "Listen to the whole story", "Listen to the WHOLE story")
    report = preview.refresh(build_site=False)
    assert report.errors == []
    assert "Listen to the WHOLE story" in page.read_text("utf-8")
    assert untouched.stat().st_mtime_ns == stamp
    assert 0 < report.pages_written < 10


def test_a_title_change_reaches_the_pages_that_link_to_it(site_kb: Path, preview: Preview) -> None:
    other_area = docs(preview) / "areas" / "phone.md"
    stamp = other_area.stat().st_mtime_ns
    edit(site_kb / STANDARD, "en: Close typical complaints at the first contact",
         "en: Settle typical complaints at the first contact")
    assert preview.refresh(build_site=False).errors == []
    assert other_area.stat().st_mtime_ns == stamp  # another area's list does not show this standard
    for doc in ("paths/agent-first-week.md", "checklists/weekly-huddle.md", "principles/speed.md",
                "areas/complaints.md", "roles/agent.md"):
        assert "Settle typical complaints at the first contact" in (docs(preview) / doc).read_text("utf-8"), doc


def test_a_title_change_reaches_the_prose_that_names_its_id(site_kb: Path, preview: Preview) -> None:
    page = docs(preview, "pl") / "standards" / "complaint-first-contact.md"
    assert "[Przyjmuj zwroty bez paragonu](../standards/returns-without-receipt.md)" in page.read_text("utf-8")
    edit(site_kb / "standards" / "complaints" / "returns-without-receipt.yaml", "pl: Przyjmuj zwroty bez paragonu",
         "pl: Zwroty bez paragonu")
    assert preview.refresh(build_site=False).errors == []
    assert "[Zwroty bez paragonu](../standards/returns-without-receipt.md)" in page.read_text("utf-8")


def test_a_role_title_change_reaches_every_list_that_shows_the_role(site_kb: Path, preview: Preview) -> None:
    edit(site_kb / "onboarding" / "roles" / "agent.yaml", "en: Customer service agent", "en: Service agent")
    preview.refresh(build_site=False)
    for doc in ("areas/complaints.md", "standards/complaint-first-contact.md", "index.md", "matrix.md"):
        assert "[Service agent]" in (docs(preview) / doc).read_text("utf-8"), doc


def test_adding_and_deleting_a_file(site_kb: Path, preview: Preview) -> None:
    new = site_kb / "standards" / "phone" / "call-back-on-time.yaml"
    new.write_text(
        "kind: standard\nid: call-back-on-time\ntitle: Call back when promised\narea: phone\nroles: [agent]\n"
        "statement: We call back within the promised hour.\nowner: team-lead\n", "utf-8")
    preview.refresh(build_site=False)
    page = docs(preview) / "standards" / "call-back-on-time.md"
    assert page.is_file() and "Call back when promised" in (docs(preview) / "areas" / "phone.md").read_text("utf-8")
    new.unlink()
    preview.refresh(build_site=False)
    assert not page.exists()
    assert "Call back when promised" not in (docs(preview) / "areas" / "phone.md").read_text("utf-8")


def test_a_yaml_error_is_reported_and_the_last_good_pages_stay(site_kb: Path, preview: Preview) -> None:
    page = docs(preview) / "standards" / "complaint-first-contact.md"
    before = page.read_text("utf-8")
    (site_kb / STANDARD).write_text("kind: standard\nid: complaint-first-contact\ntitle: [oops\n", "utf-8")
    report = preview.refresh(build_site=False)
    assert "standards/complaints/complaint-first-contact.yaml:4:1: error: YAML syntax error" in "\n".join(report.errors)
    assert page.read_text("utf-8") == before
    for status in (preview.site_root / "_kb" / "preview.json", preview.site_root / "pl" / "_kb" / "preview.json"):
        assert json.loads(status.read_text("utf-8"))["errors"] == report.errors


def test_a_broken_config_is_reported_too(site_kb: Path, preview: Preview) -> None:
    (site_kb / "mkdocs.yml").write_text("site_name: [broken\n", "utf-8")
    report = preview.refresh(build_site=False)
    assert report.errors and "mkdocs.yml" in report.errors[0]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float = 90.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out waiting for the preview")


@pytest.mark.slow
def test_the_preview_server_rebuilds_after_an_edit_and_survives_an_error(site_kb: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "preview", "--port", str(port), "--lang", "en"],
        cwd=site_kb, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: "Close typical complaints" in _get(base + "standards/complaint-first-contact/"))
        assert "livereload" in _get(base)
        (site_kb / STANDARD).write_text("kind: standard\nid: complaint-first-contact\ntitle: [oops\n", "utf-8")
        _wait_for(lambda: json.loads(_get(base + "_kb/preview.json"))["errors"])
        assert server.poll() is None
        (site_kb / STANDARD).write_text((Path(__file__).parent.parent / "fixtures" / "site-kb" / STANDARD)
                                        .read_text("utf-8").replace("at the first contact", "at once"), "utf-8")
        _wait_for(lambda: "Close typical complaints at once" in _get(base + "standards/complaint-first-contact/"))
        assert json.loads(_get(base + "_kb/preview.json"))["errors"] == []
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "kb preview: the content has errors" in output
    assert "Traceback" not in output


def test_a_preview_of_some_languages_offers_only_those_in_the_switcher(site_kb: Path, tmp_path: Path,
                                                                       preview: Preview) -> None:
    def switcher(watcher: Preview, lang: str) -> list[str]:
        from generator.configyaml import load_config_text  # keeps MkDocs' tags

        config = load_config_text(watcher.projects[lang].config_file.read_bytes()).data
        return [entry["lang"] for entry in config["extra"].get("alternate", [])]

    assert switcher(preview, "pl") == ["en", "pl", "el"]  # every language of the site
    some = Preview(site_kb / "mkdocs.yml", tmp_path / "some", ["en", "pl"])
    assert some.refresh(build_site=False).errors == []
    assert set(some.projects) == {"en", "pl"}
    assert switcher(some, "en") == switcher(some, "pl") == ["en", "pl"]


def test_the_preview_does_not_read_the_config_file_as_content(site_kb: Path, tmp_path: Path) -> None:
    config = site_kb / "mkdocs.yml"
    edit(config, "content: [standards, onboarding]", "content: [.]")
    report = Preview(config, tmp_path / "preview").refresh(build_site=False)
    assert report.errors == []
    assert report.pages_written > 100


def test_the_preview_and_the_search_freshness_check_read_the_same_files(site_kb: Path) -> None:
    from generator.config import load_project
    from generator.content.pipeline import LoadCache, build_knowledge_base
    from generator.search.manifest import content_files

    project = load_project(site_kb / "mkdocs.yml")
    (site_kb / "standards" / "notes.yml").write_text("kind: principle\nid: notes\ntitle: Notes\n", "utf-8")
    (site_kb / "standards" / ".hidden.yaml").write_text("not: content\n", "utf-8")
    (site_kb / "standards" / "readme.txt").write_text("not content\n", "utf-8")
    cache = LoadCache()
    kb, _ = build_knowledge_base(project, cache=cache)
    loaded = sorted(Path(item.origin.path) for item in kb.items.values())
    listed = content_files(project)
    assert listed[0] == project.config_path and sorted(listed[1:]) == loaded
    assert site_kb / "standards" / "notes.yml" in loaded


def _site(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_rebuild_writes_only_changed_pages_and_equals_a_fresh_preview(site_kb: Path, tmp_path: Path) -> None:
    watcher = Preview(site_kb / "mkdocs.yml", tmp_path / "watcher", ["en", "pl"])
    assert watcher.refresh().errors == []
    site = watcher.site_root
    new = site_kb / "standards" / "phone" / "call-back-on-time.yaml"
    new.write_text("kind: standard\nid: call-back-on-time\ntitle: Call back when promised\narea: phone\n"
                   "roles: [agent]\nstatement: We call back within the promised hour.\nowner: team-lead\n", "utf-8")
    assert watcher.refresh().errors == []
    assert (site / "standards" / "call-back-on-time" / "index.html").is_file()
    new.unlink()
    assert watcher.refresh().errors == []
    assert not (site / "standards" / "call-back-on-time").exists()
    untouched = site / "pl" / "competencies" / "product-knowledge" / "index.html"
    stamp = untouched.stat().st_mtime_ns
    edit(site_kb / STANDARD, "Listen to the whole story", "Listen to the WHOLE story")
    report = watcher.refresh()
    assert report.errors == [] and report.languages_built == ["en", "pl"]
    assert report.pages_rebuilt_alone > 0  # MkDocs rebuilt the changed pages only, not the whole site
    assert untouched.stat().st_mtime_ns == stamp  # not written again
    assert "Listen to the WHOLE story" in (site / "standards" / "complaint-first-contact" / "index.html").read_text()
    fresh = Preview(site_kb / "mkdocs.yml", tmp_path / "fresh", ["en", "pl"])
    assert fresh.refresh().errors == []
    built, expected = _site(site), _site(fresh.site_root)
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []


def test_a_title_change_and_a_fixed_yaml_error_give_the_site_of_a_fresh_preview(site_kb: Path,
                                                                                 tmp_path: Path) -> None:
    watcher = Preview(site_kb / "mkdocs.yml", tmp_path / "watcher", ["en", "pl"])
    assert watcher.refresh().errors == []
    edit(site_kb / STANDARD, "Listen to the whole story", "Listen to the WHOLE story")  # rebuilt alone
    assert watcher.refresh().pages_rebuilt_alone > 0
    edit(site_kb / STANDARD, "en: Close typical complaints at the first contact", "en: Settle complaints at once")
    assert watcher.refresh().errors == []  # the navigation's titles changed: a whole build
    good = (site_kb / STANDARD).read_text("utf-8")
    (site_kb / STANDARD).write_text(good.replace("title:\n", "title: [oops\n", 1), "utf-8")
    errors = watcher.refresh().errors
    assert errors and errors[0].startswith(f"{STANDARD.as_posix()}:")
    assert json.loads((watcher.site_root / "_kb" / "preview.json").read_text("utf-8"))["errors"] == errors
    (site_kb / STANDARD).write_text(good.replace("Listen to the WHOLE story", "Listen to the story"), "utf-8")
    assert watcher.refresh().errors == []
    page = (watcher.site_root / "standards" / "index.html").read_text("utf-8")
    assert "Settle complaints at once" in page  # the standards index lists the new title
    fresh = Preview(site_kb / "mkdocs.yml", tmp_path / "fresh", ["en", "pl"])
    assert fresh.refresh().errors == []
    built, expected = _site(watcher.site_root), _site(fresh.site_root)
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []


def test_pages_rebuilt_alone_whose_sections_change_give_the_search_index_of_a_fresh_preview(
        site_kb: Path, tmp_path: Path) -> None:
    watcher = Preview(site_kb / "mkdocs.yml", tmp_path / "watcher", ["en", "pl"])
    assert watcher.refresh().errors == []
    other = site_kb / "standards" / "phone" / "answer-within-three-rings.yaml"
    for path, old, new in [
        (site_kb / STANDARD, "    A decision on the spot", "    ### On the spot\n\n    A decision on the spot"),
        (other, "within **three rings**", "within **3 rings**"),  # a page after it: its entries moved
        (site_kb / STANDARD, "Listen to the whole story", "Listen to the WHOLE story"),
    ]:
        edit(path, old, new)
        assert watcher.refresh().pages_rebuilt_alone > 0
    index = json.loads((watcher.site_root / "search" / "search_index.json").read_text("utf-8"))
    assert any(entry["title"] == "On the spot" for entry in index["docs"])
    fresh = Preview(site_kb / "mkdocs.yml", tmp_path / "fresh", ["en", "pl"])
    assert fresh.refresh().errors == []
    built, expected = _site(watcher.site_root), _site(fresh.site_root)
    assert built.keys() == expected.keys()
    assert [name for name in expected if built[name] != expected[name]] == []
