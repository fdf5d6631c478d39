"""Account administration by an admin: correct a user's name, department and supervisor, reset a user's password
to a new initial one, deactivate a user.

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
    "must not be empty": "不能为空",
    "must be a supervisor or admin": "必须是主管或管理员",
    "nobody is their own supervisor": "不能把本人设为自己的主管",
})


def edit_user(actor: Actor, username: str, *, display_name: str, department: str | None = None,
              supervisor: str | None = None) -> dict:
    """An admin corrects a user's display name, department and supervisor (the role and the user name stay: they
    are in every history row). Recorded with before and after; a bad value names its field and nothing changes."""
    from app.services.setup import department_named

    display_name = (display_name or "").strip()
    if not display_name:
        raise InvalidInput("must not be empty", field="display_name")
    with transaction():
        admin = current_user(actor)
        require_role(admin, "admin")
        user = _target(username)
        boss = None
        if supervisor:
            boss = User.get_or_none(User.username == supervisor)
            if boss is None:
                raise NotFound("no user named {name}", field="supervisor", name=supervisor)
            if boss.id == user.id:
                raise InvalidInput("nobody is their own supervisor", field="supervisor")
            if boss.role not in ("supervisor", "admin", "general_manager"):
                raise InvalidInput("must be a supervisor or admin", field="supervisor")
        before = user_view(user)
        user.display_name = display_name
        user.department = department_named(admin.branch, department, create=True)
        user.supervisor = boss
        user.save()
        after = user_view(user)
        keys = ("display_name", "department", "supervisor")
        if any(before[k] != after[k] for k in keys):
            history.record(actor.username, "user", user.uuid, user.username, "edit",
                           before={k: before[k] for k in keys}, after={k: after[k] for k in keys})
    return after


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
