"""The four roles and their labels."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Role(StrEnum):
    RESIDENT = "resident"
    MAKELAAR = "makelaar"
    AMBASSADOR = "ambassador"
    ADMIN = "admin"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.RESIDENT: _l("Resident"),
    Role.MAKELAAR: _l("Community broker"),
    Role.AMBASSADOR: _l("Ambassador"),
    Role.ADMIN: _l("Administrator"),
}
