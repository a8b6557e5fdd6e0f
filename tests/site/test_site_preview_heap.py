"""`kb preview` keeps Python's cyclic garbage collector off what it holds between edits (preview.settle_heap)."""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

from generator.site.preview import Preview, settle_heap

STANDARD = Path("standards") / "complaints" / "complaint-first-contact.yaml"


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_settle_heap_freezes_what_is_held_and_collects_it_once_dropped() -> None:
    node = Node()
    dropped = weakref.ref(node)
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert dropped() is not None  # frozen: an ordinary collection does not walk it
        settle_heap()
        assert dropped() is None  # the next settle unfreezes and collects first
    finally:
        gc.unfreeze()


def test_a_refresh_says_whether_most_of_what_it_keeps_is_new(site_kb: Path, tmp_path: Path) -> None:
    preview = Preview(site_kb / "mkdocs.yml", tmp_path / "preview", ["en"])
    assert preview.refresh().whole  # the first build
    path = site_kb / STANDARD
    text = path.read_text("utf-8")
    path.write_text(text.replace("Listen to the whole story", "Listen to the WHOLE story"), "utf-8")
    time.sleep(0.01)
    report = preview.refresh()
    assert report.pages_rebuilt_alone > 0 and not report.whole  # one page rebuilt alone
    config = site_kb / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: Site Test", "site_name: Our"), "utf-8")
    report = preview.refresh()
    assert report.errors == [] and report.pages_rebuilt_alone == 0 and report.whole  # every page: a whole build
