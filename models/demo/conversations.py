"""What the demo's calls say: a rep's notes and the prospect's words behind BANT answers.

Each lead has a *profile*: what its contact will answer when asked (budget, authority,
need, timeline), drawn to agree with the lead's stage (a promoted lead is qualified) and
the contact's title (only a title the scoring ranks executive or director decides alone;
a 課長 recommends and says「最終的には部長の判断になります」). The evidence quotes words
that say exactly the recorded value, and a note summarises what was heard.
"""

from __future__ import annotations

import random
from datetime import datetime

from models.core import text
from models.core.enums import BantField, Outcome, Seniority, Stage, Temperature
from models.demo import people
from models.demo.catalog import MONTH_NAMES

Answer = tuple[str, str]  # (field, value)

#: Titles that answer to nobody in the company (they always decide).
_TOP_TITLES = ("社長", "代表", "会長", "ceo", "president", "founder", "owner")

#: Who decides when the contact does not, by the contact's seniority: a title the
#: scoring ranks higher (or the president, for an executive).
_BOSSES: dict[str, dict[Seniority, tuple[str, ...]]] = {
    "ja": {
        Seniority.EXECUTIVE: ("社長",),
        Seniority.DIRECTOR: ("本部長", "役員"),
        Seniority.MANAGER: ("部長",),
        Seniority.STAFF: ("課長", "部長"),
        Seniority.UNKNOWN: ("課長", "部長"),
    },
    "en": {
        Seniority.EXECUTIVE: ("our CEO",),
        Seniority.DIRECTOR: ("our CEO",),
        Seniority.MANAGER: ("our VP",),
        Seniority.STAFF: ("my manager",),
        Seniority.UNKNOWN: ("my manager",),
    },
}

#: How a contact of each seniority stands in the decision (weights; "user" never
#: decides, "influencer" recommends, "decision_maker" signs off).
_AUTHORITY: dict[Seniority, tuple[tuple[str, int], ...]] = {
    Seniority.EXECUTIVE: (("decision_maker", 80), ("influencer", 20)),
    Seniority.DIRECTOR: (("decision_maker", 60), ("influencer", 40)),
    Seniority.MANAGER: (("influencer", 75), ("user", 25)),
    Seniority.STAFF: (("user", 60), ("influencer", 40)),
    Seniority.UNKNOWN: (("user", 60), ("influencer", 40)),
}

#: The other answers, by stage: a promoted lead's are all positive.
_OPEN: dict[str, tuple[tuple[str, int], ...]] = {
    BantField.BUDGET: (("none", 15), ("planned", 50), ("allocated", 35)),
    BantField.NEED: (("none", 10), ("latent", 45), ("explicit", 45)),
    BantField.TIMELINE: (
        ("over_12m", 20),
        ("within_12m", 35),
        ("within_6m", 30),
        ("within_3m", 15),
    ),
}
_QUALIFIED: dict[str, tuple[tuple[str, int], ...]] = {
    BantField.BUDGET: (("planned", 45), ("allocated", 55)),
    BantField.NEED: (("latent", 20), ("explicit", 80)),
    BantField.TIMELINE: (("within_12m", 10), ("within_6m", 45), ("within_3m", 45)),
}
#: What a return to nurture for a reason means for the answers.
REASON_ANSWERS: dict[str, Answer] = {
    "no_budget": (BantField.BUDGET, "none"),
    "timing": (BantField.TIMELINE, "over_12m"),
    "no_authority": (BantField.AUTHORITY, "user"),
    "no_need": (BantField.NEED, "none"),
}
#: Values that count against the lead.
NEGATIVE = frozenset({"none", "over_12m"})

#: The prospect's words, per language, field and value ({boss}: who decides; {month}
#: / {month_name}: a month counted from the call's).
_EVIDENCE: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "ja": {
        BantField.BUDGET: {
            "none": (
                "「今期は予算がまったく取れていません」",
                "「この件に使える予算はありません」",
            ),
            "planned": ("「下期の予算で計上する予定です」", "「来期の予算に組み込む予定です」"),
            "allocated": ("「今期の予算はすでに確保しています」", "「予算は承認済みです」"),
        },
        BantField.AUTHORITY: {
            "user": ("「私は使う立場なので、決めるのは{boss}です」",),
            "influencer": (
                "「最終的には{boss}の判断になります」",
                "「私から推薦はしますが、決めるのは{boss}です」",
            ),
            "decision_maker": (
                "「この規模なら私の判断で決められます」",
                "「決裁は私のところで下ろせます」",
            ),
        },
        BantField.NEED: {
            "none": ("「今のやり方で特に困っていません」", "「現状の運用で十分回っています」"),
            "latent": (
                "「今はExcelで回っていますが、いずれ見直したいです」",
                "「今すぐではないですが、そのうち整理したいと思っています」",
            ),
            "explicit": (
                "「架電の記録がバラバラで困っている」",
                "「引き継ぎ漏れが多くて困っています」",
            ),
        },
        BantField.TIMELINE: {
            "over_12m": ("「具体的な時期は未定で、早くても1年以上先です」",),
            "within_12m": ("「1年以内には入れ替えたいと考えています」",),
            "within_6m": ("「{month}月の契約更新までに決めたい」",),
            "within_3m": ("「{month}月末までには決めたい」",),
        },
    },
    "en": {
        BantField.BUDGET: {
            "none": ('"There is no budget for this right now."',),
            "planned": ('"We plan to budget it next half."',),
            "allocated": ('"The budget is already approved."',),
        },
        BantField.AUTHORITY: {
            "user": ('"I\'d use it day to day; {boss} decides."',),
            "influencer": ("\"I'll recommend it, but in the end it's {boss}'s call.\"",),
            "decision_maker": ('"I sign off on purchases like this myself."',),
        },
        BantField.NEED: {
            "none": ('"We\'re fine with how we work today."',),
            "latent": ('"Spreadsheets work for now, but we\'ll need something eventually."',),
            "explicit": ('"Our call notes are scattered everywhere."',),
        },
        BantField.TIMELINE: {
            "over_12m": ('"Nothing is planned for at least a year."',),
            "within_12m": ('"Sometime within the next twelve months."',),
            "within_6m": ('"We want to decide before the {month_name} renewal."',),
            "within_3m": ('"We need this in place by the end of {month_name}."',),
        },
    },
}
#: How many months after the call a timeline's month is.
_TIMELINE_MONTHS = {"within_6m": 5, "within_3m": 2}

#: The rep's summary of an answer, per language, field and value.
_HEARD: dict[str, dict[str, dict[str, str]]] = {
    "ja": {
        BantField.BUDGET: {
            "none": "予算なし。",
            "planned": "予算は計上予定。",
            "allocated": "予算は確保済み。",
        },
        BantField.AUTHORITY: {
            "user": "本人は利用者の立場、決裁は{boss}。",
            "influencer": "決裁は{boss}、本人が推薦する。",
            "decision_maker": "本人が決裁者。",
        },
        BantField.NEED: {
            "none": "現状で困りごとはない。",
            "latent": "課題意識はまだ薄い。",
            "explicit": "架電記録の管理に課題あり。",
        },
        BantField.TIMELINE: {
            "over_12m": "導入は1年以上先。",
            "within_12m": "1年以内に検討。",
            "within_6m": "半年以内に決めたい意向。",
            "within_3m": "3か月以内に決めたい意向。",
        },
    },
    "en": {
        BantField.BUDGET: {
            "none": "No budget.",
            "planned": "Budget planned for next half.",
            "allocated": "Budget approved.",
        },
        BantField.AUTHORITY: {
            "user": "Contact is a user; {boss} decides.",
            "influencer": "{boss} decides; contact will recommend us.",
            "decision_maker": "Contact signs off.",
        },
        BantField.NEED: {
            "none": "No pain with the current process.",
            "latent": "Some interest, no urgency.",
            "explicit": "Struggling with scattered call notes.",
        },
        BantField.TIMELINE: {
            "over_12m": "Nothing before a year from now.",
            "within_12m": "Deciding within a year.",
            "within_6m": "Deciding within six months.",
            "within_3m": "Deciding within three months.",
        },
    },
}

_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "ja": {
        Outcome.CONNECTED: (
            "担当者と話せた。製品概要を説明し、資料を送付。",
            "比較検討中とのこと。次回詳しくヒアリングする。",
        ),
        Outcome.CALLBACK_REQUESTED: ("会議中のため、{when}に折り返し希望。",),
        Outcome.MEETING_BOOKED: ("{when}に商談を設定。",),
        Outcome.GATEKEEPER: ("受付で不在と言われた。", "代表番号から取り次いでもらえず。"),
        Outcome.VOICEMAIL: ("留守番電話にメッセージを残した。",),
        Outcome.NOT_INTERESTED: ("必要性を感じていないとのこと。今後の連絡は不要。",),
        Outcome.DO_NOT_CALL: ("今後の電話は控えてほしいとのこと。架電禁止に設定。",),
    },
    "en": {
        Outcome.CONNECTED: (
            "Spoke with the contact; sent the overview deck.",
            "They are comparing tools; will ask more next time.",
        ),
        Outcome.CALLBACK_REQUESTED: ("In a meeting; asked us to call back {when}.",),
        Outcome.MEETING_BOOKED: ("Meeting booked for {when}.",),
        Outcome.GATEKEEPER: ("Reception said they were out.", "Could not get past the front desk."),
        Outcome.VOICEMAIL: ("Left a voicemail.",),
        Outcome.NOT_INTERESTED: ("Not interested for now.",),
        Outcome.DO_NOT_CALL: ("Asked not to be called again; marked do-not-call.",),
    },
}
_COMPETITOR = {
    "ja": "他社製品の導入が決まったとのこと。",
    "en": "They went with a competitor.",
}
_HEARD_PREFIX = {"ja": "ヒアリング：", "en": "Heard: "}
_WEEKDAYS = {"ja": "月火水木金土日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def is_top(title: str | None) -> bool:
    """Whether the title answers to nobody in the company (a president, a founder)."""
    folded = text.fold(title)
    return any(word in folded for word in _TOP_TITLES)


def boss(rng: random.Random, locale: str, seniority: Seniority) -> str:
    """Who decides when a contact of this seniority does not."""
    return rng.choice(_BOSSES[locale][seniority])


def profile(
    rng: random.Random,
    stage: str,
    seniority: Seniority,
    title: str | None,
    reason: str | None,
) -> dict[str, str]:
    """What the lead's contact answers when asked, per BANT field."""
    top = is_top(title)
    authority = "decision_maker" if top else people.weighted(rng, _AUTHORITY[seniority])
    qualified = stage == Stage.PROMOTED
    tables = _QUALIFIED if qualified else _OPEN
    answers = {name: people.weighted(rng, options) for name, options in tables.items()}
    if qualified and authority == "user":
        authority = "influencer"  # the contact champions it to whoever decides
    answers[BantField.AUTHORITY] = authority
    if reason in REASON_ANSWERS:
        name, value = REASON_ANSWERS[reason]
        answers[name] = value
    if reason == "competitor":
        answers[BantField.NEED] = "explicit"  # they needed it, and bought elsewhere
    return answers


def evidence(rng: random.Random, locale: str, answer: Answer, who: str, at: datetime) -> str:
    """The prospect's words for one answer heard on a call at ``at`` (team clock)."""
    name, value = answer
    template = rng.choice(_EVIDENCE[locale][name][value])
    month = (at.month - 1 + _TIMELINE_MONTHS.get(value, 0)) % 12 + 1
    return template.format(boss=who, month=month, month_name=MONTH_NAMES[month - 1])


def when(locale: str, at: datetime) -> str:
    """A callback or meeting time as a rep writes it in a note (team clock)."""
    weekday = _WEEKDAYS[locale][at.weekday()]
    if locale == "ja":
        return f"{at.month}月{at.day}日({weekday}) {at:%H:%M}"
    return f"{weekday} {at.day} {MONTH_NAMES[at.month - 1][:3]} {at:%H:%M}"


def note(
    rng: random.Random,
    locale: str,
    outcome: Outcome,
    heard: list[Answer],
    who: str,
    agreed: datetime | None = None,
    competitor: bool = False,
) -> str | None:
    """The rep's note of a call: what happened, the time agreed, what was heard."""
    if outcome == Outcome.NOT_INTERESTED and competitor:
        return _COMPETITOR[locale]
    options = _NOTES[locale].get(outcome)
    if options is None:
        return None
    if heard and outcome == Outcome.CONNECTED:
        parts = [_HEARD_PREFIX[locale]]
    else:
        parts = [rng.choice(options).format(when=when(locale, agreed) if agreed else "")]
    for name, value in heard:
        phrase = _HEARD[locale][name][value].format(boss=who)
        parts.append(phrase if locale == "ja" else f" {phrase[0].upper()}{phrase[1:]}")
    return "".join(parts).strip()


def temperature(outcome: Outcome, heard: list[Answer]) -> str | None:
    """How warm the rep marks a conversation (None: nobody was talked to)."""
    if outcome == Outcome.MEETING_BOOKED:
        return Temperature.HOT.value
    if outcome in (Outcome.NOT_INTERESTED, Outcome.DO_NOT_CALL):
        return Temperature.COLD.value
    if outcome != Outcome.CONNECTED:
        return None
    if any(value in NEGATIVE for _name, value in heard):
        return Temperature.COLD.value
    strong = sum(
        value in ("allocated", "decision_maker", "explicit", "within_3m") for _n, value in heard
    )
    return Temperature.HOT.value if strong >= 2 else Temperature.WARM.value
