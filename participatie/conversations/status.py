"""Workflows of a stadsgesprek and of its action items: statuses, labels, allowed transitions."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class ConversationStatus(StrEnum):
    PROPOSED = "proposed"  # by a community broker; an ambassador confirms it
    PLANNED = "planned"
    HELD = "held"  # the report is written
    CANCELLED = "cancelled"

    @property
    def label(self):
        return {
            ConversationStatus.PROPOSED: _l("Proposed"),
            ConversationStatus.PLANNED: _l("Planned"),
            ConversationStatus.HELD: _l("Held"),
            ConversationStatus.CANCELLED: _l("Cancelled"),
        }[self]


C = ConversationStatus
TRANSITIONS: dict[ConversationStatus, frozenset[ConversationStatus]] = {
    C.PROPOSED: frozenset({C.PLANNED, C.CANCELLED}),
    C.PLANNED: frozenset({C.HELD, C.CANCELLED}),
    C.HELD: frozenset(),
    C.CANCELLED: frozenset(),
}


def can_transition(old: ConversationStatus, new: ConversationStatus) -> bool:
    return new in TRANSITIONS[old]


class ActionStatus(StrEnum):
    OPEN = "open"
    BEZIG = "bezig"
    KLAAR = "klaar"
    VERVALLEN = "vervallen"  # only with a reason

    @property
    def label(self):
        return {
            ActionStatus.OPEN: _l("To do"),
            ActionStatus.BEZIG: _l("Busy"),
            ActionStatus.KLAAR: _l("Done"),
            ActionStatus.VERVALLEN: _l("Dropped"),
        }[self]


A = ActionStatus
ACTION_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    A.OPEN: frozenset({A.BEZIG, A.KLAAR, A.VERVALLEN}),
    A.BEZIG: frozenset({A.OPEN, A.KLAAR, A.VERVALLEN}),
    A.KLAAR: frozenset({A.BEZIG}),  # reopened when it turns out not to be done
    A.VERVALLEN: frozenset({A.OPEN}),
}
UNFINISHED = frozenset({A.OPEN, A.BEZIG})


def can_move_action(old: ActionStatus, new: ActionStatus) -> bool:
    return new in ACTION_TRANSITIONS[old]


class OwnerKind(StrEnum):
    AMBASSADOR = "ambassador"
    DEPARTMENT = "department"
    INITIATOR = "initiator"
    BEWONERS = "bewoners"

    @property
    def label(self):
        return {
            OwnerKind.AMBASSADOR: _l("An ambassador"),
            OwnerKind.DEPARTMENT: _l("A department"),
            OwnerKind.INITIATOR: _l("The initiator"),
            OwnerKind.BEWONERS: _l("Residents"),
        }[self]


class Rating(StrEnum):
    GOOD = "good"
    OKAY = "okay"
    BAD = "bad"

    @property
    def label(self):
        return {Rating.GOOD: _l("Good"), Rating.OKAY: _l("Okay"), Rating.BAD: _l("Not good")}[self]


class InputUsed(StrEnum):
    YES = "yes"
    NOT_YET = "not_yet"
    NO = "no"

    @property
    def label(self):
        return {InputUsed.YES: _l("Yes"), InputUsed.NOT_YET: _l("Not yet"), InputUsed.NO: _l("No")}[self]
