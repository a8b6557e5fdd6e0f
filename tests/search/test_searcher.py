"""Searching the fixture index: analysis, ranking, phrases, filters, snippets, retired and draft items."""

from __future__ import annotations

import pytest

from generator.search.searcher import Filters, SearchError

pytestmark = pytest.mark.usefixtures("indexed")


def ids(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.id for hit in results.hits]


@pytest.mark.parametrize(("query", "lang", "expected"), [
    ("reklamacji", "pl", "complaint-first-contact"),           # inflected (page says reklamacja, reklamacje)
    ("reklamacjami", "pl", "complaint-first-contact"),
    ("obsluga klienta", "pl", "answer-within-three-rings"),    # no diacritics (obsługa)
    ("sygnalow", "pl", "answer-within-three-rings"),           # no diacritics, inflected (sygnałów)
    ("reklamcja", "pl", "complaint-first-contact"),            # one letter missing
    ("rekalmacja", "pl", "complaint-first-contact"),           # two letters swapped
    ("πελατη", "el", "complaint-first-contact"),               # Greek without accents
    ("ΚΟΥΔΟΥΝΙΣΜΑΤΑ", "el", "answer-within-three-rings"),      # Greek capitals
    ("reclamatie", "ro", "complaint-first-contact"),           # Romanian without diacritics
    ("tarait", "ro", "answer-within-three-rings"),
    ("complaints", "en", "complaint-first-contact"),
    ("rings", "en", "answer-within-three-rings"),
])
def test_finds_the_page_in_the_top_three(searcher, query: str, lang: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in ids(searcher.search(query, Filters(lang=lang)))[:3]


def test_results_are_in_the_requested_language(searcher) -> None:  # type: ignore[no-untyped-def]
    results = searcher.search("reklamacji", Filters(lang="pl"))
    assert {hit.lang for hit in results.hits} == {"pl"}
    hit = results.hits[0]
    assert hit.title == "Zamykaj typowe reklamacje przy pierwszym kontakcie"
    assert hit.url == "/pl/standards/complaint-first-contact/"
    assert hit.kind == "standard"


def test_without_a_language_each_item_appears_once(searcher) -> None:  # type: ignore[no-untyped-def]
    results = searcher.search("crm")
    assert len(ids(results)) == len(set(ids(results)))
    assert searcher.search("reklamacji").hits[0].lang == "pl"
    assert searcher.search("complaints").hits[0].lang == "en"


def test_untranslated_text_is_found_on_the_language_page(searcher) -> None:  # type: ignore[no-untyped-def]
    # delay-notice's steps exist only in English; the Polish page shows them.
    results = searcher.search("courier", Filters(lang="pl"))
    assert ids(results) == ["delay-notice"] and results.hits[0].lang == "pl"
    assert searcher.search("courier").hits[0].lang == "en"


def test_title_outranks_body(searcher) -> None:  # type: ignore[no-untyped-def]
    # "rings" is in one title; "ring" also appears in that standard's body only.
    first = searcher.search("three rings", Filters(lang="en")).hits[0]
    assert first.id == "answer-within-three-rings"


def test_phrase_needs_the_words_in_order(searcher) -> None:  # type: ignore[no-untyped-def]
    assert ids(searcher.search('"pierwszym kontakcie"', Filters(lang="pl")))[0] == "complaint-first-contact"
    assert ids(searcher.search('"kontakcie pierwszym"', Filters(lang="pl"))) == []


def test_prefix_and_exclusion(searcher) -> None:  # type: ignore[no-untyped-def]
    assert "complaint-first-contact" in ids(searcher.search("reklam*", Filters(lang="pl")))
    with_phone = ids(searcher.search("klient", Filters(lang="pl")))
    without = ids(searcher.search("klient -telefon", Filters(lang="pl")))
    assert "answer-within-three-rings" in with_phone and "answer-within-three-rings" not in without


def test_all_words_rank_above_some_words(searcher) -> None:  # type: ignore[no-untyped-def]
    results = searcher.search("reklamacja xyzzyq", Filters(lang="pl"))
    assert ids(results)[0] == "complaint-first-contact"  # no page has both: the pages with one word follow


def test_pages_with_more_of_the_words_come_first_when_none_has_all(searcher) -> None:  # type: ignore[no-untyped-def]
    # no page has all four; the delay notice has three ("parcel", "customer", "email"), the rest fewer
    results = searcher.search("parcel customer email xyzzyq", Filters(lang="en"))
    assert ids(results)[0] == "delay-notice"
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True) and 3 <= scores[0] < 4  # three of four words matched
    assert all(score < 3 for score in scores[1:])


def test_scores_follow_the_result_order_across_rounds(searcher) -> None:  # type: ignore[no-untyped-def]
    data = searcher.search("reklamacja telefon xyzzyq", Filters(lang="pl"), limit=10).to_json()
    scores = [hit["score"] for hit in data["results"]]
    assert len(scores) > 2 and scores == sorted(scores, reverse=True)


def test_a_hyphenated_word_finds_the_joined_one_and_back(searcher) -> None:  # type: ignore[no-untyped-def]
    # the English text says "email", the Polish channel name "E-mail"
    assert ids(searcher.search("e-mail", Filters(lang="en")))[0] == "delay-notice"
    assert ids(searcher.search("e-mail", Filters(lang="en"))) == ids(searcher.search("email", Filters(lang="en")))
    polish = ids(searcher.search("email", Filters(lang="pl", kind="standard")))
    assert set(polish) >= {"complaint-first-contact", "delay-notice"}  # their channel: "E-mail"


def test_retired_items_are_not_found(searcher) -> None:  # type: ignore[no-untyped-def]
    assert ids(searcher.search("zeppelin")) == []
    assert ids(searcher.search("sterowcem", Filters(lang="pl"))) == []


def test_draft_items_are_found_and_filtered_by_status(searcher) -> None:  # type: ignore[no-untyped-def]
    assert "chat-greeting-draft" in ids(searcher.search("wiadomosc", Filters(lang="pl")))
    assert ids(searcher.search("wiadomosc", Filters(lang="pl", status="active"))) == []
    assert ids(searcher.search("wiadomosc", Filters(lang="pl", status="draft"))) == ["chat-greeting-draft"]


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(lang="en", kind="standard"),
     {"answer-within-three-rings", "chat-greeting-draft", "complaint-first-contact", "delay-notice"}),
    (Filters(lang="en", kind="checklist"), {"weekly-huddle"}),
    (Filters(lang="en", area="delivery"), {"delay-notice"}),
    (Filters(lang="en", channel="chat"), {"chat-greeting-draft"}),
    (Filters(lang="en", channel="phone"), {"answer-within-three-rings", "complaint-first-contact"}),
    # everyone's standards count for every role; a role's own page and path too
    (Filters(lang="en", role="warehouse"), {"answer-within-three-rings", "delay-notice", "warehouse"}),
    (Filters(lang="en", role="agent", kind="standard"),
     {"answer-within-three-rings", "chat-greeting-draft", "complaint-first-contact"}),
    (Filters(lang="en", role="team-lead", kind="path"), {"team-lead-first-week"}),
    (Filters(lang="en", kind="competency", role="agent"), {"active-listening"}),
])
def test_filters_alone_list_matching_items(searcher, filters: Filters, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert set(ids(searcher.search("", filters, limit=50))) == expected


def test_a_listing_is_in_title_order(searcher) -> None:  # type: ignore[no-untyped-def]
    from generator.search.analysis import fold

    results = searcher.search("", Filters(lang="pl", kind="standard"), limit=50)
    titles = [fold(hit.title) for hit in results.hits]
    assert len(titles) == results.total == 4 and titles == sorted(titles)
    assert titles[0] == "odbieraj telefon w ciagu trzech sygnalow"  # folded: "ą" sorts as "a", "ł" as "l"


def test_filters_narrow_a_query(searcher) -> None:  # type: ignore[no-untyped-def]
    by_email = {"complaint-first-contact", "delay-notice"}
    assert ids(searcher.search("klient", Filters(lang="pl", channel="email"))) == [
        i for i in ids(searcher.search("klient", Filters(lang="pl"))) if i in by_email]
    assert ids(searcher.search("reklamacja", Filters(lang="pl", kind="practice"))) == ["decide-at-first-contact"]
    assert ids(searcher.search("reklamacja", Filters(lang="pl", area="phone"))) == []


def test_listing_without_language_shows_default_language_pages(searcher) -> None:  # type: ignore[no-untyped-def]
    results = searcher.search("", Filters(area="complaints"))
    assert [(h.id, h.lang) for h in results.hits] == [("complaint-first-contact", "en")]


def test_empty_query_without_filters_finds_nothing(searcher) -> None:  # type: ignore[no-untyped-def]
    assert searcher.search("", Filters(lang="pl")).hits == []
    assert searcher.search("AND * ?").hits == []


@pytest.mark.parametrize(("filters", "message"), [
    (Filters(lang="de"), "unknown lang 'de' (expected one of: el, en, pl, ro)"),
    (Filters(kind="standrd"), "unknown kind 'standrd' (did you mean 'standard'?)"),
    (Filters(role="agnet"), "unknown role 'agnet' (did you mean 'agent'?)"),
    (Filters(channel="fax"), "unknown channel 'fax' (expected one of: chat, email, phone)"),
    (Filters(area="billing"), "unknown area 'billing' (expected one of: complaints, delivery, phone)"),
    (Filters(status="retired"), "unknown status 'retired' (expected one of: active, draft)"),
])
def test_unknown_filter_values_are_refused_with_the_valid_ones(searcher, filters, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SearchError) as error:
        searcher.search("x", filters)
    assert str(error.value) == message


def test_snippet_marks_the_matched_words(searcher) -> None:  # type: ignore[no-untyped-def]
    hit = searcher.search("reklamacji kontakt", Filters(lang="pl")).hits[0]
    marked = [text for text, matched in hit.snippet if matched]
    assert marked == ["reklamacja", "kontakt"]
    assert hit.to_json()["snippet"] == (
        "Typowa <mark>reklamacja</mark> jest załatwiona, zanim klient zakończy <mark>kontakt</mark>.")


def test_snippet_marks_typo_matches_and_escapes_html(searcher) -> None:  # type: ignore[no-untyped-def]
    hit = searcher.search("reklamcja", Filters(lang="pl")).hits[0]
    assert ("reklamacja", True) in hit.snippet


def test_limit_and_total(searcher) -> None:  # type: ignore[no-untyped-def]
    full = searcher.search("klient", Filters(lang="pl"), limit=50)
    one = searcher.search("klient", Filters(lang="pl"), limit=1)
    assert len(one.hits) == 1 and one.total == full.total == len(full.hits) > 1
    assert len(searcher.search("klient", Filters(lang="pl"), limit=1000).hits) <= 50


@pytest.mark.parametrize("text", ['"', "AND", "-", "*", "?", "😀", "a" * 600, '"unbalanced phrase', "NOT NOT", "((("])
def test_hostile_queries_answer(searcher, text: str) -> None:  # type: ignore[no-untyped-def]
    results = searcher.search(text, Filters(lang="pl"))
    assert results.total >= 0
