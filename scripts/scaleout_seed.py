"""Accounts and ideas for `make test-scaleout` (run by scripts/scaleout_stack.py in the stack's environment)."""

from participatie import create_app
from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import services as ideas
from participatie.web.urls import site_request_context

PASSWORD = "scaleout-wachtwoord-2026"
NEIGHBOURS = 30
IDEAS = 4


def main() -> None:
    app = create_app()
    with app.app_context(), site_request_context():
        broker = accounts.create_user("makelaar@scaleout.example", "Makelaar", password=PASSWORD,
                                      role=Role.MAKELAAR, verified=True)
        broker.wijken = [wijk_by_slug("west")]
        db.session.commit()
        accounts.create_user("doelwit@scaleout.example", "Doelwit", password=PASSWORD, verified=True)
        people = [accounts.create_user(f"buur{n:02d}@scaleout.example", f"Buur {n}", password=PASSWORD,
                                       verified=True) for n in range(1, NEIGHBOURS + 1)]
        for n in range(IDEAS):
            ideas.create_idea(people[n], ideas.IdeaInput(
                kind="idee", title=f"Bankjes in het park, deel {n + 1}",
                body="Meer bankjes in het park, zodat ouderen kunnen uitrusten.", themes=["groen"],
                needs=["permission"], offer="", wijk_slug="west"))
    print("seeded")


if __name__ == "__main__":
    main()
