"""Incremental `kb build`: pages whose inputs did not change come from .kb/cache/pages, same bytes as a cold build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.config import load_project

STANDARD = Path("standards") / "complaints" / "complaint-first-contact.yaml"


def site_files(site: Path) -> dict[str, bytes]:
    """Every file's bytes by path (the search index's segments are named after their content)."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def built(root: Path, cache: bool = True) -> tuple[dict[str, bytes], list[str]]:
    messages: list[str] = []
    result = build(load_project(root / "mkdocs.yml"), pdf=False, jobs=1, progress=messages.append, cache=cache)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return site_files(root / "site"), messages


def test_an_incremental_build_after_a_change_is_a_cold_build_of_the_changed_content(
        site_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Change one standard, add one, delete one: every byte (search index included) as a cold build's."""
    from generator.search import chunks

    monkeypatch.setattr(chunks, "MIN_SPAN", 2)  # the search index in several chunks, even this small one
    first, messages = built(site_kb)
    assert not any("reused" in message for message in messages)  # nothing cached yet
    standard = site_kb / STANDARD
    standard.write_text(standard.read_text("utf-8").replace(
        "Listen to the whole story", "Listen to the WHOLE story"), "utf-8")
    _, messages = built(site_kb)
    reused = [message for message in messages if "unchanged pages reused" in message]
    assert [message.split(":")[0] for message in reused] == ["en", "pl", "el"]
    found = [message for message in messages if message.startswith("search index:")]
    assert len(found) == 1 and re.fullmatch(r"search index: 1 of ([2-9]|\d\d) chunks indexed anew, the others reused",
                                            found[0]), found
    (site_kb / "standards" / "phone" / "call-back-on-time.yaml").write_text(
        "kind: standard\nid: call-back-on-time\ntitle: Call back when promised\narea: phone\nroles: [agent]\n"
        "statement: We call back within the promised hour.\nowner: team-lead\n", "utf-8")
    (site_kb / "standards" / "complaints" / "returns-without-receipt.yaml").unlink()
    incremental, _ = built(site_kb)  # the list of pages changed: their links are checked again
    shutil.rmtree(site_kb / ".kb" / "cache")
    cold, _ = built(site_kb, cache=False)
    assert not (site_kb / ".kb" / "cache" / "pages").exists()
    assert incremental.keys() == cold.keys()
    assert [name for name in cold if incremental[name] != cold[name]] == []
    changed = [name for name in cold if first.get(name) != cold[name]]
    assert "standards/complaint-first-contact/index.html" in changed
    assert any(name.startswith("_kb/search/static/en/") for name in changed)  # the search index too
    assert b"Listen to the WHOLE story" in incremental["standards/complaint-first-contact/index.html"]
    assert "standards/call-back-on-time/index.html" in incremental
    assert "standards/returns-without-receipt/index.html" in first
    assert "standards/returns-without-receipt/index.html" not in incremental


def test_a_no_change_rebuild_leaves_the_site_as_it_is(site_kb: Path) -> None:
    first, _ = built(site_kb)
    inode = (site_kb / "site").stat().st_ino
    again, messages = built(site_kb)
    assert again == first
    assert "nothing changed since the last build: site/ is up to date" in messages
    assert not any(message.startswith(("en: built", "pl: built")) for message in messages)
    assert (site_kb / "site").stat().st_ino == inode  # not swapped: the same folder


def test_a_rebuild_after_the_site_was_touched_reuses_every_page(site_kb: Path) -> None:
    first, _ = built(site_kb)
    (site_kb / "site" / "index.html").write_text("edited by hand", "utf-8")
    again, messages = built(site_kb)
    assert again == first
    assert [message for message in messages if "unchanged pages reused" in message] == [
        f"{lang}: built (37 unchanged pages reused; kb rendered 0 of 37)" for lang in ("en", "pl", "el")]  # every page


def test_a_new_day_builds_again(site_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review status depends on the date: the same content on another day is another build."""
    monkeypatch.setenv("KB_TODAY", "2026-01-01")
    built(site_kb)
    monkeypatch.setenv("KB_TODAY", "2026-01-02")
    _, messages = built(site_kb)
    assert not any("up to date" in message for message in messages)
    assert any(message.startswith("en: built") for message in messages)


def test_unchanged_pages_are_kept_from_the_last_site_and_the_rest_is_a_cold_build(site_kb: Path) -> None:
    """After one standard's text or title changed, every page MkDocs does not need to build again is the
    previous site's file (the same inode: linked, not written), and the site is a cold build's bytes."""
    built(site_kb)
    site = site_kb / "site"
    pages = {path.relative_to(site).as_posix(): path.stat().st_ino for path in site.rglob("*.html")}
    standard = site_kb / STANDARD
    standard.write_text(standard.read_text("utf-8").replace(
        "Listen to the whole story", "Listen to the WHOLE story"), "utf-8")
    text_changed, messages = built(site_kb)
    told = [message.split("; ")[-1] for message in messages if ": built (" in message]
    assert told == ["kb rendered 1 of 37)"] * 3  # the rest: the Markdown kept from the last build
    trash = site_kb / ".kb" / "cache" / "trash"
    replaced = list(trash.iterdir())  # the site this build replaced, removed by the next one
    assert len(replaced) == 1 and (replaced[0] / "standards" / "index.html").is_file()
    kept = {name for name, inode in pages.items() if (site / name).stat().st_ino == inode}
    assert "standards/complaint-first-contact/index.html" not in kept
    assert "standards/index.html" in kept and "pl/standards/index.html" in kept
    assert "standards/answer-within-three-rings/index.html" in kept
    assert len(kept) >= len(pages) - 6, sorted(set(pages) - kept)
    standard.write_text(standard.read_text("utf-8").replace(
        "title:\n  en: ", "title:\n  en: Renamed ", 1), "utf-8")
    pages = {path.relative_to(site).as_posix(): path.stat().st_ino for path in site.rglob("*.html")}
    title_changed, messages = built(site_kb)
    assert not any("kb rendered" in message for message in messages)  # every page: the title shows on others
    assert [path.name for path in trash.iterdir()] != [replaced[0].name] and not replaced[0].exists()
    assert (site / "standards" / "index.html").stat().st_ino != pages["standards/index.html"]  # lists the title
    assert b"Renamed " in (site / "standards" / "index.html").read_bytes()
    shutil.rmtree(site_kb / ".kb" / "cache")
    cold, _ = built(site_kb, cache=False)
    assert [name for name in cold if title_changed.get(name) != cold[name]] == []
    assert title_changed.keys() == cold.keys()
    assert b"Listen to the WHOLE story" in text_changed["standards/complaint-first-contact/index.html"]


def test_after_a_failed_build_the_next_one_renders_every_page(site_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept projects may hold pages of the failed build: the next build cannot trust them."""
    import generator.build

    built(site_kb)
    standard = site_kb / STANDARD
    standard.write_text(standard.read_text("utf-8").replace("title:\n  en: ", "title:\n  en: Renamed ", 1), "utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(generator.build, "add_outputs", lambda *args: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            built(site_kb)
    standard.write_text(standard.read_text("utf-8").replace("title:\n  en: Renamed ", "title:\n  en: ", 1), "utf-8")
    again, messages = built(site_kb)
    assert not any("kb rendered" in message for message in messages)  # every page
    assert b"Renamed " not in again["standards/index.html"]
    shutil.rmtree(site_kb / ".kb" / "cache")
    cold, _ = built(site_kb, cache=False)
    assert again == cold


def test_with_a_plugin_kb_does_not_know_every_page_goes_through_mkdocs(site_kb: Path) -> None:
    """Material's tags plugin can change a page after another page changed: no page is kept as it was."""
    config = site_kb / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "plugins:\n  - search\n  - tags\n", "utf-8")
    built(site_kb)
    before = (site_kb / "site" / "standards" / "index.html").stat().st_ino
    standard = site_kb / STANDARD
    standard.write_text(standard.read_text("utf-8").replace(
        "Listen to the whole story", "Listen to the WHOLE story"), "utf-8")
    built(site_kb)
    assert (site_kb / "site" / "standards" / "index.html").stat().st_ino != before
