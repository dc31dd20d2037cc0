"""Outgoing e-mail: a durable outbox (`queue_mail`) in front of SMTP or instance/outbox/*.eml."""

from participatie.ops.mail.outbox import deliver_job, init_app, queue_mail  # noqa: F401
from participatie.ops.mail.transport import build_message, deliverable, outbox_dir, send_mail  # noqa: F401
