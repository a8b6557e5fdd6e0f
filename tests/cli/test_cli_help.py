"""`kb --help` lists every command, each command has --help, and the CLI starts without heavy imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from generator.commands import COMMANDS


def test_help_lists_every_command(run_kb) -> None:
    result = run_kb("--help")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert sorted(listed) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(run_kb, name: str) -> None:
    result = run_kb(name, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: cli {name}") or result.stdout.startswith(f"Usage: kb {name}")


def test_version(run_kb) -> None:
    result = run_kb("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("kb, version ")


def test_unknown_command_is_a_usage_error(run_kb) -> None:
    result = run_kb("chek")
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.stderr


HEAVY = ("mkdocs", "material", "weasyprint", "whoosh", "playwright", "pydantic", "jinja2", "yaml")


def test_help_does_not_import_heavy_libraries() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from generator.cli import main
        sys.argv = ["kb", "--help"]
        try:
            main()
        except SystemExit:
            pass
        heavy = {HEAVY!r}
        print(sorted(name for name in sys.modules if name.split(".")[0] in heavy))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: kb" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"
