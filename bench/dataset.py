"""A realistic branch (or headquarters) database of N cases, made fast.

The people and the policy are set up through the services; the cases, their histories, contact attempts,
investigations, conclusions, replies, approvals and rectification notices are written with ``executemany``
in one transaction (the services would take hours for a million). Text is varied Chinese: names, places,
plates, reasons and content put together from pools, so the search index and the LIKE scan see realistic text.
Cases are spread evenly over 33 months ending in November 2026 (about 30,000 a month at 1,000,000).
"""
from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from models.entities import new_uuid, uuid_site

PASSWORD = "bench-pass-1234"
FMT = "%Y-%m-%d %H:%M:%S.%f"
# naive UTC here, written as text the way models.fields.InstantField stores instants
START = datetime(2024, 3, 1, 0, 0, 0, 1)
END = datetime(2026, 11, 20, 0, 0, 0, 1)
MONTHS = 33

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣瑞婷雪琳晨阳佳怡思雨梦萱子涵博文轩浩然"
CITIES = ["北京市朝阳区", "北京市海淀区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "成都市武侯区", "杭州市西湖区",
          "武汉市洪山区", "西安市雁塔区", "南京市鼓楼区", "重庆市渝中区", "天津市河西区", "苏州市姑苏区", "长沙市岳麓区",
          "郑州市金水区", "济南市历下区", "沈阳市和平区", "青岛市市南区", "昆明市五华区", "合肥市蜀山区"]
STREETS = ["建国路", "人民路", "解放路", "中山路", "长江路", "和平街", "幸福路", "光明大道", "滨江路", "学院路", "科技园路"]
PLATE_PREFIX = ["京A", "京N", "沪B", "粤A", "粤B", "川A", "浙A", "鄂A", "陕A", "苏A", "渝A", "津C", "湘A", "豫A", "鲁B"]
DEPARTMENTS = ["理赔部", "客服部", "销售部", "维修车间", "配件部", "财务部", "核保部", "售后服务部"]
CATEGORIES = ["claims", "service_attitude", "service_quality", "repair_quality", "delay", "parts_delay", "price",
              "product_quality", "safety", "other"]
CHANNELS = ["visit", "phone", "letter", "online", "email", "government", "hq_referral", "fax", "media"]
REASONS = {
    "claims": ["理赔款迟迟未到账", "定损金额过低", "拒赔理由不合理", "理赔材料反复补交", "赔款计算有误", "报案后无人联系"],
    "service_attitude": ["客服人员态度恶劣", "电话多次无人接听", "工作人员推诿扯皮", "前台接待不耐烦", "业务员承诺不兑现"],
    "service_quality": ["保单信息录入错误", "退保手续办理缓慢", "发票迟迟未开具", "续保提醒未送达", "批改手续繁琐"],
    "repair_quality": ["维修后车辆异响", "喷漆色差明显", "更换配件非原厂", "维修后仍然漏油", "保养项目漏做"],
    "delay": ["维修周期过长", "交车时间一再推迟", "预约后等待过久", "审核进度缓慢"],
    "parts_delay": ["配件缺货等待一个月", "订购配件迟迟不到", "配件到货时间不确定"],
    "price": ["收费标准不透明", "工时费明显偏高", "多收取检测费用", "价格与报价不符"],
    "product_quality": ["新车发动机故障", "车辆多次熄火", "空调制冷效果差", "电池续航明显下降"],
    "safety": ["刹车失灵险些出事故", "安全气囊未弹出", "车间现场存在安全隐患"],
    "other": ["营业厅停车困难", "宣传内容与实际不符", "短信骚扰", "积分兑换失败"],
}
PHRASES = [
    "客户称{m}月{d}日到店办理业务", "多次致电{dept}未获答复", "要求尽快给出书面说明", "对处理结果表示不满",
    "客户情绪较为激动", "表示如不解决将向监管部门反映", "已提供相关票据和照片", "称等待时间已超过{n}天",
    "涉及金额约{amount}元", "车辆为{car}，行驶里程{km}公里", "客户要求退还多收费用", "希望更换经办人员",
    "此前已反映过同类问题", "要求赔偿误工损失", "称工作人员承诺的时间没有兑现", "对定损结果有异议",
    "要求{dept}负责人出面解释", "客户同意等待调查结果", "客户表示理解但希望加快进度", "现场查看后确认存在问题",
    "维修记录显示曾于{m}月返修", "保单号为{policy}", "报案号为{claim}", "已协调{dept}跟进处理", "客户家住{city}",
]
CARS = ["大众帕萨特", "丰田凯美瑞", "本田雅阁", "别克君威", "日产天籁", "比亚迪汉", "吉利星瑞", "奥迪A4L", "宝马3系",
        "奔驰C级", "长安CS75", "哈弗H6", "特斯拉Model 3", "理想L7", "蔚来ES6"]
REMEDIES = ["尽快赔付并说明原因", "重新定损", "免费返修", "退还多收费用", "书面道歉", "更换经办人员", "给予适当补偿"]
NOTES = ["已电话联系客户了解情况", "调取维修记录核实", "与{dept}负责人沟通", "查看现场照片和票据", "约客户到店面谈"]
METHODS = ["phone", "phone", "phone", "visit", "sms", "wechat"]

# a 2-character word put into about 3% of the contents; with the phrase pool it ends up in about a fifth of the
# cases, so the bench uses it as its common word
SEARCH_WORD = "返修"


def hexid(rng: random.Random, site: str, moment: datetime) -> str:
    """The identifier the product would have minted (``models.new_uuid``) for a record made at ``moment`` (UTC)."""
    return new_uuid(int(moment.replace(tzinfo=timezone.utc).timestamp() * 1000), rng.getrandbits(48), site)


def ts(moment: datetime) -> str:
    if not moment.microsecond:
        moment = moment.replace(microsecond=1)
    return str(moment)  # "YYYY-MM-DD HH:MM:SS.ffffff", as InstantField writes it


@dataclass
class People:
    admin: object
    supervisor: object
    reception: object
    handlers: list
    ids: dict  # username -> id


def setup_people(code: str, name: str, *, hq: bool = False, handlers: int = 20) -> People:
    """Branch, admin (production password cost), supervisor, reception and handlers through the services."""
    from app.services import auth, setup
    from models import User

    setup.init_database(code, name, "admin", PASSWORD, hq=hq)
    admin = auth.sign_in("admin", PASSWORD)
    saved = auth._hasher if hasattr(auth, "_hasher") else None
    auth.use_hash_cost(1, 1024)  # the helpers need not be expensive; the admin who starts the desk is
    try:
        setup.add_user(admin, "sup", display_name="刘经理", role="supervisor", password=PASSWORD, department="客服部")
        setup.add_user(admin, "rec", display_name="王芳", role="reception", password=PASSWORD, department="客服部")
        for n in range(handlers):
            setup.add_user(admin, f"h{n:02d}", display_name=f"承办人{n:02d}", role="handler", password=PASSWORD,
                           department="客服部", supervisor="sup")
    finally:
        if saved is not None:
            auth._hasher = saved
    User.update(must_change_password=False).execute()
    ids = {u.username: u.id for u in User.select(User.username, User.id)}
    sup = auth.sign_in("sup", PASSWORD)
    rec = auth.sign_in("rec", PASSWORD)
    hs = [auth.sign_in(f"h{n:02d}", PASSWORD) for n in range(handlers)]
    return People(admin, sup, rec, hs, ids)


class TextMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def mobile(self) -> str:
        return self.rng.choice(("13", "15", "18", "17", "19")) + "%09d" % self.rng.randrange(10 ** 9)

    def plate(self) -> str:
        r = self.rng
        return r.choice(PLATE_PREFIX) + "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))

    def content(self, reason: str, dept: str) -> str:
        r = self.rng
        parts = [reason]
        for phrase in r.sample(PHRASES, r.randint(3, 6)):
            parts.append(phrase.format(
                m=r.randint(1, 12), d=r.randint(1, 28), dept=dept, n=r.randint(3, 60), amount=r.randint(200, 90000),
                car=r.choice(CARS), km=r.randint(1000, 150000), policy="PDAA%014d" % r.randrange(10 ** 14),
                claim="RC%010d" % r.randrange(10 ** 10), city=r.choice(CITIES)))
        if r.random() < 0.03:
            parts.insert(r.randint(1, len(parts)), "车辆" + SEARCH_WORD + "两次仍未修好")
        return "，".join(parts) + "。"



def _payload(row: dict) -> str:
    """The text app.records.history hashes for a row (same JSON as app.records.history._digest)."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


BULK = ("case", "history", "contact_attempt", "investigation_entry", "conclusion", "reply", "approval",
        "rectification_notice")
CHUNK = 10000
CHANGES_PER_CASE = 8  # change numbers reserved per case (a case and its records use at most 7)


@dataclass
class Plan:
    """Everything a worker needs to make a chunk of cases on its own (so two processes can share the work)."""

    size: int
    seed: int
    code: str
    branch_id: int
    base_change: int
    base_id: int
    handler_ids: list
    handler_names: dict
    sup_id: int
    rec_id: int
    year_first: dict  # local year -> index of its first case
    cols: dict  # table -> column names
    site: str  # the prefix of the branch's identifiers (models.uuid_site)


def received_at(plan: Plan, i: int) -> datetime:
    span = (END - START).total_seconds()
    return START + timedelta(seconds=span * i / max(plan.size, 1))


def make_chunk(plan: Plan, first: int, last: int) -> dict:
    """Rows (tuples in column order) of cases first..last-1 and their records; history rows carry their hash
    payload in place of prev_hash/hash (the chain is linked in order by the writer); notices are numbered later."""
    from app.records import search

    rng = random.Random(plan.seed * 1_000_003 + first)
    r = rng.random
    text = TextMaker(rng)
    out: dict[str, list] = {t: [] for t in BULK}
    out["fts"] = []
    cols = plan.cols
    hcols = cols["history"]

    def put(table, row):
        out[table].append(tuple(row.get(c) for c in cols[table]))

    def pick(seq):
        return seq[int(r() * len(seq))]

    def history(at, actor, entity_uuid, ref, action, round_=1, before=None, after=None):
        uuid = hexid(rng, plan.site, at)
        content = {"uuid": uuid, "at": at.replace(tzinfo=timezone.utc).isoformat(), "actor": actor,
                   "entity": "case", "entity_uuid": entity_uuid, "ref": ref, "action": action, "round": round_,
                   "before": before, "after": after}
        row = {"uuid": uuid, "at": ts(at), "actor": actor, "entity": "case", "entity_uuid": entity_uuid, "ref": ref,
               "action": action, "round": round_,
               "before": None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True,
                                                                 separators=(",", ":")),
               "after": None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True,
                                                               separators=(",", ":")),
               "prev_hash": None, "hash": _payload(content), "origin": ""}
        out["history"].append(tuple(row.get(c) for c in hcols))

    kinds = ("complaint",) * 80 + ("inquiry",) * 8 + ("suggestion",) * 5 + ("help",) * 6 + ("report",)
    origins = ("routine",) * 90 + ("discovered",) * 7 + ("collective",) * 3
    old_states = ("closed",) * 95 + ("closed_abnormal",) * 4 + ("voided",)
    mid_states = ("closed",) * 60 + ("approved",) * 10 + ("pending_approval",) * 10 + ("investigating",) * 15 + (
        "deferred",) * 5
    new_states = ("accepted",) * 30 + ("investigating",) * 60 + ("pending_approval",) * 10
    for i in range(first, last):
        case_id = plan.base_id + i + 1
        change = plan.base_change + i * CHANGES_PER_CASE
        received = received_at(plan, i)
        age_days = (END - received).days
        year = (received + timedelta(hours=8)).year
        seq = i - plan.year_first[year] + 1
        number = f"{plan.code}-{year}-{seq:05d}"
        category = pick(CATEGORIES)
        kind = pick(kinds)
        reason = pick(REASONS[category])
        dept = pick(DEPARTMENTS)
        who = text.name()
        major = r() < 0.08
        state = pick(old_states if age_days > 40 else mid_states if age_days > 10 else new_states)
        handler = pick(plan.handler_ids) if state != "accepted" else None
        uuid = hexid(rng, plan.site, received)
        reply_by = received + timedelta(days=5 if not major else 2)
        closed = state in ("closed", "closed_abnormal", "voided")
        replied = state in ("closed", "approved", "pending_approval")
        t_assign = received + timedelta(minutes=10 + int(r() * 45))
        t_reply = received + timedelta(days=1 + int(r() * 3), hours=int(r() * 8))
        t_close = t_reply + timedelta(days=1 + int(r() * 5))
        content = text.content(reason, dept)
        mobile, plate = text.mobile(), text.plate()
        summary = reason[:8]
        put("case", {
            "id": case_id, "uuid": uuid, "change_no": change, "branch_id": plan.branch_id, "number": number,
            "year": year, "seq": seq, "kind": kind, "origin": pick(origins), "channel": pick(CHANNELS),
            "received_at": ts(received), "receiver_id": plan.rec_id, "complainant_name": who,
            "complainant_gender": pick(("male", "female", "unknown")),
            "complainant_address": pick(CITIES) + pick(STREETS) + f"{1 + int(r() * 300)}号",
            "relation_to_insured": pick(("本人", "配偶", "子女", "朋友")), "complainant_identity": "车主",
            "mobile": mobile, "phone": "", "vip": int(r() < 0.02), "contact_name": who,
            "complainant_count": 1 if r() < 0.97 else 3 + int(r() * 9), "reason": reason,
            "claim_no": "RC%010d" % int(r() * 1e10) if category == "claims" else "", "plate_no": plate,
            "accused_department": dept, "accused_person": text.name() if r() < 0.5 else "",
            "category": category, "content": content, "summary": summary,
            "desired_remedy": pick(REMEDIES), "original_doc_no": "", "amount_line": "auto",
            "amount_value": str(int(r() * 50000)), "flag_media": int(major and r() < 0.3),
            "flag_petition": 0, "flag_threat": 0, "flag_hq": 0, "flag_lawsuit": 0, "contact_from": None,
            "contact_to": None, "severity": ("major" if major else "general") if kind == "complaint" else None,
            "major_reasons": '["media"]' if major else "[]", "routed_to": "customer_service",
            "state": state, "round": 1, "round_started_at": ts(received), "state_before_defer": None,
            "handler_id": handler, "transfers": 0, "escalated_at": None,
            "acknowledged_at": ts(t_assign) if handler else None,
            "cause": "沟通不及时" if replied else "", "facts": "true" if replied else None,
            "established": 1 if replied else None, "opinion": "同意处理意见" if replied else "",
            "result": "已向客户说明并处理" if replied else "", "replied_at": ts(t_reply) if replied else None,
            "approved_at": ts(t_close) if state in ("closed", "approved") else None,
            "closed_at": ts(t_close) if closed else None, "closure_reason": "", "void_reason": "",
            "escalate_by": ts(received + timedelta(hours=1)), "acknowledge_by": ts(received + timedelta(days=1)),
            "determine_by": ts(received + timedelta(days=1)), "reply_by": ts(reply_by),
            "revisit_by": ts(reply_by + timedelta(days=7)), "paused_at": None, "reply_remaining": None,
            "created_at": ts(received), "updated_at": ts(t_close if closed else t_assign),
        })
        out["fts"].append((case_id, *search.document((number, who, mobile, plate, summary, reason, content))))
        history(received, "rec", uuid, number, "register",
                after={"number": number, "kind": kind, "severity": "major" if major else "general", "state": "accepted"})
        if handler:
            hname = plan.handler_names[handler]
            history(t_assign, "sup", uuid, number, "assign", before={"state": "accepted", "handler": None},
                    after={"state": "investigating", "handler": hname})
            at = t_assign + timedelta(hours=2)
            put("contact_attempt", {"uuid": hexid(rng, plan.site, at), "change_no": change + 1, "round": 1, "at": ts(at),
                                    "by_id": handler, "recorded_at": ts(at), "case_id": case_id,
                                    "method": pick(METHODS), "reached": int(r() < 0.8),
                                    "note": "已联系客户，说明处理进度", "override_reason": ""})
            at = t_assign + timedelta(hours=5)
            put("investigation_entry", {"uuid": hexid(rng, plan.site, at), "change_no": change + 2, "round": 1, "at": ts(at),
                                        "by_id": handler, "recorded_at": ts(at), "case_id": case_id,
                                        "note": pick(NOTES).format(dept=dept)})
            history(at, hname, uuid, number, "investigate", after={"input": {"note": "…"}})
        if replied:
            hname = plan.handler_names[handler]
            put("conclusion", {"uuid": hexid(rng, plan.site, t_reply), "change_no": change + 3, "round": 1, "at": ts(t_reply),
                               "by_id": handler, "recorded_at": ts(t_reply), "case_id": case_id,
                               "cause": "沟通不及时", "facts": "true", "established": 1, "opinion": "同意处理意见",
                               "result": "已向客户说明并处理", "responsible_department": dept,
                               "responsible_person": "", "fault_decision": ""})
            put("reply", {"uuid": hexid(rng, plan.site, t_reply), "change_no": change + 4, "round": 1, "at": ts(t_reply), "by_id": handler,
                          "recorded_at": ts(t_reply), "case_id": case_id, "channel": "phone", "result": "客户表示接受"})
            history(t_reply, hname, uuid, number, "reply", after={"replied_at": ts(t_reply)})
        if state in ("closed", "approved"):
            put("approval", {"uuid": hexid(rng, plan.site, t_close), "change_no": change + 5, "round": 1, "at": ts(t_close),
                             "by_id": plan.sup_id, "recorded_at": ts(t_close), "case_id": case_id,
                             "decision": "approve", "text": "同意"})
            history(t_close, "sup", uuid, number, "approve", before={"state": "pending_approval"},
                    after={"state": "approved"})
        if closed:
            history(t_close, "sup", uuid, number, "close" if state == "closed" else state.replace("closed_", "close_"),
                    after={"state": state})
        if handler and r() < 0.02:
            put("rectification_notice", {
                "uuid": hexid(rng, plan.site, t_reply), "change_no": change + 6, "branch_id": plan.branch_id, "number": None,
                "year": year, "seq": None, "case_id": case_id, "follows_id": None, "department": dept,
                "problem": reason, "corrective": "立即整改并回复", "preventive": "加强培训与考核",
                "issued_by_id": plan.sup_id, "issued_at": ts(t_reply), "feedback_by": ts(t_reply + timedelta(days=10)),
                "state": "verified" if closed else "issued", "feedback_actions": "已整改" if closed else "",
                "feedback_at": ts(t_close) if closed else None, "feedback_person": "", "feedback_user_id": None,
                "verified_by_id": plan.sup_id if closed else None, "verified_at": ts(t_close) if closed else None,
                "verification_passed": 1 if closed else None, "verification_comment": ""})
    return out


def _make_chunk(args):
    return make_chunk(*args)


def generate(path: Path, size: int, *, code: str = "BJ01", name: str = "北京分公司", seed: int = 7,
             hq: bool = False, handlers: int = 20, progress=None, people: People | None = None,
             workers: int = 2) -> dict:
    """Create the database at ``path`` with ``size`` cases; returns what the measurements need."""
    import multiprocessing

    import models
    from app.records import search

    if people is None:
        from models import db as models_db

        saved = dict(models_db.SQLITE_PRAGMAS)
        models_db.SQLITE_PRAGMAS["synchronous"] = 0  # preparing data, not measured: no fsync per set-up step
        try:
            models.init_db(path)
            people = setup_people(code, name, hq=hq, handlers=handlers)
            search.ensure_index()
        finally:
            models.close_db()
            models_db.SQLITE_PRAGMAS.update(saved)

    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("BEGIN")
    # indexes are dropped for the load and built again after it (a sort instead of a million random inserts)
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name "
                           f"IN ({', '.join('?' for _ in BULK)})", BULK).fetchall()
    for index_name, _ in indexes:
        conn.execute(f'DROP INDEX "{index_name}"')
    cols = {t: columns(conn, t) for t in BULK}
    sql = {t: f'INSERT INTO "{t}" ({", ".join(chr(34) + c + chr(34) for c in cols[t])}) '
              f'VALUES ({", ".join("?" for _ in cols[t])})' for t in BULK}
    fts_sql = (f"INSERT INTO {search.TABLE}(rowid, {', '.join(search.FIELDS)}) "
               f"VALUES (?, {', '.join('?' for _ in search.FIELDS)})")
    change_no = conn.execute('SELECT value FROM "change_counter" WHERE id = 1').fetchone()[0]
    branch_id, branch_uuid = conn.execute('SELECT id, uuid FROM "branch" WHERE is_local = 1').fetchone()
    last = conn.execute('SELECT hash FROM "history" ORDER BY id DESC LIMIT 1').fetchone()
    prev_hash = last[0] if last else ""
    names = sorted(u for u in people.ids if u.startswith("h") and u[1:].isdigit())
    year_first: dict[int, int] = {}
    plan = Plan(size=size, seed=seed, code=code, branch_id=branch_id, base_change=change_no + 1,
                base_id=conn.execute('SELECT COALESCE(MAX(id), 0) FROM "case"').fetchone()[0],
                handler_ids=[people.ids[n] for n in names], handler_names={people.ids[n]: n for n in names},
                sup_id=people.ids["sup"], rec_id=people.ids["rec"], year_first=year_first, cols=cols,
                site=uuid_site(branch_uuid))
    for i in range(size):  # first case of each local year (received_at grows with i)
        year_first.setdefault((received_at(plan, i) + timedelta(hours=8)).year, i)
    hi, pi, ci = cols["history"].index("hash"), cols["history"].index("prev_hash"), cols["rectification_notice"]
    ni, si, yi = ci.index("number"), ci.index("seq"), ci.index("year")
    notice_seq: dict[int, int] = {}
    counts = {t: 0 for t in BULK}
    jobs = [(plan, start, min(start + CHUNK, size)) for start in range(0, size, CHUNK)]
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 and len(jobs) > 1 else None
    results = pool.imap(_make_chunk, jobs) if pool else map(_make_chunk, jobs)
    done = 0
    try:
        for chunk in results:
            linked = []
            for row in chunk["history"]:
                row = list(row)
                row[pi] = prev_hash
                prev_hash = row[hi] = hashlib.sha256((prev_hash + "\n" + row[hi]).encode("utf-8")).hexdigest()
                linked.append(row)
            chunk["history"] = linked
            numbered = []
            for row in chunk["rectification_notice"]:
                row = list(row)
                n = notice_seq[row[yi]] = notice_seq.get(row[yi], 0) + 1
                row[si], row[ni] = n, f"{code}-ZG-{row[yi]}-{n:04d}"
                numbered.append(row)
            chunk["rectification_notice"] = numbered
            for table in BULK:
                if chunk[table]:
                    conn.executemany(sql[table], chunk[table])
                    counts[table] += len(chunk[table])
            conn.executemany(fts_sql, chunk["fts"])
            done += len(chunk["fts"])
            if progress:
                progress(done)
    finally:
        if pool:
            pool.close()
            pool.join()
    rng = random.Random(seed)
    change_no = plan.base_change + size * CHANGES_PER_CASE
    seq_last: dict[int, int] = {}
    for year, first in sorted(year_first.items()):
        seq_last[year] = 0
    for year in seq_last:
        later = [f for y, f in year_first.items() if y > year]
        seq_last[year] = (min(later) if later else size) - year_first[year]
    for year, last_seq in seq_last.items():
        change_no += 1
        conn.execute('INSERT INTO "number_series" (uuid, change_no, branch_code, series, year, last) '
                     'VALUES (?,?,?,?,?,?)', (hexid(rng, plan.site, END), change_no, code, "case", year, last_seq))
    for year, last_seq in notice_seq.items():
        change_no += 1
        conn.execute('INSERT INTO "number_series" (uuid, change_no, branch_code, series, year, last) '
                     'VALUES (?,?,?,?,?,?)', (hexid(rng, plan.site, END), change_no, code, "notice", year, last_seq))
    conn.execute('UPDATE "change_counter" SET value = ? WHERE id = 1', (change_no,))
    for _, index_sql in indexes:
        conn.execute(index_sql)
    conn.execute("COMMIT")
    # no ANALYZE: the product never runs it, so a desk's database has no planner statistics either
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return {"people": people, "counts": counts, "path": path, "search_word": SEARCH_WORD}
