"""Signals about accounts, so other domains can react without accounts importing them.

Receivers connect at import time, in their own domain's services module:

- `deletion_blockers`: asked before an account is deleted. A receiver returns a reason (a short
  Dutch sentence for the person) when the account may not go yet, else None. Read only.
- `account_deleted`: sent inside the deletion, after the personal data is wiped and before the
  one commit. Receivers clean up their own rows and must not commit.

Both are sent with the user as sender: `receiver(user, **extra)`.
Who listens: responses/services.py (an ambassador still holding ideas), conversations/services/
accounts.py (sign-ups) and notifications/services.py (follows, notifications).
"""

from blinker import Namespace

_signals = Namespace()

deletion_blockers = _signals.signal("account-deletion-blockers")
account_deleted = _signals.signal("account-deleted")
