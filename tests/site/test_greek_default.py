"""A Greek-default knowledge base (`languages: [el, ro, en]`) whose checklists and paths have no explicit
keys: the keys come from transliterated Greek text, so it checks clean, builds and prints."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import TODAY

from generator.build import build
from generator.config import load_project
from generator.content.types import slugify

pytestmark = pytest.mark.slow


@pytest.fixture
def greek_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "greek-keys-kb"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "greek-keys-kb", root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return root


def test_keys_are_transliterated_and_stable() -> None:
    assert slugify("Διάβασε το πρότυπο για τα παράπονα") == "diavase-to-protypo-gia-ta-parapona"
    assert slugify("Ascultă cinci apeluri, ș ş ț ţ") == "asculta-cinci-apeluri-s-s-t-t"
    assert slugify("Obsługa klienta — Łódź") == "obsluga-klienta-lodz"  # Latin keys as before


def test_a_greek_default_knowledge_base_checks_clean(greek_kb: Path, run_kb) -> None:  # type: ignore[no-untyped-def]
    result = run_kb("check", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "kb check: no problems\n")


def test_a_greek_default_knowledge_base_builds_with_greek_keys(greek_kb: Path) -> None:
    assert build(load_project(greek_kb / "mkdocs.yml"), pdf=True, jobs=1).ok
    path_page = (greek_kb / "site/paths/agent-first-week/index.html").read_text("utf-8")
    assert re.findall(r'data-kb-step="([^"]+)"', path_page) == [
        "diavase-to-protypo-gia-ta-parapona",
        "akoyse-pente-kliseis-me-empeiro-synadelfo",
        "anoixe-tin-imera-me-ti-lista-elegchoy",
    ]
    assert '<html lang="el"' in path_page
    assert (greek_kb / "site/ro/paths/agent-first-week/index.html").is_file()
    assert (greek_kb / "site/print/daily-opening.pdf").is_file()
