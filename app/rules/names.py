"""The Chinese names of the program's codes (kinds, channels, categories, states ...) as the paper forms and
the registers print them: a code never stands in Chinese text (docs/rules.md §2, §4)."""
from __future__ import annotations

KIND = {"complaint": "投诉", "inquiry": "咨询", "suggestion": "建议", "help": "求助", "report": "举报"}
ORIGIN = {"routine": "常规", "discovered": "发掘性", "collective": "集中性"}
CHANNEL = {"visit": "来访", "phone": "电话", "letter": "来信", "fax": "传真", "email": "电子邮件", "online": "网络",
           "government": "政府部门转办", "media": "媒体", "hq_referral": "总部转办", "sms": "短信"}
METHOD = {"phone": "电话", "visit": "上门", "sms": "短信", "letter": "信函", "email": "电子邮件", "online": "网络",
          "wechat": "微信", "other": "其他"}
CATEGORY = {"product_quality": "产品质量", "service_attitude": "服务态度", "service_quality": "服务质量",
            "repair_quality": "维修质量", "delay": "时效延误", "parts_delay": "配件延误", "price": "价格收费",
            "claims": "理赔", "safety": "安全", "other": "其他"}
GENDER = {"male": "男", "female": "女", "unknown": "未知"}
AMOUNT_LINE = {"auto": "车险", "property": "财产险", "accident_health": "意健险", "repair": "维修", "other": "其他"}
MAJOR_REASON = {"group": "三人以上", "media": "媒体或网络", "petition": "政府部门或消协", "threat": "威胁人身安全",
                "amount": "涉及金额", "vip": "重要客户", "hq": "投诉至总部", "lawsuit": "诉讼",
                "repeat": "多次投诉未解决"}
FACTS = {"true": "属实", "false": "不属实", "unverifiable": "无法核实"}
SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意"}
DECISION = {"approve": "同意", "return": "退回", "close_abnormal": "非正常结案"}
CASE_STATE = {"accepted": "已受理", "investigating": "处理中", "pending_approval": "待审批", "approved": "已审批",
              "closed": "已结案", "closed_abnormal": "非正常结案", "deferred": "未了事宜（暂缓）", "voided": "已作废",
              "unreadable": "记录损坏"}
NOTICE_STATE = {"issued": "已下达", "reported": "已反馈", "verified": "已验证", "failed": "验证未通过",
                "unreadable": "记录损坏"}
