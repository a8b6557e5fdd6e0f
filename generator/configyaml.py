"""Reading `mkdocs.yml` as safely as the content: bounded, and with only the tags MkDocs needs.

`mkdocs.yml` is content too: whoever can edit it must not be able to make `kb`
run code or exhaust memory. The file is first read as libyaml's event stream
with the content loader's limits (size, nesting depth, values counting each
expansion of an alias), so an alias bomb under `extra:` fails in milliseconds at
its line; only then is it built into values with PyYAML's safe constructor.

Tags: MkDocs reads the config we write back with PyYAML's *unsafe* loader, so a
tag kept here could run code there. Allowed, and written back for MkDocs to
resolve, are MkDocs' own `!ENV` (an environment variable, with a default) and
`!relative` (a path relative to the config or docs folder), and
`!!python/name:` naming a function of Material's or pymdownx's Markdown
extensions (their documented emoji and custom-fence settings), which only
imports modules that are installed for the site anyway. Every other tag, every
other `!!python/…` tag above all (`!!python/object/apply:os.system`), is an
error at its line.

Positions of keys and values down to three levels are kept, so an error about
a setting (`site_dir`, `kb.languages`, `plugins: - kb:`) names its line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events

from generator.content.yamlload import MAX_DEPTH, MAX_VALUES
from generator.content.yamltext import YamlError, decode, reader_error, syntax_error

Mark = tuple[int, int]  # 1-based line, column
Path_ = tuple[Any, ...]
_KEPT_DEPTH = 3
_STANDARD = "tag:yaml.org,2002:"
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"
_ALLOWED_NAME = re.compile(r"(?:material\.extensions|pymdownx)(?:\.[A-Za-z_][A-Za-z0-9_]*)+\Z")
_SAFE_STANDARD = {f"{_STANDARD}{name}" for name in (
    "str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary", "set", "omap", "pairs", "merge")}
ALLOWED_TAGS = {"!ENV", "!relative"}


@dataclass(frozen=True)
class Tagged:
    """A value with one of MkDocs' tags (`!ENV [X]`, `!relative`, `!!python/name:…`), written back verbatim."""

    tag: str
    value: Any


def tag_refusal(tag: str) -> str | None:
    """Why `tag` may not be used in mkdocs.yml, or None when it is allowed."""
    if tag in ALLOWED_TAGS or tag in _SAFE_STANDARD:
        return None
    if tag.startswith(_PYTHON_NAME) and _ALLOWED_NAME.match(tag[len(_PYTHON_NAME):]):
        return None
    shown = tag.replace(_STANDARD, "!!")
    return (f"YAML tag '{shown}' is not allowed in mkdocs.yml (kb lets MkDocs resolve only !ENV, !relative "
            "and !!python/name: of a Material or pymdownx function)")


class _Scan:
    """One pass over the events: limits, tags, and the positions of the first levels."""

    def __init__(self) -> None:
        self.count = 0
        self.anchors: dict[str, int] = {}
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.aliases = False

    def run(self, parser: Any) -> None:
        parser.get_event()  # StreamStart
        if isinstance(parser.peek_event(), events.StreamEndEvent):
            return
        parser.get_event()  # DocumentStart
        self.node(parser, parser.get_event(), (), 1)
        parser.get_event()  # DocumentEnd
        nxt = parser.get_event()
        if isinstance(nxt, events.DocumentStartEvent):
            raise YamlError("the config holds several YAML documents", *_mark(nxt), hint="remove the `---` line")

    def node(self, parser: Any, event: events.Event, path: Path_, depth: int) -> None:
        if isinstance(event, events.AliasEvent):
            self.aliases = True
            self.count += self.anchors.get(str(event.anchor), 1)
            self.check_count(event)
            return
        start = self.count
        self.count += 1
        self.check_count(event)
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and (why := tag_refusal(tag)):
            raise YamlError(why, *_mark(event), hint="remove the tag or write the value out")
        if len(path) <= _KEPT_DEPTH:
            self.marks[path] = _mark(event)
        if isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            if depth > MAX_DEPTH:
                raise YamlError(f"nesting is deeper than {MAX_DEPTH} levels", *_mark(event),
                                hint="flatten the structure")
            self.children(parser, event, path, depth)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors[anchor] = self.count - start

    def children(self, parser: Any, event: events.Event, path: Path_, depth: int) -> None:
        mapping = isinstance(event, events.MappingStartEvent)
        end = events.MappingEndEvent if mapping else events.SequenceEndEvent
        index = 0
        while not isinstance(parser.peek_event(), end):
            if mapping:
                key_event = parser.get_event()
                key = key_event.value if isinstance(key_event, events.ScalarEvent) else index
                self.node(parser, key_event, (*path, "\0key"), depth + 1)
                if len(path) < _KEPT_DEPTH:
                    self.key_marks[(*path, key)] = _mark(key_event)
            else:
                key = index
            self.node(parser, parser.get_event(), (*path, key), depth + 1)
            index += 1
        parser.get_event()

    def check_count(self, event: events.Event) -> None:
        if self.count > MAX_VALUES:
            hint = ("aliases may not multiply content; write the values out" if self.aliases
                    else "keep the config to settings; content belongs in the content folders")
            raise YamlError(f"the config expands to more than {MAX_VALUES} values", *_mark(event), hint=hint)


def _mark(event: events.Event) -> Mark:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


class _Loader(yaml.SafeLoader):
    """The safe constructor, keeping the allowed tags as Tagged values (checked before it runs)."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


_Loader.add_multi_constructor("", _construct_tagged)


@dataclass
class ConfigDocument:
    data: Any
    marks: dict[Path_, Mark]  # where each value starts, by path of keys and indexes
    key_marks: dict[Path_, Mark]  # where each key stands

    def locate(self, path: Path_, key: bool = False) -> Mark:
        """The position of `path`'s key (key=True) or value, or of its nearest known parent."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.marks:
                return self.marks[path[:end]]
        return (1, 1)


def resolve_env(value: Any) -> Any:
    """A `!ENV` value as MkDocs will see it (the first variable set, else the last entry as default)."""
    if not (isinstance(value, Tagged) and value.tag == "!ENV"):
        return value
    names = value.value if isinstance(value.value, list) else [value.value, None]
    for name in names[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return names[-1]


def _too_deep(text: str, index: int) -> YamlError:
    """Our message for nesting libyaml refused first (it stops at 1,000 levels while scanning ahead):
    scan the text up to where libyaml stopped, which names the first level too deep."""
    parser = yaml.CSafeLoader(text[:index])
    try:
        _Scan().run(parser)
    except YamlError as exc:
        return exc
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    line = text.count("\n", 0, index) + 1
    return YamlError(f"nesting is deeper than {MAX_DEPTH} levels", line, 1, hint="flatten the structure")


def load_config_text(raw: bytes) -> ConfigDocument:
    """mkdocs.yml's bytes to values and positions, or YamlError at the line at fault."""
    text = decode(raw)
    scan = _Scan()
    try:
        parser = yaml.CSafeLoader(text)
        try:
            scan.run(parser)
        finally:
            parser.dispose()
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if exc.problem == "exceeded maximum nesting depth" and exc.problem_mark is not None:
            raise _too_deep(text, exc.problem_mark.index) from None
        raise syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        raise reader_error(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml marks every other error
        raise YamlError(f"YAML syntax error: {exc}", 1, 1) from None
    return ConfigDocument(data, scan.marks, scan.key_marks)
