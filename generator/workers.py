"""Worker processes end with the process that started them.

`kb build` forks one worker per language and a pool for the printouts. If `kb build` itself is
killed (SIGKILL, an out-of-memory kill, a CI job cancelled), its workers would live on and keep
writing into a staging folder nobody will swap in. On Linux each worker asks the kernel for
SIGKILL when its parent dies (`prctl(PR_SET_PDEATHSIG)`) and exits at once if the parent is
already gone; the next build removes what the dead one left (`files.remove_stale`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Pool initializer: be killed when the parent process dies (Linux; elsewhere nothing happens)."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
