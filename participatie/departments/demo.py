"""Demo departments, a ladder, and three ideas with asks (answered, late, escalated a step), through
the real services with the clock set back, so their timelines read as they would have happened."""

from datetime import timedelta

from sqlalchemy import func, select

from participatie.accounts.services import find_by_email
from participatie.clock import add_working_days, utcnow, working_days_between
from participatie.departments import escalation, services
from participatie.departments.models import Department
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import IdeaStatus
from participatie.responses import services as responses

DEPARTMENTS = [  # name, shared mailbox, team lead
    ("Verkeer", "verkeer@gemeente.example.org", "teamleider.verkeer@gemeente.example.org"),
    ("Groen", "groen@gemeente.example.org", "teamleider.groen@gemeente.example.org"),
    ("Vergunningen", "vergunningen@gemeente.example.org", None),
    ("Vastgoed", "vastgoed@gemeente.example.org", None),
    ("Stadsbeheer", "stadsbeheer@gemeente.example.org", "teamleider.stadsbeheer@gemeente.example.org"),
]
LADDER = [  # number, name (as it reads after "doorgezet naar"), mailbox (None: the team lead), working days
    (1, "de teamleider", None, 3),
    (2, "de programmamanager", "programmamanager@gemeente.example.org", 5),
    (3, "het bureau van de wethouder", "wethouder@gemeente.example.org", 5),
]
EXCLUDE = {"Bankjes langs de Kanaalstraat", "Speelstraat op woensdagmiddag", "Een moestuin op het Moskeeplein",
           "Betere verlichting in het park"}  # the other walks' ideas stay as they are


STORY_IDEAS = ("Boomspiegels samen onderhouden", "Een zomerfeest voor de hele buurt",
               "Minder fietsen op de stoep bij het station")  # answered by Groen, Vergunningen late, Verkeer escalated


def _by_title(title: str) -> Idea | None:
    idea = db.session.scalar(select(Idea).where(Idea.title == title))
    return idea if idea is not None and idea.ambassador_id is None and not idea.hidden else None


def _late_start(now, late_by: int):
    """A moment to ask (5 working days to answer) so the answer is `late_by` working days late now."""
    start = now - timedelta(days=7)
    while working_days_between(add_working_days(start, 5), now) < late_by:
        start -= timedelta(days=1)
    return start


def _free_ideas(count: int) -> list[Idea]:
    query = select(Idea).where(Idea.ambassador_id.is_(None), Idea.hidden.is_(False), Idea.title.not_in(EXCLUDE),
                               Idea.status.in_([IdeaStatus.OPEN, IdeaStatus.AWAITING_RESPONSE]))
    return list(db.session.scalars(query.order_by(Idea.supporter_total.desc(), Idea.id).limit(count)))


def seed_departments() -> str:
    """Idempotent: does nothing once there are departments."""
    if db.session.scalar(select(func.count(Department.id))):
        return "departments: already there"
    admin, ruud = find_by_email("beheer@example.org"), find_by_email("ambassadeur@example.org")
    if admin is None or ruud is None:
        return "departments: no demo accounts"
    made = {name: services.add_department(admin, name, mailbox, lead or "") for name, mailbox, lead in DEPARTMENTS}
    for number, name, mailbox, days in LADDER:
        escalation.add_step(admin, number=number, name=name, mailbox=mailbox or "", working_days=days)
    ideas = [_by_title(title) for title in STORY_IDEAS]
    spare = iter(_free_ideas(3))
    ideas = [idea or next(spare, None) for idea in ideas]
    if None in ideas:
        return "departments: not enough ideas"
    now = utcnow()
    answered, late, escalated = ideas
    _answered(ruud, answered, made, now)
    _late(ruud, late, made, now)
    _escalated(ruud, escalated, made, now)
    return "departments: demo ready"


def _claim(ruud, idea, when):
    _earlier_than(idea, when)
    responses.claim(ruud, idea, "Ik ben Ruud van Stadsbeheer. Ik ben jullie contact. Ik vraag na wat kan.",
                    accept_over_limit=True, now=when)


def _earlier_than(idea, when) -> None:
    """The main seed wrote this idea's first lines (posted, genoeg steun) today; the story starts days
    earlier. Those lines move to just before the claim, in their own order, so the timeline does not
    read as the status going back from 'bezig' to 'wacht op de gemeente'."""
    later = select(IdeaEvent).where(IdeaEvent.idea_id == idea.id, IdeaEvent.created_at >= when)
    for event in db.session.scalars(later.order_by(IdeaEvent.id)):
        event.created_at = when - timedelta(hours=2)
    if idea.created_at >= when:
        idea.created_at = when - timedelta(hours=3)


def _answered(ruud, idea, made, now) -> None:
    start = now - timedelta(days=6)
    _claim(ruud, idea, start)
    [ask] = services.ask(ruud, idea, [made["Groen"]], "Mogen bewoners de boomspiegels zelf beplanten en onderhouden?",
                         working_days=5, now=start + timedelta(minutes=5))
    services.answer(ask, answered_by="Els de Groot", picked_up_by="Team Groen Oost", outcome="can",
                    public_text="Dat mag. Wij geven plantjes en uitleg. Houd de stam vrij.",
                    internal_note="Plantjes uit het budget voor wijkgroen 2027.", now=start + timedelta(days=2))
    responses.post_progress(ruud, idea, "Groen zegt ja. Ik maak nu een afspraak met jullie over de plantjes.", now=now)


def _late(ruud, idea, made, now) -> None:
    start = _late_start(now, 2)
    _claim(ruud, idea, start)
    services.ask(ruud, idea, [made["Vergunningen"]], "Is er een vergunning nodig voor een feest op straat?", working_days=5,
                 now=start + timedelta(minutes=5))
    responses.post_progress(ruud, idea, "Ik wacht op een antwoord van Vergunningen.", now=now - timedelta(hours=2))
    _mark_late(idea, now)


def _escalated(ruud, idea, made, now) -> None:
    start = _late_start(now, 4)
    _claim(ruud, idea, start)
    services.ask(ruud, idea, [made["Verkeer"]], "Kunnen er hekken of extra rekken komen, zodat de stoep vrij blijft?",
                 working_days=5, now=start + timedelta(minutes=5))
    responses.post_progress(ruud, idea, "Nog geen nieuws. Ik vraag het na.", now=now - timedelta(hours=3))
    _mark_late(idea, now)
    escalation.escalate_if_late(idea, now)


def _mark_late(idea, now) -> None:
    services.record_late_asks(now)
