"""What MkDocs' plugins and build do for us, done afterwards over a language's site another engine wrote.

Zensical runs no MkDocs plugin, so after it has written a language's site this pass
gives that site what the MkDocs build has: every page's article through the sanitiser
(`sanitize.clean_page`), the page's inline theme scripts noted for `kb serve`'s
Content-Security-Policy (`_kb/csp.json`, `generator/csp.py`), the engine's own search
index emptied (readers search through kb's index, as with MkDocs), and the sitemap in
MkDocs' form: the same URLs, each with the build date as `<lastmod>`, and
`sitemap.xml.gz` beside it.
"""

from __future__ import annotations

import gzip
import io
import os
import re
from datetime import datetime, timezone
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

from generator.csp import Sources
from generator.files import atomic_write
from generator.site.mkdocs_api import empty_search_index
from generator.site.sanitize import clean_page

SEARCH_INDEX = "search.json"  # Zensical's
SITEMAP = "sitemap.xml"
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def finish(site_dir: Path) -> None:
    """The whole pass over one language's freshly written site (before the languages are assembled)."""
    sanitize_and_collect(site_dir).save(site_dir)
    empty_search_index(site_dir, SEARCH_INDEX, documents="items")
    write_sitemap(site_dir, build_time())


def sanitize_and_collect(site_dir: Path) -> Sources:
    """Sanitise every page's article in place; return the inline scripts and origins the pages need."""
    sources = Sources()
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        cleaned = clean_page(html)
        if cleaned != html:
            page.write_text(cleaned, encoding="utf-8")
        sources.collect(cleaned)
    return sources


def build_time() -> datetime:
    """MkDocs' build date: SOURCE_DATE_EPOCH (which `kb build` sets from the content), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def write_sitemap(site_dir: Path, built: datetime) -> None:
    """Rewrite the engine's sitemap.xml as MkDocs writes it (its URLs, dated) and add sitemap.xml.gz."""
    path = site_dir / SITEMAP
    if not path.is_file():
        return
    urls = [unescape(url) for url in _LOC.findall(path.read_text(encoding="utf-8"))]
    day = built.strftime("%Y-%m-%d")
    entries = "".join(f"\n    <url>\n         <loc>{escape(url)}</loc>\n         <lastmod>{day}</lastmod>\n    </url>"
                      for url in urls)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}\n</urlset>")
    atomic_write(path, text.encode("utf-8"))
    midnight = datetime(built.year, built.month, built.day, tzinfo=timezone.utc)
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, filename=SITEMAP + ".gz", mode="wb", mtime=int(midnight.timestamp())) as out:
        out.write(text.encode("utf-8"))
    atomic_write(site_dir / (SITEMAP + ".gz"), packed.getvalue())
