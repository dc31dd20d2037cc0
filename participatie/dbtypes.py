"""Column types shared by the domains' models."""

from sqlalchemy import Enum


def enum_column(enum_cls, length: int = 24) -> Enum:
    """A StrEnum stored by value in a VARCHAR (portable between SQLite and PostgreSQL)."""
    return Enum(enum_cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])
