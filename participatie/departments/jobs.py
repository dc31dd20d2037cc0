"""Tick steps of the departments domain (run by `flask jobs tick`); each is idempotent."""

from participatie.departments.escalation import escalate_late
from participatie.departments.services import record_late_asks

# Late asks first (their public "te laat" line), then the ladder that reads them.
TICK_STEPS = [
    ("department_asks_late", record_late_asks),
    ("escalation_ladder", escalate_late),
]
