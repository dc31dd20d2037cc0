"""Rules and helpers for the conversation templates (templates never test roles)."""

from participatie.conversations import rules
from participatie.conversations.services import after, rsvp
from participatie.conversations.status import ActionStatus, ConversationStatus, OwnerKind
from participatie.conversations.timefmt import today_local, when_in_words


def register_globals(bp) -> None:
    @bp.record_once
    def _register(state):
        state.app.jinja_env.globals.update(
            conversation_when=when_in_words,
            can_start_conversation=rules.can_start,
            can_confirm_conversation=rules.can_confirm,
            can_cancel_conversation=rules.can_cancel,
            can_see_attendees=rules.can_see_attendees,
            can_write_report=rules.can_write_report,
            can_add_action=rules.can_add_action,
            can_update_action=rules.can_update_action,
            is_open_for_signup=rules.is_open_for_signup,
            may_give_conversation_feedback=after.may_give_feedback,
            places_left=rsvp.places_left,
            today_local=today_local,
            ConversationStatus=ConversationStatus,
            ActionStatus=ActionStatus,
            OwnerKind=OwnerKind,
        )
