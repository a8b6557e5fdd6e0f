"""The GitHub Actions workflow `kb init` writes and the repository's pre-commit hook are valid and complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "git+https://github.com/example/service-standards@0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="module")
def new_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from generator.cli import cli
    from generator.commands import register

    register(cli)
    folder = tmp_path_factory.mktemp("init") / "new"
    result = CliRunner().invoke(cli, ["init", str(folder), "--source", SOURCE], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def workflow(new_repo: Path) -> dict:
    data = yaml.safe_load((new_repo / ".github/workflows/kb.yml").read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
    return data


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_workflow_runs_on_pull_requests_and_main(workflow) -> None:
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert list(workflow["jobs"]) == ["check", "build", "deploy"]


def test_check_job_annotates_the_pull_request(workflow) -> None:
    job = workflow["jobs"]["check"]
    assert uses(job) == ["actions/checkout", "actions/setup-python"]
    assert "kb check --format github" in runs(job)
    assert workflow["env"]["KB_INSTALL"] == SOURCE
    assert 'pip install "$KB_INSTALL"' in runs(job)


def test_build_job_makes_pdfs_with_noto_fonts_and_uploads_on_main(workflow) -> None:
    job = workflow["jobs"]["build"]
    assert job["needs"] == "check"
    steps = runs(job)
    assert any("apt-get install" in run and "fonts-noto-core" in run for run in steps)
    assert "kb build" in steps
    assert steps.index("kb build") > next(i for i, run in enumerate(steps) if "fonts-noto-core" in run)
    assert job["steps"][0]["with"]["fetch-depth"] == 0  # full history for the pages' "last changed"
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert "refs/heads/main" in upload["if"] and "pull_request" in upload["if"]


def test_build_job_keeps_the_build_cache_between_runs(workflow) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    cache = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/cache@"))
    build = next(i for i, step in enumerate(steps) if step.get("run") == "kb build")
    assert cache < build
    assert steps[cache]["with"]["path"] == ".kb/cache\n!.kb/cache/trash\n"  # the replaced site: not worth keeping
    key, restore = steps[cache]["with"]["key"], steps[cache]["with"]["restore-keys"]
    assert key.startswith(restore) and "github.sha" in key  # a new entry per run, restored from the latest


def test_deploy_job_publishes_to_pages_from_main_only(workflow) -> None:
    job = workflow["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert "refs/heads/main" in job["if"] and "github.event_name != 'pull_request'" in job["if"]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert uses(job) == ["actions/deploy-pages"]


def test_the_workflow_and_pre_commit_install_the_same_kb(new_repo: Path) -> None:
    config = yaml.safe_load((new_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert (hook["id"], hook["entry"], hook["language"]) == ("kb-check", "kb check", "python")
    assert hook["additional_dependencies"] == [SOURCE]
    for name in (".github/workflows/kb.yml", ".pre-commit-config.yaml"):
        text = (new_repo / name).read_text(encoding="utf-8")
        assert "not on PyPI yet; once it is, `service-standards-kb==VERSION` will do here" in text


@pytest.mark.slow
def test_the_install_line_kb_init_writes_installs_kb(tmp_path: Path) -> None:
    """What a new repository's CI runs, resolved by pip for real (from a clone of this checkout's HEAD)."""
    import subprocess
    import sys

    clone = tmp_path / "kb-source"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    from generator.scaffold.source import _checkout_source

    source = _checkout_source(clone)
    assert source.requirement.startswith(f"git+{ROOT.as_uri()}@")  # the clone's origin, at its commit
    assert "a folder on this machine" in source.warning
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "-q", "--report", str(report),
                    source.requirement], check=True, cwd=tmp_path)
    (install,) = json.loads(report.read_text(encoding="utf-8"))["install"]
    assert install["metadata"]["name"] == "service-standards-kb"
    assert install["download_info"]["vcs_info"]["commit_id"] == source.requirement.rsplit("@", 1)[1]


def test_the_wheel_carries_the_templates() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["*"]
    assert any(Path("templates/kb.yml.j2").match(pattern) for pattern in patterns)


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    (hook,) = hooks
    assert {"id", "name", "entry", "language"} <= set(hook)  # pre-commit's required keys
    assert hook["id"] == "kb-check"
    assert hook["entry"] == "kb check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("standards/phone/pickup.yaml") and files.search("onboarding/roles/agent.yml")
    assert not files.search("README.md") and not files.search("standards/x.yaml.bak")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts
