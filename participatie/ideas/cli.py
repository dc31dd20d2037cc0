"""`flask counters ...`: the idea counters behind home, wijk, list and map figures."""

import click
from flask.cli import AppGroup

from participatie.ideas import counters

counters_cli = AppGroup("counters", help="Idea figures kept in step with the ideas.")


@counters_cli.command("check")
def check_command() -> None:
    """Compare the counters with the ideas; exit 1 when they differ (the soak test's check)."""
    differences = counters.differences()
    for (wijk_id, status, kind), (counted, kept) in sorted(differences.items()):
        click.echo(f"wijk {wijk_id} {status} {kind}: rows {counted}, counters {kept}")
    if differences:
        raise SystemExit(1)
    click.echo("Counters and rows agree.")


@counters_cli.command("rebuild")
def rebuild_command() -> None:
    """Recount every counter from the ideas (after a bulk import that went around the app)."""
    click.echo(f"{counters.rebuild()} counter rows rebuilt.")
