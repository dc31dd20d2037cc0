"""Limits that fit people (issue 14) and a limiter that survives Redis going away (issue 13, item 2).

- thirty neighbours on one address log in to their own accounts: nobody is blocked;
- twenty wrong passwords for one account are blocked, and the form comes back as typed (429, Dutch);
- posting counts per person, not per address;
- thirty neighbours register on one buurthuis wifi (typos included): nobody is blocked; one e-mail
  address registered again and again is, and the form comes back as typed;
- social-map entries, imports and tips count per person: a limit shows the form as typed (429, Dutch);
- Redis gone: login, login link, registration, posting and supporting keep working (limits in memory),
  and the failure is logged once. Uses a redis-server of its own on a free port, stopped in the test.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis as redis_lib

from participatie import create_app
from participatie.extensions import db, limiter
from participatie.ideas import services as ideas
from tests.conftest import TEST_CONFIG, IsolatedClient, database_url
from tests.factories import PASSWORD, idea_input, make_user
from tests.responses.helpers import person, sign_in
from tests.security.test_rate_limits import SAVED


@pytest.fixture
def make_limited(instance_dir, database):
    """make(**config) -> a client of a separate app with rate limiting on; the limiter is put back."""
    saved = {name: getattr(limiter, name) for name in SAVED if hasattr(limiter, name)}
    apps = []

    def make(**config):
        extra_app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir),
                                "RATELIMIT_ENABLED": True, **config})
        extra_app.test_client_class = IsolatedClient
        apps.append(extra_app)
        limiter.reset()
        return extra_app.test_client()

    try:
        yield make
    finally:
        try:
            limiter.reset()
        except redis_lib.exceptions.ConnectionError:
            pass  # the outage test stopped its Redis
        for name, value in saved.items():
            setattr(limiter, name, value)
        for extra_app in apps:
            with extra_app.app_context():
                db.engine.dispose()


def _login(client, email, password, address="10.1.2.3"):
    return client.post("/account/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_thirty_neighbours_on_one_wifi_are_not_blocked(make_limited, ctx):
    client = make_limited()  # the default limits
    neighbours = [person() for _ in range(30)]
    statuses = []
    for neighbour in neighbours:
        statuses.append(client.post("/account/login", data={"email": neighbour.email, "password": "not-mine-1234"},
                                    environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code)
    assert 429 not in statuses, statuses


def test_twenty_wrong_passwords_for_one_account_are_blocked(make_limited, ctx):
    client = make_limited()
    user = make_user(email="doelwit@example.org")
    statuses = [_login(client, user.email, f"geraden-{n}").status_code for n in range(20)]
    assert 429 in statuses and 500 not in statuses, statuses
    blocked = _login(client, user.email, "nog-een-gok")
    page = blocked.get_data(as_text=True)
    assert blocked.status_code == 429
    assert 'value="doelwit@example.org"' in page  # the typed address is still there
    assert "Te veel pogingen" in page
    assert _login(client, user.email, PASSWORD, address="10.9.9.9").status_code == 303  # the owner elsewhere


def test_a_limited_idea_comes_back_as_typed(make_limited, ctx):
    client = make_limited(RATELIMIT_POST="1 per minute")
    sign_in(client, make_user())

    def post(title):
        return client.post("/ideas/new", data={
            "kind": "droom", "title": title, "body": "Een bankje bij de speeltuin, voor ouders.",
            "themes": ["groen"], "needs": ["space"], "wijk": "west"})

    assert post("Een bankje bij de speeltuin").status_code == 303
    again = post("Een tweede bankje bij de vijver")
    page = again.get_data(as_text=True)
    assert again.status_code == 429
    assert "Een tweede bankje bij de vijver" in page and "Een bankje bij de speeltuin, voor ouders." in page
    assert "Te veel pogingen" in page


def test_posting_counts_per_person_not_per_address(make_limited, ctx):
    client_a = make_limited(RATELIMIT_POST="1 per minute")
    client_b = client_a.application.test_client()
    for client in (client_a, client_b):
        sign_in(client, make_user())
        response = client.post("/ideas/new", data={
            "kind": "droom", "title": "Een bankje bij de speeltuin", "body": "Een bankje voor de ouders.",
            "themes": ["groen"], "needs": ["space"], "wijk": "west"}, environ_base={"REMOTE_ADDR": "10.1.2.3"})
        assert response.status_code == 303


def _register(client, n, *, again=None, address="10.1.2.3"):
    return client.post("/account/register", data={
        "display_name": f"Buur {n}", "email": f"buur{n}@buurthuis.example", "password": "correct horse battery",
        "password_again": again or "correct horse battery"}, environ_base={"REMOTE_ADDR": address})


def test_thirty_neighbours_register_on_one_wifi(make_limited, ctx):
    """A buurthuis evening: 30 people register on one wifi, a third of them after a typo."""
    from sqlalchemy import func, select

    from participatie.accounts.models import User

    client = make_limited()  # the default limits
    statuses = []
    for n in range(30):
        if n % 3 == 0:
            statuses.append(_register(client, n, again="correct horse batery").status_code)  # a typo first
        statuses.append(_register(client, n).status_code)
    assert 429 not in statuses and 500 not in statuses, statuses
    assert statuses.count(303) == 30
    assert db.session.scalar(select(func.count()).select_from(User)
                             .where(User.email.like("%@buurthuis.example"))) == 30


def test_one_address_registering_without_end_is_stopped_with_the_form_as_typed(make_limited, ctx):
    client = make_limited(RATELIMIT_REGISTER="2 per minute")
    assert [_register(client, n).status_code for n in range(2)] == [303, 303]
    blocked = _register(client, 2)
    page = blocked.get_data(as_text=True)
    assert blocked.status_code == 429
    assert 'value="Buur 2"' in page and 'value="buur2@buurthuis.example"' in page
    assert "Te veel pogingen" in page
    assert _register(client, 3, address="10.9.9.9").status_code == 303  # another address


def test_one_email_address_registered_again_and_again_is_limited(make_limited, ctx):
    """Each try mails that inbox: a fourth try in a minute is refused, the form as typed."""
    client = make_limited()
    statuses = [_register(client, 7).status_code for _ in range(4)]
    assert statuses == [303, 303, 303, 429], statuses
    assert 'value="buur7@buurthuis.example"' in _register(client, 7).get_data(as_text=True)
    assert _register(client, 8).status_code == 303  # the neighbour next to them is not blocked


ENTRY = {"kind": "activity", "wijk": "west", "cost": "free", "suitable_for": "everyone",
         "description": "Elke maandag samen breien."}


def test_a_makelaar_posting_many_entries_gets_the_form_back_as_typed(make_limited, ctx):
    from participatie.accounts.roles import Role

    client = make_limited(RATELIMIT_SOCIALMAP="2 per minute")
    sign_in(client, person(Role.MAKELAAR, wijken=("west",)))
    for n in range(2):
        assert client.post("/socialmap/new", data={**ENTRY, "name": f"Breiclub {n}"}).status_code == 303
    blocked = client.post("/socialmap/new", data={**ENTRY, "name": "Breiclub De Bolle Wol"})
    page = blocked.get_data(as_text=True)
    assert blocked.status_code == 429
    assert 'value="Breiclub De Bolle Wol"' in page and "Elke maandag samen breien." in page
    assert "Te veel pogingen" in page
    assert "Breiclub De Bolle Wol" not in client.get("/socialmap").get_data(as_text=True)
    colleague = client.application.test_client()  # the same address, another person
    sign_in(colleague, person(Role.MAKELAAR, wijken=("west",)))
    assert colleague.post("/socialmap/new", data={**ENTRY, "name": "Taalcafe"}).status_code == 303


def test_a_makelaar_sending_many_import_files_is_asked_to_wait(make_limited, ctx):
    import io

    from participatie.accounts.roles import Role

    client = make_limited(RATELIMIT_SOCIALMAP="1 per minute")
    sign_in(client, person(Role.MAKELAAR, wijken=("west",)))

    def send():
        return client.post("/socialmap/import", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(b"kind;name;wijk\nactivity;Taalcafe;west\n"), "kaart.csv")})

    assert send().status_code == 200  # the preview
    blocked = send()
    assert blocked.status_code == 429
    assert "Wacht een minuut. Kies dan het bestand opnieuw." in blocked.get_data(as_text=True)


def test_a_resident_sending_many_tips_gets_the_form_back_as_typed(make_limited, ctx):
    client = make_limited(RATELIMIT_POST="1 per minute")
    sign_in(client, person())
    tip = {"name": "Breiclub", "wijk": "west", "message": "Elke maandag breien in de bieb."}
    assert client.post("/socialmap/suggest", data=tip).status_code == 303
    blocked = client.post("/socialmap/suggest", data={**tip, "message": "Ook een taalcafe op dinsdag."})
    page = blocked.get_data(as_text=True)
    assert blocked.status_code == 429
    assert "Ook een taalcafe op dinsdag." in page and "Te veel pogingen" in page


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis():
    """A redis-server of this test's own; yields (url, stop)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is needed for the outage test: apt-get install redis-server")
    port = _free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)

    def stop():
        process.terminate()
        process.wait(10)

    try:
        yield f"redis://127.0.0.1:{port}/0", stop
    finally:
        if process.poll() is None:
            stop()


def test_redis_gone_limits_fall_back_to_memory(make_limited, own_redis, ctx, caplog):
    url, stop_redis = own_redis
    client = make_limited(REDIS_URL=url, RATELIMIT_LOGIN="3 per minute")
    user = make_user()
    assert _login(client, user.email, "fout-wachtwoord").status_code == 422  # counted in Redis
    stop_redis()
    caplog.set_level(logging.INFO)
    idea = ideas.create_idea(make_user(), idea_input())
    statuses = [_login(client, user.email, "fout-wachtwoord").status_code for _ in range(4)]
    assert 500 not in statuses and statuses[-1] == 429, statuses  # still limited, now in memory
    other = client.application.test_client()
    link = other.post("/account/login-link", data={"email": "iemand@example.org"})
    register = other.post("/account/register", data={
        "display_name": "Nieuw", "email": "nieuw@example.org", "password": "correct horse battery",
        "password_again": "correct horse battery"})
    sign_in(other, make_user())
    support = other.post(f"/ideas/{idea.id}/support/steun", data={"state": "on"})
    assert (link.status_code, register.status_code, support.status_code) == (200, 303, 303)
    fallbacks = [r for r in caplog.records if "falling back to in-memory" in r.getMessage()]
    assert len(fallbacks) == 1, [r.getMessage() for r in caplog.records]
