"""Fixed vocabularies of the social map: kinds of entries and the threshold attributes."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class EntryKind(StrEnum):
    INITIATIVE = "initiative"
    ORGANISATION = "organisation"
    MEETING_PLACE = "meeting_place"
    ACTIVITY = "activity"

    @property
    def label(self):
        return KIND_LABELS[self]


KIND_LABELS = {
    EntryKind.INITIATIVE: _l("Initiative of residents"),
    EntryKind.ORGANISATION: _l("Organisation"),
    EntryKind.MEETING_PLACE: _l("Meeting place"),
    EntryKind.ACTIVITY: _l("Activity"),
}


class EditAction(StrEnum):
    """What was done to an entry (the change log); stored as its value, shown by its label."""

    CREATED = "created"
    EDITED = "edited"
    VERIFIED = "verified"
    ARCHIVED = "archived"
    RESTORED = "restored"
    IMPORTED = "imported"

    @property
    def label(self):
        return EDIT_LABELS[self]


EDIT_LABELS = {
    EditAction.CREATED: _l("created"),
    EditAction.EDITED: _l("changed"),
    EditAction.VERIFIED: _l("checked"),
    EditAction.ARCHIVED: _l("archived"),
    EditAction.RESTORED: _l("put back on the map"),
    EditAction.IMPORTED: _l("imported"),
}


class Cost(StrEnum):
    FREE = "free"
    SMALL = "small"
    PAID = "paid"

    @property
    def label(self):
        return {Cost.FREE: _l("Free"), Cost.SMALL: _l("Small contribution"), Cost.PAID: _l("Paid")}[self]


class Audience(StrEnum):
    EVERYONE = "everyone"
    CHILDREN = "children"
    ELDERLY = "elderly"

    @property
    def label(self):
        return {Audience.EVERYONE: _l("Everyone"), Audience.CHILDREN: _l("Children"),
                Audience.ELDERLY: _l("Older people")}[self]


class LinkKind(StrEnum):
    RELATED = "related"  # idea -> entry: "verwant initiatief"
    CAN_GO_TO = "can_go_to"  # idea -> entry: "kan terecht bij"
    SIMILAR = "similar"  # idea -> idea: "lijkt op"

    @property
    def label(self):
        return {LinkKind.RELATED: _l("Related initiative"), LinkKind.CAN_GO_TO: _l("You can go to"),
                LinkKind.SIMILAR: _l("Looks like")}[self]


ENTRY_LINK_KINDS = (LinkKind.RELATED, LinkKind.CAN_GO_TO)

# Spreadsheet words a makelaar may use instead of our keys (import accepts both).
KIND_WORDS = {"initiatief": "initiative", "organisatie": "organisation", "ontmoetingsplek": "meeting_place",
              "ontmoetingsplaats": "meeting_place", "activiteit": "activity"}
COST_WORDS = {"gratis": "free", "kleine bijdrage": "small", "bijdrage": "small", "betaald": "paid"}
AUDIENCE_WORDS = {"iedereen": "everyone", "kinderen": "children", "ouderen": "elderly"}

STALE_AFTER_DAYS = 182  # entries not checked for about six months appear on the worklist
