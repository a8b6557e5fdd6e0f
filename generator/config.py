"""The project configuration: the user's `mkdocs.yml` and the generator's options under `kb:`.

Read through the bounded loader of `configyaml.py`: MkDocs' `!ENV` and `!relative`
tags (and `!!python/name:` of Material's and pymdownx's functions) are kept as
`Tagged` values so the site stage can write them back; any other tag is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from generator.configyaml import ConfigDocument, Tagged, load_config_text, resolve_env

__all__ = ["ConfigError", "KbOptions", "Project", "Tagged", "load_project"]
from generator.content.yamltext import YamlError

LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"  # 'en', 'pl', 'pt-BR'

DEFAULT_CONFIG = "mkdocs.yml"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file (and line)."""


@dataclass(frozen=True)
class KbOptions:
    """The generator's options, the `kb:` key of mkdocs.yml.

    Checked here rather than by a pydantic model: the config is read before every
    command, and importing pydantic would cost a cold `kb search` a fifth of a second."""

    content: list[str] = field(default_factory=lambda: ["standards", "onboarding"])
    languages: list[str] = field(default_factory=lambda: ["en"])
    review_every_months: int = 12
    review_due_days: int = 30
    engine: str = "mkdocs"  # the site generator run on the emitted projects: mkdocs or zensical

    @classmethod
    def from_config(cls, raw: Any) -> KbOptions:
        """The options in `raw` (the `kb:` value), or OptionError naming the option at fault."""
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise OptionError((), "must be a mapping of options, like `languages: [en, pl]`")
        names = [f.name for f in fields(cls)]
        for key in raw:
            if key not in names:
                from generator.diagnostics import suggest

                raise OptionError((key,), f"unknown option ({suggest(str(key), names)})")
        values: dict[str, Any] = {key: _CHECKS[key](key, value) for key, value in raw.items()}
        return cls(**values)


class OptionError(ValueError):
    def __init__(self, where: tuple[Any, ...], message: str) -> None:
        super().__init__(message)
        self.where = where


def _strings(name: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise OptionError((name,), "must be a list, like `[a, b]`")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise OptionError((name, index), "must be a non-empty text")
    return list(value)


def _languages(name: str, value: Any) -> list[str]:
    languages = _strings(name, value)
    if not languages:
        raise OptionError((name,), "must list at least one language")
    for lang in languages:
        if not re.fullmatch(LANG_PATTERN, lang):
            raise OptionError((name,), f"'{lang}' is not a language code like 'en' or 'pl'")
    if len(set(languages)) != len(languages):
        raise OptionError((name,), "a language is listed twice")
    return languages


def _positive(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionError((name,), f"must be a whole number, got {value!r}")
    if value <= 0:
        raise OptionError((name,), f"must be greater than 0, got {value}")
    return value


ENGINES = ("mkdocs", "zensical")


def _engine(name: str, value: Any) -> str:
    if value not in ENGINES:
        raise OptionError((name,), f"must be one of {', '.join(ENGINES)}, got {value!r}")
    return str(value)


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "content": _strings, "languages": _languages, "review_every_months": _positive, "review_due_days": _positive,
    "engine": _engine,
}


@dataclass(frozen=True)
class Project:
    """Where the content is and how to build it."""

    config_path: Path
    options: KbOptions
    mkdocs: dict[str, Any] = field(default_factory=dict)
    marks: dict[tuple[Any, ...], tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    shown: str = field(default=DEFAULT_CONFIG, compare=False)

    def where(self, *path: Any) -> str:
        """`mkdocs.yml:LINE:COL` of a setting's key (or just the file when it is not written there)."""
        mark = self.marks.get(path)
        return f"{self.shown}:{mark[0]}:{mark[1]}" if mark else self.shown

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def languages(self) -> list[str]:
        return self.options.languages

    @property
    def default_language(self) -> str:
        return self.options.languages[0]

    @property
    def content_dirs(self) -> list[Path]:
        return [self.root / folder for folder in self.options.content]

    @property
    def site_dir(self) -> Path:
        return self.root / str(resolve_env(self.mkdocs.get("site_dir", "site")))


def load_project(config_file: str | Path = DEFAULT_CONFIG) -> Project:
    """Read mkdocs.yml and validate its `kb:` options, or raise ConfigError."""
    path = Path(config_file).resolve()
    shown = str(config_file)
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{shown}: config file not found (run `kb init` to start a content repository, or pass -f FILE)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read the config file: {exc}") from None
    try:
        document = load_config_text(raw_bytes)
    except YamlError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        raise ConfigError(f"{shown}:{exc.line}:{exc.column}: {exc.message}{hint}") from None
    raw = document.data if document.data is not None else {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{shown}: the config must be a mapping of settings")
    _refuse_kb_plugin(raw, document, shown)
    mkdocs = {key: value for key, value in raw.items() if key != "kb"}
    try:
        options = KbOptions.from_config(raw.get("kb"))
    except OptionError as exc:
        where = ".".join(str(part) for part in ("kb", *exc.where))
        line, column = document.locate(("kb", *exc.where))
        raise ConfigError(f"{shown}:{line}:{column}: `{where}`: {exc}") from None
    _content_inside(path.parent, options, document, shown)
    return Project(path, options, mkdocs, document.key_marks, shown)


def _content_inside(root: Path, options: KbOptions, document: ConfigDocument, shown: str) -> None:
    """Content folders lie inside the project (`/`, `..` or a link out would publish other files)."""
    base = root.resolve()
    for index, folder in enumerate(options.content):
        resolved = (root / folder).resolve()
        if resolved != base and base not in resolved.parents:
            line, column = document.locate(("kb", "content", index))
            raise ConfigError(f"{shown}:{line}:{column}: `kb.content`: '{folder}' lies outside the project "
                              f"folder (it is {resolved}); content folders must be inside it")


def _refuse_kb_plugin(raw: dict[str, Any], document: ConfigDocument, shown: str) -> None:
    """`plugins: - kb: {...}` (the MkDocs habit) is one error at its line: kb is not a MkDocs plugin."""
    plugins = raw.get("plugins")
    entries = list(plugins) if isinstance(plugins, (list, dict)) else []
    for index, entry in enumerate(entries):
        name = next(iter(entry), None) if isinstance(entry, dict) else entry
        if name == "kb":
            path = ("plugins", "kb") if isinstance(plugins, dict) else ("plugins", index)
            line, column = document.locate(path, key=isinstance(plugins, dict))
            raise ConfigError(
                f"{shown}:{line}:{column}: `kb` is not a MkDocs plugin: move its options from `plugins:` "
                "to the top-level `kb:` key (for example `kb: {languages: [en, pl]}`)"
            )


