"""`kb serve`: static files with their caching headers, the site's 404 page, the API, a real waitress server."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.search.manifest import site_index_dir
from generator.search.server import SiteApp, create_server

BUNDLE = "assets/javascripts/bundle.f55a23d4.min.js"


def make_site(site: Path, index: Path) -> Path:
    pages = {
        "index.html": "<h1>home</h1>", "404.html": "<h1>not here</h1>", "pl/index.html": "<h1>start</h1>",
        "pl/404.html": "<h1>nie ma</h1>", "standards/x/index.html": "<h1>x</h1>", BUNDLE: "var a;",
        "assets/kb/kb-search.js": "var b;", "assets/images/logo.png": "png",
    }
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    shutil.copytree(index, site_index_dir(site))
    return site


def get(app, path: str, query: str = "", headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    seen: dict = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info=None) -> None:  # type: ignore[no-untyped-def]
        seen["status"], seen["headers"] = int(status.split()[0]), dict(response_headers)

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "wsgi.input": io.BytesIO(),
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "wsgi.url_scheme": "http"}
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def site_app(indexed, tmp_path: Path) -> SiteApp:  # type: ignore[no-untyped-def]
    return SiteApp(make_site(tmp_path / "site", indexed.index), ["en", "pl"], check_every=0)


def test_html_is_revalidated_and_hashed_bundles_are_cached_for_a_year(site_app: SiteApp) -> None:
    status, headers, body = get(site_app, "/standards/x/")
    assert status == 200 and body == b"<h1>x</h1>" and headers["Cache-Control"] == "no-cache"
    assert "ETag" in headers or "Etag" in headers
    status, headers, _ = get(site_app, "/" + BUNDLE)
    assert status == 200 and headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert get(site_app, "/assets/kb/kb-search.js")[1]["Cache-Control"] == "no-cache"
    assert get(site_app, "/assets/images/logo.png")[1]["Cache-Control"] == "public, max-age=86400"


def test_unchanged_page_is_a_304(site_app: SiteApp) -> None:
    _, headers, _ = get(site_app, "/pl/")
    etag = headers.get("ETag") or headers["Etag"]
    assert get(site_app, "/pl/", headers={"If-None-Match": etag})[0] == 304


def test_directory_without_slash_redirects(site_app: SiteApp) -> None:
    status, headers, _ = get(site_app, "/standards/x")
    assert status == 302 and headers["Location"] == "x/"


def test_missing_page_is_the_sites_404_in_its_language(site_app: SiteApp) -> None:
    assert get(site_app, "/nope/")[0:3:2] == (404, b"<h1>not here</h1>")
    assert get(site_app, "/pl/nope/")[0:3:2] == (404, b"<h1>nie ma</h1>")


def test_index_files_are_not_served(site_app: SiteApp) -> None:
    assert get(site_app, "/_kb/search/fingerprint.json")[0] == 404


def test_api_beside_the_site(site_app: SiteApp) -> None:
    status, headers, body = get(site_app, "/api/search", "q=reklamacji&lang=pl")
    assert status == 200 and json.loads(body)["results"][0]["id"] == "complaint-first-contact"


def test_a_new_build_is_picked_up(site_app: SiteApp, indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert get(site_app, "/new/")[0] == 404
    staged = make_site(tmp_path / "staged", indexed.index)
    (staged / "new").mkdir()
    (staged / "new/index.html").write_text("<h1>new</h1>", encoding="utf-8")
    old = tmp_path / "old"
    os.replace(site_app.site_dir, old)
    os.replace(staged, site_app.site_dir)
    assert get(site_app, "/new/")[0:3:2] == (200, b"<h1>new</h1>")


def test_waitress_serves_the_site_and_the_api(site_app: SiteApp) -> None:
    server = create_server(site_app, "127.0.0.1", 0, threads=2)
    stop = threading.Event()
    thread = threading.Thread(target=serve_until, args=(server, stop), daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.effective_port}"
        with urllib.request.urlopen(base + "/api/search?q=obsluga&lang=pl") as response:
            assert response.status == 200
            assert json.loads(response.read())["results"][0]["id"] == "answer-within-three-rings"
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(base + "/api/search?q=x&limit=999")
        assert error.value.code == 400 and json.loads(error.value.read())["error"].startswith("limit must be")
        with urllib.request.urlopen(base + "/pl/") as response:
            assert response.read() == b"<h1>start</h1>"
    finally:
        stop.set()
        thread.join(5)
        server.close()  # only once the loop has left select(): closing under it races (EBADF in the thread)


def serve_until(server, stop: threading.Event) -> None:  # type: ignore[no-untyped-def]
    """waitress's own loop, one short round at a time, so the test can end it before closing the sockets."""
    while not stop.is_set():
        server.asyncore.loop(timeout=0.05, map=server._map, count=1)


def start_serve(root: Path, *args: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, KB_TODAY="2026-11-23", PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0", *args], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = process.stdout.readline().strip()  # type: ignore[union-attr]
    return process, url


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "api/health") as response:
                assert json.loads(response.read())["status"] == "ok"
                return
        except urllib.error.URLError:
            assert time.monotonic() < deadline
            time.sleep(0.1)


def test_kb_serve_command(indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kb"
    shutil.copytree(indexed.root, root)
    make_site(root / "site", indexed.index)
    process, url = start_serve(root, "--workers", "1")
    try:
        assert url.startswith("http://127.0.0.1:")
        wait_until_up(url)
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert err.startswith(f"kb serve: serving site on {url} (search API: {url}api/search); Ctrl+C stops")
    assert "Traceback" not in err


def test_kb_serve_with_worker_processes_stops_them_all(indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kb"
    shutil.copytree(indexed.root, root)
    make_site(root / "site", indexed.index)
    process, url = start_serve(root, "--workers", "2")
    try:
        wait_until_up(url)
        for _ in range(10):
            with urllib.request.urlopen(url + "api/search?q=reklamacji&lang=pl") as response:
                assert json.loads(response.read())["results"][0]["id"] == "complaint-first-contact"
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "2 worker processes" in err and "Traceback" not in err
    with pytest.raises(urllib.error.URLError):  # no worker left behind
        urllib.request.urlopen(url + "api/health", timeout=2)


def test_kb_serve_says_when_the_site_is_older_than_the_content(indexed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kb"
    shutil.copytree(indexed.root, root)
    make_site(root / "site", indexed.index)
    standard = root / "standards/phone/answer-within-three-rings.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("A long wait", "A longer wait"), encoding="utf-8")
    process, url = start_serve(root, "--workers", "1")
    try:
        wait_until_up(url)
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert err.splitlines()[0] == (
        "kb serve: site is older than the content (it changed since the last `kb build`); run `kb build` to "
        "update it: kb serve picks the new build up without a restart")
    assert err.splitlines()[1].startswith(f"kb serve: serving site on {url}")


def test_kb_serve_port_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_kb, indexed) -> None:  # type: ignore[no-untyped-def]
    import socket

    root = tmp_path / "kb"
    shutil.copytree(indexed.root, root)
    make_site(root / "site", indexed.index)
    monkeypatch.chdir(root)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_kb("serve", "--port", str(port))
    assert result.exit_code == 2 and result.stderr.startswith(f"kb: cannot listen on 127.0.0.1:{port}: ")


def test_kb_serve_builds_a_missing_site_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              run_kb, indexed) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kb"
    shutil.copytree(indexed.root, root, ignore=shutil.ignore_patterns("site"))
    monkeypatch.chdir(root)
    calls = []

    def fake_build(args, check=False):  # type: ignore[no-untyped-def]
        calls.append(args[1:])
        return subprocess.CompletedProcess(args, 1)

    monkeypatch.setattr(subprocess, "run", fake_build)
    result = run_kb("serve", "--port", "0")
    assert calls == [["-m", "generator", "build", "-f", "mkdocs.yml"]]
    assert result.stderr == (
        "kb serve: there is no built site in site; running `kb build` first\n"
        "kb: the site could not be built (see above); fix it and run `kb serve` again\n")
    assert result.exit_code == 2
