"""Turns pydantic's validation errors into messages a team lead can act on.

Each error becomes a (path in the document, is-it-the-key, code, message, hint)
tuple; the loader turns the path into a line and column.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import BaseModel

from generator.content.types import slugify
from generator.diagnostics import suggest


@dataclass(frozen=True)
class FieldProblem:
    path: tuple[Any, ...]
    at_key: bool
    code: str
    message: str
    hint: str = ""


def label(path: tuple[Any, ...]) -> str:
    """`measures[0].name` for ('measures', 0, 'name')."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "item"


def describe(error: dict[str, Any], model: type[BaseModel]) -> FieldProblem:
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


def _extra(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    fields = _fields_at(model, loc[:-1])
    return FieldProblem(
        loc, True, "unknown-field", f"unknown field `{loc[-1]}`", suggest(str(loc[-1]), fields) if fields else ""
    )


def _missing(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, False, "missing-field", f"missing required field {name}", f"add `{loc[-1]}:`")


def _pattern(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    what = "tag" if "tags" in loc else "id"
    return FieldProblem(
        loc,
        at_key,
        "bad-slug",
        f"{name}: '{value}' is not a valid {what}",
        f"use lower-case letters, digits and single hyphens, e.g. '{slugify(str(value))}'",
    )


def _literal(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
    return FieldProblem(loc, at_key, "bad-value", f"{name}: '{value}' is not allowed", suggest(str(value), allowed))


def _date(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "bad-date", f"{name}: '{value}' is not a valid date", "write it as YYYY-MM-DD, e.g. 2026-09-01")


def _integer(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a whole number, got {_show(value)}")


def _positive(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "bad-value", f"{name} must be 1 or more, got {_show(value)}")


def _list(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(
        loc, at_key, "wrong-type", f"{name} must be a list, got {_show(value)}", "write each entry on its own line starting with `- `"
    )


def _mapping(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a mapping of fields, got {_show(value)}")


def _string(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "wrong-type", f"{name} must be a string, got {_show(value)}")


def _too_short(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(loc, at_key, "empty", f"{name} must not be empty", "add at least one entry")


def _text(loc, at_key, name, value, error, model) -> FieldProblem:  # type: ignore[no-untyped-def]
    return FieldProblem(
        loc, at_key, "wrong-type", f"{name}: {error['msg']}", "write a string, or a mapping like {en: …, pl: …}; inside {…} quote texts that contain a comma"
    )


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
    return f"'{value}'"


def _fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model that `path` leads into."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _inner_model(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


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
