"""Who is acting: the signed-in user as a plain value, and the checks every service makes on it."""
from __future__ import annotations

from dataclasses import dataclass

from app import i18n
from app.errors import AuthError, NotAllowed
from models import User

i18n.register({
    "Change your password first ('user passwd').": "请先修改密码（user passwd）。",
    "Your account is no longer active.": "您的账户已停用。",
    "Your role may not do this.": "您的角色无权执行此操作。",
})


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    display_name: str
    role: str
    department: str | None
    branch_code: str
    supervisor: str | None = None
    must_change_password: bool = False

    @classmethod
    def of(cls, user: User) -> "Actor":
        return cls(
            id=user.id, username=user.username, display_name=user.display_name, role=user.role,
            department=user.department.name if user.department_id else None, branch_code=user.branch.code,
            supervisor=user.supervisor.username if user.supervisor_id else None,
            must_change_password=user.must_change_password,
        )


def current_user(actor: Actor, *, allow_password_change: bool = False) -> User:
    """Reload the acting user (roles may have changed since sign-in) and refuse a stale or unfinished account."""
    user = User.get_or_none(User.id == actor.id)
    if user is None or not user.active:
        raise AuthError("Your account is no longer active.")
    if user.must_change_password and not allow_password_change:
        raise AuthError("Change your password first ('user passwd').")
    return user


def require_role(user: User, *roles: str) -> None:
    if user.role not in roles:
        raise NotAllowed("Your role may not do this.")
