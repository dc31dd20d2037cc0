"""A small fixture world for the security suite, built through the domains' services."""

from dataclasses import dataclass

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.buurtnetwerk import services as buurtnetwerk
from participatie.extensions import db
from participatie.ideas import photos
from participatie.notifications.models import Notification
from participatie.reactions import services as reactions
from participatie.responses import services as responses
from tests.conversations.helpers import planned
from tests.factories import make_idea
from tests.responses.helpers import claimed_idea, person, sign_in
from tests.socialmap.conftest import make_entry
from tests.socialmap.test_photos import image_bytes

ROLES = ("anonymous", "resident", "makelaar", "ambassador", "admin")
MISSING = 987654  # an id nothing has


@dataclass
class World:
    ids: dict
    users: dict  # role -> User (None for anonymous); none of them owns the world's data
    author: object
    owner_ambassador: object


def build_world(**texts) -> World:
    """One idea by a resident with an answer event, one claimed idea, a social-map entry, a conversation.

    The data belongs to `author` and `owner_ambassador`; the sweep's users are other people.
    """
    author = person(Role.RESIDENT, name=texts.get("name", "Auteur"))
    owner = person(Role.AMBASSADOR, name="Eigen Ambassadeur")
    idea = make_idea(author, **texts.get("idea", {}))
    responses.claim(owner, idea, "Hallo, ik ben uw contact bij de gemeente.")
    answer = responses.post_answer(owner, idea, texts.get("answer", "Dank voor uw idee. We gaan het bekijken."),
                                   confirm_difficult=True)
    claimed = claimed_idea(owner, title="Een bank bij de speeltuin")
    entry = make_entry(**texts.get("entry", {}))
    conversation = planned(owner, [claimed], **texts.get("conversation", {}))
    question = buurtnetwerk.ask(owner, idea.wijk, texts.get("question", "Wat vind je van de speeltuin?"),
                                ["Goed", "Niet goed"])
    notification = db.session.scalars(select(Notification).where(Notification.user_id == author.id)).first()
    users = {"anonymous": None,
             "resident": person(Role.RESIDENT),
             "makelaar": person(Role.MAKELAAR, wijken=("west",)),
             "ambassador": person(Role.AMBASSADOR),
             "admin": person(Role.ADMIN)}
    reaction = reactions.post(author, idea, texts.get("reaction", "Ik heb hetzelfde probleem."))
    photo = photos.add(author, idea, photos.PhotoInput(image_bytes(), texts.get("alt", "De plek van het idee")))
    ids = {"idea_id": idea.id, "event_id": answer.id, "entry_id": entry.id, "conversation_id": conversation.id,
           "user_id": author.id, "notification_id": notification.id if notification else MISSING,
           "claimed_id": claimed.id, "slug": idea.wijk.slug, "reaction_id": reaction.id, "photo_id": photo.id,
           "target_id": reaction.id, "question_id": question.id}
    return World(ids=ids, users=users, author=author, owner_ambassador=owner)


def as_role(client, world: World, role: str):
    sign_in(client, world.users[role])
