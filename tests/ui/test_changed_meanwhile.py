"""Two people on one case: an action taken on a case that somebody else saved after the window showed it is not
done over what the user never saw. The window says who changed it, shows the case as it is now, and the action
can be taken again on that."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import ChangedMeanwhile
from app.services import cases
from tests.ui.conftest import SAMPLE_NOW as NOW
from ui import application, sample_data


def registered(desk) -> str:
    slip = desk.main_window("wangfang").new_slip(draft=sample_data.case_document(NOW))
    slip.register()
    return slip.number


@pytest.mark.parametrize("language, expected", [
    ("en", "was changed after you opened it (assign by 陈静 at"),
    ("zh_CN", "在您打开后已被更改（陈静 于"),
])
def test_an_action_on_an_outdated_case_is_refused_and_the_case_shown_as_it_is_now(desk, qtbot, language, expected):
    application.install_language(desk.app, language)
    number = registered(desk)
    window = desk.main_window("chenjing").open_case(number)
    assert window.case["handler"] is None
    # meanwhile, at the supervisor's other desk, the case is given to 周敏
    cases.do_action(desk.actors["chenjing"], number, "assign", {"handler": "zhoumin"}, now=NOW + timedelta(minutes=5))
    refused = window.perform("assign", {"handler": "liuyang"})
    assert isinstance(refused, ChangedMeanwhile)
    assert expected in window.banner.text()
    assert window.case["handler"] == "zhoumin"  # shown again as it is now
    assert cases.show_case(desk.actors["chenjing"], number)["transfers"] == 0  # the refused action did nothing
    assert window.perform("assign", {"handler": "liuyang"}) is None  # decided again, on what is there now
    assert window.case["handler"] == "liuyang" and window.case["transfers"] == 1


def test_printing_the_receipt_in_the_window_does_not_make_the_next_action_outdated(desk, qtbot):
    number = registered(desk)
    window = desk.main_window("chenjing").open_case(number)
    window.print_document("receipt", "receipt").close()  # the receipt acknowledges the case: it is saved
    assert window.perform("assign", {"handler": "liuyang"}) is None
    assert window.case["handler"] == "liuyang"


def test_a_script_that_never_saw_the_case_acts_on_it_as_it_is(desk):
    number = registered(desk)
    shown = cases.show_case(desk.actors["chenjing"], number)
    cases.do_action(desk.actors["chenjing"], number, "assign", {"handler": "zhoumin"}, now=NOW + timedelta(minutes=5))
    with pytest.raises(ChangedMeanwhile):
        cases.do_action(desk.actors["chenjing"], number, "assign", {"handler": "liuyang"}, version=shown["version"])
    after = cases.do_action(desk.actors["chenjing"], number, "assign", {"handler": "liuyang"})
    assert after["handler"] == "liuyang" and after["version"] > shown["version"]
