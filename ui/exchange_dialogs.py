"""The USB exchange windows: export to a removable drive (branch) and import of several files (headquarters,
or a branch importing a policy bundle or a receipt). The work runs off the GUI thread through ``ui.ops``; the
strings use the core's message catalogue (registered here with their Chinese), like the core's messages."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import i18n
from app.services import backups, exchange
from ui import dialogs, ops, widgets

t = i18n.t

i18n.register({
    "Export to headquarters": "导出到总部",
    "Drive": "U盘",
    "Other folder…": "其他文件夹…",
    "No removable drive found: plug in the USB stick, or choose a folder.": "未找到可移动磁盘：请插入U盘，或选择一个文件夹。",
    "{name} ({free} free)": "{name}（可用 {free}）",
    "Everything headquarters has not yet confirmed is written as one signed, encrypted file.":
        "总部尚未确认的全部记录将写成一个已签名、已加密的文件。",
    "Export": "导出",
    "Close": "关闭",
    "Exporting…": "正在导出…",
    "Choose a drive or folder first.": "请先选择U盘或文件夹。",
    "Safe to remove the drive.\nWritten and read back: {file}\nin {folder} ({size})\nBundle no. {sequence}: {cases} cases, {notices} rectification notices, {history} history entries ({records} records in all).":
        "现在可以安全拔出U盘。\n已写入并回读核对：{file}\n位置：{folder}（{size}）\n数据包序号 {sequence}：案件 {cases} 件，整改通知书 {notices} 份，历史记录 {history} 条（共 {records} 条记录）。",
    "Import from a drive": "从U盘导入",
    "Add files…": "添加文件…",
    "Import": "导入",
    "Importing…": "正在导入…",
    "File": "文件",
    "Result": "结果",
    "Waiting": "等待导入",
    "Exchange files (*.cdbundle *.cdpolicy *.cdreceipt);;All files (*)": "交换文件 (*.cdbundle *.cdpolicy *.cdreceipt);;所有文件 (*)",
    "Imported: {inserted} new, {updated} updated, {identical} unchanged, {older} older skipped, {conflicts} conflicts.":
        "已导入：新增 {inserted}，更新 {updated}，未变 {identical}，跳过旧版本 {older}，冲突 {conflicts}。",
    "Already imported: nothing changed.": "此前已导入：无任何变化。",
    "Policy applied (no. {sequence}).": "政策已应用（序号 {sequence}）。",
    "Policy already applied.": "该政策此前已应用。",
    "Receipt accepted: headquarters holds bundle no. {sequence}.": "回执已接受：总部已收到序号 {sequence} 的数据包。",
    "Receipt already accepted.": "该回执此前已接受。",
    "Refused: {error}": "拒绝：{error}",
    "{imported} of {total} files imported, {refused} refused.": "{total} 个文件中 {imported} 个已导入，{refused} 个被拒绝。",
    "Choose the files to import first.": "请先添加要导入的文件。",
    " {count} kept aside: a value headquarters does not accept (listed below).":
        " {count} 条记录被隔离：含总部不接受的取值（见下表）。",
    " Headquarters kept aside {count} records: a value it does not accept (listed below); correct them and export again.":
        " 总部隔离了 {count} 条记录：含其不接受的取值（见下表）；请更正后重新导出。",
    "Records kept aside": "被隔离的记录",
    "Branch": "机构",
    "Record": "记录",
    "Field": "字段",
    "Problem": "问题",
    "E&xchange": "数据交换(&X)",
    "Export to headquarters…": "导出到总部…",
    "Import files…": "导入文件…",
    "Write this desk's enrolment file…": "生成本机构登记文件…",
    "Import an enrolment file…": "导入登记文件…",
    "Export the policy for branches…": "导出下发给分支机构的政策…",
    "Back up to a drive…": "备份到U盘…",
    "Restore from a backup…": "从备份恢复…",
    "Backup on the server…": "服务器上的备份…",
    "Write the backup without a password? Anyone holding the drive can then read the customers' personal data.":
        "不设密码写入备份？任何拿到该U盘的人都能读取客户个人信息。",
    "Backup written, sealed with its password, and checked: {file} ({size}).\nKeep the password on paper apart from the drive: without it the backup cannot be restored.":
        "备份已加密写入并通过检查：{file}（{size}）。\n请将密码写在纸上并与U盘分开保管：没有密码将无法恢复该备份。",
    "Replace this desk's database with a backup. The current file is kept aside, the numbers issued since the backup are recorded as voided, and everyone signs in again.":
        "用备份替换本机数据库。当前文件会另行保留，备份之后发出的编号将登记为作废，所有人需重新登录。",
    "Backup": "备份",
    "Backing up…": "正在备份…",
    "Backup written and checked: {file} ({size}).\nIt holds the customers' personal data unencrypted: keep the drive locked away.":
        "备份已写入并通过检查：{file}（{size}）。\n备份含未加密的客户个人信息：请妥善锁存该U盘。",
    "Enrolment files (*.json);;All files (*)": "登记文件 (*.json);;所有文件 (*)",
    "Policy bundles (*.cdpolicy)": "政策包 (*.cdpolicy)",
    "Enrolment": "登记",
    "Policy": "政策",
    "Written: {file}\nFingerprint: {fingerprint}\nRead the fingerprint to the other side by telephone.":
        "已写入：{file}\n指纹：{fingerprint}\n请通过电话向对方核对指纹。",
    "{code} {name} enrolled.\nFingerprint: {fingerprint}\nCompare it with the one the other side reads to you.":
        "已登记 {code} {name}。\n指纹：{fingerprint}\n请与对方电话告知的指纹核对。",
    "{code} {name} was already enrolled with this key.": "{code} {name} 此前已用这把密钥登记。",
    "Policy no. {sequence} written: {file}": "已写入第 {sequence} 号政策：{file}",
})


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def removable_drives() -> list[tuple[str, str, int]]:
    """(label, root path, free bytes) of the writable removable drives that are mounted now."""
    from app.services import files

    return files.removable_drives()


def first_stick() -> str | None:
    """The first removable drive, where a file dialog of the exchange opens (None: none plugged in)."""
    drives = removable_drives()
    return drives[0][1] if drives else None


def on_stick(name: str) -> str:
    """``name`` on the first removable drive (the file dialog opens there), or ``name`` alone without one."""
    stick = first_stick()
    return os.path.join(stick, name) if stick else name


class ExportDialog(QDialog):
    """Choose the drive, export with progress (cancellable), then "safe to remove" with the file written."""

    def __init__(self, session, parent=None, drives=None):
        super().__init__(parent)
        self.session = session
        self.result_data: dict | None = None
        self.op = None
        self.setWindowTitle(t("Export to headquarters"))
        layout = QVBoxLayout(self)
        intro = QLabel(t("Everything headquarters has not yet confirmed is written as one signed, encrypted file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("Drive")))
        self.drive = QComboBox()
        row.addWidget(self.drive, 1)
        self.other = QPushButton(t("Other folder…"))
        self.other.clicked.connect(self.choose_folder)
        row.addWidget(self.other)
        layout.addLayout(row)
        self.banner = widgets.banner()
        layout.addWidget(self.banner)
        self.export_button = QPushButton(t("Export"))
        self.export_button.clicked.connect(self.start)
        self.close_button = QPushButton(t("Close"))
        self.close_button.clicked.connect(self.reject)
        layout.addLayout(widgets.button_row(self.export_button, self.close_button))
        self.setMinimumWidth(560)
        self.fill_drives(removable_drives() if drives is None else drives)

    def fill_drives(self, drives) -> None:
        self.drive.clear()
        for name, root, free in drives:
            self.drive.addItem(t("{name} ({free} free)", name=name, free=human_size(free)), root)
        if not drives:
            widgets.set_banner(self.banner, t("No removable drive found: plug in the USB stick, or choose a folder."),
                               "error")

    def choose_folder(self) -> None:
        folder = dialogs.choose_folder(self, t("Other folder…"))
        if folder:
            self.use_folder(folder)

    def use_folder(self, folder: str) -> None:
        self.drive.addItem(folder, folder)
        self.drive.setCurrentIndex(self.drive.count() - 1)
        widgets.set_banner(self.banner, "")

    def folder(self) -> str | None:
        return self.drive.currentData()

    def start(self):
        folder = self.folder()
        if not folder:
            widgets.set_banner(self.banner, t("Choose a drive or folder first."))
            return None
        actor = self.session.actor
        widgets.set_banner(self.banner, "")
        self.export_button.setEnabled(False)

        def work(state):
            return exchange.export_bundle(actor, folder, progress=lambda done, total, text=None: state.progress(done, total, text))

        self.op = ops.run_op(self, work, label=t("Exporting…"), on_success=self.exported, on_failure=self.failed)
        self.op.finished.connect(lambda: self.export_button.setEnabled(self.result_data is None))
        return self.op

    def exported(self, result: dict) -> None:
        self.result_data = result
        counts = result.get("counts") or {}
        path = Path(result["file"])
        # the whole name on its own line (the banner wraps at spaces, never inside the name) and what it holds
        widgets.set_banner(self.banner, t(
            "Safe to remove the drive.\nWritten and read back: {file}\nin {folder} ({size})\nBundle no. {sequence}: "
            "{cases} cases, {notices} rectification notices, {history} history entries ({records} records in all).",
            file=path.name, folder=str(path.parent), size=human_size(int(result.get("bytes") or 0)),
            sequence=result["sequence"], cases=counts.get("case", 0), notices=counts.get("rectification_notice", 0),
            history=counts.get("history", 0), records=result["records"]), "ok")
        self.setMinimumWidth(max(self.minimumWidth(), self.fontMetrics().horizontalAdvance(path.name) + 80))
        self.adjustSize()
        self.export_button.setEnabled(False)
        self.close_button.setDefault(True)

    def failed(self, exc: BaseException) -> None:
        widgets.set_banner(self.banner, ops.failure_text(exc))


def describe(result: dict) -> str:
    """One line for a file's result in the import window."""
    status = result.get("status")
    if status == "refused":
        return t("Refused: {error}", error=result["error"])
    if result.get("kind") == "policy":
        return t("Policy applied (no. {sequence}).", sequence=result["sequence"]) if status == "applied" \
            else t("Policy already applied.")
    if result.get("kind") == "receipt":
        line = t("Receipt accepted: headquarters holds bundle no. {sequence}.", sequence=result["sequence"]) \
            if status == "acknowledged" else t("Receipt already accepted.")
        if result.get("refused"):
            line += t(" Headquarters kept aside {count} records: a value it does not accept (listed below); correct "
                      "them and export again.", count=len(result["refused"]))
        return line
    if status == "already_imported":
        return t("Already imported: nothing changed.")
    counts = {"inserted": 0, "updated": 0, "identical": 0, "older": 0, "conflicts": 0, **(result.get("counts") or {})}
    line = t("Imported: {inserted} new, {updated} updated, {identical} unchanged, {older} older skipped, "
             "{conflicts} conflicts.", **counts)
    if result.get("refused"):
        line += t(" {count} kept aside: a value headquarters does not accept (listed below).",
                  count=len(result["refused"]))
    return line


# what a record and a field kept aside are called on screen (never the program's own names in Chinese)
TABLE_NAMES = {
    "case": ("Case", "案件"), "contact_attempt": ("Contact attempt", "联系记录"),
    "investigation_entry": ("Investigation entry", "调查记录"), "conclusion": ("Conclusion", "处理结论"),
    "reply": ("Reply", "回复记录"), "approval": ("Approval", "审批记录"), "revisit": ("Revisit", "回访记录"),
    "pending_matter": ("Pending matter", "未了事宜"), "transfer": ("Transfer", "转办记录"),
    "rectification_notice": ("Rectification notice", "整改通知书"), "print_record": ("Print record", "打印记录"),
    "history": ("History entry", "历史记录"), "user": ("User", "用户"), "department": ("Department", "部门"),
    "branch": ("Branch", "机构"), "number_series": ("Number series", "编号序列"),
    "voided_number": ("Voided number", "作废编号"),
}
FIELD_NAMES = {
    "complainant_count": "投诉人数", "amount_value": "涉及金额", "amount_line": "金额所属业务", "received_at": "受理时间",
    "summary": "内容概要", "content": "投诉内容", "reason": "缘由", "desired_remedy": "客户诉求",
    "complainant_name": "投诉人姓名", "complainant_address": "住址", "contact_name": "联系人", "mobile": "手机",
    "phone": "联系电话", "state": "状态", "kind": "类型", "origin": "来源", "channel": "受理渠道",
    "category": "类别", "severity": "严重程度", "note": "记录内容", "cause": "致诉原因", "result": "结果",
    "opinion": "处理意见", "text": "意见", "comment": "意见", "at": "时间", "display_name": "姓名", "name": "名称",
    "problem": "问题", "corrective": "纠正措施", "preventive": "预防措施", "after": "变更内容", "before": "变更前内容",
    "number": "编号", "method": "方式", "satisfaction": "满意度", "facts": "事实认定", "round": "轮次",
}


def table_name(table: str) -> str:
    english, chinese = TABLE_NAMES.get(table, (table.replace("_", " ").capitalize(), "记录"))
    return chinese if i18n.language() == "zh_CN" else english


def field_name(field: str) -> str:
    if i18n.language() == "zh_CN":
        return FIELD_NAMES.get(field, "其他字段")
    return field.replace("_", " ")


def kept_aside(results: list[dict]) -> list[tuple[str, str, str, str]]:
    """(branch, record, field, problem in the user's language) of every record kept aside in these results: those
    headquarters refused while importing a bundle, or those a receipt names."""
    out = []
    for result in results:
        for item in result.get("refused") or ():
            problem = item.get("problem") or ""
            if item.get("params") is not None or result.get("kind") != "receipt":
                problem = t(problem, **(item.get("params") or {}))
            out.append((str(result.get("branch") or ""),
                        f"{table_name(str(item.get('table') or ''))} {item.get('label') or item.get('uuid')}",
                        field_name(str(item.get("field") or "")), problem))
    return out


class ImportDialog(QDialog):
    """Several files at once, each imported on its own (all or nothing), with a result line per file."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.files: list[str] = []
        self.results: list[dict] = []
        self.op = None
        self.setWindowTitle(t("Import from a drive"))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([t("File"), t("Result")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.aside_label = QLabel(t("Records kept aside"))
        self.aside = QTableWidget(0, 4)
        self.aside.setHorizontalHeaderLabels([t("Branch"), t("Record"), t("Field"), t("Problem")])
        for column in range(3):
            self.aside.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.aside.horizontalHeader().setStretchLastSection(True)
        self.aside.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.aside_label.setVisible(False)
        self.aside.setVisible(False)
        layout.addWidget(self.aside_label)
        layout.addWidget(self.aside, 1)
        self.banner = widgets.banner()
        layout.addWidget(self.banner)
        self.add_button = QPushButton(t("Add files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.import_button = QPushButton(t("Import"))
        self.import_button.clicked.connect(self.start)
        close = QPushButton(t("Close"))
        close.clicked.connect(self.accept)
        layout.addLayout(widgets.button_row(self.import_button, close, leading=self.add_button))

    def choose_files(self) -> None:
        paths = dialogs.open_files(self, t("Add files…"),
                                   t("Exchange files (*.cdbundle *.cdpolicy *.cdreceipt);;All files (*)"),
                                   folder=first_stick())
        self.add_files(paths)

    def add_files(self, paths) -> None:
        for path in paths:
            path = os.fspath(path)
            if path in self.files:
                continue
            self.files.append(path)
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(Path(path).name))
            self.table.setItem(row, 1, QTableWidgetItem(t("Waiting")))

    def start(self):
        if not self.files:
            widgets.set_banner(self.banner, t("Choose the files to import first."))
            return None
        files = list(self.files)
        actor = self.session.actor
        self.import_button.setEnabled(False)
        widgets.set_banner(self.banner, "")

        def work(state):
            return exchange.import_files(actor, files, progress=state.progress)

        self.op = ops.run_op(self, work, label=t("Importing…"), on_success=self.imported, on_failure=self.failed)
        self.op.finished.connect(lambda: self.import_button.setEnabled(True))
        return self.op

    def imported(self, results: list[dict]) -> None:
        self.results = results
        refused = 0
        for row, result in enumerate(results):
            item = QTableWidgetItem(describe(result))
            item.setToolTip(item.text())
            if result.get("status") == "refused":
                refused += 1
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, 1, item)
        self.table.resizeRowsToContents()
        aside = kept_aside(results)
        self.aside.setRowCount(0)
        for values in aside:
            row = self.aside.rowCount()
            self.aside.insertRow(row)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.aside.setItem(row, column, item)
        self.aside_label.setVisible(bool(aside))
        self.aside.setVisible(bool(aside))
        widgets.set_banner(self.banner, t("{imported} of {total} files imported, {refused} refused.",
                                          imported=len(results) - refused, total=len(results), refused=refused),
                           "error" if refused else "ok")

    def failed(self, exc: BaseException) -> None:
        widgets.set_banner(self.banner, ops.failure_text(exc))


def install_exchange_menu(window: QMainWindow) -> list[QAction]:
    """Add the Exchange menu to a main window that has a ``session``: export, import, enrolment and (at
    headquarters) policy export. Only administrators (and headquarters users) see it."""
    from ui import dialogs

    session = window.session
    role = getattr(session.actor, "role", "")
    if role not in ("admin", "hq"):
        return []
    hq = bool(session.branch.get("hq") or session.branch.get("is_hq"))
    menu = window.menuBar().addMenu(t("E&xchange"))
    actions = []

    def add(text, slot):
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        actions.append(action)

    def write_enrolment():
        path = dialogs.save_file(window, t("Enrolment"), on_stick(f"CDESK-ENROL-{session.actor.branch_code}.json"),
                                 t("Enrolment files (*.json);;All files (*)"))
        if not path:
            return
        done = ops.call(exchange.write_enrolment, path, parent=window, title=t("Enrolment"))
        if done is ops.FAILED:
            return
        dialogs.info(window, t("Enrolment"), t("Written: {file}\nFingerprint: {fingerprint}\nRead the fingerprint to "
                                               "the other side by telephone.", file=done["file"],
                                               fingerprint=done["fingerprint"]))

    def import_enrolment():
        path = dialogs.open_file(window, t("Import an enrolment file…"), t("Enrolment files (*.json);;All files (*)"),
                                 folder=first_stick())
        if not path:
            return
        done = ops.call(exchange.import_enrolment, session.actor, path, parent=window, title=t("Enrolment"),
                        changed="enrolment")
        if done is ops.FAILED:
            return
        text = ("{code} {name} was already enrolled with this key." if done["status"] == "already_enrolled" else
                "{code} {name} enrolled.\nFingerprint: {fingerprint}\nCompare it with the one the other side reads "
                "to you.")
        dialogs.info(window, t("Enrolment"), t(text, code=done["code"], name=done["name"],
                                               fingerprint=done["fingerprint"]))

    def export_policy():
        path = dialogs.save_file(window, t("Policy"), on_stick("CDESK-POLICY.cdpolicy"), t("Policy bundles (*.cdpolicy)"))
        if not path:
            return
        done = ops.call(exchange.export_policy, session.actor, path, parent=window, title=t("Policy"))
        if done is ops.FAILED:
            return
        dialogs.info(window, t("Policy"), t("Policy no. {sequence} written: {file}", sequence=done["sequence"],
                                            file=done["file"]))

    if not hq:
        add(t("Export to headquarters…"), lambda: ExportDialog(session, window).exec())
    add(t("Import files…"), lambda: ImportDialog(session, window).exec())
    if role == "admin" and not hq:  # the registers the branch kept before the program
        from ui.register_import import RegisterImportDialog, menu_text

        add(menu_text(), lambda: RegisterImportDialog(session, window).exec())
    menu.addSeparator()
    add(t("Write this desk's enrolment file…"), write_enrolment)
    add(t("Import an enrolment file…"), import_enrolment)
    def back_up():
        folder = dialogs.choose_folder(window, t("Back up to a drive…"), folder=first_stick())
        if not folder:
            return None
        secret = dialogs.backup_password(window)
        if secret is None or (not secret and not dialogs.ask(window, t("Backup"), t(
                "Write the backup without a password? Anyone holding the drive can then read the customers' "
                "personal data."))):
            return None

        def work(state):
            return backups.manual_backup(session.actor, session.db_target, folder, password=secret or None,
                                        progress=lambda done, total: state.progress(done, total))

        def written(done):
            size = f"{Path(done['file']).stat().st_size / 1e6:.1f} MB"
            if done.get("sealed"):
                text = t("Backup written, sealed with its password, and checked: {file} ({size}).\nKeep the password "
                         "on paper apart from the drive: without it the backup cannot be restored.",
                         file=done["file"], size=size)
            else:
                text = t("Backup written and checked: {file} ({size}).\nIt holds the customers' personal data "
                         "unencrypted: keep the drive locked away.", file=done["file"], size=size)
            dialogs.info(window, t("Backup"), text)

        return ops.run_op(window, work, label=t("Backing up…"), on_success=written,
                          on_failure=lambda exc: dialogs.error(window, t("Backup"), ops.failure_text(exc)))

    if hq:
        add(t("Export the policy for branches…"), export_policy)
    def restore_backup():
        from ui.restore import RestoreDialog

        latest = backups.latest_backup(session.db_target)
        found = backups.IntegrityResult(ok=True, exists=True, path=str(session.db_target), detail="ok", message=t(
            "Replace this desk's database with a backup. The current file is kept aside, the numbers issued since "
            "the backup are recorded as voided, and everyone signs in again."),
                                latest_backup=latest["file"] if latest else None)
        if RestoreDialog(found, window).exec() != QDialog.DialogCode.Accepted:
            return False
        if getattr(window, "desk", None) is not None:
            window.desk.sign_out()
        else:
            window.close()
        return True

    if role == "admin" and not backups.on_server(session.db_target):  # a SQLite file
        menu.addSeparator()
        add(t("Back up to a drive…"), back_up)
        add(t("Restore from a backup…"), restore_backup)
    elif role == "admin":  # PostgreSQL: the server backs it up; the administrator who looks for it is told how
        menu.addSeparator()
        add(t("Backup on the server…"), lambda: dialogs.info(window, t("Backup"), backups.server_backup_text()))
    return actions
