"""Reading what a person types: any string is a valid query and never raises."""

from __future__ import annotations

import pytest

from generator.search.query import MAX_WORDS, parse

HOSTILE = [
    "", " ", '"', '"""', '"unbalanced', 'a "b', "AND", "OR", "NOT", "-", "--", "+", "*", "?", "**?", "!",
    "AND OR NOT", "(", ")", "[]", "{}", "title:", "field:value", "~2", "^3", "\\", "/", "&&", "||", "😀",
    "🙂 reklamacja 🙂", "\x00\x01\x02", "\u202e", "a" * 5000, "reklamacja " * 500, "<script>alert(1)</script>",
    "' OR 1=1 --", "%", "%%%", "\t\n\r", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ǅ", "İstanbul",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_parses(text: str) -> None:
    query = parse(text)
    assert len(query.words) <= MAX_WORDS
    assert all(word for word in query.words)


def test_words_phrases_exclusions_and_prefixes() -> None:
    query = parse('reklamacja "pierwszym kontakcie" -telefon NOT czat obsłu* AND OR')
    assert query.words == ["reklamacja"]
    assert query.phrases == [["pierwszym", "kontakcie"]]
    assert query.excluded == ["telefon", "czat"]
    assert query.prefixes == ["obslu"]


def test_polish_quotation_marks_make_a_phrase() -> None:
    assert parse("„pierwszym kontakcie”").phrases == [["pierwszym", "kontakcie"]]


def test_one_word_in_quotes_is_a_word_and_a_stray_quote_is_ignored() -> None:
    query = parse('"reklamacja" zwrot"')
    assert query.words == ["reklamacja", "zwrot"] and not query.phrases


def test_only_operators_or_symbols_is_empty() -> None:
    for text in ("AND OR NOT", "* ? -", "😀😀", '"'):
        assert parse(text).is_empty


def test_exclusions_alone_find_nothing() -> None:
    assert parse("-telefon").is_empty


def test_long_input_is_cut_to_the_first_words() -> None:
    query = parse(" ".join(f"word{i}" for i in range(100)))
    assert query.words == [f"word{i}" for i in range(MAX_WORDS)]
