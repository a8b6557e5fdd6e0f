"""JSON Schemas for editors, generated from the models (the one source of truth).

`kb schema -o DIR` writes one schema per kind plus `item.json`, which accepts any
kind (chosen by `kind:`), for editors that map a whole folder to one schema.
"""

from __future__ import annotations

import functools
import json
import operator
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from generator.content.models import KINDS
from generator.files import atomic_write

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_SCHEMA_DIR = Path(".kb") / "schema"


def _finish(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": SCHEMA_DIALECT, "title": title, **schema}


def kind_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    schema = model.model_json_schema(mode="validation")
    schema.pop("title", None)
    return _finish(schema, f"Knowledge base {kind}")


def item_schema() -> dict[str, Any]:
    any_kind = functools.reduce(operator.or_, KINDS.values())  # Taxonomy | Principle | …
    union = Annotated[any_kind, Field(discriminator="kind")]  # type: ignore[valid-type]
    schema = TypeAdapter(union).json_schema(mode="validation")
    return _finish(schema, "Knowledge base item (any kind)")


def all_schemas() -> dict[str, str]:
    """File name -> schema text, deterministic (sorted keys, trailing newline)."""
    schemas = {f"{kind}.json": kind_schema(kind) for kind in KINDS}
    schemas["item.json"] = item_schema()
    return {
        name: json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n" for name, body in schemas.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            atomic_write(target, text.encode("utf-8"))
        written.append(target)
    return written
