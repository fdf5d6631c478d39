"""Sign-in and passwords. Passwords are hashed with Argon2id (memory-hard); the clear text is never stored.

Five failed sign-ins in a row lock the account for 15 minutes; the counter is saved even though the
sign-in is refused. A password set by an admin must be changed by its owner before anything else.
"""
from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app import i18n
from app.errors import AuthError, InvalidInput
from app.services.actors import Actor, current_user
from models import User, transaction
from models.entities import utcnow

i18n.register({
    "Unknown user or wrong password.": "用户名或密码错误。",
    "This account is locked after too many failed sign-ins; try again after {until}.": "登录失败次数过多，账户已锁定，请在 {until} 之后再试。",
    "must have at least {n} characters": "至少需要 {n} 个字符",
    "must differ from the current password": "不能与当前密码相同",
    "You may change only your own password; an admin resets others with 'user reset'.": "只能修改自己的密码；管理员可用 user reset 重置他人密码。",
})

MAX_FAILED = 5  # the defaults; policy "lockout" {"attempts", "minutes"} sets them per desk
LOCKOUT = timedelta(minutes=15)


def _lockout_rule() -> tuple[int, timedelta]:
    from app.rules.policy import load_policy

    try:
        rule = load_policy().lockout
        return int(rule["attempts"]), timedelta(minutes=int(rule["minutes"]))
    except Exception:  # an unreadable policy never weakens the lockout below the defaults
        return MAX_FAILED, LOCKOUT
MIN_LENGTH = 4

_hasher = PasswordHasher()  # Argon2id with the library's recommended cost


def use_hash_cost(time_cost: int, memory_cost_kib: int) -> None:
    """Set the Argon2 cost (the test suite lowers it to stay fast; hashes record their own parameters)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_new_password(password: str, field: str = "password") -> None:
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise InvalidInput("must have at least {n} characters", field=field, n=MIN_LENGTH)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sign_in(username: str, password: str) -> Actor:
    """Check the password and return the acting user. A refused sign-in raises AuthError."""
    now = utcnow()
    with transaction():
        user = User.get_or_none((User.username == username) & (User.active == True))  # noqa: E712
        if user is None:
            _hasher.hash(password or "-")  # same cost whether or not the user exists
            failure = AuthError("Unknown user or wrong password.")
        elif user.locked_until and user.locked_until > now:
            from zoneinfo import ZoneInfo

            until = user.locked_until.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M")
            failure = AuthError("This account is locked after too many failed sign-ins; try again after {until}.",
                                until=until)
        elif not _verify(user.password_hash, password or ""):
            user.failed_sign_ins += 1
            attempts, duration = _lockout_rule()
            if user.failed_sign_ins >= attempts:
                user.locked_until = now + duration
                user.failed_sign_ins = 0
            user.save()
            failure = AuthError("Unknown user or wrong password.")
        else:
            if user.failed_sign_ins or user.locked_until:
                user.failed_sign_ins = 0
                user.locked_until = None
                user.save()
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
                user.save()
            return Actor.of(user)
    raise failure


def change_password(actor: Actor, username: str, new_password: str) -> dict:
    """A user changes their own password (this also clears a forced change)."""
    check_new_password(new_password, "CDESK_NEW_PASSWORD")
    with transaction():
        user = current_user(actor, allow_password_change=True)
        if user.username != username:
            raise AuthError("You may change only your own password; an admin resets others with 'user reset'.")
        if _verify(user.password_hash, new_password):
            raise InvalidInput("must differ from the current password", field="CDESK_NEW_PASSWORD")
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.save()
        from app.records import history

        history.record(actor.username, "user", user.uuid, user.username, "passwd")
    return {"user": username, "must_change_password": False}
