"""Value types shared by the models: localized Text, slugs, dates, and reference markers.

Reference markers (`Ref`, `TaxonomyKey`, `ScaleLevel`, `Markdown`) are metadata on
annotations. They do nothing during model validation; the knowledge-base checks
find them by walking the models (see `walk.py`) and resolve them all at once.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints
from pydantic_core import PydanticCustomError, core_schema

from generator.config import LANG_PATTERN

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
DEFAULT_LANGUAGE = "en"


class Text(dict[str, str]):
    """Text in one or more languages: `{en: Speed, pl: Szybkość}`.

    In YAML a plain string means the default language; it is stored under that
    language's code, so every consumer sees a mapping.
    """

    def in_language(self, lang: str, fallback: str) -> tuple[str, bool]:
        """The text in `lang`, else in `fallback`; the flag says a fallback was used."""
        if lang in self:
            return self[lang], False
        if fallback in self:
            return self[fallback], True
        return next(iter(self.values()), ""), True

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(_validate_text)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return copy.deepcopy(TEXT_JSON_SCHEMA)


TEXT_JSON_SCHEMA = {
    "description": "Text: a string in the default language, or a mapping of language code to string.",
    "anyOf": [
        {"type": ["string", "number"], "pattern": r"\S"},  # not blank; a number is text too (`title: 2024`)
        {
            "type": "object",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": ["string", "number"], "pattern": r"\S"},
            "minProperties": 1,
        },
    ],
}


def _validate_text(value: Any, info: core_schema.ValidationInfo) -> Text:
    default = (info.context or {}).get("default_language", DEFAULT_LANGUAGE)
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("text_type", "expected text, got {got}", {"got": _describe(value)})
    if isinstance(value, (str, int)):
        if str(value).strip() == "":
            raise PydanticCustomError("text_empty", "text is empty")
        return Text({default: str(value)})
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError("text_empty", "text is empty")
        result = Text()
        for lang, text in value.items():
            if not isinstance(lang, str):
                raise PydanticCustomError(
                    "text_type", "language code must be a word like 'en', got {got}", {"got": lang}
                )
            if isinstance(text, bool) or not isinstance(text, (str, int)) or str(text).strip() == "":
                raise PydanticCustomError(
                    "text_type",
                    "text in '{lang}' must be a non-empty string, got {got}",
                    {"lang": lang, "got": _describe(text)},
                )
            result[lang] = str(text)
        return result
    raise PydanticCustomError("text_type", "expected text, got {got}", {"got": _describe(value)})


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date_format", "'{value}' is not a valid date", {"value": value})


@dataclass(frozen=True)
class Ref:
    """The value is the id of an item of one of `kinds` (any kind when empty), or one of `keywords`."""

    kinds: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaxonomyKey:
    """The value is a key of the taxonomy's `group` (areas or channels)."""

    group: str


@dataclass(frozen=True)
class ScaleLevel:
    """The value is a level of the taxonomy's competency scale."""


@dataclass(frozen=True)
class Markdown:
    """The Text is Markdown (without raw HTML), not plain text."""


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
MdText = Annotated[Text, Markdown()]
Level = Annotated[int, ScaleLevel()]


def ref(*kinds: str, keywords: tuple[str, ...] = ()) -> Any:
    """An annotated slug type that references items of `kinds`."""
    return Annotated[str, StringConstraints(pattern=SLUG_PATTERN), Ref(kinds, keywords)]


def slugify(text: str, limit: int = 48) -> str:
    """A slug made from free text: ASCII letters and digits, Latin diacritics dropped
    (`Obsługa` → `obsluga`), other scripts transliterated (`Καλωσόρισμα` → `kalosorisma`)."""
    ascii_text = "".join(_ascii_letter(char) for char in text.replace("ł", "l").replace("Ł", "L")).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-") or "item"


def _ascii_letter(char: str) -> str:
    """A Latin letter keeps its base letter (as keys derived so far did); a letter of another
    script is transliterated, so keys from Greek or Cyrillic text differ from each other."""
    import unicodedata

    if char.isascii():
        return char
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if folded or not char.isalnum() or unicodedata.name(char, "").startswith("LATIN"):
        return folded
    from anyascii import anyascii

    return anyascii(char)
