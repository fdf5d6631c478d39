"""Reads and set-up steps the windows need beyond the core services (owned by the desk UI, no Qt here).

One function per need; each is a plain read or one ``transaction()``. The windows never touch models or SQL
themselves.
"""
from __future__ import annotations

from pathlib import Path

import models
from models import Branch


def open_database(target: str | Path) -> None:
    """Open (and create or migrate) the database the desk works on, for this thread and the workers."""
    models.init_db(target)


def close_database() -> None:
    models.close_db()


def release_connection() -> None:
    """Close the calling thread's connection (a background worker calls this when its function returns)."""
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()


def is_set_up() -> bool:
    """Whether the open database belongs to a branch yet (otherwise the desk runs its first-run set-up)."""
    return Branch.select().where(Branch.is_local == True).exists()  # noqa: E712


def local_branch() -> dict | None:
    branch = Branch.get_or_none(Branch.is_local == True)  # noqa: E712
    if branch is None:
        return None
    return {"code": branch.code, "name": branch.name, "hq": branch.is_hq}


# --- small ledgers the windows show in full -----------------------------------------------------------------


def pending_matters(actor, *, follow_up_before: str | None = None) -> list[dict]:
    """The pending-matters ledger 未了事宜台帐: cases waiting now, with the reason and the follow-up date."""
    from zoneinfo import ZoneInfo

    from app import policy as policy_module
    from app.services.actors import current_user
    from app.services.queries import visible_cases
    from models import Case, PendingMatter, User

    user = current_user(actor)
    zone = ZoneInfo(policy_module.load_policy().timezone)
    cases = visible_cases(user).where(Case.state == "deferred")
    out = []
    for case in cases.order_by(Case.year, Case.seq):
        matter = (PendingMatter.select().where((PendingMatter.case == case) & PendingMatter.resumed_at.is_null())
                  .order_by(PendingMatter.id.desc()).first())
        if matter is None:
            continue
        if follow_up_before and matter.follow_up.isoformat() >= follow_up_before:
            continue
        handler = User.get_or_none(User.id == case.handler_id) if case.handler_id else None
        out.append({
            "number": case.number, "complainant": case.complainant_name, "mobile": case.mobile,
            "summary": case.summary or case.reason, "reason": matter.reason,
            "since": matter.at.astimezone(zone).isoformat(timespec="seconds"),
            "follow_up": matter.follow_up.isoformat(), "handler": handler.display_name if handler else "",
        })
    out.sort(key=lambda r: r["follow_up"])
    return out


def notice_ledger(actor, *, open_only: bool = False) -> list[dict]:
    """The rectification ledger 整改台帐: every notice the user may see, newest first."""
    from zoneinfo import ZoneInfo

    from app import policy as policy_module, workflow
    from app.services.actors import current_user
    from app.services.cases import deadline_status
    from models import RectificationNotice
    from models.entities import utcnow

    user = current_user(actor)
    zone = ZoneInfo(policy_module.load_policy().timezone)
    now = utcnow()
    query = RectificationNotice.select().order_by(RectificationNotice.year.desc(), RectificationNotice.seq.desc())
    if open_only:
        query = query.where(RectificationNotice.state.in_(("issued", "reported")))
    out = []
    for notice in query:
        if not workflow.can_see(user, notice.case):
            continue
        out.append({
            "number": notice.number, "case": notice.case.number, "department": notice.department,
            "problem": notice.problem, "state": notice.state,
            "issued_at": notice.issued_at.astimezone(zone).isoformat(timespec="seconds"),
            "feedback_by": notice.feedback_by.astimezone(zone).isoformat(timespec="seconds"),
            "status": deadline_status(notice.feedback_by, now, done=notice.state != "issued", paused=False),
            "follows": notice.follows.number if notice.follows_id else None,
        })
    return out
