"""Walks a model and yields every leaf value with its path and its annotation markers.

The knowledge-base checks use it to find references, taxonomy keys, levels and
texts without knowing each kind's fields: the markers on the annotations
(`Ref`, `TaxonomyKey`, `ScaleLevel`, `Markdown`) say what a value is. The plan
for each model class is computed once.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, NamedTuple, Union

from pydantic import BaseModel

from generator.content.types import Text

PathT = tuple[Any, ...]


class Leaf(NamedTuple):  # a tuple: the walk makes one per value of every item, so it must be cheap
    path: PathT
    value: Any
    markers: tuple[Any, ...]
    is_key: bool = False  # the value is a mapping key (e.g. a competency id in a profile)


Visitor = Callable[[Any, PathT, list[Leaf]], None]


@dataclass(frozen=True)
class _Walked:
    owner: int  # id() of the walked item: a model_copy() carries the private cache along, but not this
    leaves: list[Leaf]
    by_marker: dict[type, list[tuple[Leaf, Any]]]


def _walk(model: BaseModel) -> _Walked:
    """The walk of `model`, cached on items (every check walks every item; the walk is the same each time)."""
    private = model.__pydantic_private__
    walked = private.get("_walked") if private else None
    if walked is None or walked.owner != id(model):
        out: list[Leaf] = []
        _model_visitor(type(model))(model, (), out)
        by_marker: dict[type, list[tuple[Leaf, Any]]] = {}
        for leaf in out:
            for marker in leaf.markers:
                by_marker.setdefault(type(marker), []).append((leaf, marker))
        walked = _Walked(id(model), out, by_marker)
        if private is not None and "_walked" in private:
            private["_walked"] = walked
    return walked


def leaves(model: BaseModel) -> list[Leaf]:
    """Every annotated leaf and every Text of `model`, in field order (do not modify the list)."""
    return _walk(model).leaves


def iter_markers(model: BaseModel, marker_type: type) -> Iterator[tuple[Leaf, Any]]:
    """The leaves carrying a marker of `marker_type` (Ref, TaxonomyKey, ScaleLevel, Markdown), in field order."""
    by_marker = _walk(model).by_marker
    if marker_type in by_marker:
        yield from by_marker[marker_type]
    else:
        for kind, found in by_marker.items():
            if issubclass(kind, marker_type):
                yield from found


@cache
def _model_visitor(cls: type[BaseModel]) -> Visitor:
    fields = [(name, _visitor(info.annotation, tuple(info.metadata))) for name, info in cls.model_fields.items()]

    def visit(value: Any, path: PathT, out: list[Leaf]) -> None:
        for name, visitor in fields:
            child = getattr(value, name)
            if child is not None:
                visitor(child, (*path, name), out)

    return visit


def _visitor(annotation: Any, markers: tuple[Any, ...] = ()) -> Visitor:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _visitor(args[0], markers + tuple(annotation.__metadata__))
    if origin in (Union, types.UnionType):
        options = [_visitor(arg, markers) for arg in args if arg is not type(None)]
        return options[0] if len(options) == 1 else _skip
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_visitor(annotation)
    if origin in (list, tuple):
        return _list_visitor(_visitor(args[0]))
    if origin is dict:
        return _dict_visitor(_key_markers(args[0]), _visitor(args[1]))
    if annotation is Text or markers:
        return _leaf_visitor(markers)
    return _skip


def _skip(value: Any, path: PathT, out: list[Leaf]) -> None:
    return None


def _leaf_visitor(markers: tuple[Any, ...]) -> Visitor:
    def visit(value: Any, path: PathT, out: list[Leaf]) -> None:
        out.append(Leaf(path, value, markers))

    return visit


def _list_visitor(element: Visitor) -> Visitor:
    if element is _skip:
        return _skip

    def visit(value: Any, path: PathT, out: list[Leaf]) -> None:
        for index, child in enumerate(value):
            element(child, (*path, index), out)

    return visit


def _key_markers(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is Annotated:
        return tuple(annotation.__metadata__) + _key_markers(typing.get_args(annotation)[0])
    return ()


def _dict_visitor(key_markers: tuple[Any, ...], value: Visitor) -> Visitor:
    if not key_markers and value is _skip:
        return _skip

    def visit(mapping: Any, path: PathT, out: list[Leaf]) -> None:
        for key, child in mapping.items():
            if key_markers:
                out.append(Leaf((*path, key), key, key_markers, is_key=True))
            value(child, (*path, key), out)

    return visit
