"""`flask geo ...`: manage wijk boundaries."""

from pathlib import Path

import click
from flask.cli import AppGroup

from participatie.geo import services

geo_cli = AppGroup("geo", help="Wijk boundaries.")


@geo_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(path: Path) -> None:
    """Replace wijk boundaries with those in PATH (GeoJSON with CBS wijk codes)."""
    try:
        count = services.import_boundaries(path)
    except services.BoundaryFileError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Imported {count} wijken from {path}.")


@geo_cli.command("ensure")
def ensure_command() -> None:
    """Load the shipped Utrecht wijken when there are none yet."""
    loaded = services.ensure_wijken()
    click.echo("Loaded the Utrecht wijken." if loaded else "Wijken already present.")
