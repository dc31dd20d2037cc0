"""Idea workflow: statuses, labels and the allowed transitions (see ARCHITECTURE.md)."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class IdeaKind(StrEnum):
    DROOM = "droom"
    IDEE = "idee"

    @property
    def label(self):
        return {IdeaKind.DROOM: _l("Dream"), IdeaKind.IDEE: _l("Idea")}[self]


class IdeaStatus(StrEnum):
    OPEN = "open"
    AWAITING_RESPONSE = "awaiting_response"
    IN_PROGRESS = "in_progress"
    CONVERSATION_PLANNED = "conversation_planned"
    DECIDED = "decided"
    DONE = "done"
    CLOSED = "closed"
    ARCHIVED = "archived"

    @property
    def label(self):
        return STATUS_LABELS[self]


class Outcome(StrEnum):
    CITY_DOES_IT = "city_does_it"
    TOGETHER = "together"
    NOT_POSSIBLE = "not_possible"

    @property
    def label(self):
        return {
            Outcome.CITY_DOES_IT: _l("The city does it"),
            Outcome.TOGETHER: _l("We do it together"),
            Outcome.NOT_POSSIBLE: _l("Not possible"),
        }[self]


STATUS_LABELS = {
    IdeaStatus.OPEN: _l("Collecting support"),
    IdeaStatus.AWAITING_RESPONSE: _l("Waiting for the city"),
    IdeaStatus.IN_PROGRESS: _l("The city is working on it"),
    IdeaStatus.CONVERSATION_PLANNED: _l("City conversation planned"),
    IdeaStatus.DECIDED: _l("Decision made"),
    IdeaStatus.DONE: _l("Done"),
    IdeaStatus.CLOSED: _l("Closed"),
    IdeaStatus.ARCHIVED: _l("Archived"),
}

S = IdeaStatus
TRANSITIONS: dict[IdeaStatus, frozenset[IdeaStatus]] = {
    S.OPEN: frozenset({S.AWAITING_RESPONSE, S.IN_PROGRESS, S.ARCHIVED}),
    S.AWAITING_RESPONSE: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.CONVERSATION_PLANNED, S.DECIDED}),
    S.CONVERSATION_PLANNED: frozenset({S.DECIDED, S.IN_PROGRESS}),
    S.DECIDED: frozenset({S.DONE, S.CLOSED}),
    S.DONE: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
    S.ARCHIVED: frozenset({S.OPEN}),  # the author brings it back: a new window for support
}

# Statuses in which residents can still support an idea.
SUPPORTABLE = frozenset({S.OPEN, S.AWAITING_RESPONSE, S.IN_PROGRESS, S.CONVERSATION_PLANNED})


def can_transition(old: IdeaStatus, new: IdeaStatus) -> bool:
    return new in TRANSITIONS[old]


# Statuses in which the city works on the idea: a public update is due at regular intervals.
WORKING = frozenset({S.IN_PROGRESS, S.CONVERSATION_PLANNED, S.DECIDED})


class EventKind(StrEnum):
    """What one line on an idea's timeline records (IdeaEvent.kind)."""

    CREATED = "created"
    UPDATE = "update"  # by the initiator
    EDITED = "edited"
    STATUS_CHANGE = "status_change"
    THRESHOLD = "threshold"
    ENDORSED = "endorsed"
    CLAIM = "claim"
    HANDOVER = "handover"
    RELEASE = "release"
    VOORGESPREK = "voorgesprek"
    ANSWER = "answer"  # a public answer by the municipality
    PROGRESS = "progress"  # an update by the municipality ("nog geen nieuws" counts)
    FOLLOWUP_ANSWER = "followup_answer"  # a resident's answer to "opgelost?" or "hoe gaat het nu?"
    CLOSED_NO_REPLY = "closed_no_reply"
    LINK = "link"  # connected to a social-map entry or another idea
    PAPER_SUPPORT = "paper_support"
    ACTION = "action"  # an action item from a stadsgesprek, or a change of its status
    CONVERSATION_HELD = "conversation"  # the stadsgesprek was held, the report is online
    ARCHIVED = "archived"  # no support within the wijk's window
    REVIVED = "revived"  # the author brought an archived idea back
    ASKED = "asked"  # the ambassador asked a department, with a due date
    ASK_ANSWERED = "ask_answered"  # a department answered (the public part)
    ASK_LATE = "ask_late"  # a department did not answer in time
    ESCALATED = "escalated"  # moved one step up the escalation ladder
    ESCALATION_ANSWER = "escalation_answer"  # the person on a ladder step answered or took it on
    RULE = "rule"  # a rule (of the gemeente, provincie or Rijk) blocks this idea (participatie.regulations)
