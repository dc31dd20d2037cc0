"""Command-line tools: `flask users create`, `flask seed-demo`, plus the domains' groups."""

import click
from flask.cli import AppGroup, with_appcontext

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.ops.backup import backup_command, restore_command
from participatie.web.errors import DomainValidationError
from participatie.geo.cli import geo_cli
from participatie.ops.jobs import jobs_cli

users_cli = AppGroup("users", help="Manage user accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.RESIDENT.value)
@click.option("--name", "display_name", default=None, help="Display name (default: part before @).")
@click.option("--department", default=None, help="Department, for ambassadors.")
@click.option("--password", default=None, help="Password; prompted when omitted.")
def create_user_command(email, role, display_name, department, password):
    """Create a confirmed account with ROLE."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(email, display_name or email.split("@")[0], password=password,
                                    role=role, verified=True, department=department)
    except DomainValidationError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"Created {user.email} with role {user.role.value}.")


@click.command("seed-demo")
@with_appcontext
@click.option("--if-empty", is_flag=True, help="Only when the database has no ideas yet.")
def seed_demo_command(if_empty):
    """Load the demo content (idempotent; goes through the services)."""
    from participatie.demo import seed as demo
    from participatie.web.urls import site_request_context

    with site_request_context():
        click.echo(demo.seed(only_if_empty=if_empty))


storage_cli = AppGroup("storage", help="Files kept in participatie.storage (the database by default).")


@storage_cli.command("migrate-photos")
def migrate_photos_command():
    """Copy social-map photos from the old folder on this host's disk into storage (safe to repeat)."""
    from participatie.socialmap import photos

    copied, present = photos.migrate_from_disk()
    click.echo(f"photos copied: {copied}, already stored: {present}")


def register(app) -> None:
    app.cli.add_command(storage_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(geo_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    from participatie.ops.bench import seed_bench_command; app.cli.add_command(seed_bench_command)  # noqa: E702
