"""The `kb` command line: a thin click layer; each command imports its work lazily."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from generator import __version__

CONFIG_HELP = "The project's mkdocs.yml, with the generator's options under `kb:`."


class KbError(click.ClickException):
    """A failure the user can act on: printed as `kb: message`, exit 2."""

    exit_code = 2

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        click.echo(f"kb: {self.format_message()}", err=True)


def config_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
        type=click.Path(dir_okay=False), help=CONFIG_HELP,
    )(func)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn configuration errors into `kb: …` messages and unexpected failures into an
    internal-error report naming the file being read; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from generator.config import ConfigError
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            raise KbError(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            from generator.diagnostics import InternalError

            where, cause = (f" {exc.where}", exc.cause) if isinstance(exc, InternalError) else ("", exc)
            raise KbError(
                f"internal error{where}: {type(cause).__name__}: {cause} "
                "(this is a bug in kb; please report it with the file that triggered it)"
            ) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kb")
def cli() -> None:
    """Service standards knowledge base: check, build, print and search YAML content."""


def main() -> None:
    from generator.commands import register

    register(cli)
    cli.main(prog_name="kb")


if __name__ == "__main__":  # pragma: no cover
    main()
