"""Notifications: in-app messages and e-mail (immediate or a daily digest) for followers."""
