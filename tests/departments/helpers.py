"""People, departments and a ladder for the departments tests."""

import re
from datetime import datetime

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.departments import escalation, services
from participatie.departments.models import DepartmentAsk
from participatie.extensions import db
from participatie.ops.mail.models import OutboxMessage
from tests.responses.helpers import claimed_idea, person

TUESDAY = datetime(2026, 3, 3, 9, 0)  # 10:00 in Utrecht


def admin():
    return person(Role.ADMIN)


def departments(actor=None):
    actor = actor or admin()
    verkeer = services.add_department(actor, "Verkeer", "verkeer@gemeente.example.org", "tl-verkeer@gemeente.example.org")
    groen = services.add_department(actor, "Groen", "groen@gemeente.example.org")
    return verkeer, groen


def ladder(actor=None):
    actor = actor or admin()
    escalation.add_step(actor, number=1, name="de teamleider", working_days=3)
    escalation.add_step(actor, number=2, name="de programmamanager", mailbox="pm@gemeente.example.org", working_days=5)
    escalation.add_step(actor, number=3, name="het bureau van de wethouder", mailbox="wethouder@gemeente.example.org",
                        working_days=5)


def case(now=TUESDAY):
    """An ambassador's idea asked of Verkeer and Groen on Tuesday 3 March 2026."""
    amb = person(Role.AMBASSADOR)
    idea = claimed_idea(amb)
    verkeer, groen = departments()
    asks = services.ask(amb, idea, [verkeer, groen], "Kan hier een drempel komen?", now=now)
    return amb, idea, asks


def mails_to(address: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.to == address).order_by(OutboxMessage.id)))


def link_in(message: OutboxMessage, path: str) -> str:
    match = re.search(rf"https?://[^\s]*({re.escape(path)}[^\s]+)", message.body)
    assert match, message.body
    return match.group(1)


def ask_of(idea, name) -> DepartmentAsk:
    return next(a for a in services.asks_for(idea.id) if a.department.name == name)
