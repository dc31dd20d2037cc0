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
    LANGUAGES = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية"}
    RTL_LANGUAGES = ("ar",)

    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds it; an expired form is handled
    SESSION_COOKIE_SECURE = None  # None: Secure unless debugging or testing (see create_app)
    REMEMBER_COOKIE_SECURE = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    # gzip for pages, partials, JSON, GeoJSON, CSV and static files (phones on slow connections).
    # Behind a proxy that compresses (nginx `gzip on`), FLASK_COMPRESS_ENABLED=false leaves it to the proxy.
    COMPRESS_ENABLED = True
    COMPRESS_ALGORITHM = ["gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["gzip"]  # static files are streamed
    SEND_FILE_MAX_AGE_DEFAULT = 7 * 24 * 3600
    COMPRESS_LEVEL = 6
    COMPRESS_MIN_SIZE = 500
    COMPRESS_MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript",
                          "application/json", "application/geo+json", "text/calendar", "image/svg+xml",
                          "text/csv"]

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"  # REDIS_URL switches this to Redis
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # Redis gone: count in memory, logged once
    RATELIMIT_SWALLOW_ERRORS = True  # a limiter problem never turns a page into a 500
    RATELIMIT_LOGIN = "10 per minute;50 per hour"  # per account tried + address (login, e-mail link)
    RATELIMIT_LOGIN_ADDRESS = "100 per minute;1000 per hour"  # per address, all accounts together
    # per address, all registrations together: a buurthuis evening registers 30 people on one wifi,
    # typos and second tries included
    RATELIMIT_REGISTER = "60 per minute;200 per hour"
    # per e-mail address typed + address (no mail storm to one inbox); confirmation mails per person
    RATELIMIT_REGISTER_ACCOUNT = "3 per minute;10 per hour"
    RATELIMIT_POST = "5 per minute;30 per hour"  # per person: ideas, sign-ups, tips for the social map
    RATELIMIT_SOCIALMAP = "20 per minute;200 per hour"  # per person: social-map entries, edits, imports
    RATELIMIT_SUPPORT = "60 per minute"  # per person
    RATELIMIT_FEEDBACK = "5 per hour"  # accessibility feedback, per address
    RATELIMIT_DATA_EXPORT = "5 per hour"  # "download my data", per person

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
    # Public pages as a visitor without an account sees them, kept per worker until anything
    # changes (web/pagecache.py); 0 (PAGE_CACHE_BYTES=0) renders every page afresh.
    PAGE_CACHE_BYTES = 8 * 1024 * 1024
    # Neighbours talk (participatie.reactions, moderation, ideas.photos)
    # 30 a page: on a phone fifty neighbours' reactions are a very long scroll, and drawing them
    # was half the cost of rendering an idea page (make bench: the idea with 200 reactions).
    REACTIONS_PER_PAGE = 30
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
    ARCHIVE_AFTER_DAYS = 90  # an open idea nobody supported in this many days goes to the archive (revivable)
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
    STORAGE_BACKEND = "database"  # photos and staged imports: "database" (every host, in backups) or "directory"
    STORAGE_DIR = None  # for "directory": a folder every web host mounts (default instance/storage)
    LOG_FORMAT = "json"  # or "text"
    LOG_LEVEL = "INFO"
    METRICS_ENABLED = False  # /metrics (Prometheus)
    METRICS_TOKEN = None  # when set, /metrics wants "Authorization: Bearer <token>"
    WEB_WORKERS = 1  # gunicorn workers on this host (env WEB_CONCURRENCY; docs/deploy/gunicorn.conf.py sets it)
    WEB_HOSTS = 1  # web hosts behind the proxy, for the production checks
    PROXY_HOPS = 0  # trusted proxies in front (nginx: 1); their X-Forwarded-For/-Proto/-Host are believed

    DEMO_PASSWORD = "demo-wachtwoord-2026"


ENV_KEYS = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "REDIS_URL": "REDIS_URL",
    "TILE_URL": "TILE_URL",
    "TILE_ATTRIBUTION": "TILE_ATTRIBUTION",
    "SITE_URL": "SITE_URL",
    "MAIL_SERVER": "MAIL_SERVER",
    "MAIL_PORT": "MAIL_PORT",
    "PROXY_HOPS": "PROXY_HOPS",
    "WEB_CONCURRENCY": "WEB_WORKERS",
    "WEB_HOSTS": "WEB_HOSTS",
    "PAGE_CACHE_BYTES": "PAGE_CACHE_BYTES",
    "STORAGE_BACKEND": "STORAGE_BACKEND",
    "STORAGE_DIR": "STORAGE_DIR",
    "LOG_FORMAT": "LOG_FORMAT",
    "LOG_LEVEL": "LOG_LEVEL",
    "METRICS_ENABLED": "METRICS_ENABLED",
    "METRICS_TOKEN": "METRICS_TOKEN",
}
INTEGER_KEYS = ("MAIL_PORT", "PROXY_HOPS", "WEB_WORKERS", "WEB_HOSTS", "PAGE_CACHE_BYTES")


def from_environment() -> dict:
    """Values from the environment that override file configuration."""
    values = {target: os.environ[name] for name, target in ENV_KEYS.items() if os.environ.get(name)}
    for key in INTEGER_KEYS:
        if key in values:
            values[key] = int(values[key])
    if "METRICS_ENABLED" in values:
        values["METRICS_ENABLED"] = values["METRICS_ENABLED"].lower() in ("1", "true", "yes", "on")
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


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0")


def unsafe_for_production(config) -> list[str]:
    """What makes this configuration unsafe in production (PARTICIPATIE_ENV=production); empty when fine."""
    from urllib.parse import urlsplit

    problems = []
    if config["SECRET_KEY"] == DEV_SECRET:
        problems.append("Set FLASK_SECRET_KEY: the development secret is not allowed in production.")
    if (urlsplit(config.get("SITE_URL") or "").hostname or "") in LOOPBACK_HOSTS:
        problems.append("Set SITE_URL to the public address (https://...): links in e-mails and QR codes "
                        "would point to this machine.")
    several = int(config.get("WEB_WORKERS") or 1) > 1 or int(config.get("WEB_HOSTS") or 1) > 1
    if several and config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        problems.append("SQLite serves one worker on one host: set DATABASE_URL to PostgreSQL, or run one "
                        "worker (WEB_CONCURRENCY=1, WEB_HOSTS=1).")
    if several and config.get("RATELIMIT_ENABLED", True) and config["RATELIMIT_STORAGE_URI"].startswith("memory"):
        problems.append("Rate limits in memory count per worker, so several workers or hosts multiply them: "
                        "set REDIS_URL, or run one worker (WEB_CONCURRENCY=1, WEB_HOSTS=1).")
    return problems
