"""Accounts: users, roles, login (password or e-mail link), settings, admin of roles."""
