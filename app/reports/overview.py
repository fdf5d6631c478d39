"""Headquarters' overview of the branches 各机构概览: one row per branch, read in a few set-based queries.

For every enrolled branch (``ExchangePeer`` of kind ``branch``), every other branch whose cases are stored here,
and headquarters' own cases if it has any:

- open cases, overdue cases (``figures.overdue_condition`` at ``now``: open, not replied, not paused, past the reply
  deadline, as the register's "overdue" filter) and major cases open, counted over the cases the user may see
  (``access.hidden_condition``), so a row's count is what the register shows for that branch;
- replied in time, revisit and satisfaction rates over the cases received in the period (the current month by
  default, or a month or year asked for), by the report's own definitions (``figures.rate_counts``, one GROUP BY branch for every branch);
- the last bundle imported from the branch (when, its sequence) and the program version its signed manifest named;
- whether the branch is silent: no bundle for more than N days (since enrolment when none came yet). N is the
  setting ``branch_silence_days`` (default 7: branches are expected to send their bundle every week), changed
  with ``branches silence DAYS`` or in the overview window, and given for one reading with ``--silent-days``.

Queries: the branches, the peers, the open cases grouped by branch, the two of ``rate_counts`` and the last
bundles; none per branch.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from peewee import fn

from app import i18n
from app.errors import InvalidInput
from app.reports import figures
from app.rules import access, policy as policy_module, workflow
from models import Branch, Case, ExchangeBundle, ExchangePeer, Setting
from models.db import database, is_sqlite
from models.entities import utcnow

i18n.register({
    "The number of days must be a whole number from {low} to {high}.": "天数必须是 {low} 到 {high} 之间的整数。",
})

SILENCE_SETTING = "branch_silence_days"
DEFAULT_SILENCE_DAYS = 7
SILENCE_RANGE = (1, 365)
# a version as the program writes it (pyproject's version: 0.1.0, 1.2.0rc1); anything else in a manifest is not shown
VERSION_TEXT = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}$")


def check_silence_days(days, field: str = "--silent-days") -> int:
    low, high = SILENCE_RANGE
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise InvalidInput("The number of days must be a whole number from {low} to {high}.", field=field,
                           low=low, high=high)
    return days


def silence_days() -> int:
    """How many days without a bundle make a branch silent (the setting, else the default)."""
    row = Setting.get_or_none(Setting.key == SILENCE_SETTING)
    value = row.value if row is not None else None
    if isinstance(value, int) and not isinstance(value, bool) and SILENCE_RANGE[0] <= value <= SILENCE_RANGE[1]:
        return value
    return DEFAULT_SILENCE_DAYS


def set_silence_days(days: int) -> int:
    days = check_silence_days(days, "days")
    Setting.insert(key=SILENCE_SETTING, value=days).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: days}).execute()
    return days


def last_received() -> dict[str, ExchangeBundle]:
    """The last bundle imported from each branch (the highest sequence: an older one is refused), by branch code;
    one query."""
    last = (ExchangeBundle.select(ExchangeBundle.branch_code, fn.MAX(ExchangeBundle.sequence).alias("top"))
            .where(ExchangeBundle.direction == "in").group_by(ExchangeBundle.branch_code).alias("last"))
    query = (ExchangeBundle.select(ExchangeBundle.branch_code, ExchangeBundle.sequence, ExchangeBundle.at,
                                   ExchangeBundle.file_name, ExchangeBundle.summary)
             .join(last, on=((ExchangeBundle.branch_code == last.c.branch_code)
                             & (ExchangeBundle.sequence == last.c.top)))
             .where(ExchangeBundle.direction == "in"))
    return {row.branch_code: row for row in query}


def silent_for(since: datetime, now: datetime, days: int) -> bool:
    """Silent: nothing received for more than ``days`` days since ``since`` (the last import, or the enrolment)."""
    return now - since > timedelta(days=days)


def version_of(bundle: ExchangeBundle | None) -> str | None:
    value = (bundle.summary or {}).get("app_version") if bundle is not None else None
    return value if isinstance(value, str) and VERSION_TEXT.match(value) else None


def default_period(now: datetime, zone: ZoneInfo) -> str:
    """The rates' period when none is asked: the current month (本月). A year is read on demand: at headquarters'
    scale (a million cases) its rates take seconds, where a month's take a fraction of one."""
    local = now.astimezone(zone)
    return f"{local.year:04d}-{local.month:02d}"


def periods(now: datetime, zone: ZoneInfo, months: int = 12, years: int = 2) -> list[str]:
    """The periods to choose from, as of ``now``: this month and the months before it, then this year and the
    years before it."""
    local = now.astimezone(zone)
    out, year, month = [], local.year, local.month
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out + [f"{local.year - n:04d}" for n in range(years)]


def branch_overview(user, *, now: datetime | None = None, period: str | None = None,
                    silent_days: int | None = None) -> dict:
    """The overview of every branch (see the module's docstring). ``user`` decides which cases are counted."""
    if not is_sqlite():
        # grouped reads of a few index probes each, which PostgreSQL estimates as costly: its JIT would spend a
        # second compiling them before a tenth of one running them (for this transaction only)
        database.execute_sql("SET LOCAL jit = off")
    policy = policy_module.load_policy()
    zone = ZoneInfo(policy.timezone)
    now = now or utcnow()
    days = silence_days() if silent_days is None else check_silence_days(silent_days)
    span = figures.parse_period(period or default_period(now, zone), zone)

    branches = {b.id: b for b in Branch.select(Branch.id, Branch.code, Branch.name, Branch.is_hq, Branch.is_local)}
    peers = {p.code: p for p in ExchangePeer.select().where(ExchangePeer.kind == "branch")}

    open_counts = {}
    query = (Case.select(Case.branch, fn.COUNT(Case.id).alias("open"),
                         figures.count_if(figures.overdue_condition(now)).alias("overdue"),
                         figures.count_if(Case.severity == "major").alias("major_open"))
             .where(Case.state.in_(workflow.OPEN_STATES) & ~access.hidden_condition(user))
             .group_by(Case.branch))
    for row in query.dicts():
        open_counts[row["branch"]] = {k: int(row[k] or 0) for k in ("open", "overdue", "major_open")}
    rates = figures.rate_counts(span, now, by_branch=True)
    bundles = last_received()

    codes: dict[str, int | None] = {peer: None for peer in peers}
    for branch_id in set(open_counts) | set(rates):
        branch = branches.get(branch_id)
        if branch is not None:
            codes[branch.code] = branch_id
    by_code = {b.code: b for b in branches.values()}
    rows, totals = [], {"open": 0, "overdue": 0, "major_open": 0, "counts": figures.empty_counts()}
    for code in sorted(codes):
        branch = by_code.get(code)
        branch_id = branch.id if branch is not None else None
        peer = peers.get(code)
        counts = open_counts.get(branch_id, {"open": 0, "overdue": 0, "major_open": 0})
        counted = rates.get(branch_id, figures.empty_counts())
        rated = figures.rate_figures(counted)
        last = bundles.get(code)
        since = last.at if last is not None else (peer.enrolled_at if peer is not None else None)
        silent = peer is not None and since is not None and silent_for(since, now, days)
        rows.append({
            "branch": code,
            "name": (branch.name if branch is not None else "") or (peer.name if peer is not None else "") or code,
            "headquarters": bool(branch is not None and branch.is_hq and branch.is_local),
            "enrolled": peer is not None,
            **counts,
            "replied_in_time": rated["replied_in_time"],
            "revisit": rated["revisit"],
            "satisfaction": rated["satisfaction"],
            "last_bundle": None if last is None else {
                "at": last.at.astimezone(zone).isoformat(timespec="seconds"), "sequence": last.sequence,
                "file": last.file_name},
            "version": version_of(last),
            "silent": silent,
            # whole days since the last bundle (since enrolment when none came yet); None for headquarters' own row
            "days_silent": (now - since).days if peer is not None and since is not None else None,
        })
        for key in ("open", "overdue", "major_open"):
            totals[key] += counts[key]
        for key in ("in_time", "late", "overdue_unreplied", "replied", "revisited"):
            totals["counts"][key] += counted[key]
        for value, n in counted["satisfaction"].items():
            totals["counts"]["satisfaction"][value] = totals["counts"]["satisfaction"].get(value, 0) + n
    total_rates = figures.rate_figures(totals.pop("counts"))
    return {
        "as_of": now.astimezone(zone).isoformat(timespec="seconds"),
        "period": span.text,
        "period_title": span.title,
        "silent_after_days": days,
        "branches": rows,
        "totals": {**totals, **total_rates, "branches": len(rows), "silent": sum(r["silent"] for r in rows),
                   "with_overdue": sum(1 for r in rows if r["overdue"])},
    }
