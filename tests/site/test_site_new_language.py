"""Adding a language is adding one locale file: a fifth language builds the site and a printout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import words

GERMAN = """\
# Only a few words: every other one falls back to English
language_name: Deutsch
language_names: {en: Englisch, de: Deutsch}
standards: Standards
checklists: Checklisten
not_translated: Noch nicht übersetzt
done: Erledigt
print_page: Seite
print_of: von
stop_words: "der die das und"
stemmer: german
"""


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "locales"
    shutil.copytree(words.FOLDER, folder)
    (folder / "de.yaml").write_text(GERMAN, "utf-8")
    monkeypatch.setattr(words, "FOLDER", folder)
    return folder


def test_a_fifth_language_file_builds_the_site_and_a_printout(german: Path, site_kb: Path, run_kb) -> None:
    from pypdf import PdfReader

    config = site_kb / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("languages: [en, pl, el]", "languages: [en, pl, el, de]"),
                      "utf-8")
    assert words.available() == ["de", "el", "en", "pl", "ro"]
    result = run_kb("build", "--no-pdf", "-j", "1")
    assert result.exit_code == 0, result.stderr
    home = (site_kb / "site" / "de" / "index.html").read_text("utf-8")
    assert '<html lang="de"' in home and ">Checklisten<" in home and "Deutsch" in home
    analysis = json.loads((site_kb / "site" / "_kb" / "search" / "static" / "analysis.json").read_text("utf-8"))
    assert analysis["snowball"]["de"] == "german"  # the locale file's stemmer reaches the browser's search
    page = (site_kb / "site" / "de" / "checklists" / "weekly-huddle" / "index.html").read_text("utf-8")
    assert "Noch nicht übersetzt" in page and "Englisch" in page
    result = run_kb("print", "weekly-huddle", "--lang", "de", "-o", "out")
    assert result.exit_code == 0, result.stderr
    text = " ".join(p.extract_text() for p in PdfReader(site_kb / "out" / "weekly-huddle.de.pdf").pages)
    assert "ERLEDIGT" in text and "Seite 1 von 1" in text
