"""Rate limits on login, registration, posting an idea and supporting: 429 after the limit.

Each runs on a separate app with tight limits, once with memory storage and once with this
machine's Redis (REDIS_URL -> RATELIMIT_STORAGE_URI). Each run claims a Redis database of its
own (8-15, claimed with SET NX in database 0), flushed before and after, so two suites on one
machine (a fresh-check beside CI) cannot reset each other's counters.
The limiter is a module singleton shared by every app in the process, so its state is put back.
"""

import os
import uuid

import pytest
import redis as redis_lib

from participatie import create_app
from participatie.extensions import db, limiter
from participatie.ideas import services as ideas
from tests.conftest import TEST_CONFIG, IsolatedClient, database_url
from tests.factories import idea_input, make_user
from tests.responses.helpers import sign_in

REDIS_BASE = "redis://127.0.0.1:6379"
TEST_DATABASES = range(8, 16)
LIMITS = {"RATELIMIT_LOGIN": "3 per minute", "RATELIMIT_REGISTER": "2 per minute",
          "RATELIMIT_POST": "2 per minute", "RATELIMIT_SUPPORT": "4 per minute"}
SAVED = ("enabled", "initialized", "_storage", "_storage_uri", "_storage_options", "_limiter", "_storage_dead",
         "_fallback_limiter", "_strategy", "_headers_enabled", "_key_prefix")


def _unavailable(reason: str):
    """Skip locally; in CI a missing Redis is a failure, not a quiet skip."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"Redis tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def redis_url():
    """A Redis database for this run alone, given back at the end."""
    control = redis_lib.Redis.from_url(f"{REDIS_BASE}/0")
    try:
        control.ping()
    except redis_lib.exceptions.ConnectionError:
        _unavailable("no Redis on 127.0.0.1:6379")
    claim = f"participatie-tests:{uuid.uuid4().hex}"
    for number in TEST_DATABASES:
        if control.set(f"participatie-tests:db:{number}", claim, nx=True, ex=1800):
            break
    else:
        _unavailable(f"all test databases {TEST_DATABASES.start}-{TEST_DATABASES.stop - 1} are in use")
    try:
        yield f"{REDIS_BASE}/{number}"
    finally:
        if control.get(f"participatie-tests:db:{number}") == claim.encode():
            control.delete(f"participatie-tests:db:{number}")


@pytest.fixture(params=["memory", "redis"])
def limited(request, instance_dir, database):
    """(client, app) of an app with rate limiting on and tight limits."""
    config = {**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir), "RATELIMIT_ENABLED": True,
              **LIMITS}
    redis = None
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        redis = redis_lib.Redis.from_url(url)
        redis.flushdb()
        config["REDIS_URL"] = url
    saved = {name: getattr(limiter, name) for name in SAVED if hasattr(limiter, name)}
    extra_app = create_app(config)
    extra_app.test_client_class = IsolatedClient
    expected = config["REDIS_URL"] if redis else "memory://"
    assert extra_app.config["RATELIMIT_STORAGE_URI"] == expected
    limiter.reset()
    try:
        yield extra_app.test_client(), extra_app, redis
    finally:
        limiter.reset()
        for name, value in saved.items():
            setattr(limiter, name, value)
        if redis is not None:
            redis.flushdb()
        with extra_app.app_context():
            db.engine.dispose()


def _statuses(send, times):
    return [send().status_code for _ in range(times)]


def _used_redis(redis):
    if redis is not None:
        assert redis.dbsize() > 0, "the limits were not counted in Redis"


def test_login(limited, ctx):
    client, _, redis = limited
    user = make_user()
    statuses = _statuses(lambda: client.post("/account/login", data={"email": user.email, "password": "wrong"}), 4)
    assert 429 not in statuses[:3] and 500 not in statuses
    assert statuses[3] == 429
    _used_redis(redis)


def test_registration(limited, ctx):
    client, _, redis = limited
    counter = iter(range(100))

    def register():
        n = next(counter)
        return client.post("/account/register", data={
            "display_name": f"Nieuw {n}", "email": f"rl{n}@example.org", "password": "correct horse battery",
            "password_again": "correct horse battery"})

    statuses = _statuses(register, 3)
    assert 429 not in statuses[:2] and 500 not in statuses, statuses
    assert statuses[2] == 429
    _used_redis(redis)


def test_posting_an_idea(limited, ctx):
    client, _, redis = limited
    sign_in(client, make_user())
    counter = iter(range(100))

    def post():
        n = next(counter)
        return client.post("/ideas/new", data={
            "kind": "droom", "title": f"Een bankje nummer {n}", "body": "Een bankje bij de speeltuin, voor ouders.",
            "themes": ["groen"], "needs": ["space"], "wijk": "west"})

    statuses = _statuses(post, 3)
    assert statuses[:2] == [303, 303], statuses  # really posted, not refused by the form
    assert 429 not in statuses[:2] and 500 not in statuses, statuses
    assert statuses[2] == 429
    _used_redis(redis)


def test_supporting(limited, ctx):
    client, _, redis = limited
    idea = ideas.create_idea(make_user(), idea_input())
    sign_in(client, make_user())
    statuses = _statuses(lambda: client.post(f"/ideas/{idea.id}/support/steun", data={"state": "on"}), 5)
    assert 429 not in statuses[:4] and 500 not in statuses, statuses
    assert statuses[4] == 429
    _used_redis(redis)


def test_main_app_is_not_limited_afterwards(client, ctx):
    """The singleton was put back: the session app (limits off) does not count."""
    user = make_user()
    statuses = _statuses(lambda: client.post("/account/login", data={"email": user.email, "password": "wrong"}), 12)
    assert 429 not in statuses
