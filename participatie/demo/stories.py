"""Demo stories through the real services: ideas at every step of the loop, told in plain Dutch."""

from datetime import timedelta
from participatie.clock import today_local

from sqlalchemy import select

from participatie.accounts.services import find_by_email
from participatie.extensions import db
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.responses import services


def _idea(title: str) -> Idea | None:
    return db.session.scalar(select(Idea).where(Idea.title == title))


def _claim(ambassador, title, message):
    idea = _idea(title)
    if idea is None or idea.ambassador_id is not None or idea.status in (IdeaStatus.CLOSED, IdeaStatus.DONE):
        return None
    services.claim(ambassador, idea, message, accept_over_limit=True)
    return idea


def tell_stories() -> None:
    """Idempotent: an idea that already has an ambassador is left alone."""
    ruud = find_by_email("ambassadeur@example.org")
    speeltuin = _claim(ruud, "Speelstraat op woensdagmiddag",
                       "Hallo, ik ben Ruud van Stadsbeheer. Ik ben jullie contact. Ik vraag deze week na wat er nodig is.")
    if speeltuin:
        services.post_answer(ruud, speeltuin, "Een speelstraat kan. Jullie vragen een ontheffing aan. "
                             "Ik help met het formulier. De gemeente leent de hekken uit.")
    garden = _claim(ruud, "Een moestuin op het Moskeeplein",
                    "Ik ben Ruud. Ik zoek uit of er op het plein plek is voor een moestuin.")
    if garden:
        services.record_voorgesprek(ruud, garden, department="Groen en Water", held_on=today_local() - timedelta(days=3),
                                    internal_note="Leidingen liggen onder het plein; graven kan niet.",
                                    public_line="Onder het plein liggen leidingen.")
        services.post_progress(ruud, garden, "Nog geen nieuws, wel bezig. Ik spreek volgende week de wijkbeheerder.")
    lights = _claim(ruud, "Betere verlichting in het park", "Ik ben Ruud. Ik pak dit op met de afdeling Verlichting.")
    if lights:
        services.record_voorgesprek(ruud, lights, department="Openbare verlichting", held_on=today_local() - timedelta(days=5))
        services.change_status(ruud, lights, "decided", "Goed nieuws: er komen lampen bij.", outcome="city_does_it",
                               next_step="Vier lampen langs het fietspad", next_date=today_local() + timedelta(days=30))
        services.change_status(ruud, lights, "done", "De lampen staan er. Kijk je of het zo goed is?")
