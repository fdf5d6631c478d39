"""What a change of the working-day calendar does to open cases 日历变更后重算期限.

When the calendar changes (an arrangement entered in Settings > Calendar, a policy file, headquarters'
policy bundle), every deadline of an open case or notice that is counted in days is computed again under
the new calendar: the reply deadline (replaying the round's pauses 未了事宜 and extensions in order), the
revisit deadline, and a notice's feedback deadline when it was the default one (a date the issuer set by
hand is kept). Each change is written into the case's history with before and after; documents already
printed with the old date (slip and receipt: reply deadline; revisit record: revisit deadline; notice:
feedback deadline) are listed for a reprint 补打.

Hour limits (escalate, acknowledge, determine) do not depend on the calendar and are left alone.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.records import history
from app.rules import deadlines, policy as policy_module, workflow
from app.rules.policy import Policy
from models import Approval, Branch, Case, History, PrintRecord, PendingMatter, RectificationNotice
from models.entities import utcnow

# the documents that print each deadline
PRINTED_ON = {"reply_by": ("slip", "receipt"), "revisit_by": ("revisit",), "feedback_by": ("notice",)}


def calendar_differs(before: Policy, after: Policy) -> bool:
    """True when the two policies may count a day-based deadline differently."""
    def key(p: Policy):
        return (sorted(p.holidays), sorted(p.workdays), sorted(p.arranged_years), p.extend_to_workday)
    return key(before) != key(after)


def reply_deadline(case: Case, policy: Policy) -> tuple[datetime | None, int | None]:
    """The round's reply deadline under ``policy`` and, while the clock is paused, what is left of it: from the
    round's start, with its pauses 未了事宜 and extensions applied in the order they happened (as the workflow
    applied them). (None, None) when the case has no reply limit."""
    limit = deadlines.reply_limit(case.kind, case.severity, policy)
    if limit is None:
        return None, None
    start = case.round_started_at or case.received_at
    reply_by = deadlines.apply_limit(start, limit, policy)
    extensions = policy.limits.get("reply_extensions", [])
    events = []
    for matter in PendingMatter.select().where((PendingMatter.case == case) & (PendingMatter.round == case.round)):
        events.append((matter.at, 0, "pause"))
        if matter.resumed_at is not None:
            events.append((matter.resumed_at, 1, "resume"))
    for approval in Approval.select().where((Approval.case == case) & (Approval.round == case.round)
                                            & (Approval.decision == "extend")).order_by(Approval.id):
        events.append((approval.at, 2, "extend"))
    remaining = None
    used = 0
    for at, _, what in sorted(events, key=lambda e: (e[0], e[1])):
        if what == "pause":
            remaining = deadlines.remaining_on_pause(reply_by, at, limit, policy)
        elif what == "resume":
            if remaining is not None:
                reply_by = deadlines.resume_reply_by(at, remaining, limit, policy)
            remaining = None
        elif what == "extend" and used < len(extensions):
            longer = deadlines.apply_limit(start, extensions[used], policy)
            used += 1
            if remaining is not None:
                remaining += deadlines.remaining_on_pause(longer, reply_by, limit, policy) or 0
            reply_by = max(reply_by, longer)
    return reply_by, remaining


def _utc(moment: datetime | None) -> str | None:
    return moment.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds") if moment else None


def _printed(number: str, documents: tuple[str, ...]) -> list[str]:
    return [d for d in documents if PrintRecord.select().where(
        (PrintRecord.number == number) & (PrintRecord.document == d)).exists()]


def recompute_open_deadlines(before: Policy, after: Policy, actor: str, *, reason: str,
                             now: datetime | None = None, force: bool = False) -> dict:
    """Compute again, under ``after``, the day-based deadlines of every open case and notice; record each
    change in the case's history (action ``deadlines_recomputed``, with ``reason``). Runs inside the caller's
    transaction. Returns {"changed": [...], "reprint": [...]} in the policy's time zone. ``force`` recomputes even
    when the two policies count alike (after a program update that changed how the calendar counts)."""
    zone = ZoneInfo(after.timezone)
    changed, reprint = [], []
    if not force and not calendar_differs(before, after):
        return {"changed": changed, "reprint": reprint}
    # only this desk's own cases: at headquarters the branches' cases are theirs to recompute (they come back
    # with the branch's next export), and changing them here would make conflicting versions
    local = Branch.get_or_none(Branch.is_local == True)  # noqa: E712
    if local is None:
        return {"changed": changed, "reprint": reprint}
    for case in (Case.select().where(Case.state.in_(workflow.OPEN_STATES) & (Case.branch == local))
                 .order_by(Case.id)):
        old = {"reply_by": case.reply_by, "revisit_by": case.revisit_by, "reply_remaining": case.reply_remaining}
        if case.reply_by is not None and case.replied_at is None:
            new_reply, remaining = reply_deadline(case, after)
            if new_reply is not None:
                case.reply_by = new_reply
                if case.paused_at is not None:  # what is left when the clock resumes, under the new calendar
                    case.reply_remaining = remaining
        if case.replied_at is not None:
            case.revisit_by = deadlines.revisit_deadline(case.replied_at, after)
        new = {"reply_by": case.reply_by, "revisit_by": case.revisit_by, "reply_remaining": case.reply_remaining}
        moved = [k for k in old if old[k] != new[k]]
        if not moved:
            continue
        case.updated_at = now or utcnow()  # headquarters gets the new deadline with the next export
        case.save()
        history.record(actor, "case", case.uuid, case.number, "deadlines_recomputed", round=case.round,
                       before={k: _utc(old[k]) if k != "reply_remaining" else old[k] for k in moved},
                       after={**{k: _utc(new[k]) if k != "reply_remaining" else new[k] for k in moved},
                              "reason": reason})
        for name in ("reply_by", "revisit_by"):
            if name in moved:
                item = {"number": case.number, "deadline": name,
                        "before": old[name].astimezone(zone).isoformat(timespec="seconds") if old[name] else None,
                        "after": new[name].astimezone(zone).isoformat(timespec="seconds") if new[name] else None}
                changed.append(item)
                documents = _printed(case.number, PRINTED_ON[name])
                if documents:
                    reprint.append({**item, "documents": documents})
    for notice in RectificationNotice.select().where(RectificationNotice.state.in_(("issued", "reported"))
                                                     & (RectificationNotice.branch == local)):
        if notice.feedback_by != deadlines.notice_feedback_deadline(notice.issued_at, before):
            continue  # a date the issuer chose is kept
        new_by = deadlines.notice_feedback_deadline(notice.issued_at, after)
        if new_by == notice.feedback_by:
            continue
        old_by = notice.feedback_by
        notice.feedback_by = new_by
        notice.save()
        history.record(actor, "notice", notice.uuid, notice.number, "deadlines_recomputed",
                       round=notice.case.round, before={"feedback_by": _utc(old_by)},
                       after={"feedback_by": _utc(new_by), "reason": reason})
        item = {"number": notice.number, "deadline": "feedback_by",
                "before": old_by.astimezone(zone).isoformat(timespec="seconds"),
                "after": new_by.astimezone(zone).isoformat(timespec="seconds")}
        changed.append(item)
        if _printed(notice.number, PRINTED_ON["feedback_by"]):
            reprint.append({**item, "documents": ["notice"]})
    return {"changed": changed, "reprint": reprint}


def reprints_due() -> list[dict]:
    """Printed documents that carry a deadline changed since they were printed, and not printed again: the
    reprint list 补打清单 of Settings > Calendar, whatever changed the calendar (the settings page, a policy file,
    headquarters' bundle)."""
    latest: dict[str, History] = {}
    for row in History.select().where((History.action == "deadlines_recomputed") & (History.origin == "")
                                      ).order_by(History.id):
        latest[row.ref] = row
    due = []
    for number, row in latest.items():
        documents = []
        for name in [k for k in (row.after or {}) if k in PRINTED_ON]:
            for document in PRINTED_ON[name]:
                last = (PrintRecord.select(PrintRecord.printed_at)
                        .where((PrintRecord.number == number) & (PrintRecord.document == document))
                        .order_by(PrintRecord.id.desc()).first())
                if last is not None and last.printed_at <= row.at:  # printed before the change (same second: too)
                    documents.append(document)
            if documents:
                due.append({"number": number, "deadline": name, "before": row.before.get(name),
                            "after": row.after.get(name), "documents": documents,
                            "recomputed_at": row.at.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds")})
                documents = []
    return due


def apply_policy(actor_name: str, before, after, *, action: str, reason: str, now: datetime | None = None) -> dict:
    """Save ``after`` as the policy in force, record the change, and compute again the deadlines of open cases
    that depend on the calendar. Runs inside the caller's transaction; the one path every policy change takes
    (Settings > Calendar, ``policy import``, headquarters' policy bundle)."""
    policy_module.save_policy(after)
    history.record(actor_name, "policy", "policy", "policy", action, before=before.to_json(), after=after.to_json())
    return recompute_open_deadlines(before, after, actor_name, reason=reason, now=now)
