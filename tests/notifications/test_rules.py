"""Who gets e-mail: consent and a confirmed address, then the chosen frequency."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from participatie.notifications import rules

NOW = datetime(2026, 3, 1)


def person(consent=True, verified=True, frequency="immediate", user_id=1):
    return SimpleNamespace(id=user_id, is_authenticated=True, email_frequency=frequency,
                           consent_notifications_at=NOW if consent else None,
                           email_verified_at=NOW if verified else None)


@pytest.mark.parametrize(("consent", "verified", "frequency", "immediate", "digest"), [
    (True, True, "immediate", True, False),
    (True, True, "daily", False, True),
    (False, True, "immediate", False, False),
    (False, True, "daily", False, False),
    (True, False, "immediate", False, False),
    (True, False, "daily", False, False),
])
def test_email_needs_consent_and_a_confirmed_address(consent, verified, frequency, immediate, digest):
    user = person(consent, verified, frequency)
    assert rules.wants_immediate_email(user) is immediate
    assert rules.wants_digest(user) is digest


def test_only_the_owner_may_see_a_notification():
    note = SimpleNamespace(user_id=1)
    assert rules.can_view_notification(person(user_id=1), note)
    assert not rules.can_view_notification(person(user_id=2), note)
    assert not rules.can_view_notification(SimpleNamespace(is_authenticated=False, id=None), note)
