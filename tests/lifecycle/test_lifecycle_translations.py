"""Translation freshness: the source fingerprint and the states current / outdated / unverified / missing."""

from __future__ import annotations

import json

from generator.content.fingerprint import source_fingerprint
from generator.lifecycle.translations import outdated_marker, translation_status

RULE = "standards/complaints/rule.yaml"


def rule(statement_en: str = "Answer within three rings.", statement_pl: str | None = "Odbierz do trzeciego sygnału.",
         translated: str = "", title: str = "{en: Pick up fast, pl: Odbieraj szybko}") -> str:
    pl = f"\n  pl: {statement_pl}" if statement_pl else ""
    return (
        f"kind: standard\nid: rule\ntitle: {title}\narea: complaints\nroles: [team-lead]\n"
        f"statement:\n  en: {statement_en}{pl}\n"
        'measures:\n  - name: {en: Answer rate, pl: Odsetek}\n    target: ">= 80 %"\n'
        f"owner: team-lead\nreviewed: 2026-09-01\n{translated}"
    )


def fingerprint_of(write, load, text: str) -> str:
    write(RULE, text)
    kb = load()
    return source_fingerprint(kb.get("rule"), "en")


def test_fingerprint_follows_the_default_language_text_only(write, load) -> None:
    base = fingerprint_of(write, load, rule())
    assert len(base) == 10 and int(base, 16) >= 0
    assert fingerprint_of(write, load, rule(statement_pl="Inny tekst.")) == base  # translations do not count
    assert fingerprint_of(write, load, rule(translated="translated: {pl: 0000000000}\n")) == base
    assert fingerprint_of(write, load, rule().replace('">= 80 %"', '">= 90 %"')) == base  # not a text
    assert fingerprint_of(write, load, rule(statement_en="Answer   within\n    three rings.")) == base  # re-wrapped
    assert fingerprint_of(write, load, rule(statement_en="Answer within two rings.")) != base
    assert fingerprint_of(write, load, rule(title="{en: Pick up quickly, pl: Odbieraj szybko}")) != base


def test_fingerprint_ignores_key_order(write, load) -> None:
    text = rule()
    swapped = text.replace("area: complaints\nroles: [team-lead]\n", "roles: [team-lead]\narea: complaints\n")
    assert swapped != text
    assert fingerprint_of(write, load, swapped) == fingerprint_of(write, load, text)


def states(write, load, text: str) -> tuple[str, tuple[str, ...], bool]:
    write(RULE, text)
    kb = load()
    status = translation_status(kb, kb.get("rule"), "pl")
    return status.state, status.missing, status.stale


def test_current_when_the_recorded_fingerprint_matches(write, load) -> None:
    now = fingerprint_of(write, load, rule())
    assert states(write, load, rule(translated=f"translated: {{pl: {now}}}\n")) == ("current", (), False)


def test_outdated_when_the_default_language_text_changed_since(write, load) -> None:
    recorded = fingerprint_of(write, load, rule())
    changed = rule(statement_en="Answer within two rings.", translated=f"translated: {{pl: {recorded}}}\n")
    assert states(write, load, changed) == ("outdated", (), True)


def test_unverified_when_translated_without_a_record(write, load) -> None:
    assert states(write, load, rule()) == ("unverified", (), False)


def test_missing_when_some_or_all_texts_lack_the_language(write, load) -> None:
    recorded = fingerprint_of(write, load, rule())
    partly = rule(statement_pl=None, translated=f"translated: {{pl: {recorded}}}\n")
    assert states(write, load, partly) == ("missing", ("statement",), False)  # partly translated
    record = f"translated: {{pl: {recorded}}}\n"
    changed = rule(statement_en="Answer within two rings.", statement_pl=None, translated=record)
    assert states(write, load, changed) == ("missing", ("statement",), True)  # ... and the source changed since
    write(RULE, rule(statement_pl=None, title="Pick up fast").replace("{en: Answer rate, pl: Odsetek}", "Rate"))
    kb = load()
    status = translation_status(kb, kb.get("rule"), "pl")
    assert (status.state, status.partial) == ("missing", False)
    assert status.missing == ("title", "statement", "measures[0].name")
    assert translation_status(kb, kb.get("rule"), "en").state == "current"


def test_check_warns_on_the_translated_line(write, load, run_kb) -> None:
    recorded = fingerprint_of(write, load, rule())
    write(RULE, rule(statement_en="Answer within two rings.", translated=f"translated:\n  pl: {recorded}\n"))
    result = run_kb("check")
    assert result.exit_code == 0
    assert (
        "standards/complaints/rule.yaml:15:7: warning: the 'pl' translation of 'rule' is outdated: the en text "
        "changed since it was translated (update the pl texts, then run `kb i18n mark rule --lang pl`)\n"
    ) in result.stdout
    assert run_kb("check", "--strict").exit_code == 1


def test_check_names_translated_entries_for_other_languages(write, run_kb) -> None:
    write(RULE, rule(translated="translated: {en: abc, de: def}\n"))
    out = run_kb("check").stdout
    assert (
        "standards/complaints/rule.yaml:14:18: warning: `translated.en`: 'en' is the default language "
        "(remove it; translations are recorded for pl)\n"
        "standards/complaints/rule.yaml:14:27: warning: `translated.de`: 'de' is not a language the site builds "
        "(remove it; translations are recorded for pl)\n"
    ) in out
    assert "outdated" not in out


def test_marker_shows_only_for_outdated_translations(write, load) -> None:
    recorded = fingerprint_of(write, load, rule())
    write(RULE, rule(translated=f"translated: {{pl: {recorded}}}\n"))
    kb = load()
    assert outdated_marker(kb, kb.get("rule"), "pl") is None
    write(RULE, rule(statement_en="Answer within two rings.", translated=f"translated: {{pl: {recorded}}}\n"))
    kb = load()
    marker = outdated_marker(kb, kb.get("rule"), "pl")
    assert marker is not None and marker.text == "Nieaktualne tłumaczenie"
    assert marker.note.startswith("Tekst oryginalny zmienił się")
    assert outdated_marker(kb, kb.get("rule"), "en") is None


def test_report_translations_lists_each_state_with_counts(write, load, run_kb, kb_project) -> None:
    config = kb_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [en, pl]", "languages: [en, pl, el]"))
    recorded = fingerprint_of(write, load, rule())
    write(RULE, rule(statement_en="Answer within two rings.", translated=f"translated: {{pl: {recorded}}}\n"))
    result = run_kb("report", "translations")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "== Translations ==",
        "1 outdated, 9 missing, 8 unverified, 0 current (items × languages)",
        "",
        "Language: pl (1 outdated, 0 missing, 8 unverified, 0 current)",
    ]
    assert lines[4] == (
        "  outdated    rule                     the en text changed since it was translated  "
        "[standards/complaints/rule.yaml:14:18]"
    )
    assert "Language: el (0 outdated, 9 missing, 0 unverified, 0 current)" in lines
    assert "  missing  rule                     not translated  [standards/complaints/rule.yaml:3:8]" in lines
    only_el = json.loads(run_kb("report", "translations", "--lang", "el", "--format", "json").stdout)
    assert [s["key"] for s in only_el["translations"]["sections"]] == ["el"]
    assert only_el["translations"]["counts"] == {"outdated": 0, "missing": 9, "unverified": 0, "current": 0}


def test_report_refuses_an_unknown_language(kb_project, run_kb) -> None:
    result = run_kb("report", "translations", "--lang", "pll")
    assert result.exit_code == 2
    assert result.stderr == "kb: --lang pll: not a translated language of this site (did you mean 'pl'?)\n"
