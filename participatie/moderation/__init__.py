"""Moderation: house rules, reports ("Melden"), the queue, hiding with a public reason, warnings and blocks."""
