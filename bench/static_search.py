"""The static index in a browser: size per language, bytes a first query fetches, latency in Chromium.

Used by bench/search.py (section "static index"); runs on its own too:

    python bench/static_search.py INDEX_FOLDER [--runs 10]
    python bench/static_search.py --site SITE_FOLDER       # typed into the header search of a built site

INDEX_FOLDER is an index `kb build` or `kb search` wrote (`site/_kb/search` or `.kb/cache/search`),
holding `static/`. The files are served by Python's static file server on 127.0.0.1 and searched
by the browser's own engine in Debian's Chromium, in a fresh browser context per first query (no
HTTP cache, engine and WebAssembly loaded anew). With --site, queries are typed into the header
search of the site's pages (80 ms between keystrokes) and the time from the last keystroke to the
results on screen is measured in the page. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).parent
sys.path.insert(0, str(BENCH.parent / "tests" / "search"))

from search_helpers import CHROMIUM, CHROMIUM_ARGS, engine_page, static_server  # noqa: E402

# In a fresh page: load the engine and answer one query (the first query of a reader), then the
# later ones; returns the milliseconds of each and the bytes the page fetched for the first.
FIRST_AND_LATER = """async ([lang, first, later]) => {
  const started = performance.now();
  const engine = await import(new URL('engine.js', location.href).href);
  const opened = await engine.open(new URL('./', location.href), lang);
  await opened.search(first, {}, 20);
  const firstMs = performance.now() - started;
  const bytes = performance.getEntriesByType('resource').reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);
  const laterMs = [];
  const againMs = [];
  for (const times of [laterMs, againMs]) {
    for (const query of later) {
      const t = performance.now();
      await opened.search(query, {}, 20);
      times.push(performance.now() - t);
    }
  }
  return [firstMs, bytes, laterMs, againMs];
}"""


def sizes(static: Path) -> None:
    shared = sum(path.stat().st_size for path in static.rglob("*") if path.is_file()
                 and path.relative_to(static).parts[0] in ("engine.js", "analysis.js", "snippets.js",
                                                          "analysis.json", "snowball"))
    print(f"  engine, analysis tables and stemmers (shared by every language): {shared / 1e3:.0f} kB")
    for lang in sorted(p.name for p in static.iterdir() if (p / "meta.json").is_file()):
        files = [path for path in (static / lang).rglob("*") if path.is_file()]
        total = sum(path.stat().st_size for path in files)
        shards = sum(path.stat().st_size for path in (static / lang / "t").iterdir())
        print(f"  {lang}: {total / 1e6:.1f} MB in {len(files)} files (term shards {shards / 1e6:.1f} MB)")


def browser_figures(static: Path, queries: list[tuple[str, str]], runs: int) -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print("  (no Chromium: browser figures skipped)")
        return
    first_ms: list[float] = []
    fetched: list[int] = []
    later_ms: list[float] = []
    again_ms: list[float] = []
    with static_server(static) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for run in range(runs):
                first, lang = queries[run % len(queries)]
                later = [text for text, other in queries if other == lang and text != first][:10]
                context = browser.new_context()
                page = engine_page(context, static, url)
                ms, size, laters, agains = page.evaluate(FIRST_AND_LATER, [lang, first, later])
                context.close()
                first_ms.append(ms)
                fetched.append(size)
                later_ms.extend(laters)
                again_ms.extend(agains)
        finally:
            browser.close()
    print(f"  first query of a fresh page (engine + stemmers + index files + 20 documents): "
          f"median {statistics.median(first_ms):.0f} ms, max {max(first_ms):.0f} ms over {runs} runs; "
          f"fetched median {statistics.median(fetched) / 1e3:.0f} kB, max {max(fetched) / 1e3:.0f} kB")
    for label, times in (("later queries (other words: their files fetched)", later_ms),
                         ("the same queries again (files loaded: the engine's own work)", again_ms)):
        ordered = sorted(times)
        print(f"  {label}: median {statistics.median(ordered):.1f} ms, "
              f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.1f} ms, max {ordered[-1]:.1f} ms over {len(ordered)}")
    print("  (the header search waits 120 ms after the last keystroke before it asks, and starts loading the "
          "engine when the search box gets focus)")


def export_time(kb: object, folder: Path) -> None:
    """How long the browser's index takes on its own (kb build does it inside the index build)."""
    import json

    from generator.search import static
    from generator.search.documents import search_documents

    started = time.perf_counter()
    collected = static.Collector()
    for doc in search_documents(kb):  # type: ignore[arg-type]
        collected.add(doc)
    forms = json.loads((folder / "forms.json").read_text(encoding="utf-8"))
    target = folder.parent / "static-bench"
    static.export(target, collected, kb.languages, kb.default_language, forms)  # type: ignore[attr-defined]
    print(f"  the browser's index alone (documents, terms, files): {time.perf_counter() - started:.1f} s")
    shutil.rmtree(target, ignore_errors=True)


def report(index: Path, queries: list[tuple[str, str]], runs: int = 10, kb: object = None) -> None:
    print("static index (the browser's, per language):")
    if kb is not None:
        export_time(kb, index)
    sizes(index / "static")
    browser_figures(index / "static", queries, runs)


# In a page: note the last keystroke and when each query's results are on screen.
WATCH = """() => {
  window.kbShown = {};
  window.addEventListener('beforeinput', () => { window.kbLastKey = performance.now(); }, true);
  new MutationObserver(() => {
    const list = document.querySelector('.kb-search-results ol');
    const query = list && list.dataset.kbQuery;
    if (query && !(query in window.kbShown)) window.kbShown[query] = performance.now();
  }).observe(document.body, { subtree: true, attributes: true, childList: true });
}"""
SHOWN = """(query) => new Promise((resolve) => {
  const shown = () => window.kbShown[query] - window.kbLastKey;
  const check = () => (query in window.kbShown ? resolve(shown()) : setTimeout(check, 5));
  check();
})"""
TYPED = {  # page language prefix -> the first query, then later ones
    "pl/": ["reklamacji", "odbieranie telefonu", "trzy sygnaly", "tajemniczy klient", "wdrozenie konsultanta"],
    "el/": ["παραπονα", "τηλεφωνο", "καθυστερηση", "επιστροφες", "εμπιστοσυνη"],
    "ro/": ["intarziere", "retur", "incredere", "ascultare activa", "vizita tehnician"],
    "": ["delivery delay", "tidy desk", "mystery shopper", "exit interview", "customer survey"],
}


def keystrokes(site: Path) -> None:
    """Queries typed into the header search of a built site on a static server, as a reader types."""
    from playwright.sync_api import sync_playwright

    first: list[float] = []
    later: list[float] = []
    with static_server(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for prefix, queries in TYPED.items():
                context = browser.new_context()
                page = context.new_page()
                page.goto(url + prefix)
                page.wait_for_function("document.documentElement.classList.contains('kb-search-static')")
                page.evaluate(WATCH)
                page.click("input.md-search__input")
                for number, query in enumerate(queries):
                    page.fill("input.md-search__input", "")
                    page.type("input.md-search__input", query, delay=80)
                    (later if number else first).append(page.evaluate(SHOWN, query))
                context.close()
        finally:
            browser.close()
    print(f"header search of {site}, last keystroke to results on screen: first query of a page "
          f"{', '.join(f'{ms:.0f}' for ms in first)} ms; later queries median {statistics.median(later):.0f} ms, "
          f"max {max(later):.0f} ms over {len(later)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--site", type=Path, help="a built site: type into its header search")
    args = parser.parse_args()
    if args.site:
        keystrokes(args.site)
        return
    rng = random.Random(0)
    words = ["reklamacji", "faktury", "zamowienia", "dostawy", "platnosc", "zwrot pieniedzy"]
    queries = [(rng.choice(words), "pl") for _ in range(args.runs)]
    report(args.index, queries, args.runs)


if __name__ == "__main__":
    main()
