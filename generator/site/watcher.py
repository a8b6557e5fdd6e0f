"""How `kb preview` notices a save: the system's file events (inotify on Linux) instead of MkDocs' polling.

MkDocs' server polls the watched folders every half second, stat-ing every file
each time: a save is seen a quarter of a second late on average, and on a large
knowledge base the polling itself keeps a core busy. The system's events arrive
at once. Only changes count (kb reads the files it reloads, and opening a file
changes nothing); a folder removed or renamed counts as a change of a file in it
(MkDocs' server ignores events on folders). Where such events are not available
(another system without them, or the limit of inotify watches reached), MkDocs'
polling stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from watchdog import events
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.DirDeletedEvent, events.DirMovedEvent,
]


class _Folders(events.FileSystemEventHandler):
    """Passes a folder's removal or renaming on as a file event (MkDocs' handler skips folder events)."""

    def __init__(self, handler: events.FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: events.FileSystemEvent) -> None:
        if event.is_directory:
            event = events.FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]
    """The platform's event observer, scheduling only the events that say a file changed."""

    def schedule(self, event_handler: events.FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[events.FileSystemEvent]] | None = None, follow_symlink: bool = False) -> Any:
        return super().schedule(_Folders(event_handler), path, recursive=recursive,
                                event_filter=event_filter or CHANGES, follow_symlink=follow_symlink)


def observer_for(paths: list[Path]) -> BaseObserver | None:
    """An event observer that could watch these paths, or None (keep polling)."""
    if Observer is PollingObserver:
        return None
    probe = ChangeObserver()
    try:
        for path in paths:
            probe.schedule(events.FileSystemEventHandler(), str(path), recursive=path.is_dir())
        probe.start()
    except OSError:
        return None
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    return ChangeObserver()
