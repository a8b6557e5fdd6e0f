"""One plain mkdocs.yml per language, from the user's settings minus `kb:`, plus what the site needs.

Kept from the user: every setting (site_name, palette, logo, extra, repo_url,
custom-tagged values such as `!ENV`, written back with their tags). Added or
set here: the nav, the theme's interface language, the language switcher
(`extra.alternate`), our CSS and JavaScript (listed before the user's, so theirs
can override), the Markdown extensions the pages use, per-language search, and
`edit_uri: ""` (pages carry their own edit link to the YAML file).

Private and in the page's language: no web fonts unless the user names one
(`theme.font: false`, our CSS sets a local font stack), our theme overrides
(`theme/`: a repository link that fetches nothing from GitHub's API, a 404 page
in the site's words; merged with the user's own `custom_dir`, see overrides.py), the colour-scheme
toggle's and the heading permalinks' titles from the locale files, and no
"Made with" footer line (`extra.generator: false`) unless the user asks for it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from generator.config import Project, Tagged
from generator.site import mkdocs_api
from generator.urls import language_prefix
from generator.words import language_name, words

THEME = Path(__file__).parent / "theme"
# not on every page: the print pages load kb-print.js; a Zensical build adds the search dialog (zensical_api)
NOT_ON_EVERY_PAGE = ("kb-print.js", "kb-search-dialog.js")

FEATURES = [
    "navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.top", "navigation.path",
    "search.suggest", "search.highlight", "toc.follow", "content.tooltips",
]
EXTENSIONS: list[Any] = [
    "toc", "tables", "attr_list", "md_in_html", "admonition",
    "pymdownx.superfences", {"pymdownx.tasklist": {"custom_checkbox": True}},
]
PATH_KEYS = ("INHERIT", "hooks", "watch")  # relative to the config file: made absolute


def language_config(
    project: Project, lang: str, nav: list[Any], not_in_nav: str, site_dir: Path, assets: list[str],
    switcher: list[str] | None = None, custom_dir: Any = None,
) -> dict[str, Any]:
    """MkDocs' config for `lang`'s site; `switcher`: the languages its switcher offers (default: all);
    `custom_dir`: the theme folder (default: kb's, or the user's own as written)."""
    user = copy.deepcopy(project.mkdocs)
    config: dict[str, Any] = {"site_name": user.pop("site_name", "Service standards")}
    config.update(user)
    url = user.get("site_url")
    if isinstance(url, str) and url.strip():
        config["site_url"] = url.rstrip("/") + "/" + language_prefix(lang, project.default_language)
    config.update(
        docs_dir="docs",
        site_dir=str(site_dir),
        edit_uri="",
        nav=nav,
        not_in_nav=not_in_nav,
        theme=_theme(project, user.get("theme"), lang, custom_dir),
        extra=_extra(project, user.get("extra"), lang, switcher or project.languages),
        extra_css=[a for a in assets if a.endswith(".css")] + list(user.get("extra_css") or []),
        extra_javascript=[a for a in assets if a.endswith(".js") and not a.endswith(NOT_ON_EVERY_PAGE)]
        + list(user.get("extra_javascript") or []),
        markdown_extensions=_extensions(user.get("markdown_extensions"), lang),
        plugins=_plugins(user.get("plugins"), lang),
    )
    for key in PATH_KEYS:
        if key in config:
            config[key] = _absolute(project.root, config[key])
    return config


def _theme(project: Project, theme: Any, lang: str, custom_dir: Any) -> dict[str, Any]:
    result: dict[str, Any] = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
    result.setdefault("name", "material")
    supported = mkdocs_api.theme_languages()
    result["language"] = lang if lang in supported else lang.split("-")[0] if lang.split("-")[0] in supported else "en"
    features = list(result.get("features") or [])
    result["features"] = features + [f for f in FEATURES if f not in features]
    result.setdefault("font", False)
    if custom_dir is not None:
        result["custom_dir"] = custom_dir
    else:
        result["custom_dir"] = _absolute(project.root, result["custom_dir"]) if "custom_dir" in result else str(THEME)
    if isinstance(result.get("palette"), list):
        result["palette"] = _palette(result["palette"], lang)
    return result


def _palette(schemes: list[Any], lang: str) -> list[Any]:
    """Each toggle titled, in the page's language, by the scheme it switches to."""
    said = words(lang)
    result = []
    for index, scheme in enumerate(schemes):
        entry = dict(scheme) if isinstance(scheme, dict) else scheme
        following = schemes[(index + 1) % len(schemes)]
        if isinstance(entry, dict) and isinstance(entry.get("toggle"), dict) and isinstance(following, dict):
            dark = following.get("scheme") == "slate"
            entry["toggle"] = {**entry["toggle"], "name": said["scheme_to_dark" if dark else "scheme_to_light"]}
        result.append(entry)
    return result


def _extra(project: Project, extra: Any, lang: str, switcher: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = dict(extra) if isinstance(extra, dict) else {}
    result.setdefault("generator", False)
    said = words(lang)
    result["kb"] = {key: said[key] for key in ("not_found", "not_found_text", "home")}
    if len(switcher) > 1:
        result["alternate"] = [
            {"name": language_name(other), "link": _alternate_link(project, lang, other), "lang": other}
            for other in switcher
        ]
    return result


def _alternate_link(project: Project, lang: str, other: str) -> str:
    """The other language's root, relative to this language's root."""
    up = "" if lang == project.default_language else "../"
    return (up + language_prefix(other, project.default_language)) or "./"


def _name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _extensions(user: Any, lang: str) -> list[Any]:
    listed = list(user or [])
    names = {_name(entry) for entry in listed}
    ours = [entry for entry in EXTENSIONS if _name(entry) not in names]
    return listed + [{"toc": {"permalink": True, "permalink_title": words(lang)["permalink"]}}
                     if entry == "toc" else entry for entry in ours]


def _plugins(user: Any, lang: str) -> list[Any]:
    """The user's plugins with `search` set up for `lang`.

    Search gets `lang` only where MkDocs and Material both have a stemmer (ro, de, ...);
    elsewhere (pl, el) Material's per-language default applies (no stemming, Unicode
    tokens), which finds whole words and prefixes without any warning.
    """
    entries = list(user.items()) if isinstance(user, dict) else [
        (next(iter(e)), next(iter(e.values()))) if isinstance(e, dict) else (str(e), None) for e in (user or ["search"])
    ]
    result: list[Any] = []
    for name, options in entries:
        if name == "search":
            options = dict(options or {})
            options.pop("lang", None)
            if lang in mkdocs_api.search_languages():
                options["lang"] = lang
            result.append({"search": options} if options else "search")
        else:
            result.append({name: options} if options is not None else name)
    return result if any(_name(e) == "search" for e in result) else ["search", *result]


def _absolute(root: Path, value: Any) -> Any:
    if isinstance(value, list):
        return [_absolute(root, v) for v in value]
    if isinstance(value, str) and not Path(value).is_absolute() and "://" not in value:
        return str((root / value).resolve())
    return value


class _Dumper(yaml.SafeDumper):
    """Writes Tagged values back with their tag (`!ENV [X]`, `!!python/name:pkg.obj`)."""


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, "" if data.value is None else str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def dump(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=120)
