"""Readers never stop on stored data: a record that cannot be read (a year-1 moment written by an older version,
a document that is not JSON) is shown as such and skipped; the register, its exports, case show and the export
to headquarters go on, and headquarters keeps the damaged record aside."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

import models
from app.errors import DeskError
from app.services import cases, reports

from tests.exchange import helpers
from tests.reliability.test_hostile_inputs import case_document

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=timezone.utc)


def spoil(sql: str, *params) -> None:
    models.database.obj.execute_sql(sql, params)


@pytest.fixture
def three(desk):
    numbers = [cases.register_case(desk.rec, case_document(), now=NOW)["number"] for _ in range(3)]
    for number in numbers:
        cases.do_action(desk.sup, number, "assign", {"handler": "h1"}, now=NOW)
        cases.do_action(desk.h1, number, "investigate", {"note": "调查"}, now=NOW)
    spoil('UPDATE "case" SET received_at = ? WHERE number = ?', "1-01-01 00:00:00.000000", numbers[1])
    first = models.Case.get(models.Case.number == numbers[0])
    spoil('UPDATE "investigation_entry" SET at = ? WHERE case_id = ?', "0001-13-01 nonsense", first.id)
    spoil('UPDATE "history" SET after = ? WHERE entity_uuid = ? AND action = ?', '{"note": NaN', first.uuid,
          "investigate")
    return numbers


def test_case_show_marks_the_unreadable_parts_and_names_a_damaged_case(desk, three):
    shown = cases.show_case(desk.sup, three[0])
    assert shown["number"] == three[0]
    assert "unreadable" in shown["investigations"][0]
    assert any("unreadable" in h for h in shown["history"])
    assert any(h.get("action") == "register" for h in shown["history"])
    with pytest.raises(DeskError) as info:
        cases.show_case(desk.sup, three[1])
    assert info.value.field == "NUMBER"
    assert three[1] in info.value.localized() and "received_at" in info.value.localized()
    assert cases.show_case(desk.sup, three[2])["state"] == "investigating"


def test_the_register_lists_a_damaged_case_as_such_and_its_exports_are_written(desk, three):
    rows = reports.ledger(desk.sup, "register")
    assert [r["number"] for r in rows] == three
    assert [r["state"] for r in rows] == ["investigating", "unreadable", "investigating"]
    assert "cannot be read" in rows[1]["summary"]
    assert reports.ledger_xlsx(desk.sup, "register")[:2] == b"PK"
    pdf = reports.ledger_pdf(desk.sup, "register")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    text = "".join(text.split())
    assert three[1] in text and "记录损坏" in text and three[2] in text


def test_the_export_goes_on_and_headquarters_keeps_the_damaged_records_aside(tmp_path):
    pair = helpers.make_pair(tmp_path, str(tmp_path / "hq.sqlite3"))
    pair.branch.use()
    from tests.conftest import make_user

    admin = pair.branch.admin
    rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
    numbers = [cases.register_case(rec, case_document(), now=NOW)["number"] for _ in range(2)]
    spoil('UPDATE "case" SET received_at = ? WHERE number = ?', "1-01-01 00:00:00.000000", numbers[1])
    exported = pair.export()
    result = pair.import_(exported["file"])
    assert result["status"] == "imported"
    assert [(r["table"], r["field"]) for r in result["refused"]] == [("case", "received_at")]
    pair.hq.use()
    assert models.Case.get_or_none(models.Case.number == numbers[0]) is not None
    assert models.Case.select().where(models.Case.number == numbers[1]).count() == 0
    # the branch takes the receipt, which names the refused record
    assert pair.receipt(result["receipt"])
