"""The figures pages and "Wat is er veranderd" issue as many SQL statements with 15 solved, answered,
quoted ideas as with 3 (SQL aggregates and limited lists, no query per idea)."""

import re

from tests.app.test_query_counts import StatementCounter
from tests.insights.helpers import ambassador, answered, owed_idea, person, say, solved
from participatie.extensions import db

SMALL, LARGE = 3, 15
PAGES = ["/cijfers", "/cijfers?maanden=3", "/wijken/west/cijfers", "/print/wijken/west/cijfers", "/", "/wijken/west"]

class Solved:
    def __init__(self):
        self.count, self.amb = 0, ambassador()

    def grow_to(self, total):
        for i in range(self.count, total):
            idea = owed_idea(title=f"Opgelost idee {i}")
            event = answered(self.amb, idea)
            say(event, i % 2 == 0, f"Woorden {i}", quote_ok=True, user=person())
            solved(self.amb, idea, yes=i % 3 != 0, text=f"Opgelost {i}", quote_ok=True)
        self.count = total


def _statements(client, path):
    client.get(path)
    with StatementCounter(db.engine) as counter:
        assert client.get(path).status_code == 200
    return len(counter.statements)


def test_figures_and_changes_do_not_grow_with_ideas(web):
    ideas = Solved()
    ideas.grow_to(SMALL)
    small = {path: _statements(web, path) for path in PAGES}
    ideas.grow_to(LARGE)
    large = {path: _statements(web, path) for path in PAGES}
    print("\nqueries", {p: (small[p], large[p]) for p in PAGES})
    assert large == small


def test_figures_pages_cost_the_same_statements_with_ten_thousand_more_ideas(web):
    """The issue's N = 10,000: the same statements with 10,000 extra ideas in the wijk, and the figures count them."""
    from tests.opendata.test_opendata import _bulk_ideas

    Solved().grow_to(SMALL)
    before = {path: _statements(web, path) for path in PAGES}
    _bulk_ideas(10_000)
    after = {path: _statements(web, path) for path in PAGES}
    assert after == before
    text = web.get("/wijken/west/cijfers").get_data(as_text=True)
    assert re.search(r"10[.,\u00a0\u202f]?003 idee", text), re.findall(r"[\d.,\u00a0]+ idee[^<]{0,40}", text)[:5]
