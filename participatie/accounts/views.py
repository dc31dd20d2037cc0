"""Register, confirm, log in (password or e-mail link), log out, settings, delete; admin roles."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from participatie.accounts import rules, services, tokens
from participatie.accounts.forms import (
    AdminDeleteForm,
    LoginForm,
    LoginLinkForm,
    PasswordForm,
    RegisterForm,
    RoleForm,
    SettingsForm,
    delete_form_for,
)
from participatie.accounts.models import User, consent_log
from participatie.web.errors import NotAllowed, link_problem
from participatie.extensions import db, limiter
from participatie.web import ratelimit
from participatie.web.ratelimit import account_and_address, address, form_limit, person
from participatie.geo import services as geo
from participatie.web.i18n import select_locale
from participatie.web.input import page_number
from participatie.web.urls import safe_next

bp = Blueprint("accounts", __name__, url_prefix="/account")
admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


MAIL_TROUBLE = _l("We could not send the e-mail just now; we will try again. "
                  "Did nothing arrive after a few minutes? Ask for it again.")
LOGIN_LIMITS = (("RATELIMIT_LOGIN", account_and_address), ("RATELIMIT_LOGIN_ADDRESS", address))


@bp.route("/register", methods=["GET", "POST"])
@form_limit(("RATELIMIT_REGISTER", address), ("RATELIMIT_REGISTER_ACCOUNT", account_and_address))
def register():
    form = RegisterForm()
    if ratelimit.allowed(form.email) and form.validate_on_submit():
        # The same answer for a new address and a known one (its owner gets a mail): no login
        # here, the link in the mail logs the new account in.
        _user, mail_ok = services.register(form.email.data, form.display_name.data, form.password.data,
                                           locale=select_locale(),
                                           consent_notifications=form.consent_notifications.data)
        _mail_trouble(mail_ok)
        return redirect(url_for("accounts.check_mail"), 303)
    return render_template("accounts/register.html", form=form), ratelimit.status(form)


@bp.get("/check-mail")
def check_mail():
    return render_template("accounts/check_mail.html")


@bp.post("/confirm/resend")
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_REGISTER_ACCOUNT"], key_func=person)
def resend_confirmation():
    if not current_user.email_verified:
        _mail_trouble(services.send_confirmation(current_user))
    return redirect(url_for("accounts.check_mail"), 303)


def _mail_trouble(mail_ok: bool) -> None:
    if not mail_ok:
        flash(str(MAIL_TROUBLE), "error")


@bp.get("/confirm/<token>")
def confirm(token: str):
    try:
        user = services.confirm_email(token)
    except tokens.LinkError as exc:
        return link_problem(exc.expired)
    login_user(user)
    flash(_("Thank you! Your e-mail address is confirmed. You can now post and support ideas."), "ok")
    return redirect(url_for("dashboard.home"), 303)


@bp.route("/login", methods=["GET", "POST"])
@form_limit(*LOGIN_LIMITS)
def login():
    form, link_form = LoginForm(), LoginLinkForm(formdata=None)
    next_url = safe_next(request.args.get("next"))
    if ratelimit.allowed(form.email) and form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user:
            login_user(user)
            return redirect(next_url, 303)
        form.password.errors = [*form.password.errors,
                                _("This e-mail address and password do not match. Try again or ask for a login link.")]
    return render_template("accounts/login.html", form=form, link_form=link_form, next_url=next_url), (
        ratelimit.status(form))


@bp.post("/login-link")
@form_limit(*LOGIN_LIMITS)
def request_login_link():
    link_form, form = LoginLinkForm(), LoginForm(formdata=None)
    if ratelimit.allowed(link_form.email) and link_form.validate_on_submit():
        mail_ok = services.send_login_link(link_form.email.data)
        return render_template("accounts/check_mail.html", login_link=True,
                               mail_trouble=None if mail_ok else str(MAIL_TROUBLE))
    return render_template("accounts/login.html", form=form, link_form=link_form,
                           next_url=url_for("dashboard.home")), 429 if ratelimit.limited() else 422


@bp.get("/login/<token>")
def login_link(token: str):
    try:
        user = services.use_login_link(token)
    except tokens.LinkError as exc:
        return link_problem(exc.expired, login=True)
    login_user(user)
    flash(_("You are logged in."), "ok")
    return redirect(url_for("dashboard.home"), 303)


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        services.log_out(current_user)
    logout_user()
    flash(_("You are logged out."), "ok")
    return redirect(url_for("dashboard.home"), 303)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user, consent_notifications=current_user.consent_notifications_at is not None)
    if form.validate_on_submit():
        services.update_settings(current_user, display_name=form.display_name.data, locale=form.locale.data,
                                 consent_notifications=form.consent_notifications.data,
                                 email_frequency=form.email_frequency.data)
        flash(_("Your settings are saved."), "ok")
        return redirect(url_for("accounts.settings"), 303)
    consents = db.session.scalars(consent_log(current_user.id)).all()
    return render_template("accounts/settings.html", form=form, consents=consents), 422 if form.errors else 200


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], key_func=person, methods=["POST"])  # no guessing game
def password():
    user = current_user._get_current_object()
    form = PasswordForm(user)
    if form.validate_on_submit():
        services.change_password(user, form.password.data)
        login_user(user)  # this browser stays logged in; every other session has ended
        flash(_("Your new password is saved. On other devices you log in again."), "ok")
        return redirect(url_for("accounts.settings"), 303)
    return render_template("accounts/password.html", form=form), 422 if form.errors else 200


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], key_func=person, methods=["POST"])  # no guessing game
def delete_account():
    user = current_user._get_current_object()
    if not rules.can_delete_account(user, user):
        raise NotAllowed("delete account")
    blockers = services.deletion_blockers(user)
    form = delete_form_for(user)
    if blockers:
        return render_template("accounts/delete.html", form=form, blockers=blockers), (
            403 if request.method == "POST" else 200)
    if form.validate_on_submit():
        try:
            services.delete_account(user, user)
        except NotAllowed as exc:  # a blocker that came up meanwhile
            return render_template("accounts/delete.html", form=form, blockers=[str(exc)]), 403
        logout_user()
        flash(_("We have deleted your account. Thank you for taking part."), "ok")
        return redirect(url_for("dashboard.home"), 303)
    return render_template("accounts/delete.html", form=form, blockers=[]), 422 if form.errors else 200


@admin_bp.before_request
def _admins_only():
    """Every admin route: the role is checked before any id is looked up, so a non-admin gets the
    same 403 for an account that exists and one that does not."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not rules.is_admin(current_user):
        raise NotAllowed("admin")
    return None


@admin_bp.get("/users")
@login_required
def users():
    page = services.users_page(request.args.get("page", 1, type=page_number))
    return render_template("admin/users.html", page=page, audit=services.audit_entries())


@admin_bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@login_required
def user_role(user_id: int):
    user = db.get_or_404(User, user_id)
    form = RoleForm(obj=user, role=user.role.value, wijken=[w.id for w in user.wijken])
    form.wijken.choices = [(w.id, w.name) for w in geo.all_wijken()]
    if form.validate_on_submit():
        services.change_role(current_user, user, form.role.data, department=form.department.data,
                             wijk_ids=form.wijken.data or [])
        flash(_("The role of %(name)s is saved.", name=user.display_name), "ok")
        return redirect(url_for("admin.users"), 303)
    return render_template("admin/user_role.html", form=form, user=user), 422 if form.errors else 200


@admin_bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@login_required
def delete_user(user_id: int):
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        return redirect(url_for("accounts.delete_account"), 303)  # your own: with your password
    if not rules.can_delete_account(current_user, user):
        raise NotAllowed("delete account")
    blockers = services.deletion_blockers(user)
    form = AdminDeleteForm()
    if not blockers and form.validate_on_submit():
        services.delete_account(current_user, user)
        flash(_("We have deleted the account."), "ok")
        return redirect(url_for("admin.users"), 303)
    return render_template("accounts/delete_other.html", form=form, user=user, blockers=blockers), (
        422 if form.errors else 200)
