"""A small branch with realistic Chinese data, built through the services (for ``make screenshots``, demos
and the UI tests). Nothing here touches models directly.

Every case is placed relative to a reference time ``now`` that the caller gives: the UI tests give a fixed
moment (their outcome never depends on the day they run), ``make screenshots`` gives the real time. Each
service call is made at the moment the story says (``now=``), never at the clock of the machine."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.services import auth, cases, setup, ui_queries

PASSWORD = "desk-2026"
ZONE = ZoneInfo("Asia/Shanghai")

USERS = [
    # username, display name, role, department, supervisor
    ("chenjing", "陈静", "supervisor", "客服部", None),
    ("wangfang", "王芳", "reception", "客服部", "chenjing"),
    ("liuyang", "刘洋", "handler", "客服部", "chenjing"),
    ("zhoumin", "周敏", "handler", "客服部", "chenjing"),
    ("hanbing", "韩冰", "handler", "理赔部", "chenjing"),
    ("gm", "郑国强", "general_manager", "总经理室", None),
]
DEPARTMENTS_USED = {"lipei": "理赔部", "weixiu": "维修部", "xiaoshou": "销售部"}


def working_morning(days_ago: int, hour: int = 9, minute: int = 15, *, now: datetime) -> datetime:
    """A weekday morning ``days_ago`` (or earlier) days before ``now``, local time."""
    day = now.astimezone(ZONE) - timedelta(days=days_ago)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def case_document(now: datetime, **changes) -> dict:
    """A complaint as the slip sends it, received the working morning before ``now`` unless ``changes`` say."""
    person = {"name": "张伟", "gender": "male", "address": "北京市朝阳区建国路88号", "relation_to_insured": "本人",
              "identity": "车主", "mobile": "13800138000", "phone": "", "vip": False}
    person.update(changes.pop("complainant", {}))
    document = {
        "kind": "complaint", "origin": "routine", "channel": "visit",
        "received_at": working_morning(1, now=now).isoformat(), "complainant": person, "contact_name": person["name"],
        "complainant_count": 1, "reason": "理赔款迟迟未到账", "claim_no": "RC2026110001", "plate_no": "京A12345",
        "accused_department": "理赔部", "accused_person": "李强", "category": "claims",
        "content": "客户称10月15日报案，定损已完成一个月，理赔款仍未到账，多次致电理赔部未获答复。",
        "summary": "理赔款到账慢", "desired_remedy": "一周内赔款到账并说明原因", "original_doc_no": "",
        "amount": {"line": "auto", "value": 3200},
        "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
        "contact_window": None,
    }
    document.update(changes)
    return document


def create_branch(db_path, password: str = PASSWORD) -> dict:
    """A new database with the branch, its admin and the desk's users (passwords already changed)."""
    ui_queries.open_database(db_path)
    setup.init_database("BJ01", "北京朝阳支公司", "admin", password)
    admin = auth.sign_in("admin", password)
    for code, department in DEPARTMENTS_USED.items():
        setup.add_user(admin, f"head-{code}", display_name=f"{department}负责人", role="handler",
                       password="initial-1", department=department, supervisor=None)
    for username, name, role, department, supervisor in USERS:
        setup.add_user(admin, username, display_name=name, role=role, password="initial-1", department=department,
                       supervisor=supervisor)
    actors = {"admin": admin}
    for username, *_ in USERS:
        first = auth.sign_in(username, "initial-1")
        auth.change_password(first, username, password)
        actors[username] = auth.sign_in(username, password)
    return actors


def populate(actors: dict, now: datetime) -> dict:
    """Cases in every state a desk sees in the week before ``now``. Returns {label: number}."""
    reception, handler, other, boss = actors["wangfang"], actors["liuyang"], actors["zhoumin"], actors["chenjing"]
    numbers = {}

    def morning(days_ago, hour=9, minute=15):
        return working_morning(days_ago, hour, minute, now=now)

    def register(label, received: datetime, **changes):
        case = cases.register_case(reception, case_document(now, received_at=received.isoformat(), **changes),
                                   now=received + timedelta(minutes=5))
        numbers[label] = case["number"]
        return case["number"]

    def act(actor, number, action, payload=None, *, at: datetime):
        return cases.do_action(actor, number, action, payload or {}, now=at)

    # a whole round, closed
    day = morning(6)
    n = register("closed", day, reason="服务态度差",
                 complainant={"name": "李娜", "gender": "female", "mobile": "13911112222", "address": "北京市海淀区中关村大街1号"},
                 category="service_attitude", accused_department="销售部", accused_person="赵刚", claim_no="",
                 plate_no="京B67890", summary="销售顾问态度恶劣", amount={"line": "other", "value": 0},
                 content="客户到店咨询续保事宜，销售顾问不耐烦，说话生硬，客户要求道歉。")
    act(boss, n, "assign", {"handler": "liuyang"}, at=day + timedelta(minutes=20))
    act(handler, n, "contact", {"at": (day + timedelta(hours=1)).isoformat(), "method": "phone", "reached": True,
                                 "note": "已联系客户，约定次日回复"}, at=day + timedelta(hours=1))
    act(handler, n, "investigate", {"at": (day + timedelta(hours=2)).isoformat(),
                                     "note": "调阅店内监控并询问销售顾问赵刚，情况属实"}, at=day + timedelta(hours=2))
    act(handler, n, "conclude", {"cause": "销售顾问服务意识不足", "facts": "true", "opinion": "向客户书面道歉，对赵刚进行培训",
                                  "result": "客户接受道歉", "responsible_department": "销售部", "responsible_person": "赵刚"},
        at=day + timedelta(hours=4))
    act(handler, n, "reply", {"at": (day + timedelta(hours=5)).isoformat(), "channel": "phone",
                               "result": "电话致歉，客户表示接受"}, at=day + timedelta(hours=5))
    act(handler, n, "submit", at=day + timedelta(hours=5, minutes=10))
    act(boss, n, "approve", {"opinion": "同意"}, at=day + timedelta(hours=6))
    act(reception, n, "revisit", {"at": (day + timedelta(days=1, hours=1)).isoformat(), "method": "phone",
                                   "satisfaction": "satisfied", "comment": "客户对处理结果满意"},
        at=day + timedelta(days=1, hours=1))
    act(boss, n, "close", at=day + timedelta(days=1, hours=2))

    # under investigation, with contact attempts
    day = morning(1)
    n = register("investigating", day)
    act(boss, n, "assign", {"handler": "liuyang"}, at=day + timedelta(minutes=20))
    act(handler, n, "contact", {"at": (day + timedelta(hours=1)).isoformat(), "method": "phone",
                                 "reached": False, "note": "无人接听"}, at=day + timedelta(hours=1))
    act(handler, n, "investigate", {"at": (day + timedelta(hours=2)).isoformat(),
                                     "note": "向理赔部核实：缺少维修发票，已通知客户补交"}, at=day + timedelta(hours=2))

    # major by amount, waiting for assignment
    early = now.astimezone(ZONE).hour < 9  # before the desk opens: yesterday afternoon's
    register("major", morning(1, 16, 0) if early else morning(0, 8, 40),
             complainant={"name": "王秀英", "gender": "female", "mobile": "13700137000", "address": "北京市东城区东直门内大街5号"},
             reason="维修后故障复发", category="repair_quality", accused_department="维修部", accused_person="孙涛",
             claim_no="", plate_no="京C33445", summary="发动机维修后故障复发", amount={"line": "repair", "value": 12800},
             content="车辆在本店更换发动机部件后一周内故障复发，客户要求免费返修并赔偿误工费。",
             desired_remedy="免费返修，赔偿误工费2000元")

    # media involved, submitted for approval, with a rectification notice
    day = morning(3)
    n = register("pending_approval", day, channel="phone",
                 complainant={"name": "赵磊", "mobile": "13600136000", "address": "北京市丰台区丽泽路16号"},
                 reason="理赔时效", flags={"media": True, "petition": False, "threat": False, "hq": False, "lawsuit": False},
                 summary="客户在微博投诉理赔拖延", content="客户称理赔拖延两个月，已在微博发帖，引起关注。",
                 claim_no="RC2026100321", plate_no="京D55667")
    act(boss, n, "assign", {"handler": "zhoumin"}, at=day + timedelta(minutes=20))
    act(other, n, "contact", {"at": (day + timedelta(hours=1)).isoformat(), "method": "phone", "reached": True,
                               "note": "客户情绪激动，已安抚"}, at=day + timedelta(hours=1))
    act(other, n, "investigate", {"at": (day + timedelta(hours=2)).isoformat(), "note": "理赔部承认材料积压"},
        at=day + timedelta(hours=2))
    act(other, n, "conclude", {"cause": "理赔材料积压未及时处理", "facts": "true", "opinion": "三日内完成赔付",
                                "result": "已加急处理"}, at=day + timedelta(hours=4))
    act(other, n, "reply", {"at": (day + timedelta(hours=6)).isoformat(), "channel": "letter",
                             "result": "书面告知处理情况并致歉"}, at=day + timedelta(hours=6))
    act(boss, n, "notice", {"department": "理赔部", "problem": "理赔材料积压，未按时效处理",
                             "corrective": "三日内清理积压案件", "preventive": "建立理赔时效日报制度"},
        at=day + timedelta(hours=6, minutes=30))
    act(other, n, "submit", at=day + timedelta(hours=7))

    # a pending matter (parts on order)
    day = morning(4)
    n = register("deferred", day, category="parts_delay",
                 complainant={"name": "陈明", "mobile": "13500135000", "address": "北京市西城区金融街7号"},
                 reason="配件迟迟未到", accused_department="维修部", accused_person="", summary="等待进口配件",
                 content="车辆送修后配件需从国外订购，客户不满等待时间过长。", amount={"line": "repair", "value": 4500},
                 claim_no="", plate_no="京E77889")
    act(boss, n, "assign", {"handler": "liuyang"}, at=day + timedelta(minutes=20))
    act(handler, n, "investigate", {"at": (day + timedelta(hours=3)).isoformat(), "note": "配件预计下月初到货"},
        at=day + timedelta(hours=3))
    act(handler, n, "defer", {"reason": "进口配件未到货", "follow_up": (now + timedelta(days=10)).date().isoformat()},
        at=day + timedelta(hours=4))

    # a collective complaint and an inquiry
    register("collective", morning(2), origin="collective", complainant_count=5,
             complainant={"name": "刘建国", "mobile": "13300133000", "address": "北京市通州区新华大街20号"},
             reason="小区车辆集体定损纠纷", summary="五位车主集体投诉定损标准不一", category="claims",
             content="同一小区五位车主暴雨泡水车定损标准不一，集体到店投诉。", plate_no="京F12121",
             amount={"line": "auto", "value": 8000})
    register("inquiry", morning(1, 15, 0) if early else morning(0, 8, 50), kind="inquiry", channel="phone",
             complainant={"name": "孙丽", "gender": "female", "mobile": "13200132000", "address": ""},
             reason="咨询续保优惠", category="other", summary="咨询续保优惠政策", content="客户来电咨询今年续保的优惠政策。",
             accused_department="", accused_person="", claim_no="", plate_no="", amount={"line": "other", "value": 0})
    return numbers
