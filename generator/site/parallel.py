"""Run one job per language, in forked worker processes when there are several CPUs to use.

Forked workers inherit the parent's memory: the job (with its KnowledgeBase) is handed to
each worker once, by the pool's initializer, which fork does not pickle; only the job's small
argument and result cross the process boundary. Where fork
does not exist, or with one job (unless asked to isolate jobs), the jobs run in sequence in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from generator.workers import die_with_parent

A = TypeVar("A")
R = TypeVar("R")


def _fork() -> Any:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - no fork on this platform
        return None


_worker_job: Callable[[Any], Any] | None = None  # in a forked worker only: its job, for the worker's life


def _adopt(job: Callable[[Any], Any]) -> None:
    """Pool initializer, run in each new worker: die with the parent, keep the job for `_run`."""
    global _worker_job
    die_with_parent()
    _worker_job = job


def _run(argument: Any) -> Any:
    assert _worker_job is not None, "_run outside a worker started by map_jobs"
    return _worker_job(argument)


def map_jobs(job: Callable[[A], R], arguments: Sequence[A], jobs: int, isolate: bool = False) -> list[R]:
    """`[job(a) for a in arguments]`, up to `jobs` at a time; the first failure is raised after all finish.

    `isolate`: even one at a time, run each job in a fresh forked process (up to `jobs` of them at once),
    so the memory a job used is returned when it ends instead of adding up (a large site in several
    languages then needs the memory of one language's build, not of all)."""
    context = _fork()
    if context is None or len(arguments) <= 1 or (jobs <= 1 and not isolate):
        return [job(argument) for argument in arguments]
    if not isolate:
        outcomes = _in_pool(job, arguments, jobs, context)
    else:
        outcomes = []
        for start in range(0, len(arguments), max(1, jobs)):
            batch = arguments[start:start + max(1, jobs)]
            outcomes += _in_pool(job, batch, len(batch), context)
    for _, error in outcomes:
        if error is not None:
            raise error
    return [result for result, _ in outcomes]  # type: ignore[misc]


def _in_pool(job: Callable[[A], R], arguments: Sequence[A], jobs: int,
             context: Any) -> list[tuple[R | None, BaseException | None]]:
    gc.freeze()  # the workers' collector leaves what they inherit alone: its pages stay shared, not copied
    try:
        return _pooled(job, arguments, jobs, context)
    finally:
        gc.unfreeze()


def _pooled(job: Callable[[A], R], arguments: Sequence[A], jobs: int,
            context: Any) -> list[tuple[R | None, BaseException | None]]:
    with ProcessPoolExecutor(max_workers=min(jobs, len(arguments)), mp_context=context,
                             initializer=_adopt, initargs=(job,)) as pool:
        futures = [pool.submit(_run, argument) for argument in arguments]
        outcomes: list[tuple[R | None, BaseException | None]] = []
        for future in futures:
            try:
                outcomes.append((future.result(), None))
            except Exception as exc:  # noqa: BLE001 - re-raised by map_jobs, in order
                outcomes.append((None, exc))
    return outcomes
