"""Signals of the reactions domain (moderation listens; reactions import no moderation).

- `reaction_held`: a reaction was held for review (pre-moderation of new accounts); sent before
  the commit, so the listener's rows go in the same transaction.
"""

from blinker import Namespace

_signals = Namespace()

reaction_held = _signals.signal("reaction-held")
