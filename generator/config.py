"""The project configuration: the user's `mkdocs.yml` and the generator's options under `kb:`.

MkDocs configs may hold tags such as `!ENV` or `!!python/name:`; they are kept
as `Tagged` values so the site stage can write them back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, field_validator

from generator.content.types import LANG_PATTERN

DEFAULT_CONFIG = "mkdocs.yml"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file (and line)."""


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a custom tag (`!ENV [X]`, `!!python/name:pkg.obj`), kept verbatim."""

    tag: str
    value: Any


class KbOptions(BaseModel):
    """The generator's options, the `kb:` key of mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    content: list[str] = Field(default_factory=lambda: ["standards", "onboarding"])
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    review_every_months: PositiveInt = 12
    review_due_days: PositiveInt = 30

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, languages: list[str]) -> list[str]:
        import re

        for lang in languages:
            if not re.fullmatch(LANG_PATTERN, lang):
                raise ValueError(f"'{lang}' is not a language code like 'en' or 'pl'")
        if len(set(languages)) != len(languages):
            raise ValueError("a language is listed twice")
        return languages


@dataclass(frozen=True)
class Project:
    """Where the content is and how to build it."""

    config_path: Path
    options: KbOptions
    mkdocs: dict[str, Any] = field(default_factory=dict)

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
        return self.root / str(self.mkdocs.get("site_dir", "site"))


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that keeps unknown tags (MkDocs' `!ENV`, `!!python/name:`) as Tagged values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _construct_tagged)


def load_project(config_file: str | Path = DEFAULT_CONFIG) -> Project:
    """Read mkdocs.yml and validate its `kb:` options, or raise ConfigError."""
    path = Path(config_file).resolve()
    shown = str(config_file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(
            f"{shown}: config file not found (run `kb init` to start a content repository, or pass -f FILE)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read the config file: {exc}") from None
    try:
        raw = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise ConfigError(f"{where}: YAML syntax error: {exc.problem}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{shown}: the config must be a mapping of settings")
    mkdocs = {key: value for key, value in raw.items() if key != "kb"}
    try:
        options = KbOptions.model_validate(raw.get("kb") or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in ("kb", *first["loc"]))
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            from generator.diagnostics import suggest

            hint = suggest(str(first["loc"][-1]), KbOptions.model_fields)
            message = f"unknown option ({hint})"
        raise ConfigError(f"{shown}: `{where}`: {message}") from None
    return Project(path, options, mkdocs)
