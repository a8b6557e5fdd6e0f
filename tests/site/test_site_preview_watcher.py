"""`kb preview` notices a save by the system's file events: a change is an event, reading a file is not."""

from __future__ import annotations

import queue
import shutil
import sys
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.site.watcher import observer_for


class _Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.put(event)

    def next_about(self, path: Path) -> FileSystemEvent:
        while True:  # queue.Empty after 30 s fails the test
            event = self.events.get(timeout=30)
            if event.src_path == str(path):
                return event


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_events_tell_changes_and_a_removed_folder_but_not_reads(tmp_path: Path) -> None:
    folder = tmp_path / "standards"
    (folder / "phone").mkdir(parents=True)
    (folder / "a.yaml").write_text("a", "utf-8")
    (folder / "phone" / "b.yaml").write_text("b", "utf-8")
    observer = observer_for([folder])
    assert observer is not None
    seen = _Seen()
    observer.schedule(seen, str(folder), recursive=True)
    observer.start()
    try:
        assert (folder / "phone" / "b.yaml").read_text("utf-8") == "b"  # opened and read: no event
        (folder / "a.yaml").write_text("changed", "utf-8")
        first = seen.events.get(timeout=30)
        assert (first.src_path, first.is_directory) == (str(folder / "a.yaml"), False)
        shutil.move(folder / "phone", tmp_path / "elsewhere")  # MkDocs' handler skips folder events
        moved = seen.next_about(folder / "phone")
        assert moved.is_directory is False
    finally:
        observer.stop()
        observer.join()


def test_without_file_events_the_preview_keeps_polling(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import generator.site.watcher as watcher

    class Refused(watcher.ChangeObserver):  # type: ignore[misc,valid-type]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watcher, "ChangeObserver", Refused)
    assert watcher.observer_for([tmp_path]) is None
