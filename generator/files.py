"""File-system chores, written once: atomic writes, folder swaps, the cache folder, safe reading.

Every file kb writes goes through `atomic_write`: the bytes go to a temporary file
created exclusively (`tempfile`, O_EXCL) beside the target, which then replaces the
target in one rename, so a reader never sees half a file and a planted file or
symbolic link at a predictable name is never written through. A target that is a
symbolic link or a read-only file is refused (`WriteRefused`), not replaced. A
replaced file keeps its permissions; a new one gets the usual ones (0666 minus the
umask).

Folders are replaced with `swap_folder` (one atomic exchange on Linux).

Content and support files are read with `read_regular`, which refuses symbolic
links that lead outside the project and anything that is not a regular file (a
FIFO would block the reader forever).

Where diagnostics go: a command whose output *is* the diagnostics (`kb check`)
writes them to stdout; every other command writes content errors, progress and
verdicts to stderr, keeping stdout for its own output (search results, reports).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import tempfile
from functools import cache
from pathlib import Path

CACHE_FOLDER = Path(".kb") / "cache"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class WriteRefused(OSError):
    """kb will not replace this file (a symbolic link, or read-only); `reason` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: not written: {reason}")
        self.path = path
        self.reason = reason


class UnsafeFile(OSError):
    """A file kb will not read: it leads outside the project or is not a regular file."""


def cache_dir(root: Path) -> Path:
    """The project's cache folder (`.kb/cache`), rebuilt at will, never committed."""
    return root / CACHE_FOLDER


@cache
def _umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # the only portable way to read it
    os.umask(mask)
    return mask


def refuse_reason(target: Path) -> str | None:
    """Why `target` may not be replaced (a symbolic link, a folder, read-only), or None."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link; kb does not write through links"
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if not info.st_mode & stat.S_IWUSR:
        return "it is read-only"
    return None


def atomic_write(target: Path, data: bytes) -> None:
    """Replace (or create) `target` with `data` in one rename; WriteRefused for a link or read-only file."""
    reason = refuse_reason(target)
    if reason:
        raise WriteRefused(target, reason)
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".kb-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode)  # mkstemp makes it private
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def create_new(target: Path, data: bytes) -> None:
    """Write a file that must not exist yet (in a folder kb just made): exclusive, never through a link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(target, flags, 0o666), "wb") as stream:
        stream.write(data)


def write_if_changed(target: Path, data: bytes) -> bool:
    """`atomic_write` unless the file already holds `data` (so watchers see only real changes)."""
    if target.is_file() and not target.is_symlink():
        try:
            if target.read_bytes() == data:
                return False
        except OSError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return bool(renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0)


def swap_folder(new: Path, target: Path) -> None:
    """Put folder `new` in place of `target`; the old one ends up at `new` (the caller removes it)."""
    if not os.path.lexists(target):
        os.replace(new, target)
        return
    if _exchange(new, target):
        return
    old = new.with_name(new.name + "-old")
    os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        os.replace(old, target)
        raise
    os.replace(old, new)


def replace_folder(new: Path, target: Path) -> None:
    """Swap `new` in place of `target` and remove the old folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    swap_folder(new, target)
    if new.exists():
        shutil.rmtree(new, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(parent: Path, prefix: str) -> list[Path]:
    """Remove the `<prefix><pid>…` folders in `parent` left by processes that are gone (killed builds)."""
    removed: list[Path] = []
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or entry.is_symlink():
            continue
        pid = entry.name[len(prefix):].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def is_inside(path: Path, folder: Path) -> bool:
    """`path` (resolved) is `folder` (resolved) or below it."""
    resolved, base = path.resolve(), folder.resolve()
    return resolved == base or base in resolved.parents


def read_regular(path: Path, root: Path) -> bytes:
    """The bytes of `path`, a regular file that resolves inside `root`; UnsafeFile otherwise.

    Opened without blocking, so a FIFO planted among the content cannot hang the reader."""
    if not is_inside(path, root):
        raise UnsafeFile(f"it is a link to {path.resolve()}, outside the project")
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise UnsafeFile("it is not a regular file (a FIFO, device or socket)")
        with os.fdopen(handle, "rb") as stream:
            handle = -1
            return stream.read()
    finally:
        if handle >= 0:
            os.close(handle)
