"""The rendered pages: links both ways, banners, fallbacks, the nav, safety at the emit boundary."""

from __future__ import annotations

import posixpath
import re

import pytest
from site_helpers import fixture_kb, rendered, renderer

from generator.render.nav import build_nav, not_in_nav
from generator.render.pages import PageSpec, list_pages, render, render_all, safe_id
from generator.site.emit import UnsafePath, safe_join

LINK = re.compile(r"\]\(([^)\s]+\.md)(#[^)]*)?\)")


def links(text: str, doc: str) -> set[str]:
    return {posixpath.normpath(posixpath.join(posixpath.dirname(doc), target)) for target, _ in LINK.findall(text)}


@pytest.mark.parametrize("lang", ["en", "pl", "el"])
def test_every_markdown_link_points_at_a_page(lang: str) -> None:
    pages = rendered(lang)
    for doc, text in pages.items():
        missing = links(text, doc) - set(pages)
        assert not missing, f"{doc} links to {missing}"


def test_every_page_is_reachable_from_the_nav_or_an_index() -> None:
    pages = rendered("en")
    reachable, todo = {"index.md"}, ["index.md"]
    nav_docs = re.findall(r"'([^']+\.md)'", repr(build_nav(renderer("en"))))
    reachable |= set(nav_docs)
    todo += nav_docs
    while todo:
        doc = todo.pop()
        for target in links(pages[doc], doc) - reachable:
            reachable.add(target)
            todo.append(target)
    assert set(pages) - reachable == set()


def test_a_standard_shows_what_points_at_it() -> None:
    text = rendered("en")["standards/complaint-first-contact.md"]
    used = text.split("## Where it is used", 1)[1]
    assert "[Agent's first week](../paths/agent-first-week.md) — Day 1: welcome" in used
    assert "[Five-minute weekly huddle](../checklists/weekly-huddle.md)" in used
    origin = text.split("## Where it came from", 1)[1].split("##", 1)[0]
    assert "Adopted from the practice: [Let the first person decide](../practices/decide-at-first-contact.md)" in origin
    assert "[Speed](../principles/speed.md)" in origin and "[Trust](../principles/trust.md)" in origin
    assert "[Customer service agent](../roles/agent.md){ .kb-chip .kb-chip--role }" in text


def test_rule_and_authority_come_first_then_print_steps_measures_do_dont_and_why() -> None:
    """Phone-first: what a member of staff needs mid-call is on the first screen; background after."""
    text = rendered("en")["standards/complaint-first-contact.md"]
    order = ["kb-statement", "## What you may decide alone", "kb-print", "## Steps",
             "## Measures and targets", "## Do and don't", "## Why it matters", "## Where it came from",
             "## Where it is used"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "| First-contact resolution | **&gt;= 80 %** | Weekly CRM report |" in text


def test_links_run_backwards_from_principle_practice_role_and_competency() -> None:
    pages = rendered("en")
    assert "[Close typical complaints at the first contact](../standards/complaint-first-contact.md)" in \
        pages["principles/trust.md"]
    assert "## Adopted by" in pages["practices/decide-at-first-contact.md"]
    role = pages["roles/agent.md"]
    assert "[Agent's first week](../paths/agent-first-week.md)" in role
    assert "| [Active listening](../competencies/active-listening.md) | <span class=\"kb-level kb-level--3\">3</span>" \
        in role
    assert "[Customer service agent](../roles/agent.md) — <span class=\"kb-level kb-level--3\">3</span>" in \
        pages["competencies/active-listening.md"]


def test_practice_catalogue_groups_by_state() -> None:
    text = rendered("en")["practices/index.md"]
    adopted, rest = text.split("## Candidates", 1)
    candidates, rejected = rest.split("## Rejected", 1)
    assert "decide-at-first-contact" in adopted and "call-back-promise" in candidates
    assert "script-every-call" in rejected


def test_draft_and_retired_banners_and_retired_leaves_indexes_and_search() -> None:
    pages = rendered("en")
    assert '!!! warning "Draft"' in pages["standards/returns-without-receipt.md"]
    retired = pages["standards/old-greeting-script.md"]
    assert '!!! danger "Retired"' in retired
    assert "search:\n  exclude: true" in retired.split("---", 2)[1]
    for doc, text in pages.items():
        if doc.startswith(("areas/", "channels/", "roles/", "index")) or doc in ("standards/index.md",):
            assert "old-greeting-script" not in text, doc
    assert "old-greeting-script" in pages["reports/drafts.md"]


def test_greek_falls_back_to_english_with_markers_and_notice() -> None:
    text = rendered("el")["standards/complaint-first-contact.md"]
    assert '!!! info kb-notice "Δεν έχει μεταφραστεί ακόμη"' in text
    assert "εμφανίζονται στα αγγλικά" in text  # English named in Greek
    assert '<div class="kb-fallback" lang="en" data-kb-untranslated="Δεν έχει μεταφραστεί ακόμη (αγγλικά)" markdown>' \
        in text
    assert "The customer is already annoyed." in text
    assert "Τουλάχιστον το **80 %**" in text  # translated text is used where present
    assert '<span class="kb-untranslated"' in text


def test_polish_page_is_fully_translated_without_notice() -> None:
    text = rendered("pl")["standards/complaint-first-contact.md"]
    assert "Jeszcze nieprzetłumaczone" not in text and "kb-untranslated" not in text
    assert "## Dlaczego to ważne dla klienta" in text


def test_edit_link_points_at_the_yaml_file() -> None:
    text = rendered("en")["roles/agent.md"]
    assert 'href="https://github.com/example/standards/edit/main/onboarding/roles/agent.yaml"' in text


def test_path_page_has_keyed_steps_progress_and_print_link() -> None:
    text = rendered("en")["paths/agent-first-week.md"]
    assert 'data-kb-path="agent-first-week"' in text
    keys = re.findall(r'data-kb-step="([^"]+)" data-kb-phase="([^"]+)"', text)
    assert keys == [("meet-mentor", "phase-1"), ("read-complaints", "phase-1"),
                    ("shadow-calls", "phase-2"), ("join-huddle", "phase-2")]
    assert text.count('data-kb-progress="') == 3
    assert 'href="../../print/agent-first-week.pdf"' in text
    assert text.count("- [ ] ") == 4


def test_output_is_deterministic() -> None:
    first = render_all(renderer("el"), list_pages(fixture_kb()[1]))
    again = render_all(renderer("el"), list_pages(fixture_kb()[1]))
    assert first == again


def test_nav_lists_sections_and_indexes_only() -> None:
    nav = repr(build_nav(renderer("en")))
    docs = set(re.findall(r"'([^']+\.md)'", nav))
    items = {spec.doc for spec in list_pages(fixture_kb()[1]) if spec.item is not None and spec.kind != "role"}
    assert not docs & items
    assert "standards/index.md" in docs and "areas/complaints.md" in docs and "reports/review.md" in docs
    assert "/standards/*.md" in not_in_nav()


def test_nav_titles_are_html_escaped() -> None:
    from generator.render.nav import _entry

    assert _entry("A <b> & 'c'", "x.md") == {"A &lt;b&gt; &amp; &#x27;c&#x27;": "x.md"}


@pytest.mark.parametrize("bad", ["../escape", "/etc/passwd", "a/../../b", "", "a\\b", "x/../../y"])
def test_paths_outside_the_project_are_refused(tmp_path, bad: str) -> None:
    with pytest.raises(UnsafePath):
        safe_join(tmp_path, bad)


def test_ids_are_checked_again_where_they_become_file_names() -> None:
    assert safe_id("complaint-first-contact") == "complaint-first-contact"
    with pytest.raises(ValueError, match="not a slug"):
        safe_id("../../etc")


def test_a_template_typo_fails_loudly() -> None:
    import jinja2

    from generator.render import env

    broken = env.environment().from_string("{{ L.no_such_label }}")
    with pytest.raises(jinja2.UndefinedError):
        broken.render(L={})


def test_render_one_page() -> None:
    _, kb = fixture_kb()
    spec = PageSpec("standards/complaint-first-contact.md", "standard", kb.get("complaint-first-contact"))
    assert render(spec, renderer("en")) == rendered("en")["standards/complaint-first-contact.md"]
