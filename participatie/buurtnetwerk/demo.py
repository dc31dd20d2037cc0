"""Demo buurtnetwerk for `flask seed-demo`: inwoner@example.org and neighbours in the buurtnetwerk of
her wijk, one question (asked ten days ago, so a new one can be asked today) with answers, quotes
and "Dit doen we ermee". Through the services, so the demo obeys the rules."""

from datetime import timedelta

from sqlalchemy import select

from participatie.accounts.models import User
from participatie.buurtnetwerk import services
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas.models import Idea

QUESTION = "Wat wil je het liefst op het lege veld bij het buurthuis?"
CHOICES = ["Een speeltuin", "Een moestuin", "Bankjes en bomen", "Laat het zoals het is"]
ANSWERS = [  # (neighbour number, choice, words, may show the words)
    (1, 2, "Meer groen en een plek om te zitten, graag.", True),
    (2, 0, "Mijn kinderen spelen nu op straat. Een speeltuin zou fijn zijn.", True),
    (3, 1, "Samen groente kweken brengt buren bij elkaar.", True),
    (4, 2, "", False),
    (5, 2, "Ik zit graag buiten, maar er is geen bank.", False),
    (6, 3, "", False),
    (7, 1, "", False),
]
OUTCOME = ("Dank je wel voor je antwoord. De meeste mensen willen groen en een plek om te zitten. "
           "In het voorjaar zetten we bankjes neer en planten we bomen. In maart praten we erover in het buurthuis.")


def _by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def seed_buurtnetwerk() -> int:
    """Returns the number of answers given."""
    inwoner, makelaar = _by_email("inwoner@example.org"), _by_email("makelaar@example.org")
    if inwoner is None or makelaar is None or not makelaar.wijken:
        return 0
    her_idea = db.session.scalar(select(Idea).where(Idea.author_id == inwoner.id).order_by(Idea.id).limit(1))
    wijk = her_idea.wijk if her_idea is not None else geo.wijk_by_slug("west")
    asker = makelaar if any(w.id == wijk.id for w in makelaar.wijken) else _by_email("ambassadeur@example.org")
    neighbours = [_by_email(f"buur{n:02d}@example.org") for n in range(1, 9)]
    for person in [inwoner, *[p for p in neighbours if p is not None]]:
        services.join(person, [wijk.id], given=True)
    asked_at = utcnow() - timedelta(days=10)
    question = services.ask(asker, wijk, QUESTION, CHOICES, now=asked_at)
    given = 0
    for number, choice, words, quote_ok in ANSWERS:
        if (person := neighbours[number - 1]) is not None:
            services.answer(person, question, choice, words=words, quote_ok=quote_ok,
                            now=asked_at + timedelta(hours=number))
            given += 1
    services.answer(inwoner, question, 2, words="Een bank bij de ingang, dan kan mijn moeder ook zitten.",
                    quote_ok=True, now=asked_at + timedelta(days=1))
    services.post_outcome(asker, question, OUTCOME, now=asked_at + timedelta(days=7))
    return given + 1
