"""Dromen ophalen: a makelaar writes down an idea for a resident met at the door or the market,
and adds supports collected on paper. Both count like online ones; both are logged with who did it."""

from datetime import date

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from participatie.clock import today_local, utcnow
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas import workflow
from participatie.ideas.models import Idea
from participatie.ideas.status import EventKind
from participatie.responses.services import check_threshold
from participatie.socialmap import rules
from participatie.socialmap.models import CollectedIdea, PaperSupport

MAX_PAPER = 5000


def collect_idea(makelaar, data: ideas.IdeaInput, *, occasion: str, contact_name: str = "",
                 contact_phone: str = "", contact_email: str = "", consent: bool = False,
                 created_at=None) -> Idea:
    """Post an idea on behalf of a resident. The makelaar is the author and follows it, so they get
    the notifications; the resident's details are kept only with their recorded consent."""
    wijk = ideas.place_of(data)[0]
    if not rules.can_collect(makelaar, wijk.id):
        raise NotAllowed("collect idea")
    occasion = (occasion or "").strip()
    if not occasion:
        raise DomainValidationError(_("Say where you met the resident, for example “at the market”."),
                                    field="occasion")
    contact = [(v or "").strip() for v in (contact_name, contact_phone, contact_email)]
    if any(contact) and not consent:
        raise DomainValidationError(_("Only keep contact details when the resident agreed. Tick the box, "
                                      "or leave the details empty."), field="consent")
    idea = ideas.create_idea(makelaar, data, created_at=created_at)  # commits; the makelaar follows it
    db.session.add(CollectedIdea(idea_id=idea.id, collected_by=makelaar, occasion=occasion[:200],
                                 contact_name=contact[0][:120], contact_phone=contact[1][:40],
                                 contact_email=contact[2][:254], consent_at=utcnow() if any(contact) else None))
    db.session.commit()
    return idea


def collected_of(idea: Idea) -> CollectedIdea | None:
    return db.session.get(CollectedIdea, idea.id)


def _bump_paper(idea: Idea, delta: int) -> None:
    statement = (update(Idea).where(Idea.id == idea.id)
                 .values(paper_support_count=Idea.paper_support_count + delta)
                 .returning(Idea.paper_support_count))
    set_committed_value(idea, "paper_support_count", db.session.execute(statement).scalar_one())


def add_paper_support(makelaar, idea: Idea, *, count: int, collected_where: str, collected_on: date,
                      note: str = "") -> PaperSupport:
    """Supports from a paper list. They count toward the wijk's threshold."""
    if not rules.can_add_paper_support(makelaar, idea):
        raise NotAllowed("paper support")
    if not isinstance(count, int) or not 1 <= count <= MAX_PAPER:
        raise DomainValidationError(_("Fill in a number from 1 to %(max)d.", max=MAX_PAPER), field="count")
    if not (collected_where or "").strip():
        raise DomainValidationError(_("Say where the supports were collected."), field="collected_where")
    if collected_on is None or collected_on > today_local():
        raise DomainValidationError(_("Choose the day they were collected (not in the future)."),
                                    field="collected_on")
    paper = PaperSupport(idea_id=idea.id, count=count, collected_where=collected_where.strip()[:200],
                         collected_on=collected_on, note=(note or "").strip(), added_by=makelaar)
    db.session.add(paper)
    _bump_paper(idea, count)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("%(name)s added %(num)d supports collected on paper (%(where)s).",
                 name=makelaar.display_name, num=count, where=paper.collected_where)
    workflow.record(idea, EventKind.PAPER_SUPPORT, makelaar, text)
    check_threshold(idea)
    db.session.commit()
    return paper
