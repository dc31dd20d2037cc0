"""Stadsgesprekken: supported ideas become public conversations with a report and tracked actions."""
