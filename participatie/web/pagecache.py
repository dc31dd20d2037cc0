"""Public pages as a visitor without an account sees them, rendered once and served again until
anything changes: an idea page with a long conversation costs eleven queries and a long template,
the same page from here one query and two string replacements.

One truth stays one truth because a page is kept under the *site generation*: one number in the
database that every transaction that writes something is raised by, in that same transaction
(just before its commit). A request reads the generation first and renders after it, so a page
kept under generation G holds data at least as new as G; the first request after a change misses
and renders afresh, on every worker and every host. What a page says about time ("nog 3 dagen")
moves on with the clock: the minute is part of the key, so no page is kept longer than a minute.

Only what is the same for every visitor is kept: GET, nobody logged in, no htmx partial, no
message waiting in the session, status 200. The two values that differ per visitor are swapped
in at serving: the CSRF token (htmx's header in base.html) and the CSP nonce of inline scripts.
"""

from collections import OrderedDict
from functools import wraps
from threading import Lock

from flask import current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy import BigInteger, DDL, Integer, event, inspect, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.web.htmx import is_htmx
from participatie.web.security import csp_nonce

CSRF_MARK = b"\x00csrf\x00"
NONCE_MARK = b"\x00nonce\x00"
WROTE = "pagecache_wrote"


class SiteGeneration(db.Model):
    """One row: raised by every transaction that writes something a page may show."""

    __tablename__ = "site_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


# A schema made by create_all (the tests) gets its row as Alembic's migration inserts it.
event.listen(SiteGeneration.__table__, "after_create",
             DDL("INSERT INTO site_generation (id, value) VALUES (1, 0)"))

# Writes that no public page shows: mail waiting to go out, job locks, the audit log and personal
# messages. Leaving them out keeps the pages kept while the mail ticks.
_NOT_SHOWN = frozenset({"outbox_messages", "job_locks", "audit_log", "notifications", "site_generation"})


def _holds_shown_changes(session) -> bool:
    """New, changed or deleted objects in the session that some page may show."""
    return any(getattr(o, "__tablename__", None) not in _NOT_SHOWN
               for objects in (session.new, session.dirty, session.deleted) for o in objects)


@event.listens_for(Session, "after_flush")
def _note_flush(session, _context) -> None:
    if _holds_shown_changes(session):  # still the flushed objects here
        session.info[WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state) -> None:
    """UPDATE/INSERT/DELETE written as statements (support counters, bulk changes)."""
    if not state.is_select and not state.is_column_load and not state.is_relationship_load:
        table = getattr(getattr(state.statement, "table", None), "name", None)
        if table not in _NOT_SHOWN:
            state.session.info[WROTE] = True


_HAS_TABLE: set[str] = set()


def _has_table(session) -> bool:
    """False on a database not yet upgraded (code deployed before `flask db upgrade`, a migration
    step that writes): then nothing is kept and nothing raised. A yes is remembered per database."""
    url = str(session.get_bind().url)
    if url not in _HAS_TABLE and inspect(session.connection()).has_table(SiteGeneration.__tablename__):
        _HAS_TABLE.add(url)
    return url in _HAS_TABLE


@event.listens_for(Session, "before_commit")
def _raise_generation(session) -> None:
    """The generation's row lock is taken last: the transaction's own rows are flushed first, so
    two transactions never wait for each other's rows and for this one row at the same time."""
    if _holds_shown_changes(session):
        session.flush()  # notes WROTE (after_flush)
    if session.info.pop(WROTE, False) and _has_table(session):
        session.execute(update(SiteGeneration).where(SiteGeneration.id == 1)
                        .values(value=SiteGeneration.value + 1))


@event.listens_for(Session, "after_transaction_end")
def _forget(session, transaction) -> None:
    if transaction.parent is None:  # a rolled-back transaction wrote nothing
        session.info.pop(WROTE, None)


def start_afresh() -> None:
    """After every row was deleted (the test suite empties each table): the row back, no page kept."""
    if generation() is None:
        db.session.add(SiteGeneration(id=1, value=0))
        db.session.commit()
    current_app.extensions.pop("pagecache", None)


def generation() -> int | None:
    if not _has_table(db.session):
        return None
    return db.session.scalar(select(SiteGeneration.value).where(SiteGeneration.id == 1))


class PageStore:
    """Pages of this process for one (generation, minute), newest last, within a byte budget.

    A page of an older generation or minute can never be served again, so the first page of a
    newer one lets all the others go: the store holds what is current, not what was."""

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size, self.epoch = max_bytes, 0, None
        self.pages: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
        self.lock = Lock()

    def get(self, epoch: tuple, key: tuple):
        with self.lock:
            page = self.pages.get(key) if epoch == self.epoch else None
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, epoch: tuple, key: tuple, page: tuple[bytes, str]) -> None:
        size = len(page[0])
        if size > self.max_bytes // 4:
            return
        with self.lock:
            if epoch != self.epoch:
                self.pages.clear()
                self.size, self.epoch = 0, epoch
            old = self.pages.pop(key, None)
            self.size += size - (len(old[0]) if old else 0)
            self.pages[key] = page
            while self.size > self.max_bytes:
                _, (body, _) = self.pages.popitem(last=False)
                self.size -= len(body)


def _store() -> PageStore | None:
    budget = current_app.config.get("PAGE_CACHE_BYTES", 0)
    if not budget:
        return None
    store = current_app.extensions.get("pagecache")
    if store is None:
        store = current_app.extensions["pagecache"] = PageStore(budget)
    return store


def _epoch_and_key() -> tuple[tuple, tuple] | None:
    """((generation, minute), the page's key), or None when this request must be rendered for
    this visitor alone."""
    if request.method != "GET" or is_htmx() or "_flashes" in session or current_user.is_authenticated:
        return None
    current = generation()
    if current is None:
        return None
    epoch = (current, utcnow().replace(second=0, microsecond=0))
    return epoch, (str(get_locale()), request.host_url, request.endpoint, request.full_path)


def _keep(store: PageStore, epoch: tuple, key: tuple, response) -> None:
    if response.status_code != 200 or response.direct_passthrough or "Set-Cookie" in response.headers:
        return  # an error, a stream, or a cookie for this visitor alone
    body = response.get_data()
    token, nonce = g.get("csrf_token"), g.get("csp_nonce")
    if token:
        body = body.replace(token.encode(), CSRF_MARK)
    if nonce:
        body = body.replace(nonce.encode(), NONCE_MARK)
    store.put(epoch, key, (body, response.mimetype))


def _serve(page: tuple[bytes, str]):
    body, mimetype = page
    if CSRF_MARK in body:
        body = body.replace(CSRF_MARK, generate_csrf().encode())
    if NONCE_MARK in body:
        body = body.replace(NONCE_MARK, csp_nonce().encode())
    response = current_app.response_class(body, mimetype=mimetype)
    response.headers["X-Page-Cache"] = "hit"
    return response


def for_visitors(view):
    """Keep this public page for visitors without an account (see the module's text)."""

    @wraps(view)
    def kept_view(*args, **kwargs):
        store = _store()
        asked = _epoch_and_key() if store is not None else None
        if asked is None:
            return view(*args, **kwargs)
        page = store.get(*asked)
        if page is not None:
            return _serve(page)
        response = make_response(view(*args, **kwargs))
        _keep(store, *asked, response)
        return response

    return kept_view
