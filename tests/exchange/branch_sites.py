"""Headquarters with three enrolled branches whose cases were registered and handled through the services at the
branches, exported and imported at headquarters the real way, at fixed moments (the core's clock set for each
step): the overview of the branches is read from what came through the bundles.

At NOW (Wednesday 2026-11-25 10:00, office time):

- BJ01 (北京分公司), last bundle imported 2026-11-24 18:00 (its second; sequence 2):
  A general complaint received Mon 11-02, replied 11-03 (in time), revisited satisfied, closed;
  B general complaint received Mon 11-16, reply due Thu 11-19, nothing done: open and overdue;
  C major complaint (media) received Tue 11-24, reply due Thu 11-26: open, not overdue yet.
- SH02 (上海分公司), one bundle imported 2026-11-24 18:30:
  D general complaint received Mon 11-02, replied Mon 11-09 (late: due Thu 11-05), revisited basically satisfied, closed;
  E general complaint received Tue 11-24: open, not overdue.
- GZ03 (广州分公司), one bundle imported 2026-11-10 09:00 and nothing since (15 days: silent after 7):
  F general complaint received Mon 11-02 09:00, reply due Thu 11-05, sent while still open: overdue at NOW.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.conftest import make_user, sample_case

from . import helpers

CST = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
PERIOD = "2026-11"  # the month of NOW, the overview's default period
BRANCHES = (("BJ01", "北京分公司"), ("SH02", "上海分公司"), ("GZ03", "广州分公司"))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


@dataclass
class Branches:
    hq: helpers.Site
    sites: dict
    numbers: dict = field(default_factory=dict)  # letter (A..F) -> case number
    stick: Path | None = None


class _Desk:
    def __init__(self, site: helpers.Site):
        self.site = site
        admin = site.admin
        self.sup = make_user(admin, "sup", "刘经理", "supervisor", department="客服部")
        self.rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
        self.h1 = make_user(admin, "h1", "赵敏", "handler", department="客服部", supervisor="sup")
        self.mobile = 0

    def register(self, received: str, **changes) -> str:
        from app.services import cases

        self.mobile += 1
        data = sample_case(**{"received_at": received + "+08:00", "accused_person": "",
                              "complainant.mobile": f"1390{self.site.code[-2:]}0{self.mobile:04d}", **changes})
        return cases.register_case(self.rec, data, now=at(received))["number"]

    def act(self, who, number, action, payload=None, *, when: str):
        from app.services import cases

        return cases.do_action(who, number, action, payload or {}, now=at(when))

    def handle(self, number, day: str, reply_at: str):
        self.act(self.sup, number, "assign", {"handler": "h1"}, when=f"{day}T09:40:00")
        self.act(self.h1, number, "contact", {"at": f"{day}T10:00:00+08:00", "method": "phone", "reached": True,
                                              "note": "已联系客户"}, when=f"{day}T10:00:00")
        self.act(self.h1, number, "investigate", {"at": f"{day}T10:30:00+08:00", "note": "调阅记录"},
                 when=f"{day}T10:30:00")
        self.act(self.h1, number, "conclude", {"cause": "单证流转延误", "facts": "true", "opinion": "按规定处理",
                                               "result": "已处理"}, when=f"{day}T11:00:00")
        self.act(self.h1, number, "reply", {"at": reply_at + "+08:00", "channel": "phone", "result": "已告知客户"},
                 when=reply_at)
        self.act(self.h1, number, "submit", when=reply_at)
        self.act(self.sup, number, "approve", {"opinion": "同意"}, when=reply_at)

    def revisit(self, number, when: str, satisfaction: str):
        self.act(self.rec, number, "revisit", {"at": when + "+08:00", "method": "phone", "satisfaction": satisfaction,
                                               "comment": "回访"}, when=when)


def build(root: Path, hq_target: str, clock) -> Branches:
    """Headquarters at ``hq_target`` and the three branches in ``root`` (see the module's docstring)."""
    from app.exchange.export import export_bundle
    from app.exchange.importer import import_bundle

    clock(at("2026-11-01T09:00:00"))  # enrolment
    hq = helpers.make_site(hq_target, "HQ", "集团总部", hq=True)
    sites = {}
    for code, name in BRANCHES:
        site = helpers.make_site(root / f"{code}.sqlite3", code, name)
        helpers.enrol(site, hq, root / "enrol")
        sites[code] = site
    made = Branches(hq, sites, stick=root / "stick")
    made.stick.mkdir()

    def export(code: str, moment: str) -> str:
        clock(at(moment))
        sites[code].use()
        return export_bundle(sites[code].admin, made.stick)["file"]

    def import_(path: str, moment: str) -> None:
        clock(at(moment))
        hq.use()
        import_bundle(hq.admin, path)

    clock(at("2026-11-24T17:00:00"))  # the cases are recorded with their own moments (now=)
    sites["GZ03"].use()
    gz = _Desk(sites["GZ03"])
    made.numbers["F"] = gz.register("2026-11-02T09:00:00")
    gz_bundle = export("GZ03", "2026-11-10T08:30:00")
    import_(gz_bundle, "2026-11-10T09:00:00")

    clock(at("2026-11-24T17:00:00"))
    sites["BJ01"].use()
    bj = _Desk(sites["BJ01"])
    made.numbers["A"] = bj.register("2026-11-02T09:00:00")
    first = export("BJ01", "2026-11-03T08:00:00")
    import_(first, "2026-11-03T09:00:00")
    clock(at("2026-11-24T17:00:00"))
    sites["BJ01"].use()
    bj.handle(made.numbers["A"], "2026-11-02", "2026-11-03T10:00:00")
    bj.revisit(made.numbers["A"], "2026-11-04T10:00:00", "satisfied")
    bj.act(bj.sup, made.numbers["A"], "close", when="2026-11-04T11:00:00")
    made.numbers["B"] = bj.register("2026-11-16T09:00:00")
    made.numbers["C"] = bj.register("2026-11-24T09:00:00", **{"flags.media": True})
    import_(export("BJ01", "2026-11-24T17:30:00"), "2026-11-24T18:00:00")

    clock(at("2026-11-24T17:00:00"))
    sites["SH02"].use()
    sh = _Desk(sites["SH02"])
    made.numbers["D"] = sh.register("2026-11-02T09:00:00")
    sh.handle(made.numbers["D"], "2026-11-02", "2026-11-09T10:00:00")
    sh.revisit(made.numbers["D"], "2026-11-10T10:00:00", "basic")
    sh.act(sh.sup, made.numbers["D"], "close", when="2026-11-10T11:00:00")
    made.numbers["E"] = sh.register("2026-11-24T09:00:00")
    import_(export("SH02", "2026-11-24T18:10:00"), "2026-11-24T18:30:00")

    clock(NOW)
    hq.use()
    return made
