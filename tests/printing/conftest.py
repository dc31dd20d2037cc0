import pytest

from participatie.accounts.roles import Role
from participatie.responses import services as responses
from tests import factories as f

XSS_TITLE = "Moestuin <script>alert(1)</script>"


@pytest.fixture
def answered_idea(ctx):
    """An idea with a <script> title, a summary, a claiming ambassador and a public answer."""
    ambassador = f.make_user(Role.AMBASSADOR, name="Fatima el Amrani", department="Stadsbeheer")
    f.make_user(Role.MAKELAAR, name="Joost de Vries", wijken=["west"])
    idea = f.make_idea(title=XSS_TITLE, street="Kanaalstraat")
    idea.summary = "Buren willen samen groente kweken op het plein."
    responses.claim(ambassador, idea, "Ik ben Fatima. Ik kijk wat er kan.")
    responses.post_answer(ambassador, idea, "Jullie mogen drie bakken neerzetten. We brengen ze in mei.")
    return idea
