"""Who sees a case has one definition (app.rules.access, docs/rules.md R2, R9): the SQL behind the lists and
counts agrees with the check for one case, for every role, kind, state and accused or not; and the accused
never sees a misconduct report about them, whatever their role."""
from __future__ import annotations

import itertools

import pytest

from app.errors import NotFound
from app.rules import access
from app.services import cases, printing, queries
from models import Case, User, transaction
from tests.conftest import PASSWORD

KINDS = ("complaint", "inquiry", "suggestion", "help", "report")
STATES = ("accepted", "investigating", "pending_approval", "approved", "deferred", "closed", "closed_abnormal",
          "voided")


def case_document(kind: str = "complaint", person: str = "", department: str = "") -> dict:
    return {
        "kind": kind, "origin": "routine", "channel": "visit", "received_at": "2026-03-02T10:00:00+08:00",
        "complainant": {"name": "钱多多", "gender": "female", "address": "上海市静安区南京西路1号",
                        "relation_to_insured": "本人", "identity": "投保人", "mobile": "13912345678", "phone": "",
                        "vip": False},
        "contact_name": "钱多多", "complainant_count": 1, "reason": "报销材料被退回三次",
        "claim_no": "", "plate_no": "", "accused_department": department, "accused_person": person,
        "category": "service_attitude", "content": "客户称柜面人员态度生硬，材料多次被退回且未说明原因。",
        "summary": "柜面服务态度", "desired_remedy": "书面道歉", "original_doc_no": "",
        "amount": {"line": "other", "value": 0},
        "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
        "contact_window": None,
    }


@pytest.fixture
def crowd(desk):
    """A case of every kind in every state, accusing nobody or each person of the desk in turn."""
    people = [desk.admin, desk.rec, desk.h1, desk.sup, desk.accused, desk.gm]
    users = {u.username: User.get_by_id(u.id) for u in people}
    targets = [("", "")] + [(u.display_name, u.department.name if u.department_id else "") for u in users.values()]
    made = []
    for kind, (person, department) in itertools.product(KINDS, targets):
        # nobody registers a case about themself (R9): reception registers the one about the administrator
        clerk = desk.rec if person == users["admin"].display_name else desk.admin
        made.append(cases.register_case(clerk, case_document(kind, person, department))["number"])
    rows = []
    with transaction():
        for number in made:
            rows.append(Case.get(Case.number == number))
        # each registered case is copied into every state (the state is what the rule may not depend on)
        for case, state in itertools.product(list(rows), STATES[1:]):
            data = {f.name: getattr(case, f.name) for f in Case._meta.sorted_fields if f.name not in ("id", "uuid")}
            data.update(state=state, number=f"{case.number}-{state.upper()}", seq=case.seq * 100 + STATES.index(state))
            Case.create(**data)
    return desk, people


def test_the_list_and_count_agree_with_the_check_for_every_role_kind_state_and_accusation(crowd):
    desk, people = crowd
    every_case = list(Case.select())
    assert len(every_case) == len(KINDS) * 7 * len(STATES)
    for actor in people:
        user = User.get_by_id(actor.id)
        expected = {c.id for c in every_case if access.can_see(user, c)}
        listed = {c.id for c in access.visible_cases(user)}
        assert listed == expected, actor.username
        assert queries.ledger_count(actor) == len(expected), actor.username
        assert set(queries.ledger_ids(actor, limit=10_000)) == expected, actor.username
        hidden = {c.id for c in Case.select().where(access.hidden_condition(user))}
        assert hidden == {c.id for c in every_case} - expected
        # the rule itself: nobody sees a case that accuses them; a report only its readers
        for case in every_case:
            accused = (case.accused_person, case.accused_department) == (
                user.display_name, user.department.name if user.department_id else "")
            if accused:
                assert case.id not in expected
            elif case.kind == "report":
                assert (case.id in expected) == (user.role in ("general_manager", "admin"))
            else:
                assert case.id in expected
        # what the check says is what a person meets: a hidden case does not exist for them
        for case in every_case[:: len(STATES)]:
            if access.can_see(user, case):
                assert cases.show_case(actor, case.number)["number"] == case.number
            else:
                with pytest.raises(NotFound):
                    cases.show_case(actor, case.number)


def test_a_report_accusing_the_general_manager_goes_to_headquarters_and_never_to_them(desk):
    report = cases.register_case(desk.rec, case_document("report", "总经理", ""))
    assert report["routed_to"] == "headquarters"
    with pytest.raises(NotFound):
        cases.show_case(desk.gm, report["number"])
    with pytest.raises(NotFound):
        printing.print_document(desk.gm, report["number"], "slip")
    assert queries.ledger_count(desk.gm) == 0
    # an administrator who is not accused handles it, and sees the whistleblower in full
    shown = cases.show_case(desk.admin, report["number"])
    assert shown["complainant"]["name"] == "钱多多" and shown["complainant"]["mobile"] == "13912345678"


def test_an_accused_admin_is_refused_the_report_about_them(desk):
    report = cases.register_case(desk.rec, case_document("report", "周科长", "理赔部"))
    assert report["routed_to"] == "general_manager"
    # the same report, now about the administrator: the general manager sees it, the administrator does not
    with transaction():
        admin = User.get_by_id(desk.admin.id)
        Case.update(accused_person=admin.display_name, accused_department="").where(
            Case.number == report["number"]).execute()
    assert cases.show_case(desk.gm, report["number"])["number"] == report["number"]
    with pytest.raises(NotFound):
        cases.show_case(desk.admin, report["number"])
    with pytest.raises(NotFound):
        printing.print_document(desk.admin, report["number"], "slip")
    assert report["number"] not in {row["number"] for row in queries.ledger_rows(
        desk.admin, queries.ledger_ids(desk.admin, limit=1000)).values()}


def test_masking_is_one_rule_for_screen_register_and_paper(desk):
    number = cases.register_case(desk.rec, case_document())["number"]
    shown = cases.show_case(desk.h2, number)["complainant"]
    assert (shown["name"], shown["mobile"]) == ("钱**", "139****5678")
    row = next(iter(queries.ledger_rows(desk.h2, queries.ledger_ids(desk.h2)).values()))
    assert (row["complainant"], row["mobile"]) == ("钱**", "139****5678")
    assert access.mask("name", "钱多多") == "钱**" and access.mask("mobile", "13912345678") == "139****5678"
    assert shown["address"] == "上海市静安区…"


def test_the_command_line_refuses_the_accused_general_manager_the_report_about_them(cli_desk, tmp_path):
    import json

    cli_desk.ok("user", "add", "gm", "--name", "总经理", "--role", "general_manager", "--as", "admin",
                password=PASSWORD, new_password="initial-1")
    cli_desk.ok("user", "passwd", "gm", "--as", "gm", password="initial-1", new_password=PASSWORD)
    report = cli_desk.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                         stdin=json.dumps(case_document("report", "总经理", ""), ensure_ascii=False))
    assert report["routed_to"] == "headquarters"
    refused = cli_desk.run("case", "show", report["number"], "--as", "gm", password=PASSWORD)
    assert refused.code == 1 and f"No case numbered {report['number']}" in refused.err
    out = tmp_path / "slip.pdf"
    refused = cli_desk.run("print", report["number"], "--doc", "slip", "--out", str(out), "--as", "gm",
                           password=PASSWORD)
    assert refused.code == 1 and report["number"] in refused.err and not out.exists()
    assert cli_desk.ok("case", "show", report["number"], "--as", "admin", password=PASSWORD)["kind"] == "report"
