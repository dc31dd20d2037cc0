"""What can be reported: a reaction, an idea or a photo, seen the same way by the queue."""

from dataclasses import dataclass

from flask import url_for

from participatie.extensions import db
from participatie.ideas import photos as idea_photos
from participatie.ideas import services as idea_services
from participatie.ideas.models import Idea, IdeaPhoto
from participatie.notifications.mailqueue import external_url
from participatie.reactions import services as reaction_services
from participatie.reactions.models import Reaction

KINDS = ("reaction", "idea", "photo")


@dataclass
class Target:
    kind: str
    obj: Reaction | Idea | IdeaPhoto
    idea: Idea

    @property
    def id(self) -> int:
        return self.obj.id

    @property
    def writer(self):
        return self.obj.author

    @property
    def writer_id(self) -> int | None:
        return self.writer.id if self.writer is not None else None

    @property
    def wijk_id(self) -> int:
        return self.idea.wijk_id

    @property
    def hidden(self) -> bool:
        return bool(self.obj.hidden)

    @property
    def hidden_reason(self) -> str | None:
        return self.obj.hidden_reason

    @property
    def gone(self) -> bool:
        """Deleted by the writer: nothing left to judge."""
        return self.kind == "reaction" and self.obj.is_deleted

    def link(self, external: bool = False) -> str:
        anchor = {"reaction": f"reactie-{self.id}", "photo": f"foto-{self.id}"}.get(self.kind)
        if external:
            return external_url("ideas.detail", idea_id=self.idea.id, _anchor=anchor)
        return url_for("ideas.detail", idea_id=self.idea.id, _anchor=anchor)

    def set_hidden(self, reason: str | None, now) -> None:
        """Hide with a public reason code, or show again (None). No commit."""
        if self.kind == "reaction":
            reaction_services.set_hidden(self.obj, reason, now=now)
        elif self.kind == "photo":
            idea_photos.set_hidden(self.obj, reason, now=now)
        else:
            idea_services.set_hidden(self.obj, reason)


def load(kind: str, target_id: int) -> Target | None:
    model = {"reaction": Reaction, "idea": Idea, "photo": IdeaPhoto}.get(kind)
    obj = db.session.get(model, target_id) if model else None
    if obj is None:
        return None
    return Target(kind, obj, obj if kind == "idea" else obj.idea)
