"""The words of the campaign report's exports (CSV headings, the HTML page), in Japanese
and English: the exports are written by the domain (the command line, a script, the
app's worker), which has no Qt translator, so they carry their own small table."""

from __future__ import annotations

from typing import Final

from models.core.errors import InvalidInput

LANGUAGES: Final = ("ja", "en")

TEXTS: Final[dict[str, dict[str, str]]] = {
    "ja": {
        "title": "マーケティング施策のその後（キャンペーン・コンテンツ別）",
        "period": "期間",
        "zone": "タイムゾーン",
        "filters": "絞り込み",
        "team": "チーム",
        "rep": "担当者",
        "campaign_filter": "キャンペーン",
        "industry": "業種",
        "definition_version": "商談化の定義のバージョン",
        "campaigns": "キャンペーン別",
        "assets": "コンテンツ別",
        "kind": "区分",
        "campaign": "キャンペーン",
        "asset": "コンテンツ",
        "name": "名称",
        "leads_sent": "送客リード数",
        "reached": "リーチ",
        "promoted": "商談化（引き渡し）",
        "accepted": "受け入れ（SAL）",
        "returned": "ナーチャリングに戻した",
        "reasons": "戻した理由",
        "median_days": "MQLから引き渡しまでの日数（中央値）",
        "none": "該当なし",
        "definitions": "数値の定義",
        "def_sent": (
            "期間内にそのキャンペーン（コンテンツ）の接点が1件以上あったリード。"
            "リードは接点のあったすべてのキャンペーン・コンテンツに数えます（最初や最後の接点だけではありません）。"
        ),
        "def_outcomes": (
            "期間内で最初の接点以降、現在までにそのリードに起きたこと：架電でリーチ、"
            "フィールドセールスへ引き渡し、フィールドセールスが受け入れ、ナーチャリングに戻した"
            "（最後に戻したときの理由）。"
        ),
        "def_days": "接点以降に引き渡したリードの、MQL日から引き渡しまでの日数の中央値。",
        "generated": "Baton で作成",
        "days_unit": "日",
    },
    "en": {
        "title": "What happened to what marketing sent, per campaign and content",
        "period": "Period",
        "zone": "Time zone",
        "filters": "Filters",
        "team": "Team",
        "rep": "Rep",
        "campaign_filter": "Campaign",
        "industry": "Industry",
        "definition_version": "Handoff definition version",
        "campaigns": "Per campaign",
        "assets": "Per content",
        "kind": "Kind",
        "campaign": "Campaign",
        "asset": "Content",
        "name": "Name",
        "leads_sent": "Leads sent",
        "reached": "Reached",
        "promoted": "Promoted (handed off)",
        "accepted": "Accepted (SAL)",
        "returned": "Returned to nurture",
        "reasons": "Reasons for returning",
        "median_days": "Median days from MQL to handoff",
        "none": "None",
        "definitions": "What the numbers count",
        "def_sent": (
            "Leads with at least one engagement of the campaign (or content) in the period. "
            "A lead counts for every campaign and content it engaged with, not only the "
            "first or the last."
        ),
        "def_outcomes": (
            "What happened to those leads after their first engagement of it in the period, "
            "up to now: reached by a call, handed off to field sales, accepted by field "
            "sales, returned to nurture (with the reason of the latest return)."
        ),
        "def_days": (
            "The median days from the MQL date to the handoff, for the leads handed off "
            "after the engagement."
        ),
        "generated": "Made with Baton",
        "days_unit": "days",
    },
}

#: Why a lead went back to nurture (models.leads.actions.RECYCLE_REASONS, and field
#: sales' rejections back to nurture).
REASONS: Final[dict[str, dict[str, str]]] = {
    "ja": {
        "no_budget": "予算なし",
        "timing": "時期尚早",
        "no_authority": "決裁者に届かない",
        "no_need": "ニーズなし",
        "competitor": "競合製品を利用中",
        "unreachable": "連絡がつかない",
        "bad_data": "データ不備",
        "other": "その他",
        "handoff_rejected": "フィールドセールスが差し戻し",
    },
    "en": {
        "no_budget": "No budget",
        "timing": "Timing not right",
        "no_authority": "No authority reached",
        "no_need": "No need",
        "competitor": "Using a competitor",
        "unreachable": "Unreachable",
        "bad_data": "Bad data",
        "other": "Other",
        "handoff_rejected": "Rejected by field sales",
    },
}


def texts(language: str) -> dict[str, str]:
    """The report's words in ``language`` (``ja`` or ``en``)."""
    if language not in LANGUAGES:
        raise InvalidInput(
            "report.language_unknown",
            field="language",
            value=language,
            expected=", ".join(LANGUAGES),
        )
    return TEXTS[language]


def reason(language: str, code: str) -> str:
    """A return's reason in words (an unknown code as it is)."""
    return REASONS[language].get(code, code)
