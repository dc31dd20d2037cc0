"""Wijken, point-in-polygon and distances. No routes and no domain imports."""
