"""/healthz (is the process alive?) and /readyz (can it serve: database, migrations, Redis).

Both are cheap, need no login, set no cookie and say nothing secret: no addresses, versions or
error texts, only "ok" and what is wrong in a word. A proxy or orchestrator polls them.
"""

import logging
from functools import cache
from pathlib import Path

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from participatie.extensions import csrf, db

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@cache
def _head_revisions() -> frozenset[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def _database() -> dict:
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not ready", the log has the details
        log.warning("readyz: the database does not answer", exc_info=True)
        return {"database": "unreachable", "migrations": "unknown"}
    try:
        with db.engine.connect() as conn:
            current = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except Exception:  # noqa: BLE001 - no alembic_version table: never migrated
        current = set()
    return {"database": "ok", "migrations": "ok" if current == _head_revisions() else "not at head"}


def _redis() -> str:
    url = current_app.config.get("REDIS_URL")
    if not url:
        return "not configured"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception:  # noqa: BLE001
        return "unreachable"
    return "ok"


def readiness() -> tuple[str, dict]:
    """("ready" | "degraded" | "not ready", the checks)."""
    checks = {**_database(), "redis": _redis()}
    if checks["database"] != "ok" or checks["migrations"] != "ok":
        return "not ready", checks
    return ("degraded" if checks["redis"] == "unreachable" else "ready"), checks


@bp.get("/readyz")
def readyz():
    status, checks = readiness()
    response = jsonify(status=status, checks=checks)
    response.status_code = 503 if status == "not ready" else 200
    response.cache_control.no_store = True
    return response


def register(app) -> None:
    app.register_blueprint(bp)
    csrf.exempt(bp)
