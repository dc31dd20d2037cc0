"""People, ideas and reactions for the reactions and moderation tests."""

from datetime import timedelta

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.reactions import services
from tests.factories import make_idea
from tests.responses.helpers import fresh, page, person, sign_in, tr  # noqa: F401  (re-exported)

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LINK_PAYLOAD = 'https://example.org/"><script>alert(2)</script>'


def seasoned(user, days: int = 3):
    """An account older than a day (the rules for new accounts no longer apply)."""
    user.created_at = utcnow() - timedelta(days=days)
    db.session.commit()
    return user


def react(user=None, idea=None, body="Ik heb hetzelfde probleem bij mij in de straat.", parent=None, **kwargs):
    user = user or person()
    idea = idea or (parent.idea if parent is not None else make_idea())
    return services.post(user, idea, body, parent=parent, **kwargs)
