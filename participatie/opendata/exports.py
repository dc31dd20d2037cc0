"""The open-data files, streamed: one query per file, read CHUNK rows at a time, written as CSV lines.

No personal data: never an e-mail address, never the name of a resident. Names of ambassadors and
their departments are public (they are shown on every idea they hold), so they are in the files.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from sqlalchemy import String, and_, case, select, type_coerce
from sqlalchemy.orm import aliased

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.conversations.models import ActionItem, Conversation
from participatie.conversations.status import OwnerKind
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea, IdeaEvent
from participatie.web.spreadsheet import safe_cell

CHUNK = 2000

IDEA_COLUMNS = ["id", "soort", "titel", "wijk", "status", "besluit", "breedtegraad", "lengtegraad", "steunbetuigingen",
                "meedoeners", "geplaatst_op", "eerste_antwoord_op", "gesloten_op", "ambassadeur", "afdeling", "link"]
EVENT_COLUMNS = ["id", "idee_id", "moment", "soort", "nieuwe_status", "tekst", "van", "ambassadeur", "afdeling"]
ACTION_COLUMNS = ["id", "stadsgesprek_id", "stadsgesprek", "idee_id", "wijk", "wat", "wie", "soort_eigenaar",
                  "klaar_voor", "status"]


def _text(value) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.5f}"
    return safe_cell(value) if isinstance(value, str) else value


def csv_stream(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """The header and then one chunk of lines at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    yield buffer.getvalue()
    for chunk in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([[_text(v) for v in row] for row in chunk])
        yield buffer.getvalue()


def _partitions(query):
    connection = db.session.connection().execution_options(stream_results=True, yield_per=CHUNK)
    return connection.execute(query).partitions()


def _public_name(user):
    """An ambassador's name (public); empty for everyone else and for deleted accounts."""
    return case((and_(user.role == Role.AMBASSADOR.value, user.deleted_at.is_(None)), user._display_name), else_="")


def _public_department(user):
    return case((and_(user.role == Role.AMBASSADOR.value, user.deleted_at.is_(None)), user.department), else_="")


def ideas_rows(link: str):
    ambassador = aliased(User)
    query = (select(Idea.id, type_coerce(Idea.kind, String), Idea.title, Wijk.name, type_coerce(Idea.status, String),
                    type_coerce(Idea.outcome, String), Idea.lat, Idea.lng, Idea.supporter_total, Idea.join_count,
                    Idea.created_at, Idea.first_answer_at, Idea.closed_at, _public_name(ambassador),
                    _public_department(ambassador))
             .join(Wijk, Wijk.id == Idea.wijk_id).outerjoin(ambassador, ambassador.id == Idea.ambassador_id)
             .where(Idea.hidden.is_(False)).order_by(Idea.id))
    for rows in _partitions(query):
        yield [(*row, link % row[0]) for row in rows]


def events_rows():
    actor = aliased(User)
    source = case((IdeaEvent.actor_id.is_(None), "gemeente"),
                  (actor.role.in_([Role.AMBASSADOR.value, Role.ADMIN.value]), "gemeente"),
                  (actor.role == Role.MAKELAAR.value, "sociaal makelaar"), else_="inwoner")
    query = (select(IdeaEvent.id, IdeaEvent.idea_id, IdeaEvent.created_at, IdeaEvent.kind, IdeaEvent.new_status,
                    IdeaEvent.public_text, source, _public_name(actor), _public_department(actor))
             .join(Idea, Idea.id == IdeaEvent.idea_id).outerjoin(actor, actor.id == IdeaEvent.actor_id)
             .where(Idea.hidden.is_(False)).order_by(IdeaEvent.id))
    return _partitions(query)


PUBLIC_OWNERS = (OwnerKind.AMBASSADOR.value, OwnerKind.DEPARTMENT.value)


def actions_rows():
    """Who does it: a department or an ambassador by name; residents only as "initiator"/"residents"."""
    who = case((type_coerce(ActionItem.owner_kind, String).in_(PUBLIC_OWNERS), ActionItem.owner), else_="")
    query = (select(ActionItem.id, ActionItem.conversation_id, Conversation.title, ActionItem.idea_id, Wijk.name,
                    ActionItem.what, who, type_coerce(ActionItem.owner_kind, String), ActionItem.due_on,
                    type_coerce(ActionItem.status, String))
             .join(Conversation, Conversation.id == ActionItem.conversation_id)
             .join(Idea, Idea.id == ActionItem.idea_id).join(Wijk, Wijk.id == Idea.wijk_id)
             .where(Idea.hidden.is_(False)).order_by(ActionItem.id))
    return _partitions(query)
