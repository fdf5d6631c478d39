"""The example cases of tests/data/cases.json through the command line (case add), one of them through python -m app."""
from __future__ import annotations

import json

import pytest
from tests.conftest import CLI, PASSWORD, cli_template, example_cases


def build_desk(cli: CLI) -> None:
    """Admin, reception and a supervisor (as conftest's ``cli_desk``), built once per module and copied for
    each test."""
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    for user, name, role, extra in (
        ("rec", "王芳", "reception", ["--department", "客服部"]),
        ("sup", "刘经理", "supervisor", ["--department", "客服部"]),
    ):
        cli.ok("user", "add", user, "--name", name, "--role", role, *extra, "--as", "admin", password=PASSWORD,
               new_password="initial-1")
        cli.ok("user", "passwd", user, "--as", user, password="initial-1", new_password=PASSWORD)


template, desk_cli = cli_template(build_desk)


EXAMPLES = example_cases()


def compare(answer: dict, expect: dict) -> None:
    """Only the keys given in "expect", deadlines key by key."""
    for key, wanted in expect.items():
        if key == "deadlines":
            for name, moment in wanted.items():
                assert answer["deadlines"].get(name) == moment, name
        else:
            assert answer[key] == wanted, key


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{i}-{e['case']['kind']}" for i, e in enumerate(EXAMPLES)])
def test_example_through_case_add(example, desk_cli, tmp_path):
    case, expect = example["case"], example["expect"]
    source = tmp_path / "case.json"
    source.write_text(json.dumps(case, ensure_ascii=False, indent=1), encoding="utf-8")
    answer = desk_cli.ok("case", "add", "--json", str(source), "--as", "rec", password=PASSWORD)
    compare(answer, expect)
    assert answer["number"] == "BJ01-" + case["received_at"][:4] + "-00001"
    if case["kind"] == "report":
        assert answer["deadlines"] == {}                      # no clock: it goes to the general manager
    elif len(expect.get("deadlines", {})) == 4:
        assert answer["deadlines"] == expect["deadlines"]     # nothing missing, nothing extra

    # the registered case reads the same through `case show`, intake fields as they went in
    viewer = "admin" if case["kind"] == "report" else "sup"
    shown = desk_cli.ok("case", "show", answer["number"], "--as", viewer, password=PASSWORD)
    compare(shown, expect)
    for key, value in case.items():
        assert shown[key] == value, key
    if case["kind"] == "report":
        # R2: hidden from everyone but the general manager and admin, the receiver included
        hidden = desk_cli.run("case", "show", answer["number"], "--as", "sup", password=PASSWORD)
        assert hidden.code == 1 and answer["number"] in hidden.err and "Traceback" not in hidden.err
        assert hidden.out == ""


def test_example_from_standard_input_of_python_m_app(desk_cli):
    example = EXAMPLES[1]
    program = CLI(desk_cli.db, process=True)  # the real program, reading its standard input
    answer = program.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                        stdin=json.dumps(example["case"], ensure_ascii=False))
    compare(answer, example["expect"])
