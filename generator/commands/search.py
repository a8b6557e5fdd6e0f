"""`kb search`: search the knowledge base from the terminal."""

from __future__ import annotations

import click

from generator.cli import config_option, guarded


class QueryCommand(click.Command):
    """A command whose words may start with `-` (`kb search caller -greet`): any token that is not
    one of the command's own options is a query word, so exclusion needs no `--` or quoting."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _options_first(self, ctx, args))


def _options_first(command: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
    takes_value: dict[str, bool] = {}
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            for name in (*param.opts, *param.secondary_opts):
                takes_value[name] = not param.is_flag and not param.count
    options: list[str] = []
    words: list[str] = []
    tokens = iter(args)
    for token in tokens:
        name = token.split("=", 1)[0] if token.startswith("--") else token
        if token == "--":
            words.extend(tokens)
        elif name in takes_value:
            options.append(token)
            value = next(tokens, None) if takes_value[name] and "=" not in token else None
            if value is not None:
                options.append(value)
        else:
            words.append(token)
    return [*options, "--", *words]


@click.command(cls=QueryCommand, help="Search the knowledge base as staff type: inflected words, no diacritics, typos, "
                    "\"exact phrases\", -excluded words, prefix*. Uses the built site's index when it matches "
                    "the content, else one kept in .kb/cache/search (built first when missing or stale).")
@click.argument("query", nargs=-1, required=True)
@click.option("--lang", help="Only pages of this site language (e.g. pl); default: every language.")
@click.option("--kind", help="Only this kind: standard, checklist, path, practice, principle, role, competency.")
@click.option("--area", help="Only standards of this area (a taxonomy key).")
@click.option("--channel", help="Only items for this channel (a taxonomy key).")
@click.option("--role", help="Only items for this role id (items for everyone included).")
@click.option("--status", type=click.Choice(["active", "draft"]), help="Only active or only draft items.")
@click.option("-n", "--limit", type=click.IntRange(1, 50), default=10, show_default=True, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON, for tools.")
@config_option
@guarded
def command(query: tuple[str, ...], lang: str | None, kind: str | None, area: str | None, channel: str | None,
            role: str | None, status: str | None, limit: int, as_json: bool, config_file: str) -> None:
    import json

    from generator.cli import KbError
    from generator.config import load_project
    from generator.search.searcher import Filters, Searcher, SearchError

    project = load_project(config_file)
    folder = _index_folder(project)
    try:
        searcher = Searcher(folder)
        results = searcher.search(" ".join(query), Filters(lang, kind, area, channel, role, status), limit)
    except SearchError as exc:
        raise KbError(str(exc)) from None
    site_url = str(project.mkdocs.get("site_url") or "").rstrip("/")
    if as_json:
        data = results.to_json()
        for hit in data["results"]:
            hit["href"] = site_url + hit["url"] if site_url else hit["url"]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_results(results, site_url)


def _index_folder(project):
    """A fresh index: the site's, the cached one, or the cache rebuilt now (saying so on stderr)."""
    from generator.search.manifest import cache_index_dir, fresh_index

    folder = fresh_index(project)
    if folder is not None:
        return folder
    from generator.content.pipeline import build_knowledge_base
    from generator.diagnostics import display_path
    from generator.search.indexer import build_index

    folder = cache_index_dir(project)
    click.echo(f"kb search: the search index is missing or out of date; building it in {display_path(folder)} …",
               err=True)
    kb, diagnostics = build_knowledge_base(project)
    if diagnostics.errors:
        click.echo(f"kb search: {len(diagnostics.errors)} error(s) in the content (run `kb check`); "
                   "indexing what could be read", err=True)
    manifest = build_index(kb, project, folder, progress=lambda message: click.echo(f"kb search: {message}", err=True))
    click.echo(f"kb search: indexed {manifest.documents} documents", err=True)
    return folder


def _print_results(results, site_url: str) -> None:
    import sys

    from generator.search.snippets import to_text

    style = sys.stdout.isatty()
    for number, hit in enumerate(results.hits, 1):
        title = click.style(hit.title, bold=True) if style else hit.title
        click.echo(f"{number}. {title}")
        where = site_url + hit.url if site_url else hit.url
        click.echo(f"   {hit.kind} · {hit.id} · {hit.lang} · {where}")
        text = to_text(hit.snippet, style=style)
        if text:
            click.echo(f"   {text}")
    if results.hits:
        click.echo(f"kb search: {len(results.hits)} of {results.total} result(s)", err=True)
    else:
        click.echo(f"kb search: no results for '{results.query}'", err=True)
