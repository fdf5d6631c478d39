"""First run 首次运行: a wizard that sets up a new desk on an empty database.

Pages: welcome; the branch (code and name, or headquarters); the administrator (account and password twice);
the headquarters enrolment file (optional, a branch only); a summary. Finishing calls
``app.services.setup.init_database`` (one transaction) and, when a file was chosen, enrols headquarters through
``app.exchange.keys.import_enrolment``. Each page checks its fields with the core's rules and shows the core's
message; nothing is written before the last page.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
    QWizard, QWizardPage,
)

from app import i18n
from app.errors import DeskError
from app.services import exchange
from ui import dialogs, ops, widgets


def core_message(exc: BaseException) -> str:
    """The core's message in the user's language, without the command-line option it names."""
    if not isinstance(exc, DeskError):
        return ops.failure_text(exc)
    params = {k: i18n.join(v) if isinstance(v, (list, tuple)) else v for k, v in exc.params.items()}
    return i18n.t(exc.message, **params)


class _Page(QWizardPage):
    """A page with a message banner under its fields."""

    def __init__(self, title: str, subtitle: str = ""):
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        self.message = widgets.banner()
        self.layout_.addWidget(self.message)

    def problem(self, text: str, widget: QWidget | None = None) -> bool:
        widgets.set_banner(self.message, text)
        if widget is not None:
            widgets.mark(widget, text)
            widget.setFocus()
        return False

    def clear(self, *fields: QWidget) -> None:
        widgets.set_banner(self.message, "")
        for field in fields:
            widgets.mark(field, None)


class WelcomePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Welcome to Complaint Desk"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "This computer has no complaint database yet. The next pages set it up:\n\n"
            "1. the branch this desk belongs to;\n"
            "2. its administrator, who then adds the desk's users in Settings;\n"
            "3. optionally, the enrolment file headquarters sent on a USB stick, so that exports to "
            "headquarters can be signed and encrypted.\n\n"
            "Nothing is saved until you press Create on the last page."))
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addStretch(1)


class BranchPage(_Page):
    def __init__(self):
        super().__init__(self.tr("The branch"),
                         self.tr("The code is printed in every case number, for example BJ01-2026-00001."))
        self.code = QLineEdit()
        self.code.setPlaceholderText("BJ01")
        self.code.setMaxLength(16)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 北京朝阳支公司"))
        self.hq = QCheckBox(self.tr("This desk is headquarters (it receives the branches' exports)"))
        self.form.addRow(self.tr("Branch code"), self.code)
        self.form.addRow(self.tr("Branch name"), self.name)
        self.form.addRow("", self.hq)
        self.code.textEdited.connect(lambda text: self.code.setText(text.upper()))

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        from app.services import setup

        self.clear(self.code, self.name)
        if not setup.BRANCH_CODE.match(self.code.text().strip()):
            return self.problem(self.tr("Branch code") + ": " +
                                i18n.t("must be 2-16 capital letters or digits, such as BJ01"), self.code)
        if not self.name.text().strip():
            return self.problem(self.tr("Branch name") + ": " + i18n.t("must not be empty"), self.name)
        return True


class AdminPage(_Page):
    def __init__(self):
        super().__init__(self.tr("The administrator"),
                         self.tr("The administrator manages users, departments, backups and the exchange with "
                                 "headquarters. Keep the password somewhere safe."))
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        from app.services import auth, setup

        self.clear(self.username, self.password, self.repeat)
        if not setup.USERNAME.match(self.username.text().strip()):
            return self.problem(self.tr("User name") + ": " +
                                i18n.t("must be 2-64 letters, digits, '.', '_' or '-'"), self.username)
        if ops.call(auth.check_new_password, self.password.text(), on_error=lambda exc, text: self.problem(
                self.tr("Password") + ": " + core_message(exc), self.password)) is ops.FAILED:
            return False
        if self.password.text() != self.repeat.text():
            return self.problem(self.tr("The two passwords differ."), self.repeat)
        return True


class EnrolmentPage(_Page):
    """Optional: the enrolment file headquarters gave the branch (its public keys)."""

    def __init__(self):
        super().__init__(self.tr("Headquarters enrolment file"),
                         self.tr("Optional. Choose the file headquarters sent (complaint-desk enrolment, .json). "
                                 "You can also import it later: Exchange > Import an enrolment file…"))
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No file: enrol later"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self.choose)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.form.addRow(self.tr("File"), row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow("", self.details)
        # the key is taken only once the fingerprint was compared with headquarters by telephone
        self.compared = QCheckBox(self.tr("I compared this fingerprint with headquarters by telephone: it is the same"))
        self.compared.setVisible(False)
        self.form.addRow("", self.compared)
        self.document = None
        self._read_path = ""
        self.path.textChanged.connect(self._path_changed)

    def _path_changed(self, _text: str) -> None:
        self.details.clear()
        self.compared.setChecked(False)
        self.compared.setVisible(False)

    def choose(self) -> None:
        from ui import dialogs
        from ui.exchange_dialogs import first_stick

        path = dialogs.open_file(self, self.tr("Headquarters enrolment file"),
                                 self.tr("Enrolment files (*.json);;All files (*)"), folder=first_stick())
        if path:
            self.path.setText(path)
            self.read()

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        path = self.path.text().strip()
        if not path:
            self.document = None
            self.clear(self.path)
            return True
        if self.document is None or path != self._read_path:
            if not self.read():
                return False
        if not self.compared.isChecked():
            return self.problem(self.tr("Compare the fingerprint with headquarters by telephone, then tick the box "
                                        "(or clear the file to enrol later)."), self.compared)
        return True

    def read(self) -> bool:
        """Read and check the chosen file; show headquarters' name and fingerprint to compare."""
        self.clear(self.path)
        self.document = None
        path = self.path.text().strip()
        if not path:
            return True
        document = ops.call(exchange.read_enrolment, path,
                            on_error=lambda exc, text: self.problem(core_message(exc), self.path))
        if document is ops.FAILED:
            return False
        if document["kind"] != "hq":
            return self.problem(i18n.t("This is a branch enrolment file: import it at headquarters."), self.path)
        self.document = document
        self._read_path = path
        self.compared.setVisible(True)
        self.details.setText(self.tr("Headquarters: {name} ({code})\nFingerprint: {fingerprint}\nCompare the "
                                     "fingerprint with the one headquarters gives you by telephone.")
                             .format(name=document["name"], code=document["code"],
                                     fingerprint=document["fingerprint"]))
        return True


class SummaryPage(_Page):
    def __init__(self):
        super().__init__(self.tr("Ready to create the desk"),
                         self.tr("Check the details, then press Create."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.summary)
        self.setFinalPage(True)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard: FirstRunWizard = self.wizard()
        widgets.set_banner(self.message, "")
        lines = [
            self.tr("Branch: {code} {name}").format(code=wizard.branch.code.text().strip(),
                                                   name=wizard.branch.name.text().strip()),
            self.tr("Mode: headquarters") if wizard.branch.hq.isChecked() else self.tr("Mode: branch desk"),
            self.tr("Administrator: {user}").format(user=wizard.admin.username.text().strip()),
        ]
        enrolment = wizard.enrolment.document
        if enrolment and not wizard.branch.hq.isChecked():
            lines.append(self.tr("Headquarters: {name} ({code}), fingerprint {fingerprint}").format(
                name=enrolment["name"], code=enrolment["code"], fingerprint=enrolment["fingerprint"]))
        elif not wizard.branch.hq.isChecked():
            lines.append(self.tr("Headquarters: not enrolled yet (later: Exchange > Import an enrolment file…)"))
        self.summary.setText("\n".join(lines))


class FirstRunWizard(QWizard):
    """The first-run set-up. ``exec()`` is Accepted once the database holds the branch and its admin."""

    PAGE_WELCOME, PAGE_BRANCH, PAGE_ADMIN, PAGE_ENROLMENT, PAGE_SUMMARY = range(5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complaint Desk - First start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.result_info: dict | None = None
        self.enrolled: dict | None = None
        self.branch = BranchPage()
        self.admin = AdminPage()
        self.enrolment = EnrolmentPage()
        self.summary = SummaryPage()
        self.setPage(self.PAGE_WELCOME, WelcomePage())
        self.setPage(self.PAGE_BRANCH, self.branch)
        self.setPage(self.PAGE_ADMIN, self.admin)
        self.setPage(self.PAGE_ENROLMENT, self.enrolment)
        self.setPage(self.PAGE_SUMMARY, self.summary)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Quit"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setMinimumSize(620, 440)

    def nextId(self) -> int:  # noqa: N802 - Qt API
        if self.currentId() == self.PAGE_ADMIN and self.branch.hq.isChecked():
            return self.PAGE_SUMMARY  # headquarters enrols its branches later, one file per branch
        return super().nextId()

    def accept(self) -> None:
        """Create the database (and enrol headquarters); a refusal stays on the page with the core's message."""
        from app.services import auth, setup

        code = self.branch.code.text().strip().upper()
        admin = self.admin.username.text().strip()
        password = self.admin.password.text()
        info = ops.call(setup.init_database, code, self.branch.name.text().strip(), admin, password,
                        hq=self.branch.hq.isChecked(),
                        on_error=lambda exc, text: widgets.set_banner(self.summary.message, core_message(exc)))
        if info is ops.FAILED:
            return
        self.result_info = info
        document = self.enrolment.document
        if document is not None and not self.branch.hq.isChecked():
            def not_enrolled(exc, text):  # the desk exists; enrolment can be repeated under Data exchange
                dialogs.error(self, self.tr("Headquarters enrolment file"),
                              self.tr("The desk was created, but headquarters could not be enrolled: {error}\n"
                                      "Import the file again: Exchange > Import an enrolment file…").format(
                                  error=core_message(exc)))

            admin_actor = ops.call(auth.sign_in, admin, password, on_error=not_enrolled)
            if admin_actor is not ops.FAILED:
                enrolled = ops.call(exchange.import_enrolment, admin_actor, self.enrolment.path.text().strip(),
                                    on_error=not_enrolled)
                self.enrolled = None if enrolled is ops.FAILED else enrolled
        super().accept()
