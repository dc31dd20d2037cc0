"""Use cases: an ambassador marks a rule in the way, a makelaar proposes one, the ambassador confirms.
Each checks its rule, writes, puts the line on the idea's timeline (ideas.workflow.record) and commits once."""

from dataclasses import dataclass, field

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.status import EventKind
from participatie.notifications.services import notify
from participatie.notifications.wijken import site_path
from participatie.regulations import rules
from participatie.regulations.models import (
    HOW_MAX,
    BlockStatus,
    Regulation,
    RegulationBlock,
    RuleLevel,
    blocks_of,
    public_blocks,
)
from participatie.web.errors import DomainValidationError, NotAllowed


@dataclass
class RuleInput:
    """What the form says: an existing rule (its id) or a new one (name and level), and how it blocks."""

    how: str
    regulation_id: int | None = None
    name: str = ""
    level: str = ""


def _clean(data: RuleInput) -> str:
    how = " ".join((data.how or "").split())
    if not how:
        raise DomainValidationError(_("Write in one sentence how the rule blocks this idea."), field="description")
    if len(how) > HOW_MAX:
        raise DomainValidationError(_("Use at most %(limit)d characters.", limit=HOW_MAX), field="description")
    return how


def _rule(actor, data: RuleInput) -> Regulation:
    """The chosen rule, or the named one (found by name, else made)."""
    if data.regulation_id:
        found = db.session.get(Regulation, data.regulation_id)
        if found is None:
            raise DomainValidationError(_("Choose a rule from the list."), field="existing")
        return found
    name = " ".join((data.name or "").split())
    if not name:
        raise DomainValidationError(_("Write the name of the rule, or choose one from the list."), field="name")
    if len(name) > 200:
        raise DomainValidationError(_("Use at most %(limit)d characters.", limit=200), field="name")
    same = db.session.scalar(select(Regulation).where(func.lower(Regulation.name) == name.lower()))
    if same is not None:
        return same
    if data.level not in {level.value for level in RuleLevel}:
        raise DomainValidationError(_("Choose who made the rule."), field="level")
    rule = Regulation(name=name, level=RuleLevel(data.level), created_by_id=actor.id)
    db.session.add(rule)
    db.session.flush()
    return rule


def _existing_block(rule: Regulation, idea) -> RegulationBlock | None:
    return db.session.scalar(select(RegulationBlock).where(RegulationBlock.regulation_id == rule.id,
                                                           RegulationBlock.idea_id == idea.id))


def _public_line(block: RegulationBlock) -> str:
    """The timeline text, in the site's default language (the public record)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _("%(rule)s (%(level)s). %(how)s", rule=block.regulation.name,
                 level=block.regulation.level.label, how=block.how)


def _publish(actor, block: RegulationBlock, now) -> None:
    block.status, block.confirmed_by_id, block.confirmed_at = BlockStatus.CONFIRMED, actor.id, now
    workflow.record(block.idea, EventKind.RULE, actor, _public_line(block), created_at=now)


def mark(actor, idea, data: RuleInput, now=None) -> RegulationBlock:
    """The ambassador (or an admin) says: this rule is in the way. Public at once."""
    if not rules.can_mark(actor, idea):
        raise NotAllowed("mark rule")
    how = _clean(data)
    rule = _rule(actor, data)
    now = now or utcnow()
    block = _existing_block(rule, idea)
    if block is not None and block.confirmed:
        raise DomainValidationError(_("This rule is already noted for this idea."), field="existing")
    if block is None:
        block = RegulationBlock(regulation=rule, idea=idea, how=how, proposed_by_id=actor.id, created_at=now)
        db.session.add(block)
    block.how = how
    _publish(actor, block, now)
    db.session.commit()
    return block


def propose(makelaar, idea, data: RuleInput, now=None) -> RegulationBlock:
    """A makelaar of the wijk proposes a rule; the idea's ambassador is told and confirms it."""
    if not rules.can_propose(makelaar, idea):
        raise NotAllowed("propose rule")
    how = _clean(data)
    rule = _rule(makelaar, data)
    if _existing_block(rule, idea) is not None:
        raise DomainValidationError(_("This rule is already noted for this idea."), field="existing")
    block = RegulationBlock(regulation=rule, idea=idea, how=how, proposed_by_id=makelaar.id,
                            created_at=now or utcnow())
    db.session.add(block)
    db.session.flush()
    if idea.ambassador is not None:
        notify([idea.ambassador], kind="rule_proposed", idea=idea,
               subject=_l("A rule in the way of “%(title)s”?", title=idea.title),
               body=_l("%(name)s thinks this rule is in the way: %(rule)s. Check it and confirm it.",
                       name=makelaar.display_name, rule=rule.name),
               link=site_path("regulations.idea_form", idea_id=idea.id))
    db.session.commit()
    return block


def confirm(actor, block: RegulationBlock, now=None) -> RegulationBlock:
    if not rules.can_confirm(actor, block):
        raise NotAllowed("confirm rule")
    _publish(actor, block, now or utcnow())
    db.session.commit()
    return block


def of_idea(idea, *, confirmed_only: bool = True) -> list[RegulationBlock]:
    return db.session.scalars(blocks_of(idea.id, confirmed_only=confirmed_only)).all()


def rule_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(select(Regulation.id, Regulation.name).order_by(func.lower(Regulation.name)))
    return [(rule_id, name) for rule_id, name in rows]


# --- the overview (/regels, its CSV and print) -----------------------------------------------

@dataclass
class BlockedIdea:
    idea_id: int
    title: str
    wijk: str
    wijk_slug: str
    how: str


@dataclass
class RuleSummary:
    id: int
    name: str
    level: RuleLevel
    ideas: list[BlockedIdea] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ideas)

    @property
    def wijken(self) -> list[str]:
        return sorted({i.wijk for i in self.ideas})


def overview() -> list[RuleSummary]:
    """Every rule that blocks at least one visible idea, most ideas first. One query."""
    found: dict[int, RuleSummary] = {}
    for rule_id, how, idea_id, title, wijk, slug, name, level in db.session.execute(public_blocks()):
        summary = found.setdefault(rule_id, RuleSummary(rule_id, name, RuleLevel(level)))
        summary.ideas.append(BlockedIdea(idea_id, title, wijk, slug, how))
    return sorted(found.values(), key=lambda s: (-s.count, s.name.lower()))
