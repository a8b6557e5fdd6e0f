"""The search API called as a WSGI application: answers, status codes, limits, hostile input, index swaps."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from generator.search.api import MAX_QUERY, IndexHolder, SearchApi


def call(app, path: str, query: str = "", method: str = "GET") -> tuple[int, dict, dict]:  # type: ignore[no-untyped-def]
    seen: dict = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "wsgi.input": io.BytesIO()}
    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], json.loads(body.decode("utf-8"))


@pytest.fixture(scope="module")
def api(indexed):  # type: ignore[no-untyped-def]
    return SearchApi(IndexHolder([indexed.index]))


def search(api, **params: str):  # type: ignore[no-untyped-def]
    return call(api, "/api/search", urlencode(params))


def test_search_answers_json(api) -> None:  # type: ignore[no-untyped-def]
    status, headers, data = search(api, q="reklamacji", lang="pl", limit="2")
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert data["query"] == "reklamacji" and data["filters"] == {"lang": "pl"} and data["total"] == 3
    assert len(data["results"]) == 2 and data["results"][0]["id"] == "complaint-first-contact"
    assert data["results"][0]["url"] == "/pl/standards/complaint-first-contact/"
    assert data["results"][0]["snippet"] == (
        "Typowa <mark>reklamacja</mark> jest załatwiona, zanim klient zakończy kontakt.")


@pytest.mark.parametrize(("params", "expected"), [
    ({"kind": "checklist"}, {"weekly-huddle"}),
    ({"area": "delivery"}, {"delay-notice"}),
    ({"channel": "chat"}, {"chat-greeting-draft"}),
    ({"role": "warehouse"}, {"delay-notice", "answer-within-three-rings"}),
    ({"status": "draft"}, {"chat-greeting-draft"}),
    ({"lang": "el", "q": "πελατη"}, {"complaint-first-contact", "answer-within-three-rings"}),
])
def test_every_filter(api, params: dict[str, str], expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    status, _, data = search(api, **{"q": "klient", "lang": "pl", **params})
    assert status == 200 and {hit["id"] for hit in data["results"]} == expected


def test_empty_query_answers_an_empty_list(api) -> None:  # type: ignore[no-untyped-def]
    assert search(api, q="")[0:3:2] == (200, {"query": "", "filters": {}, "total": 0, "results": []})
    assert call(api, "/api/search")[0] == 200


def test_health(api) -> None:  # type: ignore[no-untyped-def]
    status, _, data = call(api, "/api/health")
    assert status == 200 and data["status"] == "ok" and data["documents"] == 48
    assert data["languages"] == ["en", "pl", "el", "ro"] and data["filters"]["channel"] == ["chat", "email", "phone"]


@pytest.mark.parametrize(("query", "error"), [
    ("q=x&lang=de", "unknown lang 'de' (expected one of: el, en, pl, ro)"),
    ("q=x&kind=standrd", "unknown kind 'standrd' (did you mean 'standard'?)"),
    ("q=x&role=agnet", "unknown role 'agnet' (did you mean 'agent'?)"),
    ("q=x&area=billing", "unknown area 'billing' (expected one of: complaints, delivery, phone)"),
    ("q=x&channel=fax", "unknown channel 'fax' (expected one of: chat, email, phone)"),
    ("q=x&status=retired", "unknown status 'retired' (expected one of: active, draft)"),
    ("q=x&limit=0", "limit must be a whole number from 1 to 50, got '0'"),
    ("q=x&limit=51", "limit must be a whole number from 1 to 50, got '51'"),
    ("q=x&limit=-1", "limit must be a whole number from 1 to 50, got '-1'"),
    ("q=x&limit=ten", "limit must be a whole number from 1 to 50, got 'ten'"),
    ("q=x&q=y", "parameter 'q' is given more than once"),
    ("q=" + "a" * (MAX_QUERY + 1), f"q is longer than {MAX_QUERY} characters"),
    ("q=" + "x" * 3000, "the query string is longer than 2048 characters"),
    ("&".join(f"p{i}=1" for i in range(30)), "too many parameters"),
])
def test_bad_parameters_are_a_400_with_a_json_error(api, query: str, error: str) -> None:  # type: ignore[no-untyped-def]
    status, headers, data = call(api, "/api/search", query)
    assert status == 400 and data == {"error": error}
    assert headers["Content-Type"] == "application/json; charset=utf-8"


def test_unknown_parameters_are_ignored(api) -> None:  # type: ignore[no-untyped-def]
    assert call(api, "/api/search", "q=reklamacji&_=12345")[0] == 200


def test_unknown_endpoint_and_method(api) -> None:  # type: ignore[no-untyped-def]
    status, _, data = call(api, "/api/nope")
    assert status == 404 and data["endpoints"] == ["/api/search", "/api/health"]
    status, headers, data = call(api, "/api/search", "q=x", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD" and data == {"error": "only GET is supported"}


@pytest.mark.parametrize("text", ['"', '"unbalanced', "AND", "OR", "NOT", "-", "*", "?", "😀", "🙂" * 100,
                                  "a" * MAX_QUERY, "%", "%00", "\x00", "<script>", "((", "\\", "NOT -*"])
def test_hostile_queries_answer_200(api, text: str) -> None:  # type: ignore[no-untyped-def]
    status, _, data = call(api, "/api/search", "q=" + quote(text) + "&lang=pl")
    assert status == 200 and isinstance(data["results"], list)


def test_broken_percent_encoding_is_read_not_refused(api) -> None:  # type: ignore[no-untyped-def]
    assert call(api, "/api/search", "q=%E2%28%A1&lang=pl")[0] == 200
    assert call(api, "/api/search", "q=%zz")[0] == 200


def test_no_index_is_a_503(tmp_path: Path) -> None:
    app = SearchApi(IndexHolder([tmp_path / "missing"]))
    assert call(app, "/api/search", "q=x")[0:3:2] == (503, {"error": "no search index; run `kb build`"})
    assert call(app, "/api/health")[0] == 503


def test_an_index_of_another_format_gives_way_to_the_next_folder(indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "old"
    shutil.copytree(indexed.index, old)
    manifest = json.loads((old / "fingerprint.json").read_text(encoding="utf-8"))
    (old / "fingerprint.json").write_text(json.dumps(dict(manifest, format=1)), encoding="utf-8")
    assert call(SearchApi(IndexHolder([old])), "/api/search", "q=x")[0] == 503
    app = SearchApi(IndexHolder([old, indexed.index]))
    assert call(app, "/api/search", "q=reklamacji&lang=pl")[2]["total"] == 3


def test_a_rebuilt_index_is_swapped_in(indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "search"
    shutil.copytree(indexed.index, folder)
    holder = IndexHolder([folder], check_every=0)
    app = SearchApi(holder)
    first = holder.get()
    assert call(app, "/api/search", "q=reklamacji")[0] == 200
    assert holder.get() is first  # unchanged: the same open index
    replacement = tmp_path / "new"
    shutil.copytree(indexed.index, replacement)
    manifest = json.loads((replacement / "fingerprint.json").read_text(encoding="utf-8"))
    manifest["documents"] = 4711
    (replacement / "fingerprint.json").write_text(json.dumps(manifest), encoding="utf-8")
    shutil.rmtree(folder)
    replacement.rename(folder)
    assert call(app, "/api/health")[2]["documents"] == 4711
    assert holder.get() is not first
    assert call(app, "/api/search", "q=reklamacji&lang=pl")[2]["total"] == 3
