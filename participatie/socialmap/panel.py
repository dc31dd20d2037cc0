"""What the idea page shows from the social map (a Jinja global: the ideas domain never imports this)."""

from dataclasses import dataclass, field

from participatie.extensions import db
from participatie.socialmap import rules
from participatie.socialmap.models import (
    CollectedIdea,
    IdeaLink,
    PaperSupport,
    SocialMapEntry,
    active_entries,
    links_of_entry,
    links_of_idea,
    paper_supports_of,
)


@dataclass
class IdeaPanel:
    collected: CollectedIdea | None = None
    show_contact: bool = False
    paper: list[PaperSupport] = field(default_factory=list)
    links: list[IdeaLink] = field(default_factory=list)
    can_link: bool = False
    can_add_paper: bool = False
    entry_choices: list[SocialMapEntry] = field(default_factory=list)

    @property
    def paper_total(self) -> int:
        return sum(p.count for p in self.paper)

    @property
    def empty(self) -> bool:
        return not (self.collected or self.paper or self.links or self.can_link or self.can_add_paper)


def idea_panel(idea, user) -> IdeaPanel:
    collected = db.session.get(CollectedIdea, idea.id)
    panel = IdeaPanel(
        collected=collected, show_contact=rules.can_see_contact(user, idea, collected),
        paper=list(db.session.scalars(paper_supports_of(idea.id))) if idea.paper_support_count else [],
        links=list(db.session.scalars(links_of_idea(idea.id))),
        can_link=rules.can_link(user, idea), can_add_paper=rules.can_add_paper_support(user, idea),
    )
    if panel.can_link:
        query = active_entries().where(SocialMapEntry.wijk_id == idea.wijk_id).order_by(SocialMapEntry.name)
        panel.entry_choices = list(db.session.scalars(query))
    return panel


def entry_links(entry) -> list[IdeaLink]:
    """Links to this entry from ideas the public may see."""
    return [link for link in db.session.scalars(links_of_entry(entry.id)) if not link.idea.hidden]


def other_idea(link: IdeaLink, idea):
    """The idea at the other end of a 'lijkt op' link."""
    return link.other_idea if link.idea_id == idea.id else link.idea
