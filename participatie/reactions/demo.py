"""Demo reactions for `flask seed-demo`: a few neighbours talking on the first ideas, through the services."""

from sqlalchemy import select

from participatie.accounts.models import User
from participatie.extensions import db
from participatie.ideas.models import Idea, visible_ideas
from participatie.reactions import services

TALK = [
    ("buur04@example.org", "Ik heb hetzelfde probleem bij ons in de straat.", None),
    ("buur05@example.org", "Goed plan! Ik heb een aanhanger voor het buurtfeest.", None),
    ("buur06@example.org", "Bij ons ook. Zullen we samen naar de wijkavond gaan?", 0),
    ("makelaar@example.org", "Ik help graag met de aanvraag. Kom langs in het buurthuis.", None),
]


def seed_reactions(ideas_with_talk: int = 3) -> int:
    ideas = db.session.scalars(visible_ideas().order_by(Idea.id).limit(ideas_with_talk)).all()
    made = 0
    for idea in ideas:
        placed = []
        for email, body, reply_to in TALK:
            user = db.session.scalar(select(User).where(User.email == email))
            if user is None or user.id == idea.author_id:
                continue
            parent = placed[reply_to] if reply_to is not None and reply_to < len(placed) else None
            placed.append(services.post(user, idea, body, parent=parent))
            made += 1
    return made
