"""Turns pydantic's validation errors into messages a team lead can act on.

Each error becomes a (path in the document, is-it-the-key, code, message, hint)
tuple; the loader turns the path into a line and column.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import BaseModel

from generator.content.types import LANG_PATTERN, slugify
from generator.diagnostics import suggest


@dataclass(frozen=True)
class FieldProblem:
    path: tuple[Any, ...]
    at_key: bool
    code: str
    message: str
    hint: str = ""


def clip(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: on one line (a diagnostic is one line), and short."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label(path: tuple[Any, ...]) -> str:
    """`measures[0].name` for ('measures', 0, 'name')."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{clip(part)}" if out else clip(part))
    return out or "item"


def join_hints(first: str, then: str) -> str:
    """Two pieces of advice in one hint: "did you mean 'x'? Areas are …" / "expected one of: a, b; areas are …"."""
    if not first:
        return then
    if first.endswith("?"):
        return f"{first} {then[:1].upper()}{then[1:]}"
    return f"{first}; {then}"


def describe(error: Mapping[str, Any], model: type[BaseModel]) -> FieldProblem:
    loc = tuple(part for part in error["loc"] if part != "[key]")
    at_key = error["loc"][-1:] == ("[key]",)
    kind = error["type"]
    value = error.get("input")
    name = f"`{label(loc)}`"
    handler = _HANDLERS.get(kind)
    if handler:
        return handler(loc, at_key, name, value, error, model)
    message = error["msg"].removeprefix("Value error, ")
    prefix = f"{name}: " if loc else ""
    return FieldProblem(loc, at_key, "invalid-value", f"{prefix}{message[0].lower()}{message[1:]}")


def _extra(loc, at_key, name, value, error, model) -> FieldProblem:
    fields = _fields_at(model, loc[:-1])
    return FieldProblem(
        loc, True, "unknown-field", f"unknown field `{clip(loc[-1])}`",
        suggest(str(loc[-1]), fields, listed=len(fields)) if fields else "",
    )


def _missing(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(loc, False, "missing-field", f"missing required field {name}", f"add `{loc[-1]}:`")


def _pattern(loc, at_key, name, value, error, model) -> FieldProblem:
    what = "tag" if "tags" in loc else "id"
    return FieldProblem(
        loc,
        at_key,
        "bad-slug",
        f"{name}: '{clip(value)}' is not a valid {what}",
        f"use lower-case letters, digits and single hyphens, e.g. '{slugify(str(value))}'",
    )


def _literal(loc, at_key, name, value, error, model) -> FieldProblem:
    allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
    return FieldProblem(
        loc, at_key, "bad-value", f"{name}: '{clip(value)}' is not allowed", suggest(str(value), allowed)
    )


def _date(loc, at_key, name, value, error, model) -> FieldProblem:
    message = f"{name}: '{clip(value)}' is not a valid date"
    return FieldProblem(loc, at_key, "bad-date", message, "write it as YYYY-MM-DD, e.g. 2026-09-01")


def _integer(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a whole number, got {_show(value)}")


def _positive(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(loc, at_key, "bad-value", f"{name} must be 1 or more, got {_show(value)}")


def _list(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(
        loc,
        at_key,
        "wrong-type",
        f"{name} must be a list, got {_show(value)}",
        "write each entry on its own line starting with `- `",
    )


def _mapping(loc, at_key, name, value, error, model) -> FieldProblem:
    expected = _model_at(model, loc)
    required = [f for f, info in expected.model_fields.items() if info.is_required()] if expected else []
    hint = f"write its fields on their own lines, starting with `{required[0]}: …`" if required else ""
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a mapping of fields, got {_show(value)}", hint)


def _string(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a string, got {_show(value)}")


def _too_short(loc, at_key, name, value, error, model) -> FieldProblem:
    return FieldProblem(loc, at_key, "empty", f"{name} must not be empty", "add at least one entry")


def _text(loc, at_key, name, value, error, model) -> FieldProblem:
    lang = (error.get("ctx") or {}).get("lang")
    entry = value.get(lang) if isinstance(value, dict) and lang is not None else value
    if isinstance(entry, bool):
        hint = f'put the word in quotes: "{str(entry).lower()}"; unquoted, YAML reads it as a yes/no value'
    elif lang is not None and entry is None and not re.fullmatch(LANG_PATTERN, str(lang)):
        hint = 'inside {…} a comma ends the text: quote texts that contain one, e.g. {en: "Fast, friendly"}'
    elif lang is not None and entry is None:
        hint = f"write the text after `{lang}:`, or remove the entry"
    else:
        hint = "write a string, or a mapping of language to string like {en: …, pl: …}"
    if lang is not None:  # point at the language entry, not the whole text
        return FieldProblem((*loc, lang), True, "wrong-type", f"{name}: {error['msg']}", hint)
    return FieldProblem(loc, at_key, "wrong-type", f"{name}: {error['msg']}", hint)


def _checklist(loc, at_key, name, value, error, model) -> FieldProblem:
    field = error["ctx"]["field"]
    hint = (
        "list what to check under `items:`, each as `- text: …`, or group the items under `sections:`"
        if error["type"] == "checklist_empty"
        else "put the plain items into a section of their own"
    )
    return FieldProblem((*loc, field), False, "invalid-value", error["msg"], hint)


_HANDLERS = {
    "extra_forbidden": _extra,
    "missing": _missing,
    "string_pattern_mismatch": _pattern,
    "literal_error": _literal,
    "date_format": _date,
    "int_parsing": _integer,
    "int_type": _integer,
    "int_from_float": _integer,
    "greater_than": _positive,
    "list_type": _list,
    "dict_type": _mapping,
    "model_type": _mapping,
    "model_attributes_type": _mapping,
    "string_type": _string,
    "too_short": _too_short,
    "text_type": _text,
    "text_empty": _text,
    "checklist_empty": _checklist,
    "checklist_both": _checklist,
}


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{clip(value)}'"


def _model_at(model: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The (nested) model class that the value at `path` should be, if any."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model that `path` leads into."""
    found = _model_at(model, path)
    return list(found.model_fields) if found else []


def _inner_model(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...], Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Annotated, Union, types.UnionType, list, tuple, dict):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner is not None:
                return inner
    return None
