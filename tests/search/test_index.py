"""Building the index: documents per item and language, the fingerprint, reuse when nothing changed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.search import engine, indexer
from generator.search.documents import plain_text, search_documents
from generator.search.manifest import MANIFEST, cache_index_dir, fresh_index, is_fresh, site_index_dir


def test_one_document_per_active_item_and_language(indexed) -> None:  # type: ignore[no-untyped-def]
    docs = list(search_documents(indexed.kb))
    keys = {doc.key for doc in docs}
    assert len(docs) == 48 == len(keys)  # 12 active items (retired and taxonomy left out) x 4 languages
    assert "pl:complaint-first-contact" in keys and not any("zeppelin" in key for key in keys)
    pl = next(doc for doc in docs if doc.key == "pl:delay-notice")
    assert pl.url == "/pl/standards/delay-notice/" and pl.title == "Powiadom klienta o opóźnieniu, zanim zapyta"
    assert pl.texts[("fallback", "en")][:2] == ["Ask the courier for the new delivery date.",
                                                 "Send the delay template with the new date and an apology."]
    assert ("body", "pl") in pl.texts and ("title", "pl") in pl.texts
    assert pl.channels == ("email",) and pl.roles == ("warehouse",) and pl.area == "delivery"


def test_markdown_becomes_plain_text() -> None:
    assert plain_text("**Bold** and _it_ with a [link](https://x.y) and `code`\n\n- item") == \
        "Bold and it with a link and code item"


def test_manifest_records_languages_and_filter_values(indexed) -> None:  # type: ignore[no-untyped-def]
    manifest = json.loads((indexed.index / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["languages"] == ["en", "pl", "el", "ro"] and manifest["documents"] == 48
    assert manifest["facets"]["role"] == ["agent", "team-lead", "warehouse"]
    forms = json.loads((indexed.index / "forms.json").read_text(encoding="utf-8"))
    assert forms["ro"]["reclamatie"] == ["reclam"]  # reclamație stems to reclam, reclamatie to reclamat


def test_fresh_until_the_content_changes(project_copy: Path) -> None:
    project = index_it(project_copy)
    folder = cache_index_dir(project)
    assert is_fresh(folder, project)
    standard = project_copy / "standards/phone/answer-within-three-rings.yaml"
    os.utime(standard, (1, 1))  # touched, same bytes: still fresh (the bytes are compared)
    assert is_fresh(folder, project)
    standard.write_text(standard.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert not is_fresh(folder, project)
    (project_copy / "standards/phone/new.yaml").write_text("kind: x\n", encoding="utf-8")
    assert fresh_index(project) is None


def index_it(root: Path):  # type: ignore[no-untyped-def]
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base

    project = load_project(root / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    indexer.build_index(kb, project, cache_index_dir(project))
    return project


def test_write_index_reuses_an_index_of_the_same_content(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base

    project = load_project(project_copy / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    builds = []
    real_assemble = engine.assemble
    monkeypatch.setattr(engine, "assemble", lambda *args: builds.append(1) or real_assemble(*args))
    indexer.write_index(kb, project, project.site_dir)
    assert builds == [1] and is_fresh(site_index_dir(project.site_dir), project)
    assert not cache_index_dir(project).exists()  # built where it is used, not built and copied
    indexer.write_index(kb, project, project_copy / "another-site")
    assert builds == [1]  # copied from the site, not built again
    assert (site_index_dir(project_copy / "another-site") / MANIFEST).is_file()


def test_a_failed_build_leaves_the_old_index(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = index_it(project_copy)
    folder = cache_index_dir(project)
    before = (folder / MANIFEST).read_text(encoding="utf-8")

    def broken(*args):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(engine, "assemble", broken)
    from generator.content.pipeline import build_knowledge_base

    kb, _ = build_knowledge_base(project)
    with pytest.raises(OSError):
        indexer.build_index(kb, project, folder)
    assert (folder / MANIFEST).read_text(encoding="utf-8") == before
    assert sorted(p.name for p in folder.parent.iterdir()) == ["search", "search-chunks"]  # no staging left


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_change_rewrites_one_chunk_and_gives_the_bytes_of_a_cold_build(project_copy: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search import chunks

    monkeypatch.setattr(chunks, "MIN_SPAN", 2)  # several chunks from the starter's few items
    project = index_it(project_copy)
    chunk_folders = project_copy / ".kb" / "cache" / "search-chunks"
    before = {path.name for path in chunk_folders.iterdir()}
    assert len(before) > 2
    standard = project_copy / "standards/phone/answer-within-three-rings.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("rings", "ringsss", 1), encoding="utf-8")
    made = []
    real_make = chunks.ChunkStore._make
    monkeypatch.setattr(chunks.ChunkStore, "_make", lambda self, *args: made.append(1) or real_make(self, *args))
    kb, _ = build_knowledge_base(project)
    folder = cache_index_dir(project)
    indexer.build_index(kb, project, folder)
    assert made == [1]  # only the changed standard's chunk was analysed and written
    after = {path.name for path in chunk_folders.iterdir()}
    assert len(after - before) == 1 and len(before - after) == 1  # the old chunk was pruned
    incremental = _files(folder)
    shutil.rmtree(project_copy / ".kb")
    indexer.build_index(kb, load_project(project_copy / "mkdocs.yml"), project_copy / "cold")
    cold = _files(project_copy / "cold")
    assert incremental.keys() == cold.keys()
    assert [name for name in cold if incremental[name] != cold[name]] == []  # segment names included
    assert any(name.endswith(".seg") for name in cold) and len([n for n in cold if n.endswith(".seg")]) == len(after)


def test_runs_end_after_the_same_items_whatever_is_added() -> None:
    from generator.search.chunks import runs
    from generator.search.documents import SearchDoc

    def ids(names: list[str]) -> list[list[str]]:
        docs = [SearchDoc(id=name, lang=lang, kind="standard", url="/", title=name) for name in names
                for lang in ("en", "pl")]
        return [sorted({doc.id for doc in run}) for run in runs(docs, 4)]

    names = [f"item-{number:03}" for number in range(60)]
    first = ids(names)
    assert 5 < len(first) < 40 and sorted(sum(first, [])) == names  # every item once, both languages together
    second = ids(sorted([*names, "item-0305"]))
    changed = [run for run in second if run not in first]
    assert len(changed) in (1, 2) and "item-0305" in sum(changed, [])  # its own run (or the run it splits)
    assert sum(len(run) for run in first if run not in second) <= len(sum(changed, []))


def test_a_rebuilt_browser_index_links_the_files_that_did_not_change(project_copy: Path) -> None:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search import static

    project = load_project(project_copy / "mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    old = site_index_dir(project.site_dir)
    indexer.write_index(kb, project, project.site_dir)
    meta = old / "static" / "pl" / "meta.json"
    meta.unlink()
    meta.symlink_to(old / "static" / "en" / "meta.json")  # a link in the old site is never followed
    standard = project_copy / "standards/phone/answer-within-three-rings.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("rings", "ringsss", 1), encoding="utf-8")
    kb, _ = build_knowledge_base(project)
    new = indexer.write_index(kb, project, project_copy / "staged")
    pairs = [(path, old / path.relative_to(new)) for path in (new / static.FOLDER).rglob("*.json")]
    same = [new_file for new_file, old_file in pairs
            if old_file.exists() and not old_file.is_symlink() and new_file.read_bytes() == old_file.read_bytes()]
    shared = [new_file for new_file, old_file in pairs if old_file.exists() and new_file.samefile(old_file)]
    assert shared == same and 50 < len(shared) < len(pairs)  # every unchanged file linked, no other
    assert not (new / "static" / "pl" / "meta.json").is_symlink()
    assert json.loads((new / "static" / "pl" / "meta.json").read_text("utf-8"))["lang"] == "pl"
    assert {p.relative_to(new).as_posix() for p in new.rglob("*")} >= {"static/pl/meta.json", "static/en/meta.json"}
