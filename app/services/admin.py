"""Account administration by an admin: reset a user's password to a new initial one, deactivate a user.

An admin never reads a password: only Argon2id hashes are stored, and a reset sets a new initial password that
its owner must change at the next sign-in (``must_change_password``). A reset also lifts a lockout.
"""
from __future__ import annotations

from app import i18n
from app.records import history
from app.errors import InvalidInput, NotFound, RuleViolation
from app.services.actors import Actor, current_user, require_role
from app.services.auth import check_new_password, hash_password
from app.services.setup import user_view
from models import User, transaction

i18n.register({
    "no user named {name}": "没有名为 {name} 的用户",
    "Use 'user passwd' to change your own password.": "修改自己的密码请用 user passwd。",
    "You cannot deactivate your own account.": "不能停用自己的账户。",
    "{name} is the last active admin and cannot be deactivated.": "{name} 是最后一个在用的管理员，不能停用。",
})


def _target(username: str) -> User:
    user = User.get_or_none(User.username == (username or "").strip())
    if user is None:
        raise NotFound("no user named {name}", field="USER", name=username)
    return user


def reset_password(actor: Actor, username: str, new_password: str) -> dict:
    """Give ``username`` a new initial password that must be changed at the next sign-in; clears a lockout."""
    check_new_password(new_password, "CDESK_NEW_PASSWORD")
    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        user = _target(username)
        if user.id == admin.id:
            raise InvalidInput("Use 'user passwd' to change your own password.", field="USER")
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.failed_sign_ins = 0
        user.locked_until = None
        user.active = True
        user.save()
        # the history says who reset whom, never the password
        history.record(actor.username, "user", user.uuid, user.username, "reset",
                       after={"must_change_password": True, "unlocked": True})
    return user_view(user)


def deactivate_user(actor: Actor, username: str) -> dict:
    """Stop a user from signing in (their records and history stay)."""
    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        user = _target(username)
        if user.id == admin.id:
            raise RuleViolation("You cannot deactivate your own account.")
        if user.role == "admin" and user.active and not User.select().where(
                (User.role == "admin") & (User.active == True) & (User.id != user.id)).exists():  # noqa: E712
            raise RuleViolation("{name} is the last active admin and cannot be deactivated.", name=user.username)
        user.active = False
        user.save()
        history.record(actor.username, "user", user.uuid, user.username, "deactivate",
                       before={"active": True}, after={"active": False})
    return user_view(user)
