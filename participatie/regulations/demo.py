"""Demo for `flask seed-demo`: a "kan niet" idea with a rule in the way, the same rule proposed by the
makelaar on a second idea (and confirmed), and the demo resident following wijk West. Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from participatie.accounts.services import find_by_email
from participatie.clock import today_local
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.notifications import wijken
from participatie.regulations import services
from participatie.regulations.models import RegulationBlock, RuleLevel
from participatie.responses import services as responses

RULE = "Bestemmingsplan: geen bouwwerken in de groenstrook"
BOOK_BOX = "Een buurtbibliotheek in een oude telefooncel"
SPORTS = "Een plek waar jongeren kunnen sporten"


def _idea(title: str) -> Idea | None:
    return db.session.scalar(select(Idea).where(Idea.title == title))


def _has_rule(idea: Idea) -> bool:
    return db.session.scalar(select(RegulationBlock.id).where(RegulationBlock.idea_id == idea.id)) is not None


def _claimed(ruud, idea: Idea, message: str) -> bool:
    if idea.ambassador_id is None and idea.status in (IdeaStatus.OPEN, IdeaStatus.AWAITING_RESPONSE):
        responses.claim(ruud, idea, message, accept_over_limit=True)
    return idea.ambassador_id == ruud.id


def _not_possible(ruud, idea: Idea) -> None:
    """A "kan niet" with its reason and what is possible, after a talk with the department."""
    if not _claimed(ruud, idea, "Hallo, ik ben Ruud van Stadsbeheer. Ik zoek uit of dit kan."):
        return
    if idea.status == IdeaStatus.IN_PROGRESS:
        responses.record_voorgesprek(ruud, idea, department="Ruimtelijke Ordening",
                                     held_on=today_local() - timedelta(days=4),
                                     public_line="De telefooncel zou in de groenstrook staan.")
        responses.change_status(
            ruud, idea, "decided", "Helaas kan dit niet op deze plek.", outcome="not_possible",
            reason="De plek ligt in een groenstrook. Daar mag je volgens het bestemmingsplan niets bouwen.",
            alternative="Een boekenkast in het buurthuis kan wel. Of een kastje aan een gevel, met toestemming van de eigenaar.")
    services.mark(ruud, idea, services.RuleInput(
        name=RULE, level=RuleLevel.GEMEENTE.value,
        how="Een telefooncel is een bouwwerk, en in de groenstrook mag je niets bouwen."))


def _proposed_and_confirmed(ruud, sanne, idea: Idea) -> None:
    if not _claimed(ruud, idea, "Ik ben Ruud. Ik kijk samen met de makelaar naar een plek."):
        return
    block = services.propose(sanne, idea, services.RuleInput(
        name=RULE, how="Een sportplek met toestellen is een bouwwerk. Het veld ligt in de groenstrook."))
    services.confirm(ruud, block)


def seed_regulations() -> None:
    ruud, sanne = find_by_email("ambassadeur@example.org"), find_by_email("makelaar@example.org")
    book_box, sports = _idea(BOOK_BOX), _idea(SPORTS)
    if book_box is not None and not _has_rule(book_box):
        _not_possible(ruud, book_box)
    if sports is not None and not _has_rule(sports):
        _proposed_and_confirmed(ruud, sanne, sports)
    resident, west = find_by_email("inwoner@example.org"), geo.wijk_by_slug("west")
    if resident is not None and west is not None:
        wijken.follow_wijk(resident, west)
