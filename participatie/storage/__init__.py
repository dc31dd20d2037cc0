"""Shared storage helpers (no routes, no domain imports)."""
