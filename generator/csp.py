"""The Content-Security-Policy `kb serve` sends: only the scripts the site itself needs may run.

Material puts a few small inline scripts in every page (`__md_scope=…` in the head,
the tab-link restorer after the article); they differ only by the page's depth.
While MkDocs writes each page, `collect` notes the SHA-256 of every inline script
*outside* the `<article>` (the theme's, never the content's) and the origins of
any external script or stylesheet the config adds (a CDN the user chose). The
build keeps them in `_kb/csp.json` of each language's site; `policy` turns them
into the header. An inline script that reached the content despite the sanitiser
has no listed hash, so the browser refuses to run it; `on*` attributes and
`javascript:` URLs are refused too (no 'unsafe-inline' for scripts).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.files import atomic_write

CSP_FILE = Path("_kb") / "csp.json"
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S | re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_EXTERNAL = re.compile(r"<(script|link)\b[^>]*?\b(?:src|href)=\"(https?://[^\"]+)\"[^>]*>", re.I)
_VALID = {"hashes": re.compile(r"'sha256-[A-Za-z0-9+/]+=*'\Z"),
          "scripts": re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?\Z"),
          "styles": re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?\Z")}
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")


class Sources:
    """What one language's pages need: inline script hashes, external script and style origins."""

    def __init__(self) -> None:
        self.hashes: set[str] = set()
        self.scripts: set[str] = set()
        self.styles: set[str] = set()

    def collect(self, page_html: str) -> list[list[str]]:
        """Note what the page needs; returns it (hashes, scripts, styles) for `add` to replay later."""
        found: list[list[str]] = [[], [], []]
        outside = _ARTICLE.sub("", page_html)
        for attributes, body in _SCRIPT.findall(outside):
            if "src=" in attributes or any(kind in attributes for kind in _DATA_TYPES):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found[0].append(f"'sha256-{digest}'")
        for tag, url in _EXTERNAL.findall(outside):
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
            found[1 if tag.lower() == "script" else 2].append(origin)
        self.add(found)
        return found

    def add(self, found: list[list[str]]) -> None:
        """What `collect` returned for a page, noted again (a page kept from an earlier build)."""
        hashes, scripts, styles = found
        self.hashes.update(hashes)
        self.scripts.update(scripts)
        self.styles.update(styles)

    def save(self, site_dir: Path) -> None:
        """Write what this build's pages need, plus what the folder's earlier builds noted: a dirty
        build (the preview's) renders only the pages that changed, and the rest still need theirs."""
        target = Path(site_dir) / CSP_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        earlier = _load(Path(site_dir), [""])
        data = {"hashes": sorted(self.hashes | earlier["hashes"]), "scripts": sorted(self.scripts | earlier["scripts"]),
                "styles": sorted(self.styles | earlier["styles"])}
        atomic_write(target, (json.dumps(data, indent=1) + "\n").encode("utf-8"))


def _load(site_dir: Path, prefixes: list[str]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {"hashes": set(), "scripts": set(), "styles": set()}
    for prefix in prefixes:
        try:
            data: Any = json.loads((site_dir / prefix / CSP_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        for key, values in merged.items():
            values.update(v for v in data.get(key, []) if isinstance(v, str) and _VALID[key].match(v))
    return merged


def policy(site_dir: Path, prefixes: list[str]) -> str:
    """The header value for the site in `site_dir` (languages under `prefixes`, '' for the default)."""
    found = _load(site_dir, prefixes)
    scripts = " ".join(["'self'", *sorted(found["hashes"]), *sorted(found["scripts"])])
    styles = " ".join(["'self'", "'unsafe-inline'", *sorted(found["styles"])])
    fonts = "'self' data:" + (" https://fonts.gstatic.com" if "https://fonts.googleapis.com" in found["styles"] else "")
    return (f"default-src 'self'; script-src {scripts}; style-src {styles}; img-src 'self' data: https:; "
            f"font-src {fonts}; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'self'")
