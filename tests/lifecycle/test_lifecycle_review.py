"""Review lifecycle: current, due within 30 days, overdue (and never reviewed), with KB_TODAY=2026-11-23."""

from __future__ import annotations

import json
from datetime import date

import pytest
from lifecycle_helpers import standard

from generator.lifecycle.reviews import review_badge, review_entries


@pytest.mark.parametrize(
    ("reviewed", "every", "state", "due"),
    [
        ("2026-06-01", None, "current", "2027-06-01"),
        ("2025-12-24", None, "current", "2026-12-24"),  # 31 days ahead: not yet due
        ("2025-12-23", None, "due", "2026-12-23"),  # exactly 30 days ahead
        ("2025-11-23", None, "due", "2026-11-23"),  # due today is not overdue yet
        ("2025-11-22", None, "overdue", "2026-11-22"),
        ("2026-05-01", 6, "overdue", "2026-11-01"),  # the item's own cycle wins over the config's 12 months
        (None, None, "never", None),
    ],
)
def test_review_state(write, load, reviewed, every, state, due) -> None:
    write("standards/complaints/rule.yaml", standard("rule", reviewed=reviewed, every=every))
    kb = load()
    review = kb.review(kb.get("rule"))
    assert review.state == state
    assert review.due == (date.fromisoformat(due) if due else None)


def test_badges_say_the_state_and_date(write, load) -> None:
    write("standards/complaints/late.yaml", standard("late", reviewed="2025-01-15"))
    write("standards/complaints/soon.yaml", standard("soon", reviewed="2025-12-01"))
    write("standards/complaints/fresh.yaml", standard("fresh", reviewed="2026-09-01"))
    write("standards/complaints/unseen.yaml", standard("unseen"))
    kb = load()
    assert review_badge(kb, kb.get("late"), "en").text == "Review overdue since 2026-01-15"
    assert review_badge(kb, kb.get("late"), "pl").text == "Przegląd zaległy od 2026-01-15"
    assert review_badge(kb, kb.get("soon"), "en").text == "Review due by 2026-12-01"
    assert review_badge(kb, kb.get("fresh"), "en").text == "Reviewed 2026-09-01 · next review by 2027-09-01"
    assert review_badge(kb, kb.get("unseen"), "en").text == "Not reviewed yet"
    assert review_badge(kb, kb.get("late"), "xx").state == "overdue"  # unknown language: English text


def test_entries_are_grouped_by_owner_overdue_first(write, load) -> None:
    write("onboarding/roles/agent.yaml", "kind: role\nid: agent\ntitle: Agent\n")
    write("standards/complaints/b.yaml", standard("b", reviewed="2025-12-01", owner="agent"))
    write("standards/complaints/a.yaml", standard("a", reviewed="2025-10-01", owner="agent"))
    write("standards/complaints/c.yaml", standard("c", reviewed="2025-12-10"))
    entries = review_entries(load())
    assert list(entries) == ["agent", "team-lead"]
    assert [(e.item.id, e.review.state) for e in entries["agent"]] == [("a", "overdue"), ("b", "due")]
    assert [e.item.id for e in entries["team-lead"]] == ["c"]  # the sample's current items are left out
    assert "complaint-first-contact" in [e.item.id for e in review_entries(load(), include_current=True)["team-lead"]]


def test_report_review_text(write, run_kb) -> None:
    write("standards/complaints/late.yaml", standard("late", reviewed="2025-01-15"))
    write("standards/complaints/soon.yaml", standard("soon", reviewed="2025-12-01"))
    result = run_kb("report", "review")
    assert result.exit_code == 0
    assert result.stdout == (
        "== Reviews by owner ==\n"
        "2026-11-23: 1 overdue, 1 due within 30 days, 0 never reviewed, 3 current\n"
        "\n"
        "Owner: team-lead\n"
        "  overdue  late  overdue since 2026-01-15  [standards/complaints/late.yaml:13:11]\n"
        "  due      soon  due by 2026-12-01  [standards/complaints/soon.yaml:13:11]\n"
    )


def test_report_review_json_lists_current_with_all(write, run_kb) -> None:
    write("standards/complaints/late.yaml", standard("late", reviewed="2025-01-15"))
    data = json.loads(run_kb("report", "review", "--format", "json", "--all").stdout)["review"]
    assert data["counts"] == {"overdue": 1, "due": 0, "never": 0, "current": 3}
    (section,) = data["sections"]
    late = section["entries"][0]
    assert (section["key"], late["item"], late["state"], late["where"]) == (
        "team-lead", "late", "overdue", "standards/complaints/late.yaml:13:11")
    assert late["data"] == {"kind": "standard", "owner": "team-lead", "reviewed": "2025-01-15", "due": "2026-01-15"}
    assert [e["state"] for e in section["entries"]] == ["overdue", "current", "current", "current"]


def test_check_warns_on_overdue_and_strict_makes_it_an_error(write, run_kb) -> None:
    write("standards/complaints/late.yaml", standard("late", reviewed="2025-01-15"))
    expected = (
        "standards/complaints/late.yaml:13:11: {}: review of 'late' is overdue since 2026-01-15 "
        "(review it with its owner 'team-lead' and set `reviewed:` to the review date)\n"
    )
    result = run_kb("check")
    assert result.exit_code == 0
    assert expected.format("warning") in result.stdout
    strict = run_kb("check", "--strict")
    assert strict.exit_code == 1
    assert expected.format("error") in strict.stdout


def test_check_is_quiet_about_due_and_current_reviews(write, run_kb) -> None:
    write("standards/complaints/soon.yaml", standard("soon", reviewed="2025-12-01"))
    assert "review" not in run_kb("check").stdout
