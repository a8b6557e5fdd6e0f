"""What the Zensical build adds to MkDocs' emitted project and to the site Zensical wrote (no Zensical run here)."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path

from generator.site.mkdocs_api import empty_search_index
from generator.site.postpass import SEARCH_INDEX, write_sitemap
from generator.site.zensical_api import META, _leave_pages_out_of_zensicals_search, zensical_config

BUILT = datetime(2026, 1, 15, tzinfo=timezone.utc)


def test_the_sitemap_is_rewritten_as_mkdocs_writes_it_with_its_gzip_copy(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "      <url>\n        <loc>https://example.com/pl/</loc>\n      </url>\n"
        "      <url>\n        <loc>https://example.com/a&amp;b/</loc>\n      </url>\n</urlset>", "utf-8")
    write_sitemap(tmp_path, BUILT)
    assert (tmp_path / "sitemap.xml").read_text("utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "    <url>\n         <loc>https://example.com/pl/</loc>\n         <lastmod>2026-01-15</lastmod>\n    </url>\n"
        "    <url>\n         <loc>https://example.com/a&amp;b/</loc>\n         <lastmod>2026-01-15</lastmod>\n"
        "    </url>\n</urlset>")
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == (tmp_path / "sitemap.xml").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == int(BUILT.timestamp())  # the same bytes at every build


def test_without_site_url_the_sitemap_is_empty_as_mkdocs_one_is(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>')
    write_sitemap(tmp_path, BUILT)
    assert "<url>" not in (tmp_path / "sitemap.xml").read_text("utf-8")
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).endswith(b"\n</urlset>")


def test_zensicals_search_index_keeps_its_config_without_documents(tmp_path: Path) -> None:
    (tmp_path / "search.json").write_text(json.dumps({"config": {"lang": ["pl"]}, "items": [{"title": "x"}]}))
    empty_search_index(tmp_path, SEARCH_INDEX, documents="items")
    assert json.loads((tmp_path / "search.json").read_text("utf-8")) == {"config": {"lang": ["pl"]}, "items": []}


def test_the_config_copy_adds_the_classic_look_the_site_folder_the_meta_plugin_our_markdown_and_the_dialog() -> None:
    emitted = ("site_name: S\ntheme:\n  name: material\nsite_dir: /tmp/stage/languages/en\n"
               "plugins:\n- search:\n    lang: en\n"
               "markdown_extensions:\n- toc:\n    permalink: true\n- tables\n"
               "extra_javascript:\n- assets/kb/kb.js\n")
    assert zensical_config(emitted) == (
        "site_name: S\ntheme:\n  variant: classic\n  name: material\nsite_dir: site\n"
        "plugins:\n- meta\n- search:\n    lang: en\n"
        "markdown_extensions:\n- generator.site.markdown_speed\n- generator.site.markdown_sanitize\n"
        "- toc:\n    permalink: true\n- tables\n"
        "extra_javascript:\n- assets/kb/kb-search-dialog.js\n- assets/kb/kb.js\n")
    chosen = "theme:\n  name: material\n  variant: modern\nsite_dir: x\n"
    assert zensical_config(chosen) == "theme:\n  name: material\n  variant: modern\nsite_dir: site\n" \
        "plugins:\n- meta\n" \
        "markdown_extensions:\n- generator.site.markdown_speed\n- generator.site.markdown_sanitize\n" \
        "extra_javascript:\n- assets/kb/kb-search-dialog.js\n"


def test_every_page_is_left_out_of_zensicals_own_search_unless_your_docs_say_otherwise(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _leave_pages_out_of_zensicals_search(docs)
    assert (docs / ".meta.yml").read_bytes() == META == b"search:\n  exclude: true\n"
    yours = b"tags: [service]\n"
    (docs / ".meta.yml").write_bytes(yours)
    _leave_pages_out_of_zensicals_search(docs)
    assert (docs / ".meta.yml").read_bytes() == yours
    (docs / ".meta.yml").unlink()
    secret = tmp_path / "secret.yml"
    secret.write_bytes(b"token: x\n")
    (docs / ".meta.yml").symlink_to(secret)
    _leave_pages_out_of_zensicals_search(docs)
    assert secret.read_bytes() == b"token: x\n" and (docs / ".meta.yml").is_symlink()
