"""13.4: every write goes through `generator.files.atomic_write`: an exclusive temporary file beside the
target, the target's permissions kept, never through a link; a planted symbolic link at the old fixed
temporary name is never followed; a symlinked or read-only content file is not marked, and kb says why."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.files import WriteRefused, atomic_write, write_if_changed
from generator.lifecycle.marking import MarkError, mark_file

SPEED = "standards/principles/speed.yaml"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim" / ".bashrc"
    path.parent.mkdir()
    path.write_text("alias ls='ls --color'\n")
    return path


def test_a_planted_link_at_the_old_temporary_name_is_never_written_through(kb_project: Path, victim: Path,
                                                                            run_kb) -> None:
    planted = kb_project / "standards/principles/.speed.yaml.kb-tmp"
    planted.symlink_to(victim)
    result = run_kb("i18n", "mark", "speed", "--lang", "pl")
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == "alias ls='ls --color'\n"
    assert planted.is_symlink()
    assert "translated:\n  pl: " in (kb_project / SPEED).read_text()
    leftovers = [p.name for p in (kb_project / "standards/principles").iterdir() if ".kb-tmp" in p.name]
    assert leftovers == [".speed.yaml.kb-tmp"]


def test_marking_a_symlinked_file_says_so_and_leaves_both_alone(kb_project: Path, run_kb) -> None:
    shared = kb_project / "shared.yaml"
    (kb_project / SPEED).rename(shared)
    (kb_project / SPEED).symlink_to(shared)
    before = shared.read_bytes()
    result = run_kb("i18n", "mark", "speed", "--lang", "pl")
    assert result.exit_code == 1
    assert (f"{SPEED}:1: error: not marked: it is a symbolic link; kb does not write through links\n"
            in result.stderr)
    assert shared.read_bytes() == before and (kb_project / SPEED).is_symlink()


def test_marking_a_read_only_file_says_so(kb_project: Path, run_kb) -> None:
    path = kb_project / SPEED
    path.chmod(0o444)
    before = path.read_bytes()
    result = run_kb("i18n", "mark", "speed", "--lang", "pl")
    assert result.exit_code == 1
    assert f"{SPEED}:1: error: not marked: it is read-only\n" in result.stderr
    assert path.read_bytes() == before


def test_marking_keeps_the_files_permissions(kb_project: Path) -> None:
    path = kb_project / SPEED
    path.chmod(0o640)
    assert mark_file(path, [("pl", "0123456789")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_mark_file_refuses_a_link_with_a_mark_error(kb_project: Path, victim: Path) -> None:
    link = kb_project / "standards/principles/linked.yaml"
    link.symlink_to(victim)
    with pytest.raises(MarkError, match="it is a symbolic link"):
        mark_file(link, [("pl", "0123456789")])
    assert victim.read_text() == "alias ls='ls --color'\n"


def test_atomic_write_never_follows_a_link_and_leaves_no_temporary_file(tmp_path: Path, victim: Path) -> None:
    target = tmp_path / "out.txt"
    target.symlink_to(victim)
    with pytest.raises(WriteRefused, match="symbolic link"):
        atomic_write(target, b"x")
    assert victim.read_text() == "alias ls='ls --color'\n"
    fresh = tmp_path / "new.txt"
    atomic_write(fresh, b"one")
    assert fresh.read_bytes() == b"one"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert write_if_changed(fresh, b"one") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "out.txt", "victim"]


def test_print_onto_a_folder_named_like_the_pdf_is_a_clear_error(kb_project: Path, run_kb) -> None:
    out = kb_project / "out"
    (out / "weekly-huddle.pdf").mkdir(parents=True)
    result = run_kb("print", "weekly-huddle", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.endswith("kb: cannot write 'out/weekly-huddle.pdf': it is a folder\n")
