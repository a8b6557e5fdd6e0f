"""Short content fingerprints: a printed sheet binds to an exact version, builds skip unchanged work,
and a translation records which default-language text it was made from."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.content.models import Item
from generator.content.types import Text
from generator.content.walk import leaves

LENGTH = 10


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def content_fingerprint(item: Item) -> str:
    """Hash of everything the item says (all fields, all languages), e.g. '3f9a0c12be'."""
    # An empty `changes` list is left out: items without notes keep the versions they had before the field.
    data = item.model_dump(mode="json", exclude={"translated", *(() if item.changes else ("changes",))})
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()[:LENGTH]


def source_texts(item: Item, default_language: str) -> list[tuple[str, str]]:
    """Every default-language text of the item as (path, text), sorted by path.

    Whitespace runs count as one space, so re-wrapping a paragraph in the YAML
    does not make its translations outdated; any change of words does.
    """
    found = [
        (canonical(list(leaf.path)), " ".join(leaf.value[default_language].split()))
        for leaf in leaves(item)
        if isinstance(leaf.value, Text) and default_language in leaf.value
    ]
    return sorted(found)


def source_fingerprint(item: Item, default_language: str) -> str:
    """Hash of all default-language texts of the item: what a translation was made from.

    `kb i18n mark` records it under `translated: {pl: …}`; when it no longer matches,
    the default-language text changed since and the translation is outdated.
    """
    data = source_texts(item, default_language)
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()[:LENGTH]
