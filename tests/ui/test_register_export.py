"""The register exported from the window as Excel: every cell typed as text, so a mobile never becomes 1.38E+10
and a number never turns into a date when the branch works on the file."""
from __future__ import annotations

from openpyxl import load_workbook

from ui import sample_data


def test_the_register_exports_as_excel_with_text_typed_cells(desk, qtbot, tmp_path):
    main = desk.main_window("wangfang")
    numbers = sample_data.populate(desk.actors, desk.now)
    view = main.go_to("register")
    view.refresh()
    view.show_column([c.key for c in view.model.columns].index("mobile"), True)
    target = tmp_path / "register.xlsx"
    op = view.start_export(str(target))
    qtbot.waitUntil(lambda: op.done, timeout=10000)
    assert op.error is None and op.result == len(numbers)

    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Number" and "Mobile" in rows[0]
    assert len(rows) == len(numbers) + 1
    mobile = rows[0].index("Mobile")
    assert {r[0] for r in rows[1:]} == set(numbers.values())
    for index in range(2, len(rows) + 1):
        cell = sheet.cell(row=index, column=mobile + 1)
        assert isinstance(cell.value, str) and cell.number_format == "@"
        assert cell.value == "" or cell.value.isdigit() and len(cell.value) == 11
    assert any(r[mobile] for r in rows[1:])
