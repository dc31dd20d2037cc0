"""Reactions: neighbours talk on an idea page (one level of replies), kept civil by moderation."""
