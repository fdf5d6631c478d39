"""Headquarters holding two branches' October, on SQLite and on the suite's PostgreSQL server: each branch
registers and handles its cases through the services, exports them, and headquarters imports both bundles. The
headquarters database is built once per module and database kind; the tests read it."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import models
from tests.conftest import PASSWORD, make_user, sample_case
from tests.reports.month import iso, local

# (branch, day, summary, category, kind): what each branch registers in October 2026
OCTOBER = {
    "BJ01": [("2026-10-08T09:00:00", "理赔款迟迟未到账", "claims", "complaint"),
             ("2026-10-12T10:30:00", "配件缺货等待一个月", "parts_delay", "complaint"),
             ("2026-10-15T14:00:00", "客服人员态度恶劣", "service_attitude", "complaint"),
             ("2026-10-20T16:45:00", "理赔员收受好处", "claims", "report"),
             ("2026-10-27T11:15:00", "维修后车辆异响", "repair_quality", "complaint")],
    "SH01": [("2026-10-09T08:40:00", "定损金额过低", "claims", "complaint"),
             ("2026-10-12T13:20:00", "配件到货时间不确定", "parts_delay", "complaint"),
             ("2026-10-21T09:05:00", "喷漆色差明显", "repair_quality", "complaint"),
             ("2026-10-30T17:30:00", "退保手续办理缓慢", "service_quality", "inquiry")],
}


@dataclass
class Registered:
    branch: str
    number: str
    received: str
    summary: str
    category: str
    kind: str
    state: str = "accepted"


@dataclass
class Headquarters:
    kind: str
    site: object
    zb: object = None  # a headquarters user (role hq)
    cases: list[Registered] = field(default_factory=list)

    def use(self):
        self.site.use()
        return self


def _branch_october(site, code: str) -> list[Registered]:
    from app.services import cases

    site.use()
    admin = site.admin
    sup = make_user(admin, "sup", "刘经理", "supervisor", department="客服部")
    rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
    make_user(admin, "gm", "总经理", "general_manager")
    out = []
    for i, (when, summary, category, kind) in enumerate(OCTOBER[code]):
        data = sample_case(received_at=iso(when), summary=summary, category=category, kind=kind,
                           **{"complainant.mobile": f"1390000{code[:2] == 'BJ' and 1 or 2}{i:03d}"})
        if kind == "report":
            data["accused_person"] = "钱某"
        number = cases.register_case(rec, data, now=local(when))["number"]
        out.append(Registered(code, number, when, summary, category, kind))
    # one voided at each branch
    cases.do_action(sup, out[1].number, "void", {"reason": "重复登记"}, now=local("2026-10-31T10:00:00"))
    out[1].state = "voided"
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hq(request, tmp_path_factory):
    from app.services import auth, auth as _auth, setup
    from tests.exchange import helpers

    _auth.use_hash_cost(1, 1024)
    root = tmp_path_factory.mktemp(f"hq-{request.param}")
    target = str(root / "hq.sqlite3") if request.param == "sqlite" else \
        request.getfixturevalue("postgres_server").new_database()
    pair = helpers.make_pair(root, target, code="BJ01")
    shanghai = helpers.make_site(root / "SH01.sqlite3", "SH01", "上海分公司")
    helpers.enrol(shanghai, pair.hq, root / "enrol")
    registered = _branch_october(pair.branch, "BJ01") + _branch_october(shanghai, "SH01")
    for site in (pair.branch, shanghai):
        site.use()
        from app.exchange.export import export_bundle

        bundle = export_bundle(site.admin, pair.stick)["file"]
        assert pair.import_(bundle)["status"] == "imported"
    pair.hq.use()
    setup.add_user(pair.hq.admin, "zb", display_name="总部统计", role="hq", password="initial-1")
    auth.change_password(auth.sign_in("zb", "initial-1"), "zb", PASSWORD)
    held = Headquarters(request.param, pair.hq, auth.sign_in("zb", PASSWORD), registered)
    models.close_db()
    yield held
    models.close_db()
