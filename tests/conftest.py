"""Shared pytest options and fixtures for the whole suite."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

FIXTURES = Path(__file__).parent / "fixtures"
BASE_KB = FIXTURES / "base-kb"  # a small, valid knowledge base (a copy of generator/scaffold/sample)
TODAY = "2026-11-23"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite golden files (expected outputs) from the current output instead of comparing.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with --update-goldens."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def kb_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/base-kb as the working folder, with KB_TODAY fixed."""
    root = tmp_path / "kb"
    shutil.copytree(BASE_KB, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("KB_TODAY", TODAY)
    return root


@pytest.fixture
def run_kb() -> Callable[..., Result]:
    """Run `kb ARGS…` in-process through click's CliRunner (stdout and stderr kept apart)."""
    from generator.cli import cli
    from generator.commands import register

    register(cli)

    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture
def compare_tree(update_goldens: bool) -> Callable[[Path, Path], None]:
    """Compare a folder with a golden folder: the same file names and the same bytes.

    With --update-goldens the golden folder is replaced by the actual one.
    """

    def compare(actual: Path, golden: Path) -> None:
        if update_goldens:
            shutil.rmtree(golden, ignore_errors=True)
            shutil.copytree(actual, golden, ignore=shutil.ignore_patterns("__pycache__"))
        got, want = _tree(actual), _tree(golden)
        assert sorted(got) == sorted(want), "the files differ from the golden folder (--update-goldens rewrites it)"
        for name in want:
            assert got[name].decode("utf-8") == want[name].decode("utf-8"), f"{name} differs from {golden / name}"

    return compare
