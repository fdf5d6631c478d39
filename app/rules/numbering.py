"""Number allocation (docs/rules.md R11): per branch, series and year, gap-free, never reused.

The number is taken inside the transaction that saves the record: if the save fails, the transaction rolls
back and the number was never issued. Voiding keeps the number with a reason (``VoidedNumber``).
"""
from __future__ import annotations

import re

from models import NumberSeries, VoidedNumber
from models.entities import utcnow

SERIES = {
    # series -> (format, digits)
    "case": "{branch}-{year}-{seq:05d}",
    "notice": "{branch}-ZG-{year}-{seq:04d}",
    # cases brought in from a register the branch kept before (历史台帐): their own series, so the slip series
    # stays the paper slips' and reconciles; stored with a negative ``seq`` beside the slips' positive ones
    "legacy": "{branch}-LS-{year}-{seq:05d}",
}

CASE_NUMBER = re.compile(r"^(?P<branch>[A-Z0-9]{2,16})-(?P<year>\d{4})-(?P<seq>\d{5,})$")
LEGACY_NUMBER = re.compile(r"^(?P<branch>[A-Z0-9]{2,16})-LS-(?P<year>\d{4})-(?P<seq>\d{5,})$")
NOTICE_NUMBER = re.compile(r"^(?P<branch>[A-Z0-9]{2,16})-ZG-(?P<year>\d{4})-(?P<seq>\d{4,})$")


def format_number(series: str, branch_code: str, year: int, seq: int) -> str:
    return SERIES[series].format(branch=branch_code, year=year, seq=seq)


def allocate_number(branch_code: str, series: str, year: int) -> tuple[int, str]:
    """Take the next number of a series. Must run inside the transaction that saves the numbered record."""
    row = NumberSeries.get_or_none(
        (NumberSeries.branch_code == branch_code) & (NumberSeries.series == series) & (NumberSeries.year == year)
    )
    if row is None:
        row = NumberSeries(branch_code=branch_code, series=series, year=year, last=0)
    row.last += 1
    row.save()
    return row.last, format_number(series, branch_code, year, row.last)


def last_issued(branch_code: str, series: str, year: int) -> int:
    row = NumberSeries.get_or_none(
        (NumberSeries.branch_code == branch_code) & (NumberSeries.series == series) & (NumberSeries.year == year)
    )
    return row.last if row else 0


def record_void(branch_code: str, series: str, year: int, seq: int, reason: str, by: str) -> VoidedNumber:
    return VoidedNumber.create(
        branch_code=branch_code, series=series, year=year, seq=seq,
        number=format_number(series, branch_code, year, seq), reason=reason, voided_by=by, voided_at=utcnow(),
    )
