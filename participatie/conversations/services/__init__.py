"""Use cases of stadsgesprekken: plan, sign up, report, track actions, ask for feedback.

Each function checks its rule, writes, appends history to the ideas' timelines, notifies,
and commits once. Split by phase: planning, editing, rsvp, after.
"""

from participatie.conversations.services import accounts  # noqa: F401  (connects the account-deletion receivers)
from participatie.conversations.services.after import (  # noqa: F401
    add_action,
    give_feedback,
    may_give_feedback,
    overdue_actions,
    set_action_status,
    write_report,
)
from participatie.conversations.services.editing import set_summary, update_conversation  # noqa: F401
from participatie.conversations.services.planning import (  # noqa: F401
    ConversationInput,
    cancel,
    confirm,
    create_conversation,
)
from participatie.conversations.services.rsvp import (  # noqa: F401
    attendees,
    cancel_rsvp,
    confirm_guest,
    places_left,
    rsvp_guest,
    rsvp_member,
    rsvp_of,
    shared_contacts,
    waiting_list,
)
