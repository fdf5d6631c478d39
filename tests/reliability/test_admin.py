"""Account administration: an admin resets (never reads) a password, lifts a lockout, deactivates a user."""
from __future__ import annotations

import pytest

import models
from app.errors import AuthError, InvalidInput, NotAllowed, NotFound, RuleViolation
from app.services import admin, auth, cases
from tests.conftest import PASSWORD, sample_case


def lock(username: str) -> None:
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(AuthError):
            auth.sign_in(username, "wrong")
    with pytest.raises(AuthError) as info:
        auth.sign_in(username, PASSWORD)
    assert "locked" in str(info.value)


def test_reset_gives_an_initial_password_that_must_be_changed_and_lifts_the_lockout(desk):
    lock("h1")
    view = admin.reset_password(desk.admin, "h1", "temp-5678")
    assert view["must_change_password"] and view["active"]
    first = auth.sign_in("h1", "temp-5678")
    with pytest.raises(AuthError):
        cases.show_case(first, "BJ01-2026-00001")  # nothing before the change
    auth.change_password(first, "h1", "mine-9999")
    assert auth.sign_in("h1", "mine-9999").must_change_password is False
    with pytest.raises(AuthError):
        auth.sign_in("h1", PASSWORD)  # the old password is gone


@pytest.mark.parametrize("who", ["sup", "rec", "h2", "gm"])
def test_only_an_admin_resets_or_deactivates(desk, who):
    with pytest.raises(NotAllowed):
        admin.reset_password(getattr(desk, who), "h1", "temp-5678")
    with pytest.raises(NotAllowed):
        admin.deactivate_user(getattr(desk, who), "h1")
    assert auth.sign_in("h1", PASSWORD)


def test_reset_refusals(desk):
    with pytest.raises(NotFound):
        admin.reset_password(desk.admin, "nobody", "temp-5678")
    with pytest.raises(InvalidInput):
        admin.reset_password(desk.admin, "h1", "x")
    with pytest.raises(InvalidInput):
        admin.reset_password(desk.admin, "admin", "temp-5678")


def test_deactivate(desk):
    cases.register_case(desk.h1, sample_case())
    admin.deactivate_user(desk.admin, "h1")
    with pytest.raises(AuthError):
        auth.sign_in("h1", PASSWORD)
    with pytest.raises(AuthError):
        cases.show_case(desk.h1, "BJ01-2026-00001")  # a session signed in before is refused too
    assert models.Case.get(number="BJ01-2026-00001").receiver.username == "h1"  # records stay
    with pytest.raises(RuleViolation):
        admin.deactivate_user(desk.admin, "admin")
    # a reset brings the account back, with a password to change
    admin.reset_password(desk.admin, "h1", "temp-5678")
    assert auth.sign_in("h1", "temp-5678").must_change_password


def test_lockout_follows_the_policy(desk):
    from app.errors import AuthError
    from app.services import auth, setup

    setup.import_policy(desk.admin, {"lockout": {"attempts": 3, "minutes": 60}})
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.sign_in("rec", "wrong-password")
    assert auth.sign_in("rec", "pass-1234").username == "rec"  # two failures do not lock; success resets
    for _ in range(3):
        with pytest.raises(AuthError):
            auth.sign_in("rec", "wrong-password")
    with pytest.raises(AuthError) as locked:
        auth.sign_in("rec", "pass-1234")
    assert "locked" in locked.value.message
