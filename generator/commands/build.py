"""`kb build`: check, then the site, printouts and search index into site/, atomically."""

from __future__ import annotations

import sys

import click

from generator.cli import KbError, config_option, guarded


@click.command(help="Check the content, then build the site, printouts and search index into site/ "
                    "(atomically: a failed build leaves the previous site in place). Exit 1 on content errors.")
@click.option("--no-pdf", is_flag=True, help="Skip the printouts (faster while editing).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Languages built at the same time [default: the number of CPUs].")
@click.option("--no-cache", is_flag=True,
              help="Render every page again instead of reusing unchanged pages from .kb/cache/pages "
                   "(the site is the same either way).")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default=None,
              help="The site generator run on the emitted projects [default: the kb.engine option, else mkdocs].")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
@config_option
@guarded
def command(no_pdf: bool, jobs: int | None, no_cache: bool, engine: str | None, quiet: bool, config_file: str) -> None:
    import time

    from generator.build import build
    from generator.config import load_project
    from generator.reporters import as_text
    from generator.site.emit import UnsafePath
    from generator.site.mkdocs_api import SiteBuildError

    started = time.monotonic()

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"kb build: {message} [{time.monotonic() - started:.1f}s]", err=True)

    project = load_project(config_file)
    try:
        result = build(project, pdf=not no_pdf, jobs=jobs, progress=progress, cache=not no_cache,
                       engine=engine)
    except (SiteBuildError, UnsafePath) as exc:
        raise KbError(f"the site could not be built; {project.site_dir.name}/ is unchanged.\n{exc}") from None
    if not result.ok:
        sys.stderr.write(as_text(result.diagnostics.sorted()))  # diagnostics on stderr: see generator/files.py
        errors, warnings = len(result.diagnostics.errors), len(result.diagnostics.warnings)
        click.echo(f"kb build: {errors} error(s), {warnings} warning(s); nothing built "
                   f"({project.site_dir.name}/ is unchanged)", err=True)
        sys.exit(1)
    ours = [d for d in result.diagnostics.sorted() if d.location.path == project.shown]
    sys.stderr.write(as_text(ours))  # the config's warnings: `kb check` shows the content's
    warnings = len(result.diagnostics.warnings)
    note = f", {warnings} warning(s) (see `kb check`)" if warnings else ""
    click.echo(f"kb build: built {result.pages} pages in {len(project.languages)} language(s) into "
               f"{project.site_dir.name}/ in {result.seconds:.1f}s{note}", err=True)
