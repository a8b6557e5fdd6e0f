"""One module per command; each keeps its heavy imports inside the function body."""

from __future__ import annotations

import importlib

import click

COMMANDS = ["init", "check", "new", "schema", "print", "report", "i18n", "diff", "search", "serve", "build", "preview"]


def register(group: click.Group) -> None:
    for name in COMMANDS:
        module = importlib.import_module(f"generator.commands.{name}")
        group.add_command(module.command, name=name)
