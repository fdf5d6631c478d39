"""A realistic October 2026 at branch BJ01, built through the services, and the expectations of each case
written down as plain facts (what was done to it), so that the tests can count every figure independently."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from app.services import cases, notices
from tests.conftest import sample_case

CST = ZoneInfo("Asia/Shanghai")
PERIOD = "2026-10"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def iso(text: str) -> str:
    return text + "+08:00"


@dataclass
class Expect:
    """What the test knows about one case from the inputs it gave."""

    number: str = ""
    kind: str = "complaint"
    category: str = "claims"
    channel: str = "visit"
    origin: str = "routine"
    department: str = "理赔部"
    mobile: str = ""
    severity: str | None = "general"
    in_period: bool = True
    voided: bool = False
    established: bool | None = None  # the latest conclusion
    cause: str = ""
    acknowledged_in_time: bool | None = None  # None: no acknowledge deadline (not a complaint)
    reply: str = "none"  # in_time | late | overdue (open, unreplied, past due) | none (not counted)
    replied: bool = False
    revisits: list[str] = field(default_factory=list)
    closed_hours: float | None = None
    closed_abnormal: bool = False
    state: str = ""
    rounds: int = 1
    notices: list[dict] = field(default_factory=list)  # issued in the period: {"state", "overdue"}
    carried_over: bool = False
    pending_at_month_end: bool = False


class Month:
    def __init__(self, desk):
        self.desk = desk
        self.expect: list[Expect] = []
        self.mobile_no = 0

    # --- helpers --------------------------------------------------------------------------------------------

    def act(self, who, number, action, payload=None, at=None):
        return cases.do_action(who, number, action, payload or {}, now=local(at) if at else None)

    def notice_action(self, who, number, action, payload, *, at: str):
        return notices.notice_action(who, number, action, payload, now=local(at))

    def register(self, exp: Expect, received: str, *, who=None, mobile=None, flags=None, **changes) -> str:
        if mobile is None:
            self.mobile_no += 1
            mobile = f"1390000{self.mobile_no:04d}"
        exp.mobile = mobile
        data = sample_case(**{"kind": exp.kind, "category": exp.category, "channel": exp.channel,
                              "origin": exp.origin, "accused_department": exp.department,
                              "accused_person": "" if exp.department != "理赔部" else "何俊",
                              "received_at": iso(received), "complainant.mobile": mobile, **changes})
        if flags:
            data["flags"].update(flags)
        view = cases.register_case(who or self.desk.rec, data, now=local(received))
        exp.number = view["number"]
        self.expect.append(exp)
        return exp.number

    def handle(self, number, day: str, *, handler="h1", facts="true", cause="单证流转延误", reply_at=None,
               reached_at=None, assign=True):
        who = getattr(self.desk, handler)
        if assign:
            self.act(self.desk.sup, number, "assign", {"handler": handler}, at=f"{day}T09:40:00")
        reached_at = reached_at or f"{day}T10:00:00"
        self.act(who, number, "contact", {"at": iso(reached_at), "method": "phone", "reached": True,
                                          "note": "已联系客户", "override_reason": "客户要求"}, at=reached_at)
        self.act(who, number, "investigate", {"at": iso(reached_at), "note": "调阅记录，询问经办人"}, at=reached_at)
        self.act(who, number, "conclude", {"cause": cause, "facts": facts, "opinion": "按规定处理",
                                           "result": "已处理"}, at=reached_at)
        reply_at = reply_at or f"{day}T16:00:00"
        self.act(who, number, "reply", {"at": iso(reply_at), "channel": "phone", "result": "已告知客户"}, at=reply_at)
        self.act(who, number, "submit", at=reply_at)
        self.act(self.desk.sup, number, "approve", {"opinion": "同意"}, at=reply_at)

    def revisit(self, number, at: str, satisfaction: str):
        return self.act(self.desk.rec, number, "revisit", {"at": iso(at), "method": "phone",
                                                           "satisfaction": satisfaction, "comment": "回访"}, at=at)

    def close(self, number, at: str):
        return self.act(self.desk.sup, number, "close", at=at)

    def notice(self, number, at: str, department="理赔部") -> str:
        view = self.act(self.desk.sup, number, "notice", {"department": department, "problem": "单证流转慢",
                                                          "corrective": "当日流转", "preventive": "每周抽查"}, at=at)
        return view["notices"][-1]["number"]

    # --- the month ------------------------------------------------------------------------------------------

    def build(self) -> "Month":
        d = self.desk
        # 1. a general complaint, handled, satisfied, closed (49 hours)
        e = Expect(category="claims", channel="visit", established=True, cause="单证流转延误", acknowledged_in_time=True,
                   reply="in_time", replied=True, revisits=["satisfied"], closed_hours=49.0, state="closed")
        n1 = self.register(e, "2026-10-12T09:00:00", mobile="13800138000")
        self.handle(n1, "2026-10-12")
        self.revisit(n1, "2026-10-13T10:00:00", "satisfied")
        self.close(n1, "2026-10-14T10:00:00")

        # 2. facts not true: not established; basic satisfaction; closed
        e = Expect(category="service_attitude", channel="phone", department="客服部", established=False,
                   cause="客户误解条款", acknowledged_in_time=True, reply="in_time", replied=True, revisits=["basic"],
                   closed_hours=49.0, state="closed")
        n2 = self.register(e, "2026-10-13T10:00:00")
        self.handle(n2, "2026-10-13", handler="h2", facts="false", cause="客户误解条款")
        self.revisit(n2, "2026-10-14T10:00:00", "basic")
        self.close(n2, "2026-10-15T11:00:00")

        # 3. two rounds: dissatisfied, handled again (cannot be verified: established), then closed.
        #    Same mobile as case 1: a repeat complainant.
        e = Expect(category="repair_quality", channel="letter", origin="discovered", department="客服部",
                   established=True, cause="维修工艺不达标", acknowledged_in_time=True, reply="in_time", replied=True,
                   revisits=["dissatisfied", "satisfied"], closed_hours=7 * 24 + 6, state="closed", rounds=2)
        n3 = self.register(e, "2026-10-14T09:00:00", mobile="13800138000")
        self.handle(n3, "2026-10-14", cause="维修质量问题")
        self.revisit(n3, "2026-10-15T10:00:00", "dissatisfied")
        self.act(d.h1, n3, "investigate", {"at": iso("2026-10-16T10:00:00"), "note": "复查维修记录"},
                 at="2026-10-16T10:00:00")
        self.act(d.h1, n3, "conclude", {"cause": "维修工艺不达标", "facts": "unverifiable", "opinion": "返修",
                                        "result": "已返修"}, at="2026-10-16T11:00:00")
        self.act(d.h1, n3, "reply", {"at": iso("2026-10-16T15:00:00"), "channel": "letter", "result": "书面回复"},
                 at="2026-10-16T15:00:00")
        self.act(d.h1, n3, "submit", at="2026-10-16T15:10:00")
        self.act(d.sup, n3, "approve", {"opinion": "同意"}, at="2026-10-16T16:00:00")
        self.revisit(n3, "2026-10-20T10:00:00", "satisfied")
        self.close(n3, "2026-10-21T15:00:00")

        # 4. a major complaint (media) with a notice whose verification fails (a follow-up notice is issued
        #    and passes, both in October); closed
        e = Expect(category="delay", channel="media", origin="collective", severity="major", established=True,
                   cause="单证流转延误", acknowledged_in_time=True, reply="in_time", replied=True, revisits=["satisfied"],
                   closed_hours=8 * 24 + 1, state="closed",
                   notices=[{"state": "failed", "overdue": False}, {"state": "verified", "overdue": False}])
        n4 = self.register(e, "2026-10-15T09:00:00", flags={"media": True})
        self.act(d.sup, n4, "assign", {"handler": "h2"}, at="2026-10-15T09:20:00")
        zg = self.notice(n4, "2026-10-15T09:30:00")
        self.handle(n4, "2026-10-15", handler="h2", assign=False)
        self.notice_action(d.dept, zg, "feedback", {"actions": "已整改", "at": iso("2026-10-16T10:00:00")},
                           at="2026-10-16T10:00:00")
        follow = self.notice_action(d.sup2, zg, "verify", {"passed": False, "comment": "未落实"},
                                    at="2026-10-16T15:00:00")["follow_ups"][0]
        self.notice_action(d.dept, follow, "feedback", {"actions": "再次整改"}, at="2026-10-18T10:00:00")
        self.notice_action(d.sup2, follow, "verify", {"passed": True, "comment": "已落实"}, at="2026-10-19T10:00:00")
        self.revisit(n4, "2026-10-17T10:00:00", "satisfied")
        self.close(n4, "2026-10-23T10:00:00")

        # 5. a pending matter (parts delayed): deferred at the end of the month, with a notice never answered
        e = Expect(category="parts_delay", channel="phone", acknowledged_in_time=True, reply="none", state="deferred",
                   carried_over=True, pending_at_month_end=True, notices=[{"state": "issued", "overdue": True}])
        n5 = self.register(e, "2026-10-16T10:00:00")
        self.act(d.sup, n5, "assign", {"handler": "h1"}, at="2026-10-16T10:10:00")
        self.act(d.h1, n5, "contact", {"at": iso("2026-10-16T10:30:00"), "method": "phone", "reached": True,
                                       "note": "配件未到"}, at="2026-10-16T10:30:00")
        self.act(d.h1, n5, "defer", {"reason": "配件延迟到货", "follow_up": "2026-11-10"}, at="2026-10-16T11:00:00")
        self.notice(n5, "2026-10-17T09:00:00", department="客服部")

        # 6. deferred then resumed, never replied: open and overdue
        e = Expect(category="price", channel="online", department="客服部", acknowledged_in_time=False,
                   reply="overdue", state="investigating", carried_over=True)
        n6 = self.register(e, "2026-10-19T09:00:00")
        self.act(d.sup, n6, "assign", {"handler": "h2"}, at="2026-10-19T09:10:00")
        self.act(d.h2, n6, "defer", {"reason": "客户出差，暂无时间", "follow_up": "2026-10-21"}, at="2026-10-19T09:30:00")
        self.act(d.h2, n6, "resume", at="2026-10-21T09:00:00")

        # 7. replied late (13 days), a notice answered late but verified; closed
        e = Expect(category="claims", channel="visit", established=True, cause="单证流转延误", acknowledged_in_time=True,
                   reply="late", replied=True, revisits=["satisfied"], closed_hours=14 * 24 + 1, state="closed",
                   notices=[{"state": "verified", "overdue": True}])
        n7 = self.register(e, "2026-10-16T09:00:00")
        self.act(d.sup, n7, "assign", {"handler": "h1"}, at="2026-10-16T09:10:00")
        zg7 = self.notice(n7, "2026-10-16T09:20:00")
        self.handle(n7, "2026-10-16", assign=False, reached_at="2026-10-16T10:00:00", reply_at="2026-10-29T10:00:00")
        self.notice_action(d.dept, zg7, "feedback", {"actions": "整改完成", "at": iso("2026-10-25T10:00:00")},
                           at="2026-10-25T10:00:00")
        self.notice_action(d.sup2, zg7, "verify", {"passed": True, "comment": "合格"}, at="2026-10-26T10:00:00")
        self.revisit(n7, "2026-10-29T15:00:00", "satisfied")
        self.close(n7, "2026-10-30T10:00:00")

        # 8. closed abnormally (demands beyond policy), never replied: 3 days
        # (taken to a government body: a major complaint, R1 petition)
        e = Expect(category="claims", channel="government", severity="major", acknowledged_in_time=False, reply="none",
                   closed_hours=72.0, closed_abnormal=True, state="closed_abnormal")
        n8 = self.register(e, "2026-10-19T14:00:00")
        self.act(d.sup, n8, "assign", {"handler": "h1"}, at="2026-10-19T14:10:00")
        self.act(d.h1, n8, "investigate", {"at": iso("2026-10-20T10:00:00"), "note": "核实诉求"}, at="2026-10-20T10:00:00")
        self.act(d.sup, n8, "close_abnormal", {"reason": "诉求超出合同约定"}, at="2026-10-22T14:00:00")

        # 9. registered twice by mistake: voided
        e = Expect(category="other", channel="visit", voided=True, state="voided")
        n9 = self.register(e, "2026-10-20T09:00:00")
        self.act(d.sup, n9, "void", {"reason": "重复登记"}, at="2026-10-20T09:30:00")

        # 10. an inquiry answered the same day and closed (same mobile as case 2: a repeat complainant)
        e = Expect(kind="inquiry", category="claims", channel="phone", severity=None, established=True,
                   cause="咨询理赔进度", reply="in_time", replied=True, revisits=["satisfied"], closed_hours=25.0,
                   state="closed")
        n10 = self.register(e, "2026-10-21T09:00:00", mobile=self.expect[1].mobile)
        self.handle(n10, "2026-10-21", cause="咨询理赔进度")
        self.revisit(n10, "2026-10-22T09:30:00", "satisfied")
        self.close(n10, "2026-10-22T10:00:00")

        # 11. a suggestion, only registered (never acknowledged; no complaint deadlines but a reply one)
        e = Expect(kind="suggestion", category="service_quality", channel="email", department="", severity=None,
                   reply="overdue", state="accepted", carried_over=True)
        self.register(e, "2026-10-22T11:00:00")

        # 12. a help request, reached late, replied, waiting for approval
        e = Expect(kind="help", category="other", channel="phone", department="", severity=None, reply="in_time",
                   replied=True, established=True, cause="协助报案", state="pending_approval", carried_over=True)
        n12 = self.register(e, "2026-10-23T09:00:00")
        self.act(d.sup, n12, "assign", {"handler": "h2"}, at="2026-10-23T09:10:00")
        self.act(d.h2, n12, "investigate", {"at": iso("2026-10-23T10:00:00"), "note": "协助报案"}, at="2026-10-23T10:00:00")
        self.act(d.h2, n12, "conclude", {"cause": "协助报案", "facts": "true", "opinion": "", "result": ""},
                 at="2026-10-23T10:00:00")
        self.act(d.h2, n12, "reply", {"at": iso("2026-10-23T11:00:00"), "channel": "phone", "result": "已协助"},
                 at="2026-10-23T11:00:00")
        self.act(d.h2, n12, "submit", at="2026-10-23T11:00:00")

        # 13. a misconduct report: routed to the general manager, never in complaint statistics
        e = Expect(kind="report", category="other", channel="letter", department="理赔部", severity=None,
                   state="accepted", carried_over=True)
        self.register(e, "2026-10-26T09:00:00")

        # 14. the boundaries: the last minute of October counts, the last minute of September does not
        e = Expect(category="claims", channel="phone", acknowledged_in_time=False, reply="overdue", state="accepted",
                   carried_over=True)
        self.register(e, "2026-10-31T23:50:00")
        e = Expect(category="claims", channel="phone", in_period=False, acknowledged_in_time=False, reply="overdue",
                   state="accepted", carried_over=True)
        self.register(e, "2026-09-30T23:50:00")
        return self

    @property
    def counted(self) -> list[Expect]:
        """The cases the report counts: in the period, not a misconduct report, not voided."""
        return [e for e in self.expect if e.in_period and e.kind != "report" and not e.voided]
