"""One locale file per language holds every word readers see: complete, read through one function."""

from __future__ import annotations

import re

import yaml

from generator.search.analysis import is_stopword
from generator.words import FOLDER, available, language_name, stop_words, words


def _keys(lang: str) -> set[str]:
    return set(yaml.safe_load((FOLDER / f"{lang}.yaml").read_text("utf-8"))) - {"collation"}  # optional


def test_every_language_has_every_word_with_the_same_placeholders() -> None:
    english = words("en")
    assert available() == ["el", "en", "pl", "ro"]
    for lang in available():
        assert _keys(lang) == _keys("en"), lang
        said = words(lang)
        for key in english.names():
            assert set(re.findall(r"\{\w+\}", said[key])) == set(re.findall(r"\{\w+\}", english[key])), (lang, key)


def test_a_language_without_a_file_gets_english_words_and_no_stop_words() -> None:
    assert words("de")["signature"] == "Signature"
    assert words("ro")["signature"] == "Semnătură"
    assert words("pt-br")["not_translated"] == "Not yet translated"
    assert stop_words("de") == frozenset()
    assert language_name("de") == "de"


def test_language_names_in_themselves_and_in_another_language() -> None:
    assert [language_name(lang) for lang in ("en", "pl", "el", "ro")] == ["English", "Polski", "Ελληνικά", "Română"]
    assert language_name("en", "pl") == "angielski"
    assert language_name("en", "el") == "αγγλικά"
    assert language_name("el", "en") == "Greek"
    assert language_name("de", "pl") == "de"


def test_stop_words_are_per_language_and_fold_diacritics() -> None:
    assert "się" in stop_words("pl") and "the" not in stop_words("pl")
    assert is_stopword("sie", "pl") and is_stopword("și", "ro") and is_stopword("si", "ro-md")
    assert is_stopword("The", "en") and not is_stopword("the", "pl") and not is_stopword("und", "de")
    assert [len(stop_words(lang)) for lang in ("en", "pl", "el", "ro")] == [34, 34, 29, 23]


TABLE = r"""["'](?:pl|el|ro)["']\s*:\s*(?:\{|frozenset\(|["'][^"'\n]*[^\x00-\x7f])"""  # "pl": {…, "pl": "Wszyscy"


def test_no_language_table_lives_outside_the_locale_files() -> None:
    """A language-keyed table of words in Python (`"pl": "Wszyscy"`) escaped the locale files."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "generator"
    offenders = [
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if re.search(TABLE, path.read_text("utf-8"))
    ]
    assert offenders == []


def test_titles_sort_as_readers_of_their_language_expect() -> None:
    from generator.words import sort_key

    polish = ["Żywność", "Łączność", "Lista", "Zwroty", "Obsługa", "ósmy", "Ostatni"]
    assert sorted(polish, key=lambda t: sort_key(t, "pl")) \
        == ["Lista", "Łączność", "Obsługa", "Ostatni", "ósmy", "Zwroty", "Żywność"]
    assert sorted(["Ștampilă", "Sumă", "Tură"], key=lambda t: sort_key(t, "ro")) == ["Sumă", "Ștampilă", "Tură"]
    greek = ["Ώρα", "Άδεια", "Βάρδια", "Αγορά"]
    assert sorted(greek, key=lambda t: sort_key(t, "el")) == ["Αγορά", "Άδεια", "Βάρδια", "Ώρα"]


def test_a_texts_place_in_an_item_reads_in_words() -> None:
    from generator.words import field_in_words

    assert field_in_words("items[4].text", words("en")) == "item 5"
    assert field_in_words("phases[1].steps[2].do", words("en")) == "phase 2 › step 3"
    assert field_in_words("measures[0].how", words("pl")) == "miernik 1 › sposób pomiaru"
    assert field_in_words("sections[0].items[1].text", words("el")) == "ενότητα 1 › σημείο 2"
    assert field_in_words("customer_effect", words("ro")) == "ce trăiește clientul"
    assert field_in_words("odd_field[2]", words("en")) == "odd field 3"
    assert field_in_words("levels[1]", words("en")) == "level 1"  # a competency's levels are keyed 1..N
