"""The wijk overview for the buurthuis: upcoming stadsgesprekken and open actions, in bounded queries."""

import pytest
from sqlalchemy import event

from participatie.accounts.roles import Role
from participatie.conversations import services as conversations
from participatie.conversations.timefmt import when_in_words
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.socialmap.models import SocialMapEntry
from participatie.socialmap.vocab import EntryKind
from participatie.supports import services as supports
from participatie.supports.models import SupportKind
from participatie.printing.wijk import wijk_totals
from tests import factories as f
from tests.printing.conftest import claimed_idea, dark_share, hold, parse_ppm, plan, ppm_pages

pytestmark = pytest.mark.usefixtures("dutch")


def sheet(client, slug="west") -> str:
    response = client.get(f"/print/wijken/{slug}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_upcoming_conversations_with_when_and_where(client, ambassador):
    upcoming = plan(ambassador, title="Praat mee over het plein")
    html = sheet(client)
    assert "Praat mee over het plein" in html
    assert when_in_words(upcoming.starts_at, upcoming.ends_at) in html
    assert "Buurthuis De Pijler" in html and "Herculesplein 1" not in html  # the venue's first line only
    assert "Iedereen is welkom. Meld je aan op de website." in html


def test_held_cancelled_and_other_wijken_are_not_upcoming(client, ambassador):
    hold(ambassador, title="Het gesprek van vorige week")
    cancelled = plan(ambassador, title="Het gesprek dat niet doorgaat")
    conversations.cancel(ambassador, cancelled, "De zaal is niet beschikbaar.")
    plan(ambassador, ideas=[claimed_idea(ambassador, wijk_slug="overvecht")], title="Een gesprek in Overvecht")
    html = sheet(client)
    for title in ("Het gesprek van vorige week", "Het gesprek dat niet doorgaat", "Een gesprek in Overvecht"):
        assert title not in html
    assert "Er zijn nog geen stadsgesprekken gepland." in html


def test_open_actions_with_who_when_and_status_but_not_finished_ones(client, ambassador):
    hold(ambassador)
    html = sheet(client)
    assert "Open actiepunten" in html
    assert "Een plan maken met de initiatiefnemer" in html and "Nog doen (te laat)" in html
    assert "Tien buren vinden die mee willen doen" in html and "Bewoners van de buurt" in html
    assert "De grond laten testen" not in html  # done
    assert "Open actiepunten" not in sheet(client, "overvecht")


def test_no_actions_no_actions_heading(client, ambassador):
    plan(ambassador)
    assert "Open actiepunten" not in sheet(client)


def test_ideas_are_ordered_and_counted_by_the_one_support_total(client, ctx):
    """Paper supports count (online + paper); wanting to help is not a support."""
    from tests.socialmap.conftest import makelaar
    from participatie.socialmap import offline
    from participatie.clock import today_local

    steun = f.make_idea(title="Twee keer gesteund")
    for _ in range(2):
        supports.set_support(f.make_user(), steun, SupportKind.STEUN, True)
    helpers = f.make_idea(title="Een keer gesteund en twee helpers")
    supports.set_support(f.make_user(), helpers, SupportKind.STEUN, True)
    for _ in range(2):
        supports.set_support(f.make_user(), helpers, SupportKind.MEEDOEN, True, offer="Ik kan schilderen.")
    paper = f.make_idea(title="Tien op papier")
    offline.add_paper_support(makelaar(), paper, count=10, collected_where="Buurthuis",
                              collected_on=today_local())
    html = sheet(client)
    assert html.index("Tien op papier") < html.index("Twee keer gesteund") < html.index("Een keer gesteund en")
    assert '<td class="num">10</td>' in html
    assert wijk_totals(wijk_by_slug("west"))["supports"] == 13


class Statements:
    def __init__(self):
        self.count = 0

    def __call__(self, *_args):
        self.count += 1


def statements_for(client, path) -> int:
    client.get(path)  # warm up
    counter = Statements()
    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return counter.count


def test_wijk_sheet_queries_do_not_grow_with_conversations_and_actions(client, ambassador):
    plan(ambassador, title="Eerste gesprek")
    hold(ambassador, title="Eerste verslag")
    few = statements_for(client, "/print/wijken/west")
    for n in range(2):
        plan(ambassador, title=f"Nog een gesprek {n}")
        hold(ambassador, title=f"Nog een verslag {n}")
    assert statements_for(client, "/print/wijken/west") == few


def test_conversation_sheet_queries_do_not_grow_with_ideas(client, ambassador):
    small = plan(ambassador, ideas=[claimed_idea(ambassador)])
    few = statements_for(client, f"/print/conversations/{small.id}")
    large = plan(ambassador, ideas=[claimed_idea(ambassador, title=f"Idee {n}") for n in range(6)])
    assert statements_for(client, f"/print/conversations/{large.id}") == few


def fill_west(ambassador, *, upcoming=3, held=3, places=4, title="Een speelplek met bankjes en bomen, plan"):
    f.make_user(Role.MAKELAAR, name="Sanne Jansen", wijken=["west"])
    for n in range(upcoming):
        idea = claimed_idea(ambassador, title=f"{title} {n}")
        plan(ambassador, ideas=[idea], title=f"Stadsgesprek West: samen praten over de speelplek, deel {n}")
    for n in range(held):
        hold(ambassador, title=f"Stadsgesprek West van vorige maand, deel {n}")
    west = wijk_by_slug("west")
    for n in range(places):
        db.session.add(SocialMapEntry(kind=EntryKind.MEETING_PLACE, name=f"Buurthuis Lombok {n}", wijk_id=west.id,
                                      address="Jan Pieterszoon Coenstraat 9"))
    db.session.commit()


def test_an_ordinary_wijk_overview_is_one_a4_page(pdf_tools, client, ambassador, tmp_path):
    """Like the demo: five ideas, a stadsgesprek coming up, one held with open actions, three places."""
    fill_west(ambassador, upcoming=1, held=1, places=3, title="Bankjes langs de Kanaalstraat")
    for n in range(2):
        claimed_idea(ambassador, title=f"Een buurtbibliotheek in een oude telefooncel {n}")
    response = client.get("/print/wijken/west.pdf")
    assert len(ppm_pages(response.data, tmp_path)) == 1


def test_a_busy_wijk_overview_shows_a_few_of_each_on_two_pages_at_most(pdf_tools, client, ambassador, tmp_path):
    fill_west(ambassador, title="Een speelplek met bankjes en bomen voor jong en oud, plan")
    html = sheet(client)
    assert html.count("Stadsgesprek West: samen praten over de speelplek") == 3
    assert html.count("Een plan maken met de initiatiefnemer") + html.count("Tien buren vinden") == 4
    assert html.count("Buurthuis Lombok") == 3  # a few highlights, not the whole social map
    response = client.get("/print/wijken/west.pdf")
    pages = ppm_pages(response.data, tmp_path)
    assert len(pages) <= 2
    assert all(dark_share(parse_ppm(page)[2]) > 0.005 for page in pages)
