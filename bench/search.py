"""Search benchmark on a synthetic knowledge base: index build, query latency, cold CLI, the static index in
Chromium (size per language, bytes a first query fetches, latency: bench/static_search.py), `kb serve` under load.

    python bench/search.py [--standards 10000] [--languages en,pl] [--root DIR] [--queries 200]
                           [--requests 2000] [--concurrency 8] [--workers 2]

Prints figures (wall time, and CPU time, which other processes sharing the
machine do not inflate); asserts nothing. The load generator talks to
127.0.0.1 only and sends a bounded number of requests. Aims (2-core machine): warm query p95 under
20 ms, cold `kb search` under 1 s, `kb serve` at least 200 requests/s with p99
under 100 ms.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).parent
sys.path.insert(0, str(BENCH))
os.environ.setdefault("KB_TODAY", "2026-11-23")

from static_search import report as static_report  # noqa: E402
from synth import TOPICS, generate  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def figures(name: str, seconds: list[float], cpu: list[float] | None = None) -> str:
    ms = [s * 1000 for s in seconds]
    line = (f"  {name:<11} n={len(ms):<5} p50={percentile(ms, .50):7.1f} ms  p95={percentile(ms, .95):7.1f} ms  "
            f"p99={percentile(ms, .99):7.1f} ms  max={max(ms):7.1f} ms")
    if cpu:
        c = [s * 1000 for s in cpu]
        line += f"  | cpu p50={percentile(c, .50):6.1f} p95={percentile(c, .95):6.1f} ms"
    return line


def typo(word: str, rng: random.Random) -> str:
    """One edit inside the word (never the first letter): a letter dropped, doubled, swapped or changed."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeioukrstn") + word[i + 1:]


def query_sets(rng: random.Random, count: int) -> dict[str, list[tuple[str, str]]]:
    """(query, language) pairs per kind of query, from the synthetic vocabulary."""
    polish = [form for topic in TOPICS for form in topic[2:7]]
    english = [topic[1] for topic in TOPICS]
    single_pl = [w for form in polish for w in form.split() if len(w) >= 5]
    channels = ["telefon", "e-mail", "czat", "oddział", "phone", "email", "chat", "branch"]
    sets: dict[str, list[tuple[str, str]]] = {"one-word": [], "multi-word": [], "phrase": [], "typo": []}
    for _ in range(count):
        if rng.random() < 0.5:
            sets["one-word"].append((rng.choice(single_pl), "pl"))
            sets["multi-word"].append((f"{rng.choice(polish)} {rng.choice(channels[:4])}", "pl"))
            sets["phrase"].append((f'"{rng.choice([f for f in polish if " " in f] or polish)}"', "pl"))
            sets["typo"].append((typo(rng.choice(single_pl), rng), "pl"))
        else:
            sets["one-word"].append((rng.choice(english).split()[-1], "en"))
            sets["multi-word"].append((f"{rng.choice(english)} {rng.choice(channels[4:])}", "en"))
            sets["phrase"].append((f'"{rng.choice([e for e in english if " " in e])}"', "en"))
            sets["typo"].append((typo(max(rng.choice(english).split(), key=len), rng), "en"))
    return sets


def build(root: Path, standards: int, languages: tuple[str, ...]) -> tuple[object, object, Path]:
    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.indexer import build_index, write_index
    from generator.search.manifest import cache_index_dir, is_fresh

    config = root / "mkdocs.yml"
    if not config.is_file():
        started = time.perf_counter()
        generate(root, standards, languages)
        print(f"generated {standards} standards in {'+'.join(languages)} in {time.perf_counter() - started:.1f} s")
    project = load_project(config)
    started = time.perf_counter()
    kb, diagnostics = build_knowledge_base(project)
    print(f"loaded the knowledge base ({len(kb.items)} items, {len(diagnostics.errors)} errors) "
          f"in {time.perf_counter() - started:.1f} s")
    cache = cache_index_dir(project)
    if not is_fresh(cache, project):
        started = time.perf_counter()
        manifest = build_index(kb, project, cache)
        seconds = time.perf_counter() - started
        print(f"index build: {manifest.documents} documents in {seconds:.1f} s "
              f"({manifest.documents / seconds:.0f} documents/s)")
    else:
        print("index build: skipped (the cached index matches the content; delete .kb/cache to rebuild)")
    size = sum(f.stat().st_size for f in cache.iterdir() if f.is_file())
    print(f"index size: {size / 1e6:.1f} MB on disk")
    site = project.site_dir
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("<!doctype html><title>bench</title>", encoding="utf-8")
    write_index(kb, project, site)
    return project, kb, cache


def query_latency(cache: Path, sets: dict[str, list[tuple[str, str]]]) -> None:
    from generator.search.searcher import Filters, Searcher

    searcher = Searcher(cache, cache_size=0)  # every query computed (the server keeps recent answers)
    for text, lang in [q for queries in sets.values() for q in queries[:10]]:  # warm up: file pages
        searcher.search(text, Filters(lang=lang), limit=11)
    for name, queries in sets.items():
        timings, cpu = [], []
        for text, lang in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            searcher.search(text, Filters(lang=lang))
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        print(figures(name, timings, cpu))
    timings, cpu = [], []
    for text, _ in sets["one-word"][:100]:
        started, started_cpu = time.perf_counter(), time.process_time()
        searcher.search(text, limit=9)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(figures("no language", timings, cpu) + "  (one-word, every language, one hit per item)")
    searcher.close()


def cold_cli(root: Path, runs: int = 5) -> None:
    timings = []
    for word in ["reklamacji", "faktury", "zamowienia", "complaint", "delivery"][:runs]:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "generator", "search", word, "-f", str(root / "mkdocs.yml")],
                              capture_output=True, text=True, check=False)
        timings.append(time.perf_counter() - started)
        if done.returncode != 0 or "building" in done.stderr:
            print(f"  unexpected: {done.stderr.strip()[:200]}")
    print(f"  cold `kb search` (new process, index fresh): median {statistics.median(timings) * 1000:.0f} ms, "
          f"min {min(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms over {len(timings)} runs")


MIX = {"one-word": 0.45, "multi-word": 0.40, "typo": 0.10, "phrase": 0.05}  # what a search box sends


def load_paths(sets: dict[str, list[tuple[str, str]]], count: int, rng: random.Random) -> list[str]:
    """`count` distinct requests in the MIX; `limit` (15-25, the site asks for 20) varies so that no two
    requests share a cached answer."""
    paths: list[str] = []
    seen: set[str] = set()
    while len(paths) < count:
        kind = rng.choices(list(MIX), weights=list(MIX.values()))[0]
        text, lang = rng.choice(sets[kind])
        path = f"/api/search?{urlencode({'q': text, 'lang': lang, 'limit': rng.randint(15, 25)})}"
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths


def popular_paths(sets: dict[str, list[tuple[str, str]]], count: int, rng: random.Random) -> list[str]:
    """`count` requests drawn from 300 queries with Zipf-like popularity (a few asked very often)."""
    queries = load_paths(sets, 300, rng)
    weights = [1 / rank for rank in range(1, len(queries) + 1)]
    return rng.choices(queries, weights=weights, k=count)


def serve_load(root: Path, sets: dict[str, list[tuple[str, str]]], requests: int, concurrency: int,
               workers: int) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    log = open(root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - a pipe nobody reads would fill up
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", "--workers", str(workers),
         "-f", str(root / "mkdocs.yml")],
        stdout=subprocess.PIPE, stderr=log, text=True, env=env,
    )
    try:
        url = process.stdout.readline().strip()  # type: ignore[union-attr]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        rng = random.Random(1)
        _wait(port)
        _run_load(port, load_paths(sets, max(50, requests // 10), rng), concurrency)  # warm-up
        mix = ", ".join(f"{int(v * 100)} % {k}" for k, v in MIX.items())
        for label, paths in (("distinct requests, no answer cached", load_paths(sets, requests, rng)),
                             ("requests with popular queries repeated (Zipf)", popular_paths(sets, requests, rng))):
            latencies, errors, seconds = _run_load(port, paths, concurrency)
            print(f"  {len(latencies)} {label} ({mix}), {concurrency} connections, {workers} worker process(es): "
                  f"{len(latencies) / seconds:.0f} requests/s, errors {errors}")
            print(figures("latency", latencies))
    finally:
        process.terminate()
        process.communicate(timeout=10)
        log.close()


def _wait(port: int) -> None:
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/health")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)


def _run_load(port: int, paths: list[str], concurrency: int) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            with lock:
                latencies.append(time.perf_counter() - started)
                errors[0] += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--standards", type=int, default=10_000)
    parser.add_argument("--languages", default="en,pl")
    parser.add_argument("--root", type=Path, help="where the synthetic knowledge base is (reused when present)")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--requests", type=int, default=2000, help="requests sent to kb serve (bounded)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="kb serve worker processes")
    args = parser.parse_args()
    temporary = None
    root = args.root
    if root is None:
        temporary = tempfile.mkdtemp(prefix="kb-bench-search-")
        root = Path(temporary) / "kb"
    try:
        print(f"== search benchmark: {args.standards} standards, languages {args.languages}, in {root}")
        _, kb, cache = build(root, args.standards, tuple(args.languages.split(",")))
        sets = query_sets(random.Random(0), args.queries)
        print("warm query latency (one open index, one thread, lang filter; every answer computed, "
              "posting lists and documents kept in memory as a server keeps them):")
        query_latency(cache, sets)
        print("cold command line:")
        cold_cli(root)
        mixed = [q for kind in ("one-word", "multi-word", "typo", "phrase") for q in sets[kind][:20]]
        random.Random(2).shuffle(mixed)
        static_report(cache, mixed, runs=10, kb=kb)
        print("kb serve under load (loopback):")
        serve_load(root, sets, args.requests, args.concurrency, args.workers)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
