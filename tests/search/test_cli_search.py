"""`kb search` through click's CliRunner: output, JSON, the index built when missing or stale, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search import indexer as search_index

HOSTILE = ['"', '"unbalanced', "AND", "OR", "NOT", "-", "*", "?", "😀", "a" * 3000, "((()))", "\\", "--",
           "<b>bold</b>", "' OR 1=1 --", "\u202e\u0000"]


def no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stdout + result.stderr


def test_builds_the_index_first_then_prints_readable_results(project_copy: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "reklamacji", "--lang", "pl", "--limit", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "kb search: the search index is missing or out of date; building it in .kb/cache/search …")
    assert "kb search: indexed 48 documents" in result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1. Zamykaj typowe reklamacje przy pierwszym kontakcie",
        "   standard · complaint-first-contact · pl · https://standards.example.com/pl/standards/complaint-first-contact/",
        "   Typowa [reklamacja] jest załatwiona, zanim klient zakończy kontakt.",
    ]
    assert result.stderr.splitlines()[-1] == "kb search: 2 of 3 result(s)"
    again = run_kb("search", "reklamacji", "--lang", "pl")
    assert "building" not in again.stderr  # fresh: not rebuilt


def test_rebuilds_after_a_content_change(project_copy: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    run_kb("search", "x")
    standard = project_copy / "standards/phone/answer-within-three-rings.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("A long wait", "A long kazoo wait"),
                        encoding="utf-8")
    result = run_kb("search", "kazoo")
    assert "building it in .kb/cache/search" in result.stderr
    assert "answer-within-three-rings" in result.stdout


def test_json_output(in_indexed: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "obsluga", "--lang", "pl", "--json")
    data = json.loads(result.stdout)
    assert data["query"] == "obsluga" and data["filters"] == {"lang": "pl"}
    first = data["results"][0]
    assert first["id"] == "answer-within-three-rings"
    assert first["href"] == "https://standards.example.com/pl/standards/answer-within-three-rings/"
    assert first["url"] == "/pl/standards/answer-within-three-rings/"
    assert "<mark>Obsługa</mark>" in first["snippet"]
    assert set(first) >= {"id", "lang", "kind", "kind_label", "title", "summary", "area", "channels", "roles",
                          "status", "score", "snippet", "snippet_pieces"}


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--kind", "checklist", {"weekly-huddle"}),
    ("--area", "delivery", {"delay-notice"}),
    ("--channel", "chat", {"chat-greeting-draft"}),
    ("--role", "warehouse", {"delay-notice", "answer-within-three-rings"}),  # the latter is for everyone
    ("--status", "draft", {"chat-greeting-draft"}),
])
def test_filter_options(in_indexed: Path, run_kb, option: str, value: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "klient", "--lang", "pl", option, value, "--json")
    assert {hit["id"] for hit in json.loads(result.stdout)["results"]} == expected


def test_several_words_without_quotes(in_indexed: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "odbieraj", "telefon", "--json", "--lang", "pl")
    assert json.loads(result.stdout)["results"][0]["id"] == "answer-within-three-rings"


def test_no_results(in_indexed: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "xyzzyq")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == "kb search: no results for 'xyzzyq'"


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "de"], "kb: unknown lang 'de' (expected one of: el, en, pl, ro)\n"),
    (["--kind", "standrd"], "kb: unknown kind 'standrd' (did you mean 'standard'?)\n"),
    (["--role", "agnet"], "kb: unknown role 'agnet' (did you mean 'agent'?)\n"),
])
def test_unknown_filter_value(in_indexed: Path, run_kb, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("search", "x", *args)
    assert result.exit_code == 2 and result.stderr == message


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_fail(in_indexed: Path, run_kb, text: str) -> None:  # type: ignore[no-untyped-def]
    for extra in ([], ["--json"]):
        result = run_kb("search", "--", text, *extra)
        no_traceback(result)
        assert result.exit_code == 0


def test_uses_the_built_sites_index_when_it_matches(project_copy: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base

    project = load_project("mkdocs.yml")
    kb, _ = build_knowledge_base(project)
    search_index.write_index(kb, project, project.site_dir)
    assert (project.site_dir / "_kb/search/fingerprint.json").is_file()
    result = run_kb("search", "reklamacji")
    assert "building" not in result.stderr and result.stdout.startswith("1. Zamykaj")


def test_content_errors_still_index_what_could_be_read(project_copy: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    (project_copy / "standards/phone/broken.yaml").write_text("kind: standard\nid: broken\n", encoding="utf-8")
    result = run_kb("search", "reklamacji")
    assert result.exit_code == 0
    assert "error(s) in the content (run `kb check`); indexing what could be read" in result.stderr
    assert "complaint-first-contact" in result.stdout


def test_missing_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = run_kb("search", "x")
    assert result.exit_code == 2 and result.stderr.startswith("kb: mkdocs.yml: config file not found")


@pytest.mark.parametrize("args", [
    ["call", "-listening"],
    ["-listening", "call"],
    ["call", "-n", "5", "-listening", "--json"],
    ["call", "--limit=5", "-listening", "--json"],
])
def test_a_word_starting_with_a_dash_is_excluded_not_read_as_an_option(in_indexed: Path, run_kb,  # type: ignore[no-untyped-def]
                                                                       args: list[str]) -> None:
    result = run_kb("search", *args, "--lang", "en", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["query"] in ("call -listening", "-listening call")
    ids = [hit["id"] for hit in data["results"]]
    assert "answer-within-three-rings" in ids and "active-listening" not in ids
    assert "active-listening" in [hit["id"] for hit in json.loads(
        run_kb("search", "call", "listening", "--lang", "en", "--json").stdout)["results"]]
