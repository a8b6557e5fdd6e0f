"""A YAML loader that closes YAML's traps and remembers where every value came from.

It reads libyaml's event stream (PyYAML's CSafeLoader) and builds plain Python
values itself, so that

* only `true` / `false` are booleans (`No`, `on`, `1:30` stay strings), integers
  are the only numbers, and dates stay strings until a model asks for a date;
* a key given twice, a merge key, a custom tag or a second document is an error;
* aliases are bounded by the number of values they expand to, and nesting by
  depth, checked while reading, so a "billion laughs" file fails in milliseconds
  and deep nesting cannot exhaust the stack;
* every mapping and sequence keeps the line and column of its keys and values.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml import events

from generator.content.yamlpositions import Document, Mark, Marks, Positions
from generator.content.yamltext import MAX_FILE_BYTES, YamlError, decode, reader_error, syntax_error

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_VALUES", "Document", "Marks", "Positions", "YamlError", "decode", "load"]

MAX_DEPTH = 32
MAX_VALUES = 20_000  # values in one file, counting each expansion of an alias
MAX_DIGITS = 18  # a whole number fits in 64 bits; a longer one is a mistake (and Python refuses 4,300+ digits)

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {None, "!", _STR_TAG} | {
    f"tag:yaml.org,2002:{name}" for name in ("int", "bool", "null", "seq", "map")
}

def load(raw: bytes) -> Document:
    """Parse one file's bytes into a Document, or raise YamlError."""
    text = decode(raw)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise YamlError("file is empty", 1, 1, hint="start it with `kind:` and `id:`")
    try:
        return _parse(text)
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth" and exc.problem_mark is not None:
            raise _nesting_error(text, exc.problem_mark.index) from None
        raise syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; libyaml gives a byte offset
        raise reader_error(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml marks every other error
        raise YamlError(f"YAML syntax error: {exc}", 1, 1) from None


def _parse(text: str) -> Document:
    parser = yaml.CSafeLoader(text)
    try:
        return _Builder(parser).document()
    finally:
        parser.dispose()


def _nesting_error(text: str, index: int) -> YamlError:
    """Our own message for nesting that libyaml refused first (libyaml >= 0.2.6 stops at 1,000 levels
    while scanning ahead, before our builder sees level 33): read the text up to where libyaml stopped,
    which is within its limit, so the builder names the first level too deep."""
    try:
        _parse(text[:index])
    except YamlError as exc:
        if exc.message.startswith("nesting is deeper"):
            return exc
    except yaml.YAMLError:
        pass
    before = text[:index]
    line = before.count("\n") + 1
    column = index - (before.rfind("\n") + 1) + 1
    return _too_deep(line, column)


def _too_deep(line: int, column: int) -> YamlError:
    return YamlError(f"nesting is deeper than {MAX_DEPTH} levels", line, column, hint="flatten the structure")


def _mark(event: events.Event) -> Mark:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


_ScalarEvent, _AliasEvent = events.ScalarEvent, events.AliasEvent
_SequenceStart, _MappingStart = events.SequenceStartEvent, events.MappingStartEvent
_SequenceEnd, _MappingEnd = events.SequenceEndEvent, events.MappingEndEvent
_PLAIN_WORDS: dict[str, Any] = {**_BOOLS, **dict.fromkeys(_NULLS)}
_NUMBER_START = frozenset("0123456789+-")


class _Builder:
    """Turns the event stream of one document into values and positions.

    This is the loader's hot loop (every value of every file passes through it once),
    so the per-event work is inlined rather than split into small helpers.
    """

    def __init__(self, parser: yaml.CSafeLoader) -> None:
        self.next_event = parser.get_event
        self.positions = Positions()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.count = 0
        self.aliased = False  # an alias was used (for the hint when the file has too many values)

    def document(self) -> Document:
        self.next_event()  # StreamStart
        self.next_event()  # DocumentStart
        root = self.value(self.next_event(), depth=1)
        self.next_event()  # DocumentEnd
        nxt = self.next_event()
        if isinstance(nxt, events.DocumentStartEvent):
            line, _ = _mark(nxt)
            raise YamlError(
                "file holds several YAML documents", line, 1, hint="keep one item per file; remove the `---` line"
            )
        if not isinstance(root, dict):
            what = "nothing" if root is None else f"a {_type_name(root)}"
            raise YamlError(
                f"file holds {what}, not a mapping of fields", 1, 1, hint="start it with `kind:` and `id:`"
            )
        return Document(root, self.positions)

    def value(self, event: events.Event, depth: int) -> Any:
        cls = type(event)
        if cls is _AliasEvent:
            return self.alias(event)
        self.count += 1
        if self.count > MAX_VALUES:
            self.too_many(event)
        start = self.count
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            _refuse_tag(event)
        if cls is _ScalarEvent:
            result = _scalar(event)
        elif depth > MAX_DEPTH:
            raise _too_deep(*_mark(event))
        elif cls is _MappingStart:
            result = self.mapping(event, depth)
        elif cls is _SequenceStart:
            result = self.sequence(event, depth)
        else:  # pragma: no cover - libyaml guarantees the grammar
            line, column = _mark(event)
            raise YamlError(f"unexpected YAML event {cls.__name__}", line, column)
        if event.anchor is not None:
            self.anchors[event.anchor] = (result, self.count - start + 1)
        return result

    def alias(self, event: events.AliasEvent) -> Any:
        self.aliased = True
        if event.anchor not in self.anchors:
            line, column = _mark(event)
            raise YamlError(f"unknown alias '*{event.anchor}'", line, column, hint="define the anchor before using it")
        value, size = self.anchors[event.anchor]
        self.count += size
        if self.count > MAX_VALUES:
            self.too_many(event)
        return value

    def too_many(self, event: events.Event) -> None:
        line, column = _mark(event)
        raise YamlError(
            f"file {'expands to' if self.aliased else 'holds'} more than {MAX_VALUES} values",
            line,
            column,
            hint="aliases may not multiply content; write the values out or split the file" if self.aliased
            else "split the file into several items",
        )

    def sequence(self, start: events.Event, depth: int) -> list[Any]:
        result: list[Any] = []
        marks = Marks(_mark(start))
        values = marks.values
        next_event, value, depth = self.next_event, self.value, depth + 1
        while True:
            event = next_event()
            if type(event) is _SequenceEnd:
                break
            mark = event.start_mark
            values[len(result)] = (mark.line + 1, mark.column + 1)
            result.append(value(event, depth))
        self.positions.add(result, marks)
        return result

    def mapping(self, start: events.Event, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        marks = Marks(_mark(start))
        keys, values = marks.keys, marks.values
        next_event, value, depth = self.next_event, self.value, depth + 1
        while True:
            event = next_event()
            if type(event) is _MappingEnd:
                break
            key = _key(event)
            mark = event.start_mark
            key_mark = (mark.line + 1, mark.column + 1)
            if key in result:
                raise YamlError(
                    f"key '{key}' is given twice (first on line {keys[key][0]})", *key_mark, hint="remove one of them"
                )
            value_event = next_event()
            keys[key] = key_mark
            mark = value_event.start_mark
            values[key] = (mark.line + 1, mark.column + 1)
            result[key] = value(value_event, depth)
        self.positions.add(result, marks)
        return result


def _scalar(event: events.ScalarEvent) -> Any:
    """A scalar's value under our rules. Quoted, block and tagged scalars (`!`, `!!str`, `!!int`, …) are
    text as written; a plain one is a boolean (true/false only), null, a decimal integer, or text."""
    text = event.value
    if event.tag is not None or not event.implicit[0]:
        return text
    if text in _PLAIN_WORDS:
        return _PLAIN_WORDS[text]
    if text[:1] in _NUMBER_START and _INT.match(text):
        if len(text) > MAX_DIGITS:
            line, column = _mark(event)
            raise YamlError(f"number has more than {MAX_DIGITS} digits", line, column,
                            hint="quote it if it is a text, such as an identifier")
        return int(text)
    return text


def _key(event: events.Event) -> Any:
    if type(event) is not _ScalarEvent:
        line, column = _mark(event)
        raise YamlError("a mapping key must be a plain word or number", line, column)
    tag = event.tag
    if tag is not None and tag not in _ALLOWED_TAGS:
        _refuse_tag(event)
    if event.value == "<<" and event.implicit[0]:
        line, column = _mark(event)
        raise YamlError("merge keys (<<) are not supported", line, column, hint="write the fields out")
    key = _scalar(event)
    if key is None or key is True or key is False:
        return event.value
    return key


def _refuse_tag(event: events.Event) -> None:
    line, column = _mark(event)
    shown = str(event.tag).replace("tag:yaml.org,2002:", "!!")
    raise YamlError(f"YAML tag '{shown}' is not allowed", line, column, hint="remove the tag")


def _type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "number"
    return "single value"
