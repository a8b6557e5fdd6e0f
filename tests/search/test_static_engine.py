"""The browser's search analyses and parses exactly as Python does: every word of the starter content in
en, pl, el and ro (and awkward ones) gets the same folded form, stems, terms and stop-word verdict in
Chromium as in `analysis.py`; tricky queries parse the same as in `query.py`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from search_helpers import CHROMIUM, CHROMIUM_ARGS, engine_page, static_server

from generator.search import analysis
from generator.search.query import parse

pytestmark = [pytest.mark.browser]
REPO = Path(__file__).parents[2]
LANGUAGES = ("en", "pl", "el", "ro")
AWKWARD = ["ΟΔΟΣ", "Πελάτης", "πελατης", "ΠΕΛΆΤΗ", "ş", "ș", "ţară", "țară", "ÎNTÂRZIERE", "Łódź", "ZAŻÓŁĆ",
           "e-mail", "don't", "klient’a", "x2", "2026", "ǅemal", "straße", "İstanbul", "œuvre", "ﬁle", "a"]
QUERIES = [
    'reklamacji "pierwszy kontakt" -spam zwr*', "NOT email AND phone", "„cytat w cudzysłowie” i „drugi”",
    "e-mail odpowiedź!", '"unbalanced', "- -- * ** \" ''", "!wykluczone +dodane", "émoji 🙂 test", "x" * 600,
    "şedinţa ședința", "ΠΑΡΆΠΟΝΑ πελάτη", "one two three four five six seven eight nine ten eleven twelve 13 14",
]


def starter_words() -> dict[str, list[str]]:
    """Every distinct word of the starter content's texts, per language, plus the awkward ones."""
    found: dict[str, set[str]] = {lang: set(AWKWARD) for lang in LANGUAGES}

    def walk(value: object, lang: str | None) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, key if key in found else lang)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, lang)
        elif isinstance(value, str) and lang:
            found[lang].update(word.text for word in analysis.words(value))

    for path in sorted([*(REPO / "standards").rglob("*.yaml"), *(REPO / "onboarding").rglob("*.yaml")]):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), None)
    return {lang: sorted(words) for lang, words in found.items()}


@pytest.fixture(scope="module")
def engine(indexed) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    """A page that can import the browser's engine, served from the fixture's static index."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    folder = indexed.index / "static"
    with static_server(folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = engine_page(browser, folder, url)
        page.evaluate("""async () => {
          const engine = await import(new URL('engine.js', location.href).href);
          window.kbAnalysis = await engine.loadAnalysis(new URL('./', location.href));
        }""")
        yield page
        browser.close()


def test_the_browser_analyses_every_word_as_python_does(engine) -> None:  # type: ignore[no-untyped-def]
    words = starter_words()
    assert all(len(words[lang]) > 300 for lang in LANGUAGES)
    browser = engine.evaluate("""(words) => {
      const a = window.kbAnalysis;
      const out = {};
      for (const [lang, list] of Object.entries(words)) {
        out[lang] = list.map((w) => [a.fold(w), a.stem(w, lang), a.variants(w, lang), a.queryTerms(w, lang),
                                     a.phraseTerm(w, lang), a.isStopword(w, lang)]);
      }
      return out;
    }""", words)
    for lang in LANGUAGES:
        python = [[analysis.fold(w), analysis.stem(w, lang), list(analysis.variants(w, lang)),
                   list(analysis.query_terms(w, lang)), analysis.phrase_term(w, lang), analysis.is_stopword(w, lang)]
                  for w in words[lang]]
        differ = [(w, p, b) for w, p, b in zip(words[lang], python, browser[lang], strict=True) if p != b]
        assert differ == [], f"{lang}: {len(differ)} of {len(python)} words differ, e.g. {differ[:3]}"


def test_the_browser_splits_text_and_parses_queries_as_python_does(engine) -> None:  # type: ignore[no-untyped-def]
    texts = ["Obsługa klienta: e-mail, czat i telefon — don't wait!", "Ο ΠΕΛΆΤΗΣ ρωτά· «γιατί;»", "İstanbul x-ray"]
    browser = engine.evaluate("""([texts, queries]) => [
      texts.map((t) => window.kbAnalysis.words(t).map((w) => [w.text, w.start, w.end])),
      queries.map((q) => window.kbAnalysis.parse(q)),
    ]""", [texts, QUERIES])
    assert browser[0] == [[[w.text, w.start, w.end] for w in analysis.words(t)] for t in texts]
    python = [vars(parse(q)) for q in QUERIES]
    assert browser[1] == python


FEATURES = [  # [query, language, filters]: every kind of query, with and without filters
    ['"pierwszym kontakcie"', "pl", {}], ['"kontakcie pierwszym"', "pl", {}], ["reklam*", "pl", {}],
    ["klient -telefon", "pl", {}], ["e-mail", "en", {}], ["email", "pl", {"kind": "standard"}],
    ["courier", "en", {"role": "warehouse"}], ["cuorier", "en", {}], ["παραπονα", "el", {"channel": "phone"}],
    ["reclamaţiile obişnuite", "ro", {"area": "complaints"}], ["reklamacja xyzzyq", "pl", {}],
    ["parcel customer email xyzzyq", "en", {}], ["zeppelin", "en", {}], ["a the of", "en", {}],
    ['"first contact" complaint -rings', "en", {"kind": "standard"}], ["ans* phone", "en", {}],
]


def test_the_browser_ranks_every_kind_of_query_as_python_does(engine, searcher) -> None:  # type: ignore[no-untyped-def]
    from search_helpers import RUN_ENGINE

    from generator.search.searcher import Filters

    browser = engine.evaluate(RUN_ENGINE, [FEATURES, 10])
    for (query, lang, filters), found in zip(FEATURES, browser, strict=True):
        python = searcher.search(query, Filters(lang=lang, **filters), limit=10)
        assert found == [[hit.id, hit.score] for hit in python.hits], (query, lang, filters)
    assert any(found for found in browser) and browser[FEATURES.index(["zeppelin", "en", {}])] == []
