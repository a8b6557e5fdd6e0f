"""How long `kb check` takes beside the floor of merely parsing the same YAML with libyaml.

    .venv/bin/python bench/check.py [N ...] [--profile N]

For each size (default 1,000 and 10,000 standards) it generates a knowledge base
with bench/synth.py, then prints the best of three runs of the in-process check
pipeline (load_project + build_knowledge_base) and of the floor: reading every
content file and `yaml.load(bytes, Loader=CSafeLoader)`. The aim is a ratio of
at most 2. `--profile N` prints a cProfile of one check of N standards instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

from generator.config import load_project  # noqa: E402
from generator.content.files import discover  # noqa: E402
from generator.content.pipeline import build_knowledge_base  # noqa: E402


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """The best wall-clock time and the best CPU time of `runs` runs (CPU time is steadier on a busy machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def check(config: Path) -> None:
    _, diagnostics = build_knowledge_base(load_project(config))
    if diagnostics.errors:  # the synthetic knowledge base must be valid, or the figure means nothing
        raise SystemExit(f"unexpected errors, e.g. {diagnostics.errors[0]}")


def floor(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def measure(n: int, workdir: Path) -> tuple[int, tuple[float, float], tuple[float, float]]:
    config = generate(workdir / f"kb-{n}", n)
    project = load_project(config)
    files = discover(project.content_dirs)
    check(config)  # warm up imports and caches once
    return len(files), best_of(3, lambda: check(config)), best_of(3, lambda: floor(files))


def profile(n: int, workdir: Path) -> None:
    config = generate(workdir / f"kb-{n}", n)
    check(config)
    profiler = cProfile.Profile()
    profiler.runcall(check, config)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--profile", type=int, metavar="N", help="profile one check of N standards")
    args = parser.parse_args()
    os.environ.setdefault("KB_TODAY", "2026-11-23")
    with tempfile.TemporaryDirectory(prefix="kb-bench-check-") as tmp:
        os.chdir(tmp)  # diagnostics show paths relative to the working folder, as in real use
        if args.profile:
            profile(args.profile, Path(tmp))
            return
        print(f"{'':>16} {'wall clock':^26} {'CPU time':^26}")
        print(f"{'standards':>9} {'files':>6}" + f" {'kb check':>9} {'floor':>8} {'ratio':>6}" * 2)
        for n in args.sizes:
            files, (check_wall, check_cpu), (floor_wall, floor_cpu) = measure(n, Path(tmp))
            print(
                f"{n:>9} {files:>6} {check_wall:>8.2f}s {floor_wall:>7.2f}s {check_wall / floor_wall:>5.2f}x"
                f" {check_cpu:>8.2f}s {floor_cpu:>7.2f}s {check_cpu / floor_cpu:>5.2f}x",
                flush=True,
            )
        print("kb check: load_project + build_knowledge_base; floor: read each file and")
        print("yaml.load(bytes, Loader=CSafeLoader); best of 3 each. Aim: ratio <= 2.")


if __name__ == "__main__":
    main()
