"""The ``veeduria`` command line: the only place that prints errors and picks exit codes.

Layer: monitor. Settings: all (read once in ``main``). Exit codes: 0 ok; 1 the job ran but
something failed (listed); 2 bad input or configuration; 3 storage; 4 digest delivery.
Cases: tests/test_cli.py.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from digests.errors import DigestError
from monitor.errors import ConfigError, JobFailed
from monitor.settings import Settings, read_settings
from spiders.specs import SOURCE_KINDS
from storage.errors import StorageError

EXIT_CODES: dict[type[Exception], int] = {
    ConfigError: 2,
    StorageError: 3,
    DigestError: 4,
    JobFailed: 1,
}

F = TypeVar("F", bound=Callable[..., Any])


def settings_of(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    assert settings is not None
    return settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """Veeduría: watch official sources for movement on human-rights demands."""
    settings = read_settings()
    from monitor.logsetup import setup_logging

    setup_logging(settings, verbose=verbose)
    ctx.obj = settings


@cli.command()
@click.option("--once", is_flag=True, help="Exit after the cycle's summary (no status page).")
@click.option("--port", type=int, default=None, help="Port of the status page (default: setting).")
@click.pass_context
def demo(ctx: click.Context, once: bool, port: int | None) -> None:
    """Run one full cycle on the bundled demo world, then serve the status page."""
    from monitor.demo import run_demo

    run_demo(settings_of(ctx), once=once, port=port)


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Create or migrate the database schema to the current version."""
    from monitor.runtime import upgrade_database

    click.echo(upgrade_database(settings_of(ctx)))


@cli.group()
def rules() -> None:
    """Check and try watch rules."""


@rules.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def rules_check(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Validate demand, rule and source files without fetching anything."""
    from monitor.rulecmds import check_rules

    report = check_rules(settings_of(ctx), list(paths))
    click.echo(report)


@rules.command("test")
@click.argument("rule_file", required=False, type=click.Path(path_type=Path))
@click.option("--since", default=None, help="Only documents published since DATE (YYYY-MM-DD).")
@click.pass_context
def rules_test(ctx: click.Context, rule_file: Path | None, since: str | None) -> None:
    """Run rules over stored documents, writing nothing; show what they would propose."""
    from monitor.rulecmds import try_rules

    try_rules(settings_of(ctx), rule_file, since=since)


@rules.command("try")
@click.argument("rule_file", required=False, type=click.Path(path_type=Path))
@click.option("--text", "text", default=None, help="The text to try (or use --file).")
@click.option("--file", "text_file", default=None, type=click.Path(path_type=Path),
              help="A UTF-8 file holding the text to try.")
@click.option("--title", default="", help="The document's title.")
@click.option("--kind", "source_kind", default="gazette", show_default=True,
              type=click.Choice(SOURCE_KINDS), help="The source kind the text comes from.")
@click.option("--country", default=None, help="The country whose acts it reports (e.g. BO).")
@click.option("--date", "published_on", default=None,
              help="Publication date YYYY-MM-DD (default: today).")
@click.pass_context
def rules_try(ctx: click.Context, rule_file: Path | None, text: str | None,
              text_file: Path | None, title: str, source_kind: str, country: str | None,
              published_on: str | None) -> None:
    """Explain what the rules (or RULE_FILE) make of one text, phrase by phrase."""
    from monitor.rulecmds import explain_text, read_text

    if (text is None) == (text_file is None):
        raise click.UsageError("give the text with --text or --file (one of them)")
    body = text if text is not None else read_text(text_file)  # type: ignore[arg-type]
    click.echo(explain_text(settings_of(ctx), rule_file, body, title=title,
                            source_kind=source_kind, country=country,
                            published_on=published_on))


@rules.command("words")
@click.argument("rule_file", required=False, type=click.Path(path_type=Path))
@click.option("--phrase", "phrases", multiple=True,
              help="A phrase to look up instead of the rules' own (repeatable), e.g. 'inici*'.")
@click.option("--since", default=None, help="Only documents published since DATE (YYYY-MM-DD).")
@click.option("--top", default=8, show_default=True, type=click.IntRange(1, 1000),
              help="How many forms to show per phrase.")
@click.pass_context
def rules_words(ctx: click.Context, rule_file: Path | None, phrases: tuple[str, ...],
                since: str | None, top: int) -> None:
    """Show the words each '*' phrase matches in the stored documents, most frequent first."""
    from monitor.rulecmds import word_forms

    click.echo(word_forms(settings_of(ctx), rule_file, phrases=list(phrases), since=since,
                          top=top))


@rules.command("terms")
@click.argument("names", nargs=-1)
def rules_terms(names: tuple[str, ...]) -> None:
    """Print the built-in term lists (all, or the NAMES given) that rules use as "@name".

    To take a phrase out in a file's terms: list, write it as printed here after a minus:
    ["@rechazo", "-rechazad*"].
    """
    from monitor.rulecmds import format_terms

    click.echo(format_terms(list(names)))


@cli.command()
@click.argument("sources", nargs=-1)
@click.pass_context
def crawl(ctx: click.Context, sources: tuple[str, ...]) -> None:
    """Fetch sources (all, or the ids given) and store what they published."""
    from monitor.cycle import crawl_and_report

    crawl_and_report(settings_of(ctx), list(sources))


@cli.command()
@click.pass_context
def match(ctx: click.Context) -> None:
    """Match stored documents not yet seen by the current rules; store proposals."""
    from monitor.cycle import match_and_report

    match_and_report(settings_of(ctx))


@cli.command()
@click.argument("sources", nargs=-1)
@click.pass_context
def cycle(ctx: click.Context, sources: tuple[str, ...]) -> None:
    """Crawl, then match: one whole monitoring cycle on the configured rules and sources."""
    from monitor.cycle import cycle_and_report

    cycle_and_report(settings_of(ctx), list(sources))


@cli.group()
def review() -> None:
    """Confirm or reject the status changes that rules propose."""


@review.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--all", "show_all", is_flag=True, help="Include decided proposals.")
@click.option("--demand", default=None, help="Only this demand id.")
@click.pass_context
def review_list(ctx: click.Context, fmt: str, show_all: bool, demand: str | None) -> None:
    """List proposals awaiting review."""
    from monitor.review import list_proposals

    click.echo(list_proposals(settings_of(ctx), fmt=fmt, show_all=show_all, demand=demand))


@review.command("show")
@click.argument("evidence_id", type=int)
@click.pass_context
def review_show(ctx: click.Context, evidence_id: int) -> None:
    """Show one proposal with its excerpt and source link."""
    from monitor.review import show_proposal

    click.echo(show_proposal(settings_of(ctx), evidence_id))


def _editor_option(func: F) -> F:
    return click.option("--editor", envvar="USER", default="editor", show_default=True,
                        help="Who decides (kept in the history).")(func)


@review.command("confirm")
@click.argument("evidence_id", type=int)
@click.option("--status", default=None, help="Confirm with another status (reassign).")
@click.option("--note", default=None, help="A note kept with the decision.")
@click.option("--older", is_flag=True,
              help="Confirm even though the act is dated before the current status's act.")
@_editor_option
@click.pass_context
def review_confirm(ctx: click.Context, evidence_id: int, status: str | None, note: str | None,
                   older: bool, editor: str) -> None:
    """Confirm a proposal: the demand's status moves and its timeline gets the evidence."""
    from monitor.review import confirm_proposal

    click.echo(confirm_proposal(settings_of(ctx), evidence_id, editor=editor, status=status,
                                note=note, allow_older=older))


@review.command("reject")
@click.argument("evidence_id", type=int)
@click.option("--why", required=True, help="Why the proposal is wrong (kept in the history).")
@_editor_option
@click.pass_context
def review_reject(ctx: click.Context, evidence_id: int, why: str, editor: str) -> None:
    """Reject a proposal; that document is never proposed again for that demand."""
    from monitor.review import reject_proposal

    click.echo(reject_proposal(settings_of(ctx), evidence_id, editor=editor, why=why))


@review.command("undo")
@click.argument("evidence_id", type=int)
@click.option("--why", required=True, help="Why the decision is undone.")
@_editor_option
@click.pass_context
def review_undo(ctx: click.Context, evidence_id: int, why: str, editor: str) -> None:
    """Undo a confirmation or rejection; the proposal awaits review again."""
    from monitor.review import undo_decision

    click.echo(undo_decision(settings_of(ctx), evidence_id, editor=editor, why=why))


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default: setting host).")
@click.option("--port", type=int, default=None, help="Port (default: setting port).")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the status page (and the editors' review pages)."""
    from monitor.runtime import serve_status_page

    serve_status_page(settings_of(ctx), host=host, port=port)


@cli.group()
def digest() -> None:
    """Build, preview and send the weekly digest."""


@digest.command("preview")
@click.option("--week", required=True, help="ISO week, e.g. 2026-W47.")
@click.option("--lang", type=click.Choice(["es", "pt", "en"]), default="es", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write digest.html and digest.txt into this folder (default: print text).")
@click.option("--members", is_flag=True, help="Render as a member would receive it.")
@click.option("--editor", "as_editor", is_flag=True, help="Render the editors' version.")
@click.pass_context
def digest_preview(ctx: click.Context, week: str, lang: str, out: Path | None, members: bool,
                   as_editor: bool) -> None:
    """Render the digest of one week without sending it."""
    from monitor.digestcmds import preview_digest

    click.echo(preview_digest(settings_of(ctx), week=week, language=lang, out=out,
                              include_members=members, is_editor=as_editor))


@digest.command("send")
@click.option("--week", default=None, help="ISO week (default: the week just ended).")
@click.option("--force", is_flag=True, help="Send even when nothing moved.")
@click.pass_context
def digest_send(ctx: click.Context, week: str | None, force: bool) -> None:
    """Send the digest of a week to every subscriber, in their language."""
    from monitor.digestcmds import send_digests

    click.echo(send_digests(settings_of(ctx), week=week, force=force))


@cli.command("settings")
@click.option("--markdown", is_flag=True, help="Print the declaration table as Markdown.")
@click.pass_context
def show_settings(ctx: click.Context, markdown: bool) -> None:
    """Print every setting with its current value (secrets masked) and help."""
    from monitor.runtime import settings_markdown, settings_table

    click.echo(settings_markdown() if markdown else settings_table(settings_of(ctx)))


@cli.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """Source health: last success, failures, last error."""
    if ctx.invoked_subcommand is None:
        from monitor.sourcecmds import health_table

        click.echo(health_table(settings_of(ctx)))


@sources.command("try")
@click.argument("target")
@click.pass_context
def sources_try(ctx: click.Context, target: str) -> None:
    """Fetch a URL or source id once and print what would be stored, writing nothing."""
    from monitor.sourcecmds import try_source

    try_source(settings_of(ctx), target)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--days", type=int, default=7, show_default=True, help="How far back to look.")
@click.pass_context
def changes(ctx: click.Context, sources: tuple[str, ...], days: int) -> None:
    """Pages whose text changed: dated versions with the sentences removed and added."""
    from monitor.pagechanges import list_changes

    click.echo(list_changes(settings_of(ctx), days=days, source_ids=list(sources)))


@cli.command()
@click.option("--folder", type=click.Path(path_type=Path), default=None,
              help="A folder laid out like shared/realdata (default: setting realdata_dir).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Report file.")
@click.pass_context
def realworld(ctx: click.Context, folder: Path | None, out: Path | None) -> None:
    """Run every real feed, page and PDF of a folder through the parsing code; report."""
    from monitor.sourcecmds import realworld_report

    realworld_report(settings_of(ctx), folder=folder, out=out)


@cli.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Run the scheduler: polls sources on their schedules, sends the weekly digest."""
    from monitor.scheduler import run_scheduler

    run_scheduler(settings_of(ctx))


@cli.group()
def users() -> None:
    """Accounts for editors and members of the status page."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["member", "editor", "admin"]), default="member")
@click.password_option(help="Password (asked for when not given).")
@click.pass_context
def users_add(ctx: click.Context, username: str, role: str, password: str) -> None:
    """Add an account (argon2-hashed password)."""
    from monitor.runtime import add_user

    click.echo(add_user(settings_of(ctx), username, role=role, password=password))


@cli.group()
def subscribers() -> None:
    """Recipients of the weekly digest."""


@subscribers.command("add")
@click.argument("email")
@click.option("--lang", type=click.Choice(["es", "pt", "en"]), default="es")
@click.option("--member", is_flag=True, help="Receives members-only demands too.")
@click.option("--country", "countries", multiple=True, help="Only these countries (repeat).")
@click.pass_context
def subscribers_add(ctx: click.Context, email: str, lang: str, member: bool,
                    countries: tuple[str, ...]) -> None:
    """Add a digest recipient."""
    from monitor.runtime import add_subscriber

    click.echo(add_subscriber(settings_of(ctx), email, language=lang, is_member=member,
                              countries=list(countries)))


def exit_code_for(exc: BaseException) -> int | None:
    for cls, code in EXIT_CODES.items():
        if isinstance(exc, cls):
            return code
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``veeduria`` console script."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="veeduria",
                 standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("veeduria: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except tuple(EXIT_CODES) as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        click.echo("veeduria: interrupted", err=True)
        return 130
    return 0


def report_error(exc: BaseException) -> int:
    code = exit_code_for(exc) or 1
    message = str(exc)
    if isinstance(exc, JobFailed) and exc.problems:
        message += "\n" + "\n".join(f"  - {p}" for p in exc.problems)
    for line in message.splitlines() or [type(exc).__name__]:
        click.echo(f"veeduria: {line}", err=True)
    logging.getLogger(__name__).debug("exit %d after %s", code, type(exc).__name__)
    return code


if __name__ == "__main__":
    sys.exit(main())
