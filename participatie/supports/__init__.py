"""Supports: 'Ik steun dit' and 'Ik doe mee'."""
