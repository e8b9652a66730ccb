"""Readable reasons for a decoded boundary, from the model's strongest features."""

from __future__ import annotations

ROLE_NAMES = {
    "kicker": "引题",
    "title": "标题",
    "subtitle": "副题",
    "byline": "署名",
    "subhead": "小标题",
    "body": "正文",
    "boilerplate": "版面装饰",
    "noise": "杂项",
}
KIND_NAMES = {
    "heading": "标题形短行",
    "dateline": "电头段",
    "byline": "署名行",
    "staff": "责任编辑行",
    "credit": "图片或资料署名",
    "endnote": "括号附注",
    "caption": "图片说明",
    "noise": "页码或年份",
    "body": "正文段",
}
END_NAMES = {
    "stop": "以句末标点结束",
    "close_stop": "以句末标点加引号结束",
    "close": "以括号或引号结束",
    "cont": "以逗号等未完标点结束",
    "dash": "以破折号结束",
    "digit": "以数字结束",
    "cjk": "末尾无标点",
    "other": "末尾为其他符号",
}
FLAGS = {
    "rs": "规则判为新篇开始",
    "dl": "以电头开头",
    "dl_names": "电头带记者名",
    "byl": "是署名行",
    "names": "是并列人名",
    "cred=photo": "是摄影署名",
    "cred=design": "是版式设计署名",
    "tag": "带栏目标签",
    "kick_end": "以引题式词语结尾",
    "dash_start": "以破折号开头",
    "name_colon": "是人名加冒号",
    "enum": "是编号小标题",
    "grid": "是口号格",
    "date_line": "是日期行",
    "page_mark": "是版次或页码",
    "running_head": "是报头或栏头加版次",
    "dl_loose": "像电头开头",
    "inner_stop": "句中有句号",
    "first": "是版面首行",
    "last": "是版面末行",
    "tail": "在版面末尾",
    "none": "不存在（版面边缘）",
    "ind=yes": "缩进",
    "ind=no": "不缩进",
    "bias": "",
}
PLACES = {"-1:": "上一行", "+1:": "下一行", "-2:": "上两行", "+2:": "下两行"}


def describe(attribute: str) -> str:
    """One attribute in words; empty for attributes that explain nothing."""
    place = PLACES.get(attribute[:3], "")
    if place:
        attribute = attribute[3:]
    what = _describe_own(attribute)
    return f"{place or '本行'}{what}" if what else ""


def _describe_own(attribute: str) -> str:
    if attribute in FLAGS:
        return FLAGS[attribute]
    key, _, value = attribute.partition("=")
    if key == "k":
        return "是" + KIND_NAMES.get(value, value)
    if key == "r":
        return "规则判为" + ROLE_NAMES.get(value, value)
    if key == "rs":
        return {"hi": "规则很有把握是新篇", "mid": "规则认为可能是新篇"}.get(value, "")
    if key == "len":
        return f"长度在{value}字以内" if value != "max" else "很长"
    if key == "end":
        return END_NAMES.get(value, "")
    if key == "f2":
        return f"以「{value}」开头"
    if key == "l1":
        return f"以「{value}」结尾"
    if key == "parts":
        return f"有{value}段空格分隔" if value != "1" else ""
    if key == "pair":
        before, _, own = value.partition("|")
        return f"（上一行{KIND_NAMES.get(before[2:], '无')}，本行{KIND_NAMES.get(own[2:], '')}）"
    return ""


def explain(label: str, attributes: list[str], weights: dict[str, float], confidence: float):
    """`模型判为新篇（标题），把握 0.93：本行…；下一行…` from the two heaviest features."""
    # Only features that speak for the label can give a reason: the rest are left out
    # before sorting (most of a line's attributes weigh nothing for a given label).
    positive = [(weight, a) for a in attributes if (weight := weights.get(a, 0.0)) > 0]
    positive.sort(key=lambda pair: (-pair[0], pair[1]))
    words: list[str] = []
    for _, attribute in positive:
        if len(words) == 2:
            break
        word = describe(attribute)
        if word:
            words.append(word)
    role = ROLE_NAMES.get(label[2:], label[2:])
    head = f"模型判为新段（{role}），把握 {confidence:.2f}"
    return head + ("：" + "；".join(words) if words else "")
