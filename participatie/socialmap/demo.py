"""Demo data for the social map, through the same services makelaars use (called by `flask seed-demo`)."""

import random
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.clock import today_local, utcnow
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import services as ideas
from participatie.ideas.models import Idea
from participatie.socialmap import links, offline, services
from participatie.socialmap.demo_content import ENTRIES, GARDEN
from participatie.socialmap.models import (
    CollectedIdea,
    IdeaLink,
    PaperSupport,
    SocialMapEntry,
    Suggestion,
)

# Sanne (makelaar@example.org, West and Overvecht) comes from participatie/demo/seed.py; these cover the rest.
MAKELAARS = [
    ("makelaar.noord@example.org", "Youssef (sociaal makelaar)", ("noordwest", "noordoost")),
    ("makelaar.oost@example.org", "Ingrid (sociaal makelaar)", ("oost", "binnenstad", "zuid")),
    ("makelaar.zuidwest@example.org", "Karin (sociaal makelaar)", ("zuidwest", "leidsche-rijn", "vleuten-de-meern")),
]
GARDEN_IDEA = "Een moestuin op het Moskeeplein"
LOMBOK = (52.0917, 5.1003)  # the real Moskeeplein, when the demo idea has no point


def _makelaars() -> list:
    people = [accounts.find_by_email("makelaar@example.org")]
    for email, name, slugs in MAKELAARS:
        user = accounts.find_by_email(email)
        if user is None:
            user = accounts.create_user(email, name, password=current_app.config["DEMO_PASSWORD"],
                                        role=Role.MAKELAAR, verified=True)
            user.wijken = [geo.wijk_by_slug(s) for s in slugs]
            db.session.commit()
        people.append(user)
    return [p for p in people if p is not None]


def _curator(makelaars, slug):
    return next((m for m in makelaars if any(w.slug == slug for w in m.wijken)), None)


def _point(wijk, rng):
    for _ in range(200):
        lat, lng = rng.uniform(wijk.min_lat, wijk.max_lat), rng.uniform(wijk.min_lng, wijk.max_lng)
        if wijk.contains(lat, lng):
            return round(lat, 6), round(lng, 6)
    return wijk.center


def _garden_point():
    """About 150 metres from the demo idea, so a resident writing about a garden there is pointed to it."""
    idea = db.session.scalar(select(Idea).where(Idea.title == GARDEN_IDEA))
    lat, lng = (idea.lat, idea.lng) if idea is not None and idea.has_location else LOMBOK
    return round(lat + 0.0011, 6), round(lng + 0.0012, 6)


def _entry(row, makelaars, index):
    slug, kind, name, description, themes, address, times, evening, weekend, cost, step_free, languages, \
        signup, audience, months = row
    if db.session.scalar(select(SocialMapEntry.id).where(SocialMapEntry.name == name)) is not None:
        return None
    curator = _curator(makelaars, slug)
    if curator is None:
        return None
    lat, lng = _garden_point() if row is GARDEN else _point(geo.wijk_by_slug(slug), random.Random(index))
    data = services.EntryInput(kind=kind, name=name, description=description, themes=themes, wijk_slug=slug,
                               address=address, lat=lat, lng=lng, times=times, evening=evening, weekend=weekend,
                               cost=cost, step_free=step_free, languages=languages, signup_needed=signup,
                               suitable_for=audience)
    if geo.wijk_for_point(lat, lng) is None or geo.wijk_for_point(lat, lng).slug != slug:
        data.lat = data.lng = None  # keep it in its wijk
    return services.create_entry(curator, data, now=utcnow() - timedelta(days=30 * months + index % 9))


def _idea(title):
    return db.session.scalar(select(Idea).where(Idea.title == title))


def _connections(sanne) -> None:
    """A link, paper supports, an idea collected at the market and a resident's tip (each once)."""
    garden_idea, garden = _idea(GARDEN_IDEA), db.session.scalar(
        select(SocialMapEntry).where(SocialMapEntry.name == GARDEN[2]))
    if garden_idea and garden and db.session.scalar(select(IdeaLink.id).where(IdeaLink.entry_id == garden.id)) is None:
        links.link_entry(sanne, garden_idea, garden, "related")
    taal = _idea("Taalcafé voor nieuwe buren")
    if taal and taal.accepts_support and not db.session.scalar(select(PaperSupport.id).where(
            PaperSupport.idea_id == taal.id)):
        offline.add_paper_support(sanne, taal, count=14, collected_where="Markt op het Overvechtplein",
                                  collected_on=today_local() - timedelta(days=6), note="Lijst bij de kraam van De Boog.")
    title = "Een bankje bij de bushalte Zambesidreef"
    if not db.session.scalar(select(CollectedIdea.idea_id).join(Idea).where(Idea.title == title)):
        data = ideas.IdeaInput(kind="droom", title=title, wijk_slug="overvecht", themes=["zorg", "verkeer"],
                               body="Mevrouw El Amrani wacht elke dag op de bus. Ze kan niet lang staan. "
                                    "Een bankje bij de halte zou haar en andere ouderen helpen.")
        offline.collect_idea(sanne, data, occasion="de markt op het Overvechtplein")
    resident = accounts.find_by_email("inwoner@example.org")
    if resident and not db.session.scalar(select(Suggestion.id).limit(1)):
        services.suggest(resident, wijk_slug="west", name="Breiclub De Bolle Wol",
                         address="Buurthuis Lombok", message="Elke maandagmiddag breien we met tien buren. "
                                                             "Nieuwe mensen zijn welkom, je hoeft niets mee te nemen.")


def seed_socialmap() -> int:
    """Idempotent: entries are found by name, the extras by what they made. Returns new entries."""
    makelaars = _makelaars()
    created = sum(1 for index, row in enumerate(ENTRIES) if _entry(row, makelaars, index) is not None)
    if makelaars:
        _connections(makelaars[0])
    return created
