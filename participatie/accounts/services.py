"""Account use cases: register, confirm, log in by link, settings, roles, deletion."""

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from participatie.accounts import rules, signals, tokens
from participatie.accounts.models import AuditLog, ConsentEvent, ConsentKind, User, new_nonce, placeholder_email
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ops.mail import send_mail


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(email, display_name, *, password=None, role=Role.RESIDENT, locale="nl",
                verified=False, consent_notifications=False, department=None) -> User:
    """Insert a user; refuses an e-mail address that is already taken."""
    if find_by_email(email):
        raise DomainValidationError(_("There is already an account with this e-mail address."), field="email")
    user = User(email=normalise_email(email), display_name=display_name.strip(), role=Role(role),
                locale=locale, department=department)
    if password:
        user.set_password(password)
    if verified:
        user.email_verified_at = utcnow()
    db.session.add(user)
    if consent_notifications:
        set_consent(user, ConsentKind.NOTIFICATIONS, True)
    db.session.commit()
    return user


def set_consent(user: User, kind: ConsentKind, given: bool) -> None:
    """The one place a consent changes: the timestamp on the user and a line in their consent log.
    No commit: the caller commits with the change that caused it."""
    column = {ConsentKind.NOTIFICATIONS: "consent_notifications_at",
              ConsentKind.BUURTNETWERK: "consent_buurtnetwerk_at"}[kind]
    if (getattr(user, column) is not None) == given:
        return  # nothing changes, nothing to log
    setattr(user, column, utcnow() if given else None)
    db.session.add(ConsentEvent(user=user, kind=kind, given=given))


def register(email, display_name, password, *, locale="nl", consent_notifications=False) -> User:
    user = create_user(email, display_name, password=password, locale=locale,
                       consent_notifications=consent_notifications)
    send_confirmation(user)
    return user


def _external(endpoint: str, **values) -> str:
    base = current_app.config["SITE_URL"].rstrip("/")
    return base + url_for(endpoint, **values)


def send_confirmation(user: User) -> None:
    if user.is_deleted:
        return
    token = tokens.make("confirm", {"uid": user.id, "email": user.email})
    with force_locale(user.locale):
        send_mail(user.email, _("Confirm your e-mail address"),
                  render_template("mail/confirm.txt", user=user,
                                  link=_external("accounts.confirm", token=token)))


def confirm_email(token: str) -> User:
    data = tokens.read("confirm", token, current_app.config["CONFIRM_LINK_MAX_AGE"])
    user = db.session.get(User, data.get("uid"))
    if user is None or user.is_deleted or user.email != data.get("email"):
        raise tokens.LinkError(expired=False)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        db.session.commit()
    return user


def send_login_link(email: str) -> None:
    """Mail a one-time login link. Silent for unknown addresses (no account probing)."""
    user = find_by_email(email)
    if user is None or user.is_deleted:
        return
    token = tokens.make("login", {"uid": user.id, "n": user.login_nonce})
    with force_locale(user.locale):
        send_mail(user.email, _("Your login link"),
                  render_template("mail/login_link.txt", user=user,
                                  link=_external("accounts.login_link", token=token)))


def use_login_link(token: str) -> User:
    """Check a login link and spend it. Following it also proves the e-mail address."""
    data = tokens.read("login", token, current_app.config["LOGIN_LINK_MAX_AGE"])
    user = db.session.get(User, data.get("uid"))
    if user is None or user.is_deleted or user.login_nonce != data.get("n"):
        raise tokens.LinkError(expired=False)
    user.login_nonce = new_nonce()
    user.email_verified_at = user.email_verified_at or utcnow()
    record_login(user)
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_by_email(email)
    if user and user.is_active and user.check_password(password):
        record_login(user)
        return user
    return None


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: a deleted account ends every session it still has."""
    user = db.session.get(User, int(user_id))
    return None if user is None or user.is_deleted else user


def record_login(user: User) -> None:
    user.last_login_at = utcnow()
    db.session.commit()


def update_settings(user: User, *, display_name: str, locale: str, consent_notifications: bool,
                    email_frequency: str | None = None) -> None:
    user.display_name = display_name.strip()
    user.locale = locale if locale in current_app.config["LANGUAGES"] else "nl"
    if email_frequency in ("immediate", "daily"):
        user.email_frequency = email_frequency
    set_consent(user, ConsentKind.NOTIFICATIONS, bool(consent_notifications))
    db.session.commit()


def set_locale(user: User, locale: str) -> None:
    """Remember the language a logged-in visitor chose (the header switch)."""
    if locale in current_app.config["LANGUAGES"] and user.locale != locale:
        user.locale = locale
        db.session.commit()


def change_role(actor: User, user: User, role: str, *, department=None, wijk_ids=()) -> None:
    """Admins set roles; every change is written to the audit log."""
    if not rules.can_manage_roles(actor) or user.is_deleted:  # a deleted account stays a resident
        raise NotAllowed("change role")
    role = Role(role)
    old = (user.role, user.department, sorted(w.slug for w in user.wijken))
    user.role = role
    user.department = (department or "").strip() or None if role == Role.AMBASSADOR else None
    wijken = db.session.scalars(select(Wijk).where(Wijk.id.in_(wijk_ids))).all() if wijk_ids else []
    user.wijken = list(wijken) if role == Role.MAKELAAR else []
    new = (user.role, user.department, sorted(w.slug for w in user.wijken))
    if new != old:
        db.session.add(AuditLog(actor=actor, action="role_change", target_user=user,
                                details=f"{_describe(*old)} -> {_describe(*new)}"))
    db.session.commit()


def _describe(role, department, wijken) -> str:
    extra = department or ",".join(wijken)
    return f"{role}" + (f" ({extra})" if extra else "")


def users_page(page: int, per_page: int = 50):
    return db.paginate(select(User).order_by(User.id), page=page, per_page=per_page, error_out=False)


def audit_entries(limit: int = 50):
    return db.session.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)).all()


# --- deleting an account -------------------------------------------------------------------

def deletion_blockers(user: User) -> list[str]:
    """Why this account cannot be deleted yet, in words for the person (empty: it can)."""
    reasons = []
    if user.role == Role.ADMIN and _active_admins() <= 1:
        reasons.append(_("You are the last administrator. First make someone else administrator."))
    reasons += [str(reason) for _receiver, reason in signals.deletion_blockers.send(user) if reason]
    return reasons


def _active_admins() -> int:
    query = select(func.count(User.id)).where(User.role == Role.ADMIN, User.deleted_at.is_(None))
    return db.session.scalar(query) or 0


def delete_account(actor: User, user: User, *, now=None) -> None:
    """Wipe the person's data; keep the row, so their ideas, answers and support stay coherent.

    Other domains clean up their own rows through signals.account_deleted, in this same
    transaction: one commit, and mail (a place freed on a waiting list) leaves only after it."""
    if not rules.can_delete_account(actor, user):
        raise NotAllowed("delete account")
    if reasons := deletion_blockers(user):
        raise NotAllowed(reasons[0])
    now = now or utcnow()
    details = f"{user.role} -> deleted" + ("" if actor.id == user.id else " (by admin)")
    _wipe(user, now)
    db.session.add(AuditLog(actor=actor, action="account_deleted", target_user=user, details=details))
    db.session.flush()
    signals.account_deleted.send(user, now=now)
    db.session.commit()


def expire_account(user: User, *, now) -> bool:
    """Retention: anonymise an account nobody used for years, like a deletion but by the site.
    Returns False (and changes nothing) while the account still holds work for others."""
    if user.is_deleted or deletion_blockers(user):
        return False
    _wipe(user, now)
    db.session.add(AuditLog(actor=None, action="account_expired", target_user=user,
                            details="inactive; warned " + (user.retention_warned_at or now).date().isoformat()))
    db.session.flush()
    signals.account_deleted.send(user, now=now)
    db.session.commit()
    return True


def _wipe(user: User, now) -> None:
    user.email = placeholder_email(user.id)  # unique, and no mail can reach it
    user.display_name = ""
    user.password_hash = None
    user.email_verified_at = None
    user.consent_notifications_at = user.consent_buurtnetwerk_at = None
    db.session.execute(delete(ConsentEvent).where(ConsentEvent.user_id == user.id))
    user.department = None
    user.wijken = []
    user.role = Role.RESIDENT
    user.login_nonce = new_nonce()  # old login links die
    user.last_login_at = None
    user.deleted_at = now
