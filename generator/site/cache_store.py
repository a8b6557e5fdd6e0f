"""A folder of cache entries addressed by their key: what the page cache keeps between builds."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Any

from generator.files import atomic_write


class Store:
    """Content-addressed entries in a folder: `<key[:2]>/<key>`, pickled and compressed (pages' HTML
    shrinks about tenfold); remembers which keys a build used."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> Any | None:
        self.used.add(key)
        try:
            data = self._path(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            value = pickle.loads(zlib.decompress(data))
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, rewritten by this build
            self.misses += 1
            return None
        self.hits += 1
        return value

    def has(self, key: str) -> bool:
        """Whether an entry is kept for `key` (noted as used, like `get`; read it later with `get`)."""
        self.used.add(key)
        return self._path(key).is_file()

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))

    def prune(self) -> None:
        """Remove the entries this build did not use (call after a successful build only)."""
        if not self.folder.is_dir():
            return
        for shard in self.folder.iterdir():
            if shard.is_dir():
                for entry in shard.iterdir():
                    if entry.name not in self.used:
                        entry.unlink(missing_ok=True)
