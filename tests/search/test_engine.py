"""The index as ranking reads it: posting lists block by block, pair terms for phrases, cached lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from generator.search import engine
from generator.search.analysis import analyze, is_pair
from generator.search.documents import SearchDoc
from generator.search.query_plan import Group, QueryPlan
from generator.search.ranking import Ranker
from generator.search.typos import Vocabulary


def _doc(number: int) -> SearchDoc:
    words = ["reklamacja" if number % 3 else "zwrot", "klienta", "telefon" if number % 2 else "czat"]
    doc = SearchDoc(id=f"item-{number}", lang="pl", kind="standard", url=f"/pl/{number}/",
                    title=f"Sprawa {number}", summary=" ".join(words))
    doc.add("title", "pl", doc.title)
    doc.add("summary", "pl", " ".join(words * (1 + number % 4)))  # counts 1-4: weights differ per posting
    return doc


def _write_index(folder: Path, docs: list[SearchDoc], languages: list[str]) -> int:
    """A whole index of `docs` in one segment, as the indexer puts one together from a chunk."""
    segment = engine.write_segment(folder / "segment", docs, languages, "whole")
    engine.assemble(folder, [(segment, len(docs))], languages)
    words: dict[str, set[str]] = {}
    for doc in docs:
        for (_, lang), texts in doc.texts.items():
            words.setdefault(lang, set()).update(
                term for term, _ in analyze("\n".join(texts), lang) if not is_pair(term))
    engine.write_arrays(folder, [doc.id for doc in docs], [doc.title for doc in docs], words)
    return len(docs)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> engine.Engine:
    """700 documents: the common words' posting lists span several of Whoosh's 128-posting blocks."""
    folder = tmp_path_factory.mktemp("engine") / "index"
    assert _write_index(folder, [_doc(n) for n in range(700)], ["pl"]) == 700
    opened = engine.Engine(folder)
    yield opened
    opened.close()


@pytest.mark.parametrize("term", ["klient", "reklamacj", "zwrot", "telefon", "reklamacj klient", "czat"])
def test_block_reading_equals_whooshs_own(big: engine.Engine, term: str) -> None:
    docs, weights = big.postings("summary_pl", term)
    reader = big._reader()
    one_by_one = engine.read_one_by_one(reader.postings("summary_pl", term))
    assert np.array_equal(docs, one_by_one[0]) and np.array_equal(weights, one_by_one[1])
    assert len(docs) == reader.doc_frequency("summary_pl", term) > 128
    assert len(set(weights.tolist())) > 1  # each posting its own count, not a block-wide one


def test_absent_terms_and_fields(big: engine.Engine) -> None:
    assert big.postings("summary_pl", "zeppelin") is None
    assert big.postings("summary_xx", "klient") is None
    assert big.terms_with_prefix("summary_pl", "rek", 10) == ["reklamacj", "reklamacja"]  # no pair terms



def test_words_one_typo_away(big: engine.Engine) -> None:
    words = Vocabulary(big.folder)
    assert words.near("pl", "reklamcja") == {"reklamacja"}  # a letter missing
    assert words.near("pl", "rekalmacja") == {"reklamacja"}  # two letters swapped
    assert words.near("pl", "telefpn") == {"telefon"}  # a letter wrong
    assert words.near("pl", "eklamacja") == frozenset()  # the first letter is never a typo
    assert words.near("pl", "reklamacj") >= {"reklamacj", "reklamacja"}
    assert words.near("xx", "telefon") == frozenset()


def test_pair_terms_join_neighbouring_words() -> None:
    terms = [term for term, _ in analyze("Obsługa e-mail klienta", "pl")]
    assert [t for t in terms if " " in t] == ["obslug email", "obslug e", "email mail", "e mail", "mail klient"]
    assert "obslug" in terms and "obsluga" in terms and "klienta" in terms


def _plan(*words: str) -> QueryPlan:
    return QueryPlan(groups=[Group(exact={"pl": {w}}) for w in words], phrases=[], prefixes=[], excluded=[],
                     langs=["pl"], fallback_langs=[], filters={"lang": "pl"})


def test_ranking_with_a_tiny_cache_ranks_the_same(big: engine.Engine) -> None:
    plan = _plan("reklamacj", "telefon")
    roomy, tiny = Ranker(big, Vocabulary(big.folder)), Ranker(big, Vocabulary(big.folder), cache_postings=50)
    for _ in range(2):
        assert tiny.rank(plan, 10) == roomy.rank(plan, 10)
    assert tiny._cached <= 50 + 700 and len(tiny._cache) == 1  # lists over the budget are not kept


def test_ranking_totals_and_ties(big: engine.Engine) -> None:
    ranked, total = Ranker(big, Vocabulary(big.folder)).rank(_plan("reklamacj", "telefon"), 5)
    assert total == sum(1 for n in range(700) if n % 3 and n % 2)
    scores = [score for _, score, _ in ranked]
    assert scores == sorted(scores, reverse=True) and len(ranked) == 5
    # the best have "reklamacja telefon" four times; equal scores keep the order documents were written in
    assert [doc for doc, _, _ in ranked] == [n for n in range(700) if n % 3 and n % 2 and n % 4 == 3][:5]


def test_another_block_layout_falls_back_to_whooshs_reading(big: engine.Engine,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    expected = big.postings("summary_pl", "klient")

    def changed_layout(matcher):  # type: ignore[no-untyped-def]
        raise AttributeError("'W3LeafMatcher' object has no attribute '_data'")

    monkeypatch.setattr(engine, "_read_blocks", changed_layout)
    found = big.postings("summary_pl", "klient")
    assert np.array_equal(found[0], expected[0]) and np.array_equal(found[1], expected[1])


def test_threads_sharing_one_searcher_get_the_answers_of_one_thread(indexed) -> None:  # type: ignore[no-untyped-def]
    """Each thread reads through its own Whoosh reader; the posting-list cache (tiny here, so lists are
    evicted and read again all the time) and the document cache are shared."""
    from concurrent.futures import ThreadPoolExecutor

    from generator.search.searcher import Filters, Searcher

    queries = [("reklamacji", "pl"), ("obsluga klienta", "pl"), ('"pierwszym kontakcie"', "pl"), ("reklam*", "pl"),
               ("rekalmacja", "pl"), ("complaints", "en"), ("three rings", "en"), ("πελατη", "el"), ("crm", None)]
    alone = Searcher(indexed.index, cache_size=0)
    expected = [alone.search(text, Filters(lang=lang)).to_json() for text, lang in queries]
    shared = Searcher(indexed.index, cache_size=0)
    shared.ranker = Ranker(shared.engine, shared.vocabulary, cache_postings=30)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: (i % len(queries), shared.search(
            queries[i % len(queries)][0], Filters(lang=queries[i % len(queries)][1])).to_json()), range(400)))
    assert all(answer == expected[number] for number, answer in answers)
    assert all(expected[number]["results"] for number in range(len(queries)))
    alone.close()
    shared.close()
