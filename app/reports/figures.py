"""Monthly and annual figures 客户投诉处理月报表 / 年报表 (docs/rules.md §2.7), for one branch or all.

``figures(period, branch_code=None)`` reads the cases received in the period and answers a JSON-able dict.
Definitions (the report prints them in its notes, and the tests count them independently):

- population: cases received in the period (local time of the policy), misconduct reports excluded (R2),
  voided cases excluded (their numbers are accounted for in the number reconciliation);
- counts by kind, category, channel, department complained about and origin over the population; by
  severity over the complaints;
- established rate: complaints whose latest conclusion is established / complaints with a conclusion;
- acknowledged in time: acknowledged (receipt given or customer reached) no later than ``acknowledge_by`` /
  cases with an ``acknowledge_by`` that were acknowledged or whose deadline has passed;
- replied in time: replied no later than ``reply_by`` / cases replied, plus cases still open, not paused and
  past ``reply_by`` without a reply (those count as late);
- revisit rate: complaints with a revisit / complaints with a reply; satisfaction rate: satisfied or
  basically satisfied revisits / all revisits of the population's cases (every round);
- average handling time: received to closed, over the cases closed (normally or not);
- repeat complainants: the same mobile with two or more cases in the population;
- notices issued in the period (of the population's branches, not of misconduct reports): issued,
  verified, failed verifications, overdue (feedback missing past ``feedback_by``, or given after it);
- top causes: the cause of the latest conclusion, most frequent first.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee
from peewee import fn

from app import i18n
from app.rules import access, policy as policy_module, workflow
from app.errors import InvalidInput
from models import Branch, Case, Conclusion, RectificationNotice, Reply, Revisit
from models.entities import utcnow

i18n.register({
    "use YYYY-MM (a month) or YYYY (a year)": "请使用 YYYY-MM（月份）或 YYYY（年份）",
})

PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")
KINDS = ("complaint", "inquiry", "suggestion", "help")
SEVERITIES = ("major", "general")
ORIGINS = ("routine", "discovered", "collective")
SATISFACTIONS = ("satisfied", "basic", "dissatisfied")
SATISFIED = ("satisfied", "basic")  # satisfied or basically satisfied
TOP_CAUSES = 10
NO_DEPARTMENT = ""


@dataclass(frozen=True)
class Period:
    """A month or a year in local time: [start, end)."""

    text: str
    year: int
    month: int | None
    start: datetime
    end: datetime

    @property
    def is_month(self) -> bool:
        return self.month is not None

    @property
    def title(self) -> str:
        return f"{self.year}年{self.month}月" if self.month else f"{self.year}年度"


def parse_period(text: str, zone: ZoneInfo | str | None = None) -> Period:
    if isinstance(zone, str) or zone is None:
        zone = ZoneInfo(zone or policy_module.load_policy().timezone)
    match = PERIOD.match((text or "").strip())
    month = int(match.group("month")) if match and match.group("month") else None
    if not match or (month is not None and not 1 <= month <= 12):
        raise InvalidInput("use YYYY-MM (a month) or YYYY (a year)", field="--period")
    year = int(match.group("year"))
    if month is None:
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
    else:
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1)
    to_instant = lambda d: datetime(d.year, d.month, d.day, tzinfo=zone)  # noqa: E731
    return Period(text.strip(), year, month, to_instant(start), to_instant(end))


def previous_month(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _counter(values, order=()) -> dict:
    counts = Counter(values)
    out = {key: counts.get(key, 0) for key in order}
    for key, value in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        if key not in out:
            out[key] = value
    return out


def population(period: Period, branch_code: str | None = None):
    """Cases of the period that count in complaint statistics (no misconduct report, no voided case)."""
    # only the columns the figures read: a whole case is 70 columns, and a month can hold 30,000 cases
    query = (Case.select(Case.id, Case.branch, Case.number, Case.kind, Case.origin, Case.channel, Case.category,
                         Case.severity, Case.state, Case.round, Case.mobile, Case.complainant_name,
                         Case.accused_department, Case.received_at, Case.acknowledge_by, Case.acknowledged_at,
                         Case.reply_by, Case.replied_at, Case.paused_at, Case.closed_at, Branch.code).join(Branch)
             .where((Case.received_at >= period.start) & (Case.received_at < period.end)
                    & (Case.kind != "report") & (Case.state != "voided")))
    if branch_code:
        query = query.where(Branch.code == branch_code)
    return query


def latest_conclusions(case_ids: list[int]) -> dict[int, Conclusion]:
    out: dict[int, Conclusion] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        for c in (Conclusion.select(Conclusion.id, Conclusion.case, Conclusion.round, Conclusion.established,
                                    Conclusion.cause)
                  .where(Conclusion.case.in_(chunk)).order_by(Conclusion.round, Conclusion.id)):
            out[c.case_id] = c  # the last one wins
    return out


def figures(period: Period | str, branch_code: str | None = None, *, now: datetime | None = None) -> dict:
    """Every figure of the report for ``period`` (one branch, or all when ``branch_code`` is None)."""
    policy = policy_module.load_policy()
    zone = ZoneInfo(policy.timezone)
    if isinstance(period, str):
        period = parse_period(period, zone)
    now = now or utcnow()
    as_of = now  # deadlines still open are judged as of now
    cases = list(population(period, branch_code))
    ids = [c.id for c in cases]
    complaints = [c for c in cases if c.kind == "complaint"]
    conclusions = latest_conclusions(ids)

    concluded = [c for c in complaints if c.id in conclusions]
    established = [c for c in concluded if conclusions[c.id].established]

    # acknowledged, or past the deadline without it (a deadline still running is not judged yet)
    with_ack = [c for c in cases if c.acknowledge_by is not None
                and (c.acknowledged_at is not None or c.acknowledge_by < as_of)]
    ack_in_time = [c for c in with_ack if c.acknowledged_at is not None and c.acknowledged_at <= c.acknowledge_by]

    # replied in time, revisit and satisfaction: one definition (``rate_counts``), shared with the overview of
    # the branches, which counts them for every branch at once
    counted = rate_counts(period, as_of, branch_code=branch_code).get(None, empty_counts())
    rated = rate_figures(counted)
    satisfaction = _counter(counted["satisfaction"], SATISFACTIONS)

    closed = [c for c in cases if c.state in ("closed", "closed_abnormal") and c.closed_at is not None]
    hours = [(c.closed_at - c.received_at).total_seconds() / 3600 for c in closed]
    average_hours = round(sum(hours) / len(hours), 1) if hours else None

    by_mobile = Counter(c.mobile for c in cases if c.mobile)
    repeat = sorted(((m, n) for m, n in by_mobile.items() if n >= 2), key=lambda mn: (-mn[1], mn[0]))
    repeat_rows = []
    for mobile, count in repeat:
        numbers = sorted(c.number for c in cases if c.mobile == mobile)
        names = sorted({c.complainant_name for c in cases if c.mobile == mobile})
        repeat_rows.append({"mobile": access.mask("mobile", mobile), "name": access.mask("name", names[0]) if names else "",
                            "cases": count, "numbers": numbers})

    notice_query = (RectificationNotice.select(RectificationNotice, Case.kind).join(Case)
                    .switch(RectificationNotice).join(Branch, on=(RectificationNotice.branch == Branch.id))
                    .where((RectificationNotice.issued_at >= period.start) & (RectificationNotice.issued_at < period.end)
                           & (Case.kind != "report")))
    if branch_code:
        notice_query = notice_query.where(Branch.code == branch_code)
    notices = list(notice_query)
    overdue = [n for n in notices if (n.feedback_at is None and n.feedback_by < as_of)
               or (n.feedback_at is not None and n.feedback_at > n.feedback_by)]
    notice_figures = {
        "issued": len(notices),
        "follow_ups": sum(1 for n in notices if n.follows_id is not None),
        "reported": sum(1 for n in notices if n.state == "reported"),
        "verified": sum(1 for n in notices if n.state == "verified"),
        "failed": sum(1 for n in notices if n.state == "failed"),
        "open": sum(1 for n in notices if n.state in ("issued", "reported")),
        "overdue": len(overdue),
        "overdue_numbers": sorted(n.number for n in overdue),
    }

    causes = Counter(conclusions[c.id].cause.strip() for c in cases if c.id in conclusions and conclusions[c.id].cause.strip())
    top_causes = [{"cause": cause, "cases": n} for cause, n in
                  sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CAUSES]]

    branches = sorted({c.branch.code for c in cases})
    return {
        "period": period.text,
        "title": period.title,
        "from": period.start.isoformat(timespec="seconds"),
        "to": period.end.isoformat(timespec="seconds"),
        "as_of": as_of.astimezone(zone).isoformat(timespec="seconds"),
        "branch": branch_code,
        "branches": branches,
        "total": len(cases),
        "complaints": len(complaints),
        "closed": len(closed),
        "closed_abnormal": sum(1 for c in closed if c.state == "closed_abnormal"),
        "open": sum(1 for c in cases if c.state in workflow.OPEN_STATES),
        "deferred": sum(1 for c in cases if c.state == "deferred"),
        "second_round": sum(1 for c in cases if c.round >= 2),
        "by_kind": _counter([c.kind for c in cases], KINDS),
        "by_category": _counter([c.category for c in cases], policy.categories),
        "by_channel": _counter([c.channel for c in cases]),
        "by_department": _counter([c.accused_department or NO_DEPARTMENT for c in cases]),
        "by_severity": _counter([c.severity for c in complaints if c.severity], SEVERITIES),
        "by_origin": _counter([c.origin for c in cases], ORIGINS),
        "by_branch": _counter([c.branch.code for c in cases]),
        "established": {"concluded": len(concluded), "established": len(established),
                        "rate": rate(len(established), len(concluded))},
        "acknowledged_in_time": {"due": len(with_ack), "in_time": len(ack_in_time),
                                 "rate": rate(len(ack_in_time), len(with_ack))},
        "replied_in_time": rated["replied_in_time"],
        "revisit": rated["revisit"],
        "satisfaction": {"revisits": rated["satisfaction"]["revisits"], **satisfaction,
                         "rate": rated["satisfaction"]["rate"]},
        "average_handling_hours": average_hours,
        "repeat_complainants": {"count": len(repeat_rows), "rows": repeat_rows},
        "notices": notice_figures,
        "top_causes": top_causes,
    }


# --- the rates as SQL: for one branch, all, or every branch at once -----------------------------------------------


def overdue_condition(as_of: datetime):
    """A case late at ``as_of``: still open, not replied, not paused as a pending matter, and past its reply
    deadline (the register's "overdue", and the late cases still open of "replied in time")."""
    return (Case.state.in_(workflow.OPEN_STATES) & Case.replied_at.is_null() & Case.paused_at.is_null()
            & Case.reply_by.is_null(False) & (Case.reply_by < as_of))


def count_if(condition):
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END): a count inside a GROUP BY, on SQLite and PostgreSQL alike."""
    return fn.SUM(peewee.Case(None, ((condition, 1),), 0))


def population_condition(period: Period):
    """``population`` as a condition on ``Case``: received in the period, no misconduct report, not voided."""
    return ((Case.received_at >= period.start) & (Case.received_at < period.end)
            & (Case.kind != "report") & (Case.state != "voided"))


def empty_counts() -> dict:
    return {"in_time": 0, "late": 0, "overdue_unreplied": 0, "replied": 0, "revisited": 0, "satisfaction": {}}


def rate_counts(period: Period, as_of: datetime, *, branch_code: str | None = None,
                by_branch: bool = False) -> dict:
    """What the rates of replies in time, revisits and satisfaction count, over the population of ``period``:
    ``{key: {"in_time", "late", "overdue_unreplied", "replied", "revisited", "satisfaction": {value: n}}}``,
    the key a branch's id with ``by_branch`` (every branch in the same two queries), else None.

    - replied in time: replied no later than ``reply_by``; late: replied after it; overdue unreplied: still
      open and past it without a reply (``overdue_condition``);
    - replied: complaints with a reply; revisited: those of them with a revisit;
    - satisfaction: every revisit (every round) of the population's cases, by its value."""
    where = population_condition(period)
    if branch_code:
        where &= Case.branch.in_(Branch.select(Branch.id).where(Branch.code == branch_code))
    key = [Case.branch] if by_branch else []
    replied_at_all = Case.reply_by.is_null(False) & Case.replied_at.is_null(False)
    # EXISTS, probed per case through the index on case_id: an IN (SELECT case_id FROM reply) would hash every
    # reply of the database (millions at headquarters) for the cases of one month
    has_reply = fn.EXISTS(Reply.select(peewee.SQL("1")).where(Reply.case == Case.id))
    has_revisit = fn.EXISTS(Revisit.select(peewee.SQL("1")).where(Revisit.case == Case.id))
    complaint_replied = (Case.kind == "complaint") & has_reply
    out: dict = {}
    query = (Case.select(*key,
                         count_if(replied_at_all & (Case.replied_at <= Case.reply_by)).alias("in_time"),
                         count_if(replied_at_all & (Case.replied_at > Case.reply_by)).alias("late"),
                         count_if(overdue_condition(as_of)).alias("overdue_unreplied"),
                         count_if(complaint_replied).alias("replied"),
                         count_if(complaint_replied & has_revisit).alias("revisited"))
             .where(where))
    if by_branch:
        query = query.group_by(Case.branch)
    for row in query.dicts():
        at = row.pop("branch", None)
        out[at] = {**empty_counts(), **{k: int(v or 0) for k, v in row.items()}}
    revisits = (Revisit.select(*key, Revisit.satisfaction, fn.COUNT(Revisit.id).alias("n"))
                .join(Case, on=(Revisit.case == Case.id)).where(where)
                .group_by(*key, Revisit.satisfaction))
    for row in revisits.dicts():
        at = row.get("branch")
        entry = out.setdefault(at, empty_counts())
        entry["satisfaction"][row["satisfaction"]] = int(row["n"])
    return out


def rate_figures(counts: dict) -> dict:
    """The rates of ``rate_counts``' counts as the report shows them (numerators, denominators and rate)."""
    due = counts["in_time"] + counts["late"] + counts["overdue_unreplied"]
    revisits = sum(counts["satisfaction"].values())
    satisfied = sum(n for value, n in counts["satisfaction"].items() if value in SATISFIED)
    return {
        "replied_in_time": {"due": due, "in_time": counts["in_time"], "late": counts["late"],
                            "overdue_unreplied": counts["overdue_unreplied"], "rate": rate(counts["in_time"], due)},
        "revisit": {"replied": counts["replied"], "revisited": counts["revisited"],
                    "rate": rate(counts["revisited"], counts["replied"])},
        "satisfaction": {"revisits": revisits, "satisfied_or_basic": satisfied, "rate": rate(satisfied, revisits)},
    }
