"""Jinja globals: rules for templates (templates never test roles), labels, helpers."""

from flask import request, url_for
from flask_babel import get_locale

from participatie.accounts.rules import can_delete_account, can_manage_roles, is_admin
from participatie.conversations import rules as conversation_rules
from participatie.conversations.idea_box import conversations_for_idea
from participatie.conversations.services import after as conversation_after
from participatie.conversations.services import rsvp as conversation_rsvp
from participatie.conversations.status import ActionStatus, ConversationStatus, OwnerKind
from participatie.conversations.timefmt import today_local, when_in_words
from participatie.departments import rules as department_rules
from participatie.departments.services import open_and_late as department_asks_open
from participatie.ideas.rules import (
    can_add_update,
    can_edit,
    can_edit_summary,
    can_follow,
    can_post,
    can_revive,
    is_author,
)
from participatie.ideas.services import is_following
from participatie.ideas.status import EventKind, IdeaKind, IdeaStatus
from participatie.ideas.themes import NEEDS, THEMES
from participatie.notifications.services import unread_count
from participatie.notifications.wijken import is_following_wijk
from participatie.responses import rules as response_rules
from participatie.responses.deadlines import deadline_of
from participatie.responses.feedback import context_for as answer_feedback
from participatie.web.forms import hidden_fields
from participatie.web.security import csp_nonce
from participatie.clock import utcnow
from participatie.ideas.photos import MAX_PHOTOS, of_idea as idea_photos
from participatie.ideas.rules import can_add_photo, can_see_hidden
from participatie.moderation import reasons as moderation_reasons
from participatie.moderation import rules as moderation_rules
from participatie.moderation.services import auto_hide_at
from participatie.reactions.forms import ReactionForm
from participatie.regulations import rules as regulation_rules
from participatie.regulations.services import of_idea as idea_regulations
from participatie.reactions import rules as reaction_rules
from participatie.reactions.services import thread as reaction_thread
from participatie.reactions.text import linkify
from participatie.socialmap import rules as socialmap_rules
from participatie.socialmap.panel import idea_panel, other_idea
from participatie.supports.rules import can_support
from participatie.supports.services import kinds_given

VENDOR = {
    "htmx": "vendor/htmx-2.0.11/htmx.min.js",
    "leaflet_js": "vendor/leaflet-1.9.4/leaflet.js",
    "leaflet_css": "vendor/leaflet-1.9.4/leaflet.css",
    "cluster_js": "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js",
    "cluster_css": "vendor/leaflet.markercluster-1.5.3/MarkerCluster.css",
    "cluster_default_css": "vendor/leaflet.markercluster-1.5.3/MarkerCluster.Default.css",
    "utrecht_css": "vendor/utrecht-9.0.4/utrecht.css",
}


def options(items, value: str = "value", label: str = "label") -> list[tuple]:
    """(value, label) pairs for a select: options(IdeaKind), options(wijken, "slug", "name")."""
    return [(getattr(item, value), getattr(item, label)) for item in items]


def url_with(**changes) -> str:
    """The current URL with some query arguments changed (None removes one)."""
    args = request.args.to_dict()
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def _talk_globals() -> dict:
    """Reactions, photos and moderation (participatie.reactions, ideas.photos, moderation)."""
    return dict(
        reaction_thread=lambda idea: reaction_thread(idea, request.args.get("reacties", type=int)),
        can_react=reaction_rules.can_react,
        can_reply=reaction_rules.can_reply,
        can_edit_reaction=lambda user, reaction: reaction_rules.can_edit_reaction(user, reaction, utcnow()),
        can_delete_reaction=reaction_rules.can_delete_reaction,
        is_reaction_writer=reaction_rules.is_writer,
        can_report=moderation_rules.can_report_by,
        can_see_moderation=moderation_rules.can_see_queue,
        can_see_hidden=can_see_hidden,
        hidden_reason=moderation_reasons.label,
        idea_photos=idea_photos,
        can_add_photo=can_add_photo,
        MAX_PHOTOS=MAX_PHOTOS,
        auto_hide_at=auto_hide_at,
        new_reaction_form=lambda: ReactionForm(formdata=None),
        idea_regulations=idea_regulations,
        can_use_rule_form=regulation_rules.can_use_form,
        can_confirm_rule=regulation_rules.can_confirm,
    )


def _buurtnetwerk_globals() -> dict:
    """Asking the wijk (participatie.buurtnetwerk): the settings form and who may ask."""
    from participatie.buurtnetwerk import rules as buurtnetwerk_rules
    from participatie.buurtnetwerk.views import join_form

    return dict(buurtnetwerk_form=lambda user: join_form(user), can_ask_wijk=buurtnetwerk_rules.can_ask,
                can_post_outcome=buurtnetwerk_rules.can_post_outcome)


def register(app) -> None:
    app.jinja_env.globals.update(**_buurtnetwerk_globals())
    app.jinja_env.globals.update(
        can_curate_wijk=socialmap_rules.can_curate_wijk,
        can_edit_entry=socialmap_rules.can_edit_entry,
        can_see_worklist=socialmap_rules.can_see_worklist,
        can_suggest=socialmap_rules.can_suggest,
        can_handle_suggestion=socialmap_rules.can_handle_suggestion,
        is_curator=socialmap_rules.is_curator,
        socialmap_panel=idea_panel,
        linked_other_idea=other_idea,
        can_post=can_post,
        can_edit=can_edit,
        can_edit_summary=can_edit_summary,
        can_revive=can_revive,
        can_add_update=can_add_update,
        can_support=can_support,
        supports_given=kinds_given,
        is_author=is_author,
        can_follow=can_follow,
        is_following=is_following,
        is_following_wijk=is_following_wijk,
        unread_count=unread_count,
        is_admin=is_admin,
        can_manage_roles=can_manage_roles,
        can_delete_account=can_delete_account,
        csp_nonce=csp_nonce,
        hidden_fields=hidden_fields,
        can_ask_departments=department_rules.can_ask,
        can_manage_departments=department_rules.can_manage_departments,
        department_asks_open=department_asks_open,
        can_claim=response_rules.can_claim,
        can_manage=response_rules.can_manage,
        can_endorse=response_rules.can_endorse,
        can_see_queue=response_rules.can_see_queue,
        overdue_actions=conversation_after.overdue_actions,
        conversation_when=when_in_words,
        conversations_for_idea=conversations_for_idea,
        can_start_conversation=conversation_rules.can_start,
        can_confirm_conversation=conversation_rules.can_confirm,
        can_edit_conversation=conversation_rules.can_edit,
        can_edit_conversation_summary=conversation_rules.can_edit_summary,
        can_cancel_conversation=conversation_rules.can_cancel,
        can_see_attendees=conversation_rules.can_see_attendees,
        can_write_report=conversation_rules.can_write_report,
        can_add_action=conversation_rules.can_add_action,
        can_update_action=conversation_rules.can_update_action,
        is_open_for_signup=conversation_rules.is_open_for_signup,
        may_give_conversation_feedback=conversation_after.may_give_feedback,
        places_left=conversation_rsvp.places_left,
        today_local=today_local,
        ConversationStatus=ConversationStatus,
        ActionStatus=ActionStatus,
        OwnerKind=OwnerKind,
        can_manage_wijken=response_rules.can_manage_wijken,
        deadline_of=deadline_of,
        answer_feedback=answer_feedback,
        THEMES=THEMES,
        NEEDS=NEEDS,
        IdeaKind=IdeaKind,
        IdeaStatus=IdeaStatus,
        EventKind=EventKind,
        VENDOR=VENDOR,
        url_with=url_with,
        options=options,
        current_locale=lambda: str(get_locale() or "nl"),
        **_talk_globals(),
    )
    app.jinja_env.filters["linkify"] = linkify
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
