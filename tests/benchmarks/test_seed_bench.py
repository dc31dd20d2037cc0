"""The benchmark dataset (`flask seed-bench`): right sizes, consistent counters, deterministic."""

from sqlalchemy import func, select, text

from participatie.ops.bench import BENCH_PASSWORD, bench_email
from participatie.extensions import db
from participatie.geo.services import all_wijken
from participatie.conversations.models import ActionItem, Conversation, ConversationIdea, Rsvp
from participatie.ideas.models import Idea, IdeaEvent
from participatie.socialmap.models import PaperSupport, SocialMapEntry
from participatie.supports.models import Support, SupportKind


def _seed(app, *args):
    return app.test_cli_runner().invoke(args=["seed-bench", *args])


def _snapshot():
    ideas = db.session.execute(select(Idea.title, Idea.lat, Idea.support_count).order_by(Idea.id)).all()
    return [tuple(row) for row in ideas]


def test_dataset_sizes_and_counters(app, database):
    result = _seed(app, "--ideas", "50", "--users", "30")
    assert result.exit_code == 0, result.output
    assert "Skipped" not in result.output
    assert db.session.scalar(select(func.count()).select_from(Idea)) == 50
    assert db.session.scalar(select(func.count()).select_from(Support)) == 500
    updates = select(func.count()).select_from(IdeaEvent).where(IdeaEvent.kind == "update")
    assert db.session.scalar(updates) == 100
    steun = select(Support.idea_id, func.count()).where(Support.kind == SupportKind.STEUN).group_by(Support.idea_id)
    counted = dict(db.session.execute(steun).all())
    for idea in db.session.scalars(select(Idea)):
        assert idea.support_count == counted.get(idea.id, 0)
        assert idea.author_id not in set(db.session.scalars(select(Support.user_id).where(Support.idea_id == idea.id)))
    duplicates = select(Support.idea_id).group_by(Support.idea_id, Support.user_id, Support.kind).having(func.count() > 1)
    assert db.session.execute(duplicates).first() is None


def test_points_lie_in_their_wijk(app, database):
    _seed(app, "--ideas", "40", "--users", "20")
    wijken = {w.id: w for w in all_wijken()}
    for idea in db.session.scalars(select(Idea).where(Idea.lat.is_not(None))):
        assert wijken[idea.wijk_id].contains(idea.lat, idea.lng)


def test_refuses_a_database_with_ideas_unless_forced(app, database):
    assert _seed(app, "--ideas", "20", "--users", "20").exit_code == 0
    refused = _seed(app, "--ideas", "20", "--users", "20")
    assert refused.exit_code != 0 and "--force" in refused.output
    assert _seed(app, "--ideas", "20", "--users", "20", "--force").exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(Idea)) == 40


def test_deterministic_and_users_can_log_in(app, database, client):
    _seed(app, "--ideas", "30", "--users", "20")
    first = _snapshot()
    for table in reversed(db.metadata.sorted_tables):
        if table.name != "wijken":
            db.session.execute(table.delete())
    db.session.commit()
    _seed(app, "--ideas", "30", "--users", "20")
    assert [(t, lat, s) for t, lat, s in _snapshot()] == first
    response = client.post("/account/login", data={"email": bench_email(1), "password": BENCH_PASSWORD})
    assert response.status_code == 303


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_every_domain_is_seeded_at_the_documented_proportions(app, database):
    """QUALITY.md: N/10 social-map entries, 50 conversations (with RSVPs and actions), paper supports."""
    assert _seed(app, "--ideas", "200", "--users", "40").exit_code == 0
    assert _count(SocialMapEntry) == 20
    assert _count(Conversation) == 50
    assert _count(Rsvp) >= 50 * 10
    assert _count(ConversationIdea) > 0 and _count(ActionItem) > 0
    paper = dict(db.session.execute(select(PaperSupport.idea_id, func.sum(PaperSupport.count))
                                    .group_by(PaperSupport.idea_id)).all())
    assert paper, "some ideas have supports collected on paper"
    for idea_id, paper_count in db.session.execute(select(Idea.id, Idea.paper_support_count)):
        assert paper_count == paper.get(idea_id, 0)


def test_statistics_are_gathered_after_seeding(app, database):
    """The planner needs statistics after a bulk load (ANALYZE), on both databases."""
    assert _seed(app, "--ideas", "30", "--users", "20").exit_code == 0
    if db.engine.dialect.name == "sqlite":
        assert db.session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"))
        analysed = db.session.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'ideas'"))
    else:
        analysed = db.session.scalar(text("SELECT count(*) FROM pg_stat_user_tables "
                                          "WHERE relname = 'ideas' AND last_analyze IS NOT NULL"))
    assert analysed


def test_the_measured_idea_page_carries_200_reactions(app, database):
    from participatie.reactions.models import Reaction, shown_count

    result = _seed(app, "--ideas", "200", "--users", "30")
    assert result.exit_code == 0, result.output
    assert "200 reactions" in result.output
    idea_id = db.session.scalar(select(Reaction.idea_id).limit(1))
    idea = db.session.get(Idea, idea_id)
    assert idea.reaction_count == 200 == db.session.scalar(shown_count(idea_id))
    assert idea.status == "open" and idea.lat is not None and 5 <= idea.support_count <= 15
