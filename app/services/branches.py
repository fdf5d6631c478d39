"""Headquarters' overview of the branches 各机构概览 (``app.reports.overview``) as use cases, one transaction each.

Only a headquarters database has it, and only headquarters' roles see it (``access.HEADQUARTERS_ROLES``).
``overview`` is also what the benchmark times: ``overview(actor, now=...)`` builds the whole view.
"""
from __future__ import annotations

from datetime import datetime

from app import i18n
from app.errors import NotAllowed
from app.records import history
from app.reports import overview as overview_report
from app.rules import access
from app.rules.branch import local_branch
from app.services.actors import Actor, current_user, require_role
from models import transaction

i18n.register({
    "This is not a headquarters database.": "这不是总部数据库。",
})


def _headquarters_user(actor: Actor):
    user = current_user(actor)
    require_role(user, *access.HEADQUARTERS_ROLES)
    if not local_branch().is_hq:
        raise NotAllowed("This is not a headquarters database.")
    return user


def available(actor: Actor) -> bool:
    """Whether the user has the overview (a headquarters database, a headquarters role): the windows show its page
    only then."""
    with transaction():
        try:
            _headquarters_user(actor)
        except NotAllowed:
            return False
        return True


def overview(actor: Actor, *, now: datetime | None = None, period: str | None = None,
             silent_days: int | None = None) -> dict:
    """Every branch with its open, overdue and major open cases, its rates over ``period`` (YYYY-MM or YYYY; the
    current month by default), its last bundle and program version, and whether it is silent (no bundle for more
    than ``silent_days``, by default the setting)."""
    with transaction():
        user = _headquarters_user(actor)
        return overview_report.branch_overview(user, now=now, period=period, silent_days=silent_days)


def periods(actor: Actor, *, now: datetime | None = None) -> list[str]:
    """The rates' periods a window offers, by the core's clock: this month (the default) and the 11 before it, then
    this year and last year."""
    from zoneinfo import ZoneInfo

    from app.rules import policy as policy_module
    from models.entities import utcnow

    with transaction():
        _headquarters_user(actor)
        return overview_report.periods(now or utcnow(), ZoneInfo(policy_module.load_policy().timezone))


def silence_days(actor: Actor) -> int:
    with transaction():
        _headquarters_user(actor)
        return overview_report.silence_days()


def set_silence_days(actor: Actor, days: int) -> int:
    """From now on a branch is silent after ``days`` days without a bundle (for every headquarters user); the
    change is in the history with before and after."""
    with transaction():
        _headquarters_user(actor)
        before = overview_report.silence_days()
        after = overview_report.set_silence_days(days)
        if after != before:
            here = local_branch()
            history.record(actor.username, "setting", here.uuid, overview_report.SILENCE_SETTING, "set",
                           before={"days": before}, after={"days": after})
        return after
