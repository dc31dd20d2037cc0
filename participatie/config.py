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
    # Each language named in itself (the switch shows these names).
    LANGUAGES = {"nl": "Nederlands", "en": "English"}
    RTL_LANGUAGES = ("ar",)

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
    RATELIMIT_FEEDBACK = "5 per hour"
    RATELIMIT_DATA_EXPORT = "5 per hour"

    # The privacy and accessibility statements name these (set them for your organisation).
    ORGANISATION_NAME = "Gemeente Utrecht"
    PRIVACY_CONTACT = "privacy@participatie.example"
    PRIVACY_OFFICER = "de Functionaris Gegevensbescherming (FG) van de gemeente"
    MAIL_PROCESSOR = "De mailserver van de gemeente"
    ACCESSIBILITY_CHECKED_ON = "2026-12-05"
    # Retention: accounts unused this long are anonymised (after a warning 30 days before);
    # sent mail and guest sign-up contact data are removed after 90 days.
    RETENTION_INACTIVE_YEARS = 3
    RETENTION_WARNING_DAYS = 30
    RETENTION_MAIL_DAYS = 90
    RETENTION_GUEST_RSVP_DAYS = 90

    TILE_URL = PDOK_PASTEL
    TILE_ATTRIBUTION = (
        'Kaart: <a href="https://www.pdok.nl/">PDOK</a> (CC BY 4.0) · '
        "Wijkgrenzen: Kadaster / CBS, 2025"
    )
    MAP_CENTER = (52.0907, 5.1214)  # Domtoren, Utrecht
    MAP_ZOOM = 12

    IDEAS_PER_PAGE = 20
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
    MAIL_TIMEOUT = 10  # seconds for one SMTP conversation
    MAIL_MAX_ATTEMPTS = 6  # then the message is marked failed and shown to admins at /admin/mail
    MAIL_RETRY_SECONDS = 30  # wait after the first failed attempt; x4 after each next one (max 6 h)
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


def engine_options(url: str, options: dict) -> dict:
    """Survive a database that went away: test a pooled connection before use (it may have
    died while idle), and on PostgreSQL give up connecting after DATABASE_CONNECT_TIMEOUT
    seconds, so a request during an outage gets the 503 page quickly instead of hanging."""
    options = {"pool_pre_ping": True, **options}
    if url.startswith("postgresql"):
        timeout = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", 5))
        options["connect_args"] = {"connect_timeout": timeout, **options.get("connect_args", {})}
    return options
