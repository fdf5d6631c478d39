"""Demonstration data 演示数据: a branch with people and a few months of realistic cases, made through the services.

``build_demo(path)`` creates a new database at ``path`` and fills it the way a real desk would have: users are
added by the admin, cases are registered by reception and taken through assignment, contact, investigation,
conclusion, reply, approval (sometimes a return), revisit (sometimes a dissatisfied one and a second round),
deferral, rectification notices, normal and non-normal closure, voiding. Every step goes through
``app.services`` with its own moment, so deadlines, history and numbering are what the program itself made.

The result is deterministic for a seed and a day: the same seed and ``today`` give the same cases. The
windows' ``--demo`` switch opens such a database in a temporary folder; the screenshots reuse it. No Qt here.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.errors import DeskError

ZONE = ZoneInfo("Asia/Shanghai")
BRANCH_CODE = "SH01"
BRANCH_NAME = "上海分公司（演示）"
DEMO_PASSWORD = "desk-2026"  # every demo account signs in with it (the same accounts as ui/sample_data)

# (username, display name, role, department, supervisor)
PEOPLE = [
    ("chenjing", "陈静", "supervisor", "客服部", None),
    ("liujianguo", "刘建国", "supervisor", "客服部", None),
    ("wangfang", "王芳", "reception", "客服部", None),
    ("lina", "李娜", "reception", "客服部", None),
    ("liuyang", "刘洋", "handler", "客服部", "chenjing"),
    ("zhoumin", "周敏", "handler", "客服部", "chenjing"),
    ("sunlei", "孙磊", "handler", "客服部", "liujianguo"),
    ("hanbing", "韩冰", "handler", "理赔部", "chenjing"),
    ("zhenghaitao", "郑海涛", "handler", "售后服务部", "liujianguo"),
    ("huangli", "黄丽", "handler", "销售部", "liujianguo"),
    ("gm", "郑国强", "general_manager", "总经理室", None),
]
HANDLERS = ("liuyang", "zhoumin", "sunlei")
NOTICE_RECEIVER = {"客服部": "sunlei", "理赔部": "hanbing", "售后服务部": "zhenghaitao", "销售部": "huangli"}
SUPERVISORS = ("chenjing", "liujianguo")
RECEPTION = ("wangfang", "lina")
DEPARTMENT_OF = {"claims": "理赔部", "repair_quality": "售后服务部", "parts_delay": "售后服务部",
                 "delay": "理赔部", "price": "销售部", "service_attitude": "客服部", "service_quality": "客服部"}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀兰", "霞", "平", "刚", "桂英", "建华", "玉兰", "文", "志刚", "海燕", "晓东", "春梅", "国庆", "思远", "子涵",
         "雨桐", "浩然", "欣怡", "宇轩", "佳琪", "俊杰", "梓萱")
DISTRICTS = ("浦东新区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "松江区")
STREETS = ("世纪大道", "漕溪北路", "延安西路", "南京西路", "长寿路", "四川北路", "国定路", "莘庄路", "友谊路", "博乐路")
PLATE_LETTERS = "ABCDEFGHJKLMN"

# category: (reason, content template, remedy, amount line, cause, result)
STORIES = {
    "claims": ("理赔款迟迟未到账", "客户称{month}月{day}日报案，定损已完成{weeks}周，理赔款仍未到账，多次致电未获答复。",
               "尽快赔付并说明原因", "auto", "理赔单证流转延误", "已加急支付赔款并致歉"),
    "delay": ("查勘员迟到", "客户反映报案后查勘员约定两小时内到场，实际等候{hours}小时，耽误上班。",
              "查勘时效改进并道歉", "auto", "查勘调度不合理", "调整查勘排班，向客户致歉"),
    "repair_quality": ("维修后仍有异响", "车辆在合作修理厂维修后{weeks}周内出现异响，客户要求返修并更换配件。",
                       "免费返修", "repair", "维修工艺不规范", "安排免费返修并延长质保"),
    "parts_delay": ("配件迟迟未到", "客户车辆等待配件已{weeks}周，修理厂称配件缺货，客户无车可用。",
                    "提供代步车", "repair", "配件供应商延误", "协调调货并提供代步车"),
    "service_attitude": ("柜面人员态度差", "客户到柜面办理批改，称工作人员态度冷淡、解释不耐心。",
                         "工作人员道歉", "other", "员工服务意识不足", "当面致歉并组织服务培训"),
    "service_quality": ("电话多次转接无人处理", "客户拨打服务电话咨询保单，被转接{times}次仍未解决问题。",
                        "专人跟进", "other", "转接流程不清", "指定专人回电解决"),
    "price": ("续保保费上涨不明", "客户续保时保费较去年上涨{percent}%，要求说明费率调整依据。",
              "说明计费并调整", "auto", "未向客户解释费率因子", "已书面说明计费依据"),
    "product_quality": ("保险条款理解分歧", "客户认为销售时未说明免责条款，出险后被告知不在保障范围。",
                        "按约定赔付", "property", "销售告知不充分", "补充说明条款，协商部分通融赔付"),
    "safety": ("营业厅地面湿滑摔倒", "客户在营业厅等候时因地面湿滑摔倒，手肘擦伤。", "赔偿医药费",
               "accident_health", "清洁后未设警示牌", "承担医药费并增设警示"),
    "other": ("发票迟迟未寄出", "客户申请电子发票后{weeks}周仍未收到，影响报销。", "尽快开具发票", "other",
              "开票系统积压", "已重新开具并发送"),
}
CATEGORY_WEIGHTS = {"claims": 24, "delay": 10, "repair_quality": 12, "parts_delay": 8, "service_attitude": 12,
                    "service_quality": 10, "price": 8, "product_quality": 7, "safety": 3, "other": 6}
CHANNEL_WEIGHTS = {"visit": 35, "phone": 40, "letter": 6, "email": 5, "online": 6, "government": 3,
                   "hq_referral": 3, "fax": 2}
OTHER_KINDS = {
    "inquiry": ("咨询保单缴费方式", "客户来电咨询续期保费能否改为按月缴纳。", "other"),
    "suggestion": ("建议增加周末营业", "客户建议营业厅周六上午开放，方便上班族办理业务。", "other"),
    "help": ("求助补办保单", "客户保单原件遗失，请求协助补办并加急寄送。", "other"),
    "report": ("举报员工私下收费", "来信称某业务员在办理理赔时私下收取“加急费”。", "other"),
}

DEMO_CASES = 60  # what ``--demo`` opens: enough to look around, made in a few seconds

WORK_SLOTS = ((time(9, 0), time(11, 30)), (time(14, 0), time(17, 30)))  # contact is allowed in these hours


@dataclass
class Demo:
    path: Path
    today: date
    seed: int
    cases: list[str] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)
    notices: int = 0

    def summary(self) -> dict:
        return {"db": str(self.path), "branch": BRANCH_CODE, "password": DEMO_PASSWORD,
                "users": [p[0] for p in PEOPLE] + ["admin"], "cases": len(self.cases),
                "states": dict(sorted(self.states.items())), "notices": self.notices}


class _Clock:
    """Moments for one case: strictly increasing, inside working hours, never after ``limit``."""

    def __init__(self, rng: random.Random, start: datetime, limit: datetime):
        self.rng = rng
        self.now = start
        self.limit = limit

    def later(self, min_hours: float, max_hours: float) -> datetime | None:
        moment = self.now + timedelta(hours=self.rng.uniform(min_hours, max_hours))
        moment = _working_moment(moment, self.rng)
        if moment > self.limit:
            return None
        self.now = moment
        return moment


def _working_moment(moment: datetime, rng: random.Random) -> datetime:
    """The moment itself if it falls in working hours on a weekday, else a time in the next slot."""
    local = moment.astimezone(ZONE)
    for _ in range(10):
        if local.weekday() < 5:
            for start, end in WORK_SLOTS:
                begin = local.replace(hour=start.hour, minute=start.minute, second=0, microsecond=0)
                finish = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
                if local <= finish:
                    if local < begin:
                        local = begin + timedelta(minutes=rng.randint(0, 40))
                    return local.replace(second=0, microsecond=0)
        local = (local + timedelta(days=1)).replace(hour=8, minute=50)
    return local


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    gender = "female" if name[-1] in "芳娜秀英敏静丽艳娟霞兰燕梅涵桐怡琪萱婷" else rng.choice(("male", "male", "unknown"))
    return name, gender


def case_document(rng: random.Random, received: datetime) -> dict:
    """One realistic case JSON (docs/rules.md §5)."""
    roll = rng.random()
    kind = "complaint" if roll < 0.86 else rng.choice(("inquiry", "suggestion", "help", "report"))
    name, gender = _person(rng)
    mobile = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    district = rng.choice(DISTRICTS)
    fill = {"month": received.month, "day": received.day, "weeks": rng.randint(2, 6), "hours": rng.randint(3, 5),
            "times": rng.randint(3, 6), "percent": rng.randint(12, 40)}
    if kind == "complaint":
        category = _weighted(rng, CATEGORY_WEIGHTS)
        reason, content, remedy, line, _, _ = STORIES[category]
        content = content.format(**fill)
    else:
        category = "other"
        reason, content, line = OTHER_KINDS[kind]
        remedy = ""
    value = {"auto": rng.choice((0, 800, 2600, 4800, 7500, 12000)), "repair": rng.choice((0, 1500, 3800, 11000)),
             "property": rng.choice((0, 6000, 20000, 60000)), "accident_health": rng.choice((0, 300, 1200)),
             "other": 0}[line]
    channel = _weighted(rng, CHANNEL_WEIGHTS) if kind != "report" else "letter"
    group = kind == "complaint" and rng.random() < 0.04
    return {
        "kind": kind, "origin": "collective" if group else rng.choice(("routine",) * 9 + ("discovered",)),
        "channel": channel, "received_at": received.isoformat(),
        "complainant": {"name": name if kind != "report" else "", "gender": gender,
                        "address": f"上海市{district}{rng.choice(STREETS)}{rng.randint(1, 999)}号",
                        "relation_to_insured": rng.choice(("本人", "本人", "本人", "配偶", "子女")),
                        "identity": rng.choice(("车主", "投保人", "被保险人", "受益人")),
                        "mobile": mobile if kind != "report" else "", "phone": "",
                        "vip": kind == "complaint" and rng.random() < 0.05},
        "contact_name": name if kind != "report" else "", "complainant_count": rng.randint(3, 6) if group else 1,
        "reason": reason, "claim_no": f"RC{received:%Y%m}{rng.randint(1000, 9999)}" if line in ("auto", "repair") else "",
        "plate_no": f"沪{rng.choice(PLATE_LETTERS)}{rng.randint(10000, 99999)}" if line in ("auto", "repair") else "",
        "accused_department": DEPARTMENT_OF.get(category, "") if kind == "complaint" else "",
        "accused_person": rng.choice(("", "", "张强", "李红", "钱伟")) if kind == "complaint" else "",
        "category": category, "content": content, "summary": reason, "desired_remedy": remedy,
        "original_doc_no": "", "amount": {"line": line, "value": value},
        "flags": {"media": group and rng.random() < 0.5, "petition": channel == "government",
                  "threat": False, "hq": channel == "hq_referral", "lawsuit": False},
        "contact_window": {"from": "09:00", "to": "17:30"} if rng.random() < 0.1 else None,
    }


def build_demo(path: str | Path, *, seed: int = 2026, cases: int = 120, today: date | None = None,
               months: int = 5, progress=None) -> Demo:
    """Create a new demo database at ``path`` with ``cases`` cases received over the last ``months`` months.

    ``progress(done, total)``, when given, is called after each case (the windows show it in a progress bar).
    """
    from app.services import auth, setup
    from models import close_db, init_db, transaction

    if not 1 <= cases <= 1000:
        raise ValueError("cases must be between 1 and 1000")
    path = Path(path)
    if path.exists():
        raise DeskError("This database is already set up for branch {code}.", code=path.name)
    rng = random.Random(seed)
    end = datetime.now(ZONE) if today is None else datetime.combine(today, time(18, 0), ZONE)
    today = end.date()
    init_db(path)
    # Demo accounts get a cheap Argon2 hash (the first real sign-in rehashes it at full cost): a demo opens in
    # seconds instead of spending them on a dozen deliberately slow hashes.
    hasher = auth._hasher
    auth.use_hash_cost(1, 1024)
    try:
        setup.init_database(BRANCH_CODE, BRANCH_NAME, "admin", DEMO_PASSWORD)
        actors = {"admin": auth.sign_in("admin", DEMO_PASSWORD)}
        for username, display, role, department, supervisor in PEOPLE:
            setup.add_user(actors["admin"], username, display_name=display, role=role, password="first-" + username,
                           department=department, supervisor=supervisor)
            first = auth.sign_in(username, "first-" + username)
            auth.change_password(first, username, DEMO_PASSWORD)
            actors[username] = auth.sign_in(username, DEMO_PASSWORD)
        demo = Demo(path=path, today=today, seed=seed)
        start = end - timedelta(days=30 * months)
        moments = sorted(_working_moment(start + (end - start) * rng.random() ** 0.5, rng) for _ in range(cases))
        with transaction():  # one commit for the lot: each service call inside is a savepoint
            for done, received in enumerate(moments, start=1):
                if received > end - timedelta(minutes=30):
                    received = _working_moment(end - timedelta(hours=rng.randint(2, 30)), rng)
                _one_case(rng, actors, received, end, demo)
                if progress is not None:
                    progress(done, cases)
        return demo
    finally:
        auth._hasher = hasher
        close_db()


def _one_case(rng: random.Random, actors: dict, received: datetime, end: datetime, demo: Demo) -> None:
    from app.services import cases as case_service

    document = case_document(rng, received)
    clock = _Clock(rng, received + timedelta(minutes=rng.randint(5, 40)), end)
    view = case_service.register_case(actors[rng.choice(RECEPTION)], document, now=clock.now)
    number = view["number"]
    demo.cases.append(number)
    state = _life(rng, actors, clock, number, document, demo)
    demo.states[state] = demo.states.get(state, 0) + 1


def _life(rng: random.Random, actors: dict, clock: _Clock, number: str, document: dict, demo: Demo) -> str:
    """Take the case as far along its life as its age allows; returns the state it ends in."""
    from app.services import cases as case_service

    report = document["kind"] == "report"
    manager = actors["gm"] if report else actors[rng.choice(SUPERVISORS)]
    if report:
        approver = actors["admin"]
    else:  # usually the supervisor who assigned the case, now and then the other one
        other = [name for name in SUPERVISORS if name != manager.username][0]
        approver = actors[other if rng.random() < 0.3 else manager.username]
    handler_name = "gm" if report else rng.choice(HANDLERS)
    handler = actors[handler_name]
    revisitor = actors["admin"] if report else actors[rng.choice(RECEPTION)]
    fate = rng.random()

    def act(who, action, payload=None, hours=(0.5, 20)):
        moment = clock.later(*hours)
        if moment is None:
            raise _OutOfTime
        return case_service.do_action(who, number, action, payload or {}, now=moment)

    state = "accepted"
    try:
        if fate < 0.03:
            return act(manager, "void", {"reason": "重复登记，与前一案件为同一事项"})["state"]
        state = act(manager, "assign", {"handler": handler_name}, hours=(0.3, 6))["state"]
        if not report and rng.random() < 0.08:
            other = rng.choice([h for h in HANDLERS if h != handler_name])
            act(manager, "assign", {"handler": other}, hours=(1, 8))
            handler_name, handler = other, actors[other]
        for round_no in (1, 2):
            if rng.random() < 0.25:
                act(handler, "contact", {"method": "phone", "reached": False, "note": "电话无人接听"}, hours=(0.5, 3))
                act(handler, "contact", {"method": "phone", "reached": True, "note": "已联系客户，说明受理情况"},
                    hours=(2.2, 6))
            else:
                act(handler, "contact", {"method": rng.choice(("phone", "phone", "visit", "sms")), "reached": True,
                                         "note": "已联系客户，了解诉求"}, hours=(0.5, 20))
            if fate > 0.97:
                return act(manager, "close_abnormal", {"reason": "客户诉求超出法律法规及合同约定，经说明仍坚持"},
                           hours=(24, 96))["state"]
            if 0.90 < fate <= 0.94 and round_no == 1:
                follow_up = (clock.now + timedelta(days=rng.randint(5, 20))).date().isoformat()
                state = act(handler, "defer", {"reason": "等待第三方鉴定结果", "follow_up": follow_up},
                            hours=(4, 30))["state"]
                state = act(handler, "resume", hours=(72, 240))["state"]
            category = document["category"]
            _, _, _, _, cause, result = STORIES.get(category, STORIES["other"])
            act(handler, "investigate", {"note": f"调阅记录并询问相关人员（第{round_no}轮）"}, hours=(2, 30))
            facts = rng.choice(("true", "true", "true", "unverifiable", "false"))
            act(handler, "conclude", {"cause": cause, "facts": facts, "opinion": "按公司规定处理", "result": result},
                hours=(1, 24))
            act(handler, "reply", {"channel": rng.choice(("phone", "phone", "letter", "visit")),
                                   "result": f"已向客户说明：{result}"}, hours=(0.5, 6))
            state = act(handler, "submit", hours=(0.2, 3))["state"]
            if rng.random() < 0.12:
                act(approver, "return", {"reason": "调查记录不完整，请补充当事人陈述"}, hours=(1, 24))
                act(handler, "investigate", {"note": "补充当事人书面陈述"}, hours=(2, 24))
                state = act(handler, "submit", hours=(0.2, 3))["state"]
            state = act(approver, "approve", {"opinion": "同意处理意见"}, hours=(1, 30))["state"]
            if not report and document["accused_department"] and 0.80 < fate <= 0.90:
                view = act(manager, "notice", {"department": document["accused_department"],
                                               "problem": document["reason"], "corrective": "立即整改并向客户致歉",
                                               "preventive": "完善流程并组织培训"}, hours=(1, 8))
                demo.notices += 1
                feedback_at = clock.later(24, 120)
                if feedback_at is not None and rng.random() < 0.6:
                    # the department reports; the supervisor's verification is left for whoever looks around
                    from app.services import notices

                    notices.notice_action(actors[NOTICE_RECEIVER[document["accused_department"]]],
                                          view["notices"][-1]["number"], "feedback",
                                          {"actions": "已约谈相关人员，整改措施已落实", "at": feedback_at.isoformat()})
                return "approved"  # the case waits for the notice to be verified
            if 0.94 < fate <= 0.97 and round_no == 1:
                follow_up = (clock.now + timedelta(days=rng.randint(7, 30))).date().isoformat()
                return act(handler, "defer", {"reason": "客户出差，约定返回后回访", "follow_up": follow_up},
                           hours=(2, 20))["state"]
            dissatisfied = round_no == 1 and rng.random() < 0.08
            satisfaction = "dissatisfied" if dissatisfied else rng.choice(("satisfied", "satisfied", "basic"))
            state = act(revisitor, "revisit", {"method": "phone", "satisfaction": satisfaction,
                                               "comment": "客户对处理结果仍不认可" if dissatisfied else "客户认可处理结果"},
                        hours=(24, 96))["state"]
            if not dissatisfied:
                break
        return act(manager, "close", hours=(1, 48))["state"]
    except _OutOfTime:
        return case_service.show_case(actors["admin"], number)["state"]


class _OutOfTime(Exception):
    """The next step of the case would happen after today: the case stays where it is."""


def main(argv: list[str] | None = None) -> int:
    """``python -m app.services.demo PATH [--seed N] [--cases N]``: write a demo database and print its summary."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m app.services.demo", description="Write a demonstration database.")
    parser.add_argument("path")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=120)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    demo = build_demo(args.path, seed=args.seed, cases=args.cases, today=args.today)
    print(json.dumps(demo.summary(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
