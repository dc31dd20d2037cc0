"""The idea workflow lives in one room (ideas/workflow.py): transitions, timeline, announcement."""

import re
from pathlib import Path

import pytest

from participatie.ideas import workflow
from participatie.ideas.status import TRANSITIONS, WORKING, EventKind, IdeaStatus
from participatie.web.errors import DomainValidationError, InvalidTransition
from tests.factories import make_idea
from tests.responses.helpers import events, fresh, person

PACKAGE = Path(__file__).resolve().parents[2] / "participatie"
S = IdeaStatus


def _python_files():
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def test_nothing_outside_the_workflow_assigns_an_idea_status_or_builds_an_idea_event():
    """Other objects have a status too (conversations, actions, rsvps): only idea-ish names count."""
    status_assignment = re.compile(r"\bidea\w*\.status\s*(?:,[^=\n]*)?=[^=]")
    offenders = []
    for path in _python_files():
        if path == PACKAGE / "ideas" / "workflow.py":
            continue
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if ("IdeaEvent(" in line and "class IdeaEvent(" not in line) or status_assignment.search(line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_grep_would_catch_the_old_ways():
    pattern = re.compile(r"\bidea\w*\.status\s*(?:,[^=\n]*)?=[^=]")
    assert pattern.search("        idea.status = S.IN_PROGRESS")
    assert pattern.search("idea.status, idea.closed_at = IdeaStatus.CLOSED, now")
    assert not pattern.search("if idea.status == S.OPEN:")
    assert not pattern.search("conversation.status = C.PLANNED")


def test_no_event_kind_is_a_string_literal_in_the_services():
    literal = re.compile(r"""kind\s*=\s*["'](created|update|edited|status_change|threshold|endorsed|claim|"""
                         r"""handover|release|voorgesprek|answer|progress|followup_answer|closed_no_reply|link|"""
                         r"""paper_support|action|conversation|archived|revived)["']""")
    offenders = [str(p.relative_to(PACKAGE)) for p in _python_files() if literal.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_move_follows_the_table_and_appends_one_event(ctx):
    idea, actor = make_idea(), person()
    event = workflow.move(idea, S.IN_PROGRESS, actor, "We pakken het op.")
    assert fresh(idea).status == S.IN_PROGRESS and fresh(idea).update_due_at is not None
    assert (event.kind, event.old_status, event.new_status) == (EventKind.STATUS_CHANGE, S.OPEN, S.IN_PROGRESS)
    assert [e.public_text for e in events(idea)][-1] == "We pakken het op."


@pytest.mark.parametrize("old", list(IdeaStatus))
def test_every_transition_outside_the_table_is_refused(ctx, old):
    idea = make_idea()
    idea.__dict__["status"] = old  # a test shortcut past the workflow, not a model write
    for new in set(IdeaStatus) - TRANSITIONS[old]:
        with pytest.raises(InvalidTransition):
            workflow.move(idea, new, None, "Tekst")


def test_a_move_without_a_public_message_is_refused(ctx):
    idea = make_idea()
    with pytest.raises(DomainValidationError):
        workflow.move(idea, S.IN_PROGRESS, person(), "   ")
    assert fresh(idea).status == S.OPEN and len(events(idea)) == 1  # only "created"


def test_terms_follow_the_status(ctx):
    idea = make_idea()
    workflow.move(idea, S.AWAITING_RESPONSE, None, "Genoeg steun.")
    assert idea.response_due_at is not None and idea.update_due_at is None
    for status in (S.IN_PROGRESS, S.DECIDED, S.DONE, S.CLOSED):
        workflow.move(idea, status, None, "Verder.", outcome="together" if status == S.DECIDED else None)
        assert (idea.update_due_at is not None) == (status in WORKING)
    assert idea.closed_at is not None and idea.outcome == "together"


def test_moves_and_records_are_announced(ctx):
    idea, heard = make_idea(), []

    def listen(sender, **extra):
        heard.append((sender, extra["event"].kind))

    with workflow.idea_moved.connected_to(listen), workflow.event_recorded.connected_to(listen):
        workflow.move(idea, S.IN_PROGRESS, None, "Opgepakt.")
        workflow.record(idea, EventKind.PROGRESS, None, "Nog geen nieuws.")
    assert heard == [(idea, EventKind.STATUS_CHANGE), (idea, EventKind.PROGRESS)]


def test_a_notice_reaches_the_followers_through_the_signal(ctx):
    from tests.responses.helpers import notified

    idea = make_idea()
    workflow.record(idea, EventKind.PROGRESS, None, "Nog geen nieuws.", notice=workflow.Notice("Nieuws", "Tekst"))
    assert [n.subject for n in notified(idea.author)] == ["Nieuws"]
