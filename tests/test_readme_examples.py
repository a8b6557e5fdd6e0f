"""Every shell example of the README runs as written.

Each ```sh or ```console block after the two set-up commands is preceded by a marker saying where it runs:

* `<!-- readme-test: checkout -->` in a copy of this checkout (the starter content, `.venv` as installed);
* `<!-- readme-test: my-standards -->` in the repository that an earlier block made with `kb init ../my-standards`;
* `<!-- readme-test: skip (why) -->` not run, with the reason.

In a console block, `$ ` lines are the commands and the lines after them output that must appear; in a
block without `$ `, every line is a command. `kb serve` and `kb preview` are started on a free port,
asked for their home page and stopped. Blocks run in order, with KB_TODAY fixed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!-- readme-test: (checkout|my-standards|skip \(.+?\)) -->\n```(sh|console)\n(.*?)```", re.S)
BLOCK = re.compile(r"```(sh|console)\n(.*?)```", re.S)
TODAY = "2026-12-07"

# `kb serve` and `kb preview` run until stopped: start them on a free port, fetch the home page, stop them.
SERVERS = r'''
kb() {
  case "$1" in
    serve|preview)
      local port log pid url
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      log=$(mktemp)
      command kb "$@" --port "$port" >"$log" 2>&1 &
      pid=$!
      url="http://127.0.0.1:$port/"
      for _ in $(seq 1 1200); do
        if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null
        then kill "$pid"; wait "$pid" 2>/dev/null || true; cat "$log"; echo "answered: $url"; return 0; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill "$pid" 2>/dev/null || true; cat "$log"; echo "kb $1 did not answer on $url"; return 1;;
    *) command kb "$@";;
  esac
}
set -eo pipefail
'''


@dataclass
class Example:
    place: str
    kind: str
    body: str

    def commands(self) -> list[str]:
        lines = self.body.splitlines()
        if self.kind == "console" and any(line.startswith("$ ") for line in lines):
            return [line[2:] for line in lines if line.startswith("$ ")]
        return [line for line in lines if line.strip()]

    def expected_output(self) -> list[str]:
        if self.kind != "console":
            return []
        return [line for line in self.body.splitlines() if line.strip() and not line.startswith("$ ")
                and any(other.startswith("$ ") for other in self.body.splitlines())]


def examples() -> list[Example]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [Example(place, kind, body) for place, kind, body in MARKER.findall(text)]


def test_every_shell_example_after_the_set_up_commands_says_where_it_runs() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) == len(examples()) + 2, "a ```sh/```console block lacks its <!-- readme-test: … --> marker"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout (content, config, benchmarks) beside which ../my-standards will be made."""
    world = tmp_path_factory.mktemp("readme")
    checkout = world / "checkout"
    checkout.mkdir()
    for name in ("standards", "onboarding", "bench"):
        shutil.copytree(ROOT / name, checkout / name)
    shutil.copy(ROOT / "mkdocs.yml", checkout)
    (checkout / ".venv").symlink_to(Path(sys.prefix))  # the venv the README's set-up command made
    return world


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(examples())))
def test_readme_example(world: Path, number: int) -> None:
    example = examples()[number]
    if example.place.startswith("skip"):
        pytest.skip(example.place)
    cwd = world / ("checkout" if example.place == "checkout" else "my-standards")
    assert cwd.is_dir(), f"{cwd.name} does not exist yet: an earlier example makes it"
    script = SERVERS + "\n".join(example.commands()) + "\n"
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(world), "KB_TODAY": TODAY,
           "LANG": "C.UTF-8", "PYTHONUTF8": "1"}
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"README example {number + 1} failed:\n{script}\n{output}"
    assert "Traceback" not in output
    for line in example.expected_output():
        assert line in output.splitlines(), f"README shows {line!r}, the command printed:\n{output}"
