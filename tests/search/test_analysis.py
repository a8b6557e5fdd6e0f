"""Analysis: words, folding and stems, so inflected words and words typed without diacritics match."""

from __future__ import annotations

import pytest

from generator.search.analysis import fold, is_stopword, phrase_term, query_terms, variants, words


@pytest.mark.parametrize(("text", "folded"), [
    ("Obsługą", "obsluga"),
    ("ŁÓDŹ", "lodz"),
    ("πελάτης", "πελατησ"),
    ("ΠΕΛΆΤΗΣ", "πελατησ"),
    ("reclamațiile", "reclamatiile"),
    ("Întârziată", "intarziata"),
    ("Straße", "strasse"),
])
def test_fold_removes_diacritics_including_letters_nfkd_keeps_whole(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_keep_diacritics_whole_and_join_hyphenated_words() -> None:
    found = [(w.text, w.pos) for w in words("Obsługa e-mail: 30 dni, ΠΕΛΆΤΗΣ!")]
    assert found == [("obsługa", 0), ("email", 1), ("e", 1), ("mail", 2), ("30", 3), ("dni", 4), ("πελάτης", 5)]


def test_word_offsets_point_into_the_original_text() -> None:
    text = "Zgłoś REKLAMACJĘ teraz"
    assert [text[w.start:w.end] for w in words(text)] == ["Zgłoś", "REKLAMACJĘ", "teraz"]


def shares_term(query: str, text: str, lang: str) -> bool:
    return bool(set(query_terms(query, lang)) & set(variants(text, lang)))


@pytest.mark.parametrize(("lang", "query", "text"), [
    ("pl", "reklamacji", "reklamacja"),
    ("pl", "reklamację", "reklamacjach"),
    ("pl", "obsluga", "obsługą"),
    ("pl", "obslugi", "obsługa"),
    ("pl", "klientow", "klientów"),
    ("pl", "zwrotu", "zwroty"),
    ("el", "πελατη", "πελάτης"),
    ("el", "παραπονα", "παράπονο"),
    ("el", "ΠΑΡΑΠΟΝΑ", "παραπόνων"),
    ("ro", "reclamatii", "reclamațiile"),
    ("ro", "livrarea", "livrare"),
    ("en", "complaints", "complaint"),
    ("en", "answering", "answered"),
])
def test_inflected_forms_and_forms_without_diacritics_share_a_term(lang: str, query: str, text: str) -> None:
    assert shares_term(query, text, lang)


def test_unrelated_words_share_no_term() -> None:
    assert not shares_term("reklamacja", "telefon", "pl")
    assert not shares_term("πελάτης", "παράπονο", "el")


def test_a_language_without_a_stemmer_still_folds() -> None:
    assert variants("Čaj", "xx") == ("caj",)


def test_phrase_term_ignores_diacritics() -> None:
    assert phrase_term("Obsługa", "pl") == phrase_term("obsluga", "pl")


def test_stopwords_with_or_without_diacritics() -> None:
    assert is_stopword("się", "pl") and is_stopword("sie", "pl")
    assert is_stopword("și", "ro") and is_stopword("the", "en")
    assert not is_stopword("reklamacja", "pl")
    assert not is_stopword("the", "xx")


def test_every_term_of_a_word_starts_with_the_words_first_two_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snippets rely on it to analyse only the words that start like a query term (snippets.Marker)."""
    from pathlib import Path

    from generator.config import load_project
    from generator.content.pipeline import build_knowledge_base
    from generator.search.documents import search_documents

    monkeypatch.setenv("KB_TODAY", "2026-11-23")
    kb, _ = build_knowledge_base(load_project(Path(__file__).parents[2] / "mkdocs.yml"))  # the starter content
    checked, exceptions = 0, []
    for doc in search_documents(kb):
        for (_, lang), texts in doc.texts.items():
            for word in (word for text in texts for word in words(text)):
                checked += 1
                exceptions += [(word.text, term) for term in variants(word.text, lang)
                               if not fold(word.text).startswith(term[:2])]
    assert checked > 50_000 and exceptions == []
    assert variants("making", "en")[0] == "make" and variants("trying", "en")[0] == "tri"  # not the first 3


def test_snippets_mark_words_whose_stem_changes_their_ending() -> None:
    from generator.search.snippets import Marker, snippet

    marker = Marker({"en": set(query_terms("make", "en")) | {"email"}}, ["rekl"])
    assert snippet(["Nothing here.", "Making an e-mail about reklamacje; Straße making."], marker) == [
        ("Making", True), (" an ", False), ("e-mail", True), (" about ", False), ("reklamacje", True),
        ("; Straße ", False), ("making", True), (".", False)]
