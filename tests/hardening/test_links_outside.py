"""13.3: files that resolve outside the project (symbolic links to /etc/passwd, /proc/self/environ) or are not
regular files (a FIFO) are refused with an error naming the link, never read, published or blocked on."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

SECRET = "SECRET=hunter2\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secrets.env"
    path.parent.mkdir()
    path.write_text(SECRET)
    return path


def test_a_content_file_linked_outside_the_project_is_an_error_naming_the_link(
        kb_project: Path, run_kb, secret: Path) -> None:
    (kb_project / "standards/principles/leak.yaml").symlink_to(secret)
    result = run_kb("check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"standards/principles/leak.yaml:1:1: error: not read: it is a link to {secret}, outside the project "
        "(content files must be regular files inside the project)\n")


def test_a_fifo_among_the_content_is_an_error_not_a_hang(kb_project: Path, run_kb) -> None:
    os.mkfifo(kb_project / "standards/principles/pipe.yaml")
    result = run_kb("check")
    assert result.stdout == (
        "standards/principles/pipe.yaml:1:1: error: not read: it is not a regular file (a FIFO, device or socket) "
        "(content files must be regular files inside the project)\n")


def test_a_link_inside_the_project_is_read(kb_project: Path, run_kb) -> None:
    shared = kb_project / "shared"
    shared.mkdir()
    (kb_project / "standards/principles/speed.yaml").rename(shared / "speed.yaml")
    (kb_project / "standards/principles/speed.yaml").symlink_to(shared / "speed.yaml")
    assert run_kb("check").exit_code == 0


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_a_docs_file_linked_outside_is_refused_and_not_published(
        kb_project: Path, run_kb, target: str) -> None:
    docs = kb_project / "docs"
    docs.mkdir()
    (docs / "logo.svg").write_text("<svg/>")
    (docs / "notes.txt").symlink_to(target)
    result = run_kb("build", "--no-pdf", "-q")
    assert result.exit_code == 2
    shown = "/etc/passwd" if target == "/etc/passwd" else "/proc/<pid>/environ"
    assert re.sub(r"/proc/\d+/", "/proc/<pid>/", result.stderr) == (
        "kb: the site could not be built; site/ is unchanged.\n"
        f"docs/notes.txt: refusing to publish: it is a link to {shown}, outside the project\n")
    assert not (kb_project / "site").exists()


def test_a_docs_folder_linked_outside_is_refused(kb_project: Path, run_kb, secret: Path) -> None:
    (kb_project / "docs").mkdir()
    (kb_project / "docs" / "private").symlink_to(secret.parent)
    result = run_kb("build", "--no-pdf", "-q")
    assert result.exit_code == 2
    assert f"docs/private: refusing to publish: it is a link to {secret.parent}, outside the project" in result.stderr


def test_a_fifo_in_docs_is_refused(kb_project: Path, run_kb) -> None:
    (kb_project / "docs").mkdir()
    os.mkfifo(kb_project / "docs" / "pipe.css")
    result = run_kb("build", "--no-pdf", "-q")
    assert "docs/pipe.css: refusing to publish: it is not a regular file (a FIFO, device or socket)" in result.stderr


@pytest.mark.parametrize("folder", ["/", "..", "../elsewhere"])
def test_content_outside_the_project_is_refused_at_its_line(kb_project: Path, run_kb, folder: str) -> None:
    Path("mkdocs.yml").write_text(f"site_name: x\nkb:\n  content: [standards, '{folder}']\n")
    result = run_kb("check")
    resolved = (kb_project / folder).resolve()
    assert result.stderr == (f"kb: mkdocs.yml:3:24: `kb.content`: '{folder}' lies outside the project folder "
                             f"(it is {resolved}); content folders must be inside it\n")
