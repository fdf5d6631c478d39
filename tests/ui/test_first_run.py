"""The first-run wizard, driven the way a receptionist would: page by page, with the core's refusals."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWizard


@pytest.fixture
def empty_desk(desk_app, tmp_path, prompts):
    from app.services import ui_queries

    ui_queries.open_database(tmp_path / "new.sqlite3")
    yield tmp_path
    ui_queries.close_database()


@pytest.fixture
def wizard(empty_desk, qtbot):
    from ui.first_run import FirstRunWizard

    dialog = FirstRunWizard()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(wizard, *, code="BJ01", name="北京朝阳支公司", admin="admin", password="secret-1", repeat=None, hq=False):
    assert wizard.currentId() == wizard.PAGE_WELCOME
    wizard.next()
    wizard.branch.code.setText(code)
    wizard.branch.name.setText(name)
    wizard.branch.hq.setChecked(hq)
    wizard.next()
    wizard.admin.username.setText(admin)
    wizard.admin.password.setText(password)
    wizard.admin.repeat.setText(password if repeat is None else repeat)
    wizard.next()


def hq_enrolment_file(tmp_path, kind="hq"):
    """An enrolment file written by a real headquarters (or branch) database, then the desk's database back."""
    import models
    from app.exchange.keys import write_enrolment
    from app.services import setup, ui_queries

    current = models.database.obj.database
    other = tmp_path / f"{kind}.sqlite3"
    models.close_db()
    models.init_db(other)
    setup.init_database("HQ" if kind == "hq" else "SZ02", "总部服务部" if kind == "hq" else "深圳分公司", "root",
                        "secret-1", hq=kind == "hq")
    written = write_enrolment(tmp_path / f"{kind}-enrolment.json")
    models.close_db()
    ui_queries.open_database(current)
    return written


def test_a_new_desk_is_created_and_its_admin_can_sign_in(wizard):
    from app.services import auth, ui_queries

    fill(wizard)
    assert wizard.currentId() == wizard.PAGE_ENROLMENT
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_SUMMARY
    assert "BJ01 北京朝阳支公司" in wizard.summary.summary.text()
    assert not ui_queries.is_set_up()  # nothing is written before Create
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert ui_queries.local_branch()["code"] == "BJ01"
    assert auth.sign_in("admin", "secret-1").role == "admin"


def test_a_bad_branch_code_keeps_the_page_with_the_core_message(wizard):
    wizard.next()
    wizard.branch.code.setText("北京")
    wizard.branch.name.setText("北京朝阳支公司")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_BRANCH
    assert "2-16 capital letters or digits" in wizard.branch.message.text()
    assert wizard.branch.code.property("invalid")
    wizard.branch.code.setText("BJ01")
    wizard.branch.name.setText("  ")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_BRANCH and "must not be empty" in wizard.branch.message.text()


def test_passwords_must_be_long_enough_and_typed_twice_alike(wizard):
    fill(wizard, password="ab")
    assert wizard.currentId() == wizard.PAGE_ADMIN
    assert "at least 4 characters" in wizard.admin.message.text()
    wizard.admin.password.setText("secret-1")
    wizard.admin.repeat.setText("secret-2")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_ADMIN and "differ" in wizard.admin.message.text()
    wizard.admin.repeat.setText("secret-1")
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_ENROLMENT


def test_the_headquarters_enrolment_file_is_checked_shown_and_imported(wizard, empty_desk):
    from models import ExchangePeer

    good = hq_enrolment_file(empty_desk)
    branch_file = hq_enrolment_file(empty_desk, kind="branch")
    fill(wizard)
    wizard.enrolment.path.setText(str(empty_desk / "missing.json"))
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_ENROLMENT and "missing.json" in wizard.enrolment.message.text()
    wizard.enrolment.path.setText(branch_file["file"])
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_ENROLMENT and "import it at headquarters" in wizard.enrolment.message.text()
    wizard.enrolment.path.setText(good["file"])
    wizard.next()
    # the fingerprint is shown, and the key is not taken before it was compared by telephone
    assert wizard.currentId() == wizard.PAGE_ENROLMENT
    assert good["fingerprint"] in wizard.enrolment.details.text()
    assert "Compare the fingerprint" in wizard.enrolment.message.text()
    wizard.enrolment.compared.setChecked(True)
    wizard.next()
    assert wizard.currentId() == wizard.PAGE_SUMMARY
    assert good["fingerprint"] in wizard.summary.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.enrolled is not None
    assert ExchangePeer.get(ExchangePeer.kind == "hq").code == "HQ"


def test_headquarters_skips_the_enrolment_page(wizard):
    from app.services import ui_queries

    fill(wizard, code="HQ", name="总部服务部", hq=True)
    assert wizard.currentId() == wizard.PAGE_SUMMARY
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert ui_queries.local_branch()["code"] == "HQ"


def test_quitting_writes_nothing(wizard):
    from app.services import ui_queries

    fill(wizard)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert not ui_queries.is_set_up()


def test_the_wizard_speaks_chinese(desk_app, empty_desk, qtbot):
    from ui import application
    from ui.first_run import FirstRunWizard

    application.install_language(desk_app, "zh_CN")
    try:
        dialog = FirstRunWizard()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() != "Complaint Desk - First start"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in dialog.branch.title() + dialog.windowTitle())
        dialog.show()
        dialog.next()
        dialog.branch.code.setText("x")
        dialog.branch.name.setText("北京")
        dialog.next()
        assert "大写字母或数字" in dialog.branch.message.text()
    finally:
        application.install_language(desk_app, "en")
