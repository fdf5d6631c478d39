"""Classification of a complaint (docs/rules.md R1) and routing of a misconduct report (R2).

Major 重大投诉 when any of the reasons below holds; everything else is general 一般投诉. Only kind
``complaint`` is classified. The reasons are returned in R1's order so the slip and the report read alike.
"""
from __future__ import annotations

from decimal import Decimal

from app.rules.policy import Policy

REASONS = ("group", "media", "petition", "threat", "amount", "vip", "hq", "lawsuit", "repeat")

# the amount line -> the threshold key in policy (a line without a threshold never makes a case major)
AMOUNT_THRESHOLD_KEY = {"auto": "auto", "property": "property", "accident_health": "accident_health", "repair": "repair"}

# a channel that is itself the fact: a complaint brought by the media, a government body or headquarters
CHANNEL_IMPLIES = {"media": "media", "government": "petition", "hq_referral": "hq"}

REPEAT_MIN_EARLIER = 2


def classify(case: dict, policy: Policy, *, earlier_open_same_category: int = 0) -> tuple[str | None, list[str]]:
    """Return (severity, reasons) for a validated case (the flat shape of ``validation.validate_case``)."""
    if case["kind"] != "complaint":
        return None, []
    thresholds = policy.thresholds
    found: set[str] = set()
    if case["complainant_count"] >= thresholds["group"]:
        found.add("group")
    for flag in ("media", "petition", "threat", "hq", "lawsuit"):
        if case[f"flag_{flag}"]:
            found.add(flag)
    implied = CHANNEL_IMPLIES.get(case["channel"])
    if implied:
        found.add(implied)
    key = AMOUNT_THRESHOLD_KEY.get(case["amount_line"])
    if key is not None and Decimal(str(case["amount_value"])) >= Decimal(str(thresholds[key])):
        found.add("amount")
    if case["vip"]:
        found.add("vip")
    if earlier_open_same_category >= REPEAT_MIN_EARLIER:
        found.add("repeat")
    reasons = [r for r in REASONS if r in found]
    return ("major" if reasons else "general"), reasons


def routed_to(kind: str, *, accuses_general_manager: bool = False) -> str | None:
    """A misconduct report 举报 goes to the general manager only (docs/rules.md R2); one that accuses the general
    manager goes to headquarters instead (R9: the accused never receives it). Other kinds are not routed."""
    if kind != "report":
        return None
    return "headquarters" if accuses_general_manager else "general_manager"
