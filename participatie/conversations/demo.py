"""Demo stadsgesprekken through the real services: one coming up, one held (time travel) with actions."""

from datetime import time, timedelta

from sqlalchemy import func, select

from participatie.accounts.services import find_by_email
from participatie.clock import utcnow
from participatie.conversations import services, venues
from participatie.conversations.models import Conversation
from participatie.conversations.rules import PLANNABLE
from participatie.conversations.timefmt import today_local
from participatie.extensions import db
from participatie.ideas.models import Idea

AGENDA = ("We beginnen met koffie.\nDe initiatiefnemers vertellen over hun idee.\n"
          "De gemeente zegt wat kan en wat niet.\nSamen maken we afspraken: wie doet wat, en wanneer?")

SUMMARY = ("Bewoners hebben twee ideeën voor de wijk. Veel buren steunen ze. "
           "In dit gesprek kijken we samen wat er kan. De gemeente komt ook. "
           "Na afloop weet je wie wat doet, en wanneer.")


def _plannable_by_wijk() -> list[list[Idea]]:
    """Plannable ideas grouped per wijk, the wijk with the most first, most supported first."""
    ideas = db.session.scalars(select(Idea).where(Idea.status.in_(list(PLANNABLE)), Idea.hidden.is_(False))
                               .order_by(Idea.supporter_total.desc(), Idea.id)).all()
    groups: dict[int, list[Idea]] = {}
    for idea in ideas:
        groups.setdefault(idea.wijk_id, []).append(idea)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0].wijk.name))


def _input(ideas, title, day, venue, **extra) -> services.ConversationInput:
    lat, lng = ideas[0].wijk.center
    return services.ConversationInput(
        title=title, day=day, start=time(19, 30), end=time(21, 0), venue=venue, capacity=extra.pop("capacity", 40),
        idea_ids=[i.id for i in ideas], agenda=AGENDA, invited="Stadsbeheer, Groen en Water, de wijkraad",
        step_free=True, hearing_loop=True, childcare=False, language_support="Arabisch, Turks",
        venue_lat=lat, venue_lng=lng, **extra)


def seed_conversations() -> str:
    """Idempotent: does nothing once there is a conversation."""
    if db.session.scalar(select(func.count(Conversation.id))):
        return "conversations: already there"
    ruud = find_by_email("ambassadeur@example.org")
    groups = [g for g in _plannable_by_wijk() if len(g) >= 2]
    if ruud is None or not groups:
        return "conversations: no ideas to plan"
    first = groups[0]
    upcoming = first[:2]
    past_ideas = first[2:4] if len(first) >= 4 else (groups[1][:2] if len(groups) > 1 else first[2:3])
    wijk = upcoming[0].wijk
    place = next(iter(venues.meeting_places([wijk.id])), None)  # a buurthuis from the sociale kaart
    coming = services.create_conversation(ruud, _input(
        upcoming, f"Stadsgesprek {wijk.name}: twee ideeën van bewoners", today_local() + timedelta(days=16),
        "Zaal 1" if place else f"Buurthuis in {wijk.name}\nZaal 1", venue_entry_id=place.id if place else None))
    services.set_summary(ruud, coming, SUMMARY)
    if past_ideas:
        _held(ruud, past_ideas)
    return "conversations: demo ready"


def _held(ruud, ideas) -> None:
    planned_at = utcnow() - timedelta(days=30)
    day = today_local(planned_at) + timedelta(days=12)
    conversation = services.create_conversation(
        ruud, _input(ideas, f"Stadsgesprek {ideas[0].wijk.name}: samen verder", day, "Bibliotheek\nZaal boven",
                     capacity=25), now=planned_at)
    fatima = find_by_email("inwoner@example.org")
    if fatima is not None:
        services.rsvp_member(fatima, conversation, share_contact=True, now=planned_at + timedelta(days=2))
    after = conversation.starts_at + timedelta(hours=2)
    services.write_report(ruud, conversation, (
        "Er kwamen 22 bewoners. Ook Stadsbeheer en Groen en Water waren er.\n"
        "Iedereen vindt de ideeën goed. De gemeente helpt met geld en spullen.\n"
        "Bewoners zoeken zelf mensen die willen helpen.\n"
        "We spreken elkaar over drie maanden weer."), now=after)
    first, second = ideas[0], ideas[-1]
    done = services.add_action(ruud, conversation, idea_id=first.id, what="De grond bij het plein laten testen",
                               owner_kind="department", owner="Groen en Water",
                               due_on=today_local(after) + timedelta(days=7), now=after)
    services.set_action_status(ruud, done, "klaar", now=after + timedelta(days=6))
    services.add_action(ruud, conversation, idea_id=first.id, what="Een plan maken met de initiatiefnemer",
                        owner_kind="ambassador", due_on=today_local() - timedelta(days=3), now=after)
    busy = services.add_action(ruud, conversation, idea_id=second.id, what="Tien buren vinden die mee willen doen",
                               owner_kind="bewoners", owner="Bewoners van de buurt",
                               due_on=today_local() + timedelta(days=21), now=after)
    services.set_action_status(ruud, busy, "bezig", now=after + timedelta(days=3))
