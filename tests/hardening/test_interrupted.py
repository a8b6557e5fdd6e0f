"""13.8: a killed `kb build` leaves no worker behind, and the next run cleans what a dead one left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_sigkill_of_kb_build_leaves_no_worker_behind(kb_project: Path) -> None:
    build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-pdf", "-j", "2", "-q"],
                             cwd=kb_project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        assert wait_for(lambda: len(workers.extend(children(build.pid)) or set(workers)) >= 2), "no workers"
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
    workers = sorted(set(workers))
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 20), [p for p in workers if alive(p)]


def test_the_next_run_removes_what_a_killed_one_left(kb_project: Path, run_kb) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    cache = kb_project / ".kb/cache"
    stale = cache / f"search.tmp-{dead}"
    (stale / "part").mkdir(parents=True)
    staging = kb_project / f".site.kb-build-{dead}-0123abcd"
    staging.mkdir()
    running = cache / f"search.tmp-{os.getppid()}"  # a live process's folder is never touched
    running.mkdir()
    assert run_kb("search", "caller").exit_code in (0, 1)
    assert not stale.exists() and running.exists()
    assert run_kb("build", "--no-pdf", "-q").exit_code == 0
    assert not staging.exists()
