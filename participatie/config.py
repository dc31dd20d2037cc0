"""Configuration defaults.

Order (later wins): these defaults -> instance/config.py -> environment
(FLASK_*, DATABASE_URL, REDIS_URL, TILE_URL, ...) -> the test mapping.
"""

import os

DEV_SECRET = "dev-only-secret-change-me"

# PDOK BRT-Achtergrondkaart (pastel), the Dutch government basemap, CC BY 4.0.
PDOK_PASTEL = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/pastel/EPSG:3857/{z}/{x}/{y}.png"
)


class Config:
    SECRET_KEY = DEV_SECRET
    SQLALCHEMY_DATABASE_URI = None  # set in create_app: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    REDIS_URL = None

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = {"nl": "Nederlands", "en": "English"}

    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds it; an expired form is handled
    SESSION_COOKIE_SECURE = None  # None: Secure unless debugging or testing (see create_app)
    REMEMBER_COOKIE_SECURE = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    # gzip for pages, partials, GeoJSON and static files (phones on slow connections)
    COMPRESS_ALGORITHM = ["gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["gzip"]  # static files are streamed
    SEND_FILE_MAX_AGE_DEFAULT = 7 * 24 * 3600
    COMPRESS_LEVEL = 6
    COMPRESS_MIN_SIZE = 500
    COMPRESS_MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript",
                          "application/json", "application/geo+json", "text/calendar", "image/svg+xml"]

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"  # REDIS_URL switches this to Redis
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_LOGIN = "10 per minute;50 per hour"
    RATELIMIT_REGISTER = "5 per minute;20 per hour"
    RATELIMIT_POST = "5 per minute;30 per hour"
    RATELIMIT_SUPPORT = "60 per minute"

    TILE_URL = PDOK_PASTEL
    TILE_ATTRIBUTION = (
        'Kaart: <a href="https://www.pdok.nl/">PDOK</a> (CC BY 4.0) · '
        "Wijkgrenzen: Kadaster / CBS, 2025"
    )
    MAP_CENTER = (52.0907, 5.1214)  # Domtoren, Utrecht
    MAP_ZOOM = 12

    IDEAS_PER_PAGE = 20
    # Neighbours talk (participatie.reactions, moderation, ideas.photos)
    REACTIONS_PER_PAGE = 50
    REACTIONS_PER_HOUR = 20  # per person, counted in the database (all hosts share it)
    REACTIONS_PREMODERATE_NEW = False  # True: reactions of accounts younger than NEW_ACCOUNT_HOURS wait for a moderator
    NEW_ACCOUNT_HOURS = 24
    NEW_ACCOUNT_MAX_LINKS = 2  # links per reaction while the account is new
    MODERATION_AUTO_HIDE_REPORTS = 3  # different people reporting the same item hide it until a moderator looks
    IDEA_PHOTO_MAX_BYTES = 5 * 1024 * 1024  # photos on ideas and reactions; 4 per idea
    UPDATE_INTERVAL_WORKING_DAYS = 15  # a public update is due this often while the city works on it
    AMBASSADOR_CASELOAD_LIMIT = 15  # open claims before the claim form warns
    FOLLOWUP_REPLY_WORKING_DAYS = 10  # "opgelost?" closes by itself after this many working days
    HOW_NOW_AFTER_DAYS = 21  # "hoe gaat het nu?" three weeks after closing
    FEEDBACK_LINK_MAX_AGE = 60 * 24 * 3600
    LOGIN_LINK_MAX_AGE = 30 * 60  # seconds
    CONFIRM_LINK_MAX_AGE = 7 * 24 * 3600

    MAIL_SERVER = None  # None: write messages to instance/outbox/ (development)
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_DEFAULT_SENDER = "Participatie Utrecht <noreply@participatie.example.org>"
    SITE_URL = "http://127.0.0.1:5000"

    DEMO_PASSWORD = "demo-wachtwoord-2026"


ENV_KEYS = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "REDIS_URL": "REDIS_URL",
    "TILE_URL": "TILE_URL",
    "TILE_ATTRIBUTION": "TILE_ATTRIBUTION",
    "SITE_URL": "SITE_URL",
    "MAIL_SERVER": "MAIL_SERVER",
    "MAIL_PORT": "MAIL_PORT",
}


def from_environment() -> dict:
    """Values from the environment that override file configuration."""
    values = {target: os.environ[name] for name, target in ENV_KEYS.items() if os.environ.get(name)}
    if "MAIL_PORT" in values:
        values["MAIL_PORT"] = int(values["MAIL_PORT"])
    return values


def normalise_database_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
