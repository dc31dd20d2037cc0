"""Participatie: ideas and dreams for the neighbourhood, and the city's answer."""

import logging
import os
from pathlib import Path

from flask import Flask, g

from participatie import clock
from participatie import config as config_module
from participatie.extensions import babel, compress, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=os.environ.get("PARTICIPATIE_INSTANCE", str(ROOT / "instance")),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    _configure(app, test_config)
    _guard_input(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_hooks(app)
    _trust_proxies(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind PROXY_HOPS proxies, the client's address, scheme and host come from X-Forwarded-*."""
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _configure(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(config_module.Config)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_TILE_URL, ...
    app.config.update(config_module.from_environment())
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    uri = app.config.get("SQLALCHEMY_DATABASE_URI")
    if not uri:
        uri = f"sqlite:///{Path(app.instance_path) / 'participatie.sqlite'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = config_module.normalise_database_url(uri)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = config_module.engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"], app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    if app.config.get("REDIS_URL") and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    _refuse_unsafe_production(app)
    if app.config["SESSION_COOKIE_SECURE"] is None:  # Flask's own default is False: decide here
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    if app.config["REMEMBER_COOKIE_SECURE"] is None:
        app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]


def _refuse_unsafe_production(app: Flask) -> None:
    """In production, refuse to start with unsafe values and say every reason at once."""
    if os.environ.get("PARTICIPATIE_ENV") != "production":
        return
    problems = config_module.unsafe_for_production(app.config)
    if clock.time_travel():
        problems.append(f"{clock.TIME_TRAVEL_ENV} is for demo walks only, never in production.")
    if problems:
        raise RuntimeError("Participatie refuses to start in production:\n- " + "\n- ".join(problems))
    if app.config["RATELIMIT_STORAGE_URI"].startswith("memory"):
        logging.getLogger(__name__).warning(
            "Rate limits are counted in memory: right only for ONE worker on ONE host. Run gunicorn with "
            "docs/deploy/gunicorn.conf.py (it sets WEB_CONCURRENCY) or set REDIS_URL.")


def _guard_input(app: Flask) -> None:
    from participatie.web import input as web_input

    web_input.register(app)  # before the blueprints: their <int:...> rules use its converter


def _init_extensions(app: Flask) -> None:
    from participatie.web import i18n
    from participatie.accounts import services as accounts_services

    db.init_app(app)
    import participatie.models  # noqa: F401  (every table registered before Alembic looks)

    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"),
                     render_as_batch=True, compare_type=True)
    babel.init_app(app, locale_selector=i18n.select_locale,
                   default_translation_directories=str(ROOT / "translations"))
    csrf.init_app(app)
    if app.config["COMPRESS_ENABLED"]:
        compress.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.user_loader(accounts_services.load_user)  # None for a deleted account
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _sqlite_pragmas(app)


def _sqlite_pragmas(app: Flask) -> None:
    """WAL and a busy timeout, so concurrent requests wait instead of failing."""
    from sqlalchemy import event

    with app.app_context():
        @event.listens_for(db.engine, "connect")
        def _on_connect(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()


def _register_blueprints(app: Flask) -> None:
    from participatie.ops import cli, mail
    from participatie.web import errors, health, i18n, jinja, logs, metrics
    from participatie.web.b1_preview import bp as b1_bp
    from participatie.accounts.views import admin_bp, bp as accounts_bp
    from participatie.dashboard.views import bp as dashboard_bp
    from participatie.ideas.views import api_bp, bp as ideas_bp
    from participatie.notifications.views import bp as notifications_bp
    from participatie.notifications.views import following_bp
    from participatie.plainlanguage.cli import b1_cli
    from participatie.printing.views import bp as printing_bp
    from participatie.responses.views import bp as responses_bp
    from participatie.socialmap.views import bp as socialmap_bp
    from participatie.supports.views import bp as supports_bp

    for blueprint in (dashboard_bp, accounts_bp, admin_bp, ideas_bp, api_bp, supports_bp, responses_bp,
                      notifications_bp, following_bp, b1_bp, printing_bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(socialmap_bp)
    from participatie.conversations.views import bp as conversations_bp

    app.register_blueprint(conversations_bp)
    from participatie.moderation.views import bp as moderation_bp
    from participatie.reactions.views import bp as reactions_bp

    app.register_blueprint(reactions_bp)
    app.register_blueprint(moderation_bp)
    from participatie.privacy.views import bp as privacy_bp

    app.register_blueprint(privacy_bp)
    from participatie.regulations.views import bp as regulations_bp

    app.register_blueprint(regulations_bp)
    from participatie.opendata.views import bp as opendata_bp

    app.register_blueprint(opendata_bp)
    from participatie.insights.views import bp as insights_bp

    app.register_blueprint(insights_bp)
    from participatie.buurtnetwerk.views import bp as buurtnetwerk_bp

    app.register_blueprint(buurtnetwerk_bp)
    from participatie.ops.mail.views import bp as mail_admin_bp

    app.register_blueprint(mail_admin_bp)
    from participatie.departments.views import bp as departments_bp

    app.register_blueprint(departments_bp)
    mail.init_app(app)  # queue_mail: stored with its cause, handed on after the commit
    from participatie.ops import bench

    bench.register_baseline(app)  # /__bench/baseline, only when PARTICIPATIE_BENCH_BASELINE=1
    errors.register(app)
    logs.register(app)
    health.register(app)
    metrics.register(app)
    i18n.register(app)
    jinja.register(app)
    cli.register(app)
    app.cli.add_command(b1_cli)


def _register_hooks(app: Flask) -> None:
    from participatie.web.htmx import add_vary_header
    from participatie.web.security import add_security_headers, no_store_when_personal

    @app.after_request
    def _headers(response):
        add_vary_header(response)
        no_store_when_personal(response)
        if response.mimetype == "text/html":
            add_security_headers(response, app.config)
        return response

    @app.before_request
    def _nonce():
        g.pop("csp_nonce", None)
