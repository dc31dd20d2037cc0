"""Across departments: asks with a due date, answers without an account, and the escalation ladder."""
