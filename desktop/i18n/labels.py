"""The domain's codes in the user's language (DESIGN.md §1 names).

Every mapping marks its strings with ``QT_TRANSLATE_NOOP`` so ``lupdate`` extracts them;
the lookup functions translate at call time, so a language switch takes effect at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.i18n import formats
from desktop.i18n.translate import QT_TRANSLATE_NOOP, language, translate
from models.core.text import fold

CTX = "Labels"

#: A timestamp as every view shows it (the one style of :mod:`desktop.i18n.formats`).
datetime_short = formats.datetime_text
#: An ISO timestamp from a message's parameters, shown the same way.
iso_datetime = formats.iso_text

STAGES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "working": QT_TRANSLATE_NOOP("Labels", "Working"),
    "promoted": QT_TRANSLATE_NOOP("Labels", "Promoted"),
    "recycled": QT_TRANSLATE_NOOP("Labels", "Returned to nurture"),
    "disqualified": QT_TRANSLATE_NOOP("Labels", "Disqualified"),
}

TOUCH_KINDS = {
    "document_request": QT_TRANSLATE_NOOP("Labels", "Document request"),
    "whitepaper_download": QT_TRANSLATE_NOOP("Labels", "Whitepaper download"),
    "seminar_registration": QT_TRANSLATE_NOOP("Labels", "Seminar registration"),
    "seminar_attendance": QT_TRANSLATE_NOOP("Labels", "Seminar attendance"),
    "trade_show_scan": QT_TRANSLATE_NOOP("Labels", "Trade-show badge scan"),
    "email_open": QT_TRANSLATE_NOOP("Labels", "Email open"),
    "email_click": QT_TRANSLATE_NOOP("Labels", "Email click"),
    "site_visit": QT_TRANSLATE_NOOP("Labels", "Site visit"),
    "pricing_page": QT_TRANSLATE_NOOP("Labels", "Pricing page visit"),
    "inquiry": QT_TRANSLATE_NOOP("Labels", "Inquiry"),
    "demo_request": QT_TRANSLATE_NOOP("Labels", "Demo request"),
}

INDUSTRIES = {
    "manufacturing": QT_TRANSLATE_NOOP("Labels", "Manufacturing"),
    "it_software": QT_TRANSLATE_NOOP("Labels", "IT / Software"),
    "finance": QT_TRANSLATE_NOOP("Labels", "Finance"),
    "retail": QT_TRANSLATE_NOOP("Labels", "Retail / Trading"),
    "logistics": QT_TRANSLATE_NOOP("Labels", "Logistics"),
    "construction": QT_TRANSLATE_NOOP("Labels", "Construction"),
    "healthcare": QT_TRANSLATE_NOOP("Labels", "Healthcare"),
    "education": QT_TRANSLATE_NOOP("Labels", "Education"),
    "public_sector": QT_TRANSLATE_NOOP("Labels", "Public sector"),
    "services": QT_TRANSLATE_NOOP("Labels", "Services"),
}

#: How a Japanese reader reads each industry's label (kana): lists of industries are in
#: gojūon order of these, as a Japanese user looks for them (not by code or kanji).
INDUSTRY_READINGS_JA = {
    "manufacturing": "せいぞうぎょう",
    "it_software": "あいてぃー・そふとうぇあ",
    "finance": "きんゆう",
    "retail": "こうり・しょうしゃ",
    "logistics": "ぶつりゅう",
    "construction": "けんせつ",
    "healthcare": "いりょう・せいやく",
    "education": "きょういく",
    "public_sector": "こうきょう",
    "services": "さーびす",
}

REGIONS = {
    "hokkaido": QT_TRANSLATE_NOOP("Labels", "Hokkaido"),
    "tohoku": QT_TRANSLATE_NOOP("Labels", "Tohoku"),
    "kanto": QT_TRANSLATE_NOOP("Labels", "Kanto"),
    "chubu": QT_TRANSLATE_NOOP("Labels", "Chubu"),
    "kansai": QT_TRANSLATE_NOOP("Labels", "Kansai"),
    "chugoku": QT_TRANSLATE_NOOP("Labels", "Chugoku"),
    "shikoku": QT_TRANSLATE_NOOP("Labels", "Shikoku"),
    "kyushu": QT_TRANSLATE_NOOP("Labels", "Kyushu"),
    "overseas": QT_TRANSLATE_NOOP("Labels", "Overseas"),
}

SENIORITY = {
    "executive": QT_TRANSLATE_NOOP("Labels", "Executive"),
    "director": QT_TRANSLATE_NOOP("Labels", "Director / department head"),
    "manager": QT_TRANSLATE_NOOP("Labels", "Manager"),
    "staff": QT_TRANSLATE_NOOP("Labels", "Staff"),
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
}

FIT_FACTORS = {
    "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
    "company_size": QT_TRANSLATE_NOOP("Labels", "Company size"),
    "seniority": QT_TRANSLATE_NOOP("Labels", "Seniority"),
    "region": QT_TRANSLATE_NOOP("Labels", "Region"),
}

ROLES = {
    "rep": QT_TRANSLATE_NOOP("Labels", "Inside sales rep"),
    "team_lead": QT_TRANSLATE_NOOP("Labels", "Team lead"),
    "field_rep": QT_TRANSLATE_NOOP("Labels", "Field sales rep"),
    "marketing": QT_TRANSLATE_NOOP("Labels", "Marketing"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}

#: What each role × action permission (models.core.permission_table.Action) lets one
#: do, as the end of "… may not …".
PERMISSIONS = {
    "work_lead": QT_TRANSLATE_NOOP("Labels", "work leads"),
    "reassign": QT_TRANSLATE_NOOP("Labels", "reassign leads"),
    "override_promotion": QT_TRANSLATE_NOOP(
        "Labels", "hand off a lead that misses criteria (override)"
    ),
    "send_back": QT_TRANSLATE_NOOP("Labels", "send leads back to the queue"),
    "edit_definition_draft": QT_TRANSLATE_NOOP("Labels", "edit handoff definition drafts"),
    "approve_definition": QT_TRANSLATE_NOOP("Labels", "propose and approve handoff definitions"),
    "edit_team_rules": QT_TRANSLATE_NOOP("Labels", "change the team's rules"),
    "read_reports": QT_TRANSLATE_NOOP("Labels", "read reports"),
    "answer_handoff": QT_TRANSLATE_NOOP("Labels", "answer handoffs"),
    "manage_users": QT_TRANSLATE_NOOP("Labels", "manage users"),
    "import": QT_TRANSLATE_NOOP("Labels", "import leads and engagements"),
}

OUTCOMES = {
    "connected": QT_TRANSLATE_NOOP("Labels", "Connected"),
    "no_answer": QT_TRANSLATE_NOOP("Labels", "No answer"),
    "voicemail": QT_TRANSLATE_NOOP("Labels", "Voicemail"),
    "busy": QT_TRANSLATE_NOOP("Labels", "Busy"),
    "gatekeeper": QT_TRANSLATE_NOOP("Labels", "Gatekeeper"),
    "wrong_number": QT_TRANSLATE_NOOP("Labels", "Wrong number"),
    "callback_requested": QT_TRANSLATE_NOOP("Labels", "Callback requested"),
    "meeting_booked": QT_TRANSLATE_NOOP("Labels", "Meeting booked"),
    "not_interested": QT_TRANSLATE_NOOP("Labels", "Not interested"),
    "do_not_call": QT_TRANSLATE_NOOP("Labels", "Do not call"),
}

TEMPERATURES = {
    "hot": QT_TRANSLATE_NOOP("Labels", "Hot"),
    "warm": QT_TRANSLATE_NOOP("Labels", "Warm"),
    "cold": QT_TRANSLATE_NOOP("Labels", "Cold"),
}

BANT_FIELDS = {
    "budget": QT_TRANSLATE_NOOP("Labels", "Budget"),
    "authority": QT_TRANSLATE_NOOP("Labels", "Authority"),
    "need": QT_TRANSLATE_NOOP("Labels", "Need"),
    "timeline": QT_TRANSLATE_NOOP("Labels", "Timeline"),
}

BANT_VALUES = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "budget.none": QT_TRANSLATE_NOOP("Labels", "No budget"),
    "budget.planned": QT_TRANSLATE_NOOP("Labels", "Being planned"),
    "budget.allocated": QT_TRANSLATE_NOOP("Labels", "Allocated"),
    "authority.user": QT_TRANSLATE_NOOP("Labels", "User"),
    "authority.influencer": QT_TRANSLATE_NOOP("Labels", "Influencer"),
    "authority.decision_maker": QT_TRANSLATE_NOOP("Labels", "Decision maker"),
    "need.none": QT_TRANSLATE_NOOP("Labels", "No need"),
    "need.latent": QT_TRANSLATE_NOOP("Labels", "Latent"),
    "need.explicit": QT_TRANSLATE_NOOP("Labels", "Explicit"),
    "timeline.over_12m": QT_TRANSLATE_NOOP("Labels", "Over 12 months"),
    "timeline.within_12m": QT_TRANSLATE_NOOP("Labels", "Within 12 months"),
    "timeline.within_6m": QT_TRANSLATE_NOOP("Labels", "Within 6 months"),
    "timeline.within_3m": QT_TRANSLATE_NOOP("Labels", "Within 3 months"),
}

RECYCLE_REASONS = {
    "no_budget": QT_TRANSLATE_NOOP("Labels", "No budget"),
    "timing": QT_TRANSLATE_NOOP("Labels", "Timing not right"),
    "no_authority": QT_TRANSLATE_NOOP("Labels", "No authority reached"),
    "no_need": QT_TRANSLATE_NOOP("Labels", "No need"),
    "competitor": QT_TRANSLATE_NOOP("Labels", "Using a competitor"),
    "unreachable": QT_TRANSLATE_NOOP("Labels", "Unreachable"),
    "bad_data": QT_TRANSLATE_NOOP("Labels", "Bad data"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

DISQUALIFY_REASONS = {
    "not_a_fit": QT_TRANSLATE_NOOP("Labels", "Not a fit"),
    "competitor_company": QT_TRANSLATE_NOOP("Labels", "A competitor"),
    "student_or_personal": QT_TRANSLATE_NOOP("Labels", "Student or personal use"),
    "duplicate": QT_TRANSLATE_NOOP("Labels", "Duplicate"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

WHY_NOW = {
    "callback_due": QT_TRANSLATE_NOOP("Labels", "Callback due"),
    "resting": QT_TRANSLATE_NOOP("Labels", "Resting after unanswered calls"),
    "wrong_number": QT_TRANSLATE_NOOP("Labels", "Wrong number: needs a new one"),
    "fresh": QT_TRANSLATE_NOOP("Labels", "Just arrived"),
    "new": QT_TRANSLATE_NOOP("Labels", "New, not called yet"),
    "score": QT_TRANSLATE_NOOP("Labels", "By score"),
}

#: The inputs a domain refusal names (its ``what``: the same code as its ``field``).
INPUT_FIELDS = {
    "notes": QT_TRANSLATE_NOOP("Labels", "Call notes"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "bant.budget": QT_TRANSLATE_NOOP("Labels", "Budget evidence"),
    "bant.authority": QT_TRANSLATE_NOOP("Labels", "Authority evidence"),
    "bant.need": QT_TRANSLATE_NOOP("Labels", "Need evidence"),
    "bant.timeline": QT_TRANSLATE_NOOP("Labels", "Timeline evidence"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email address"),
    # A user's display name, and the whole name of a lead in an import.
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "content_title": QT_TRANSLATE_NOOP("Labels", "Content title"),
    "campaign": QT_TRANSLATE_NOOP("Labels", "Campaign"),
    "source_system": QT_TRANSLATE_NOOP("Labels", "Source system"),
    "external_id": QT_TRANSLATE_NOOP("Labels", "External ID"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone number"),
    # -- What a column of an import gives (models.imports.fields.Field) ------------------
    "last_name": QT_TRANSLATE_NOOP("Labels", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("Labels", "First name"),
    "name_kana": QT_TRANSLATE_NOOP("Labels", "Name (kana)"),
    "last_name_kana": QT_TRANSLATE_NOOP("Labels", "Last name (kana)"),
    "first_name_kana": QT_TRANSLATE_NOOP("Labels", "First name (kana)"),
    "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile number"),
    "title": QT_TRANSLATE_NOOP("Labels", "Job title"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
    "company": QT_TRANSLATE_NOOP("Labels", "Company"),
    "company_kana": QT_TRANSLATE_NOOP("Labels", "Company (kana)"),
    "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
    "employees": QT_TRANSLATE_NOOP("Labels", "Employees"),
    "prefecture": QT_TRANSLATE_NOOP("Labels", "Prefecture"),
    "country": QT_TRANSLATE_NOOP("Labels", "Country"),
    "website": QT_TRANSLATE_NOOP("Labels", "Website"),
    "created_at": QT_TRANSLATE_NOOP("Labels", "Became a lead (MQL date)"),
    "ma_score": QT_TRANSLATE_NOOP("Labels", "Score in the marketing tool"),
    "lead_source": QT_TRANSLATE_NOOP("Labels", "Lead source"),
    "touch_id": QT_TRANSLATE_NOOP("Labels", "Engagement ID"),
    "touch_kind": QT_TRANSLATE_NOOP("Labels", "Engagement kind"),
    "touch_at": QT_TRANSLATE_NOOP("Labels", "Engagement date"),
    "content": QT_TRANSLATE_NOOP("Labels", "Content"),
    # -- The call dialog's discovery fields --------------------------------------------------
    "challenge": QT_TRANSLATE_NOOP("Labels", "Challenge"),
    "competitors": QT_TRANSLATE_NOOP("Labels", "Competitors"),
    "decision_process": QT_TRANSLATE_NOOP("Labels", "Decision process"),
    "handoff_note": QT_TRANSLATE_NOOP("Labels", "Note to the field rep"),
    "override_reason": QT_TRANSLATE_NOOP("Labels", "Reason for the override"),
    "response_text": QT_TRANSLATE_NOOP("Labels", "Why (in a few words)"),
}

#: What an audited change did (the audit trail's ``action``), for "what changed" messages.
AUDIT_ACTIONS = {
    "call_logged": QT_TRANSLATE_NOOP("Labels", "a call was logged"),
    "call_corrected": QT_TRANSLATE_NOOP("Labels", "a call was corrected"),
    "recycled": QT_TRANSLATE_NOOP("Labels", "returned to nurture"),
    "disqualified": QT_TRANSLATE_NOOP("Labels", "disqualified"),
    "do_not_call": QT_TRANSLATE_NOOP("Labels", "marked do-not-call"),
    "requalified": QT_TRANSLATE_NOOP("Labels", "sent again by marketing"),
    "back_from_nurture": QT_TRANSLATE_NOOP("Labels", "back from nurture"),
    "sla_breached": QT_TRANSLATE_NOOP("Labels", "the first-call deadline passed"),
    "phone_changed": QT_TRANSLATE_NOOP("Labels", "a new phone number was entered"),
    "promoted": QT_TRANSLATE_NOOP("Labels", "handed off to field sales"),
}
HOT_SIGNAL = QT_TRANSLATE_NOOP("Labels", "Hot: %1 (24 h)")
NOT_SET = QT_TRANSLATE_NOOP("Labels", "Not set")
EMPLOYEES = QT_TRANSLATE_NOOP("Labels", "%1 employees")


def tr(text: str) -> str:
    return translate(CTX, text)


def _lookup(table: dict[str, str], code: str | None) -> str:
    if not code:
        return tr(NOT_SET)
    source = table.get(code)
    return tr(source) if source is not None else code


def stage(code: str | None) -> str:
    return _lookup(STAGES, code)


def touch_kind(code: str | None) -> str:
    return _lookup(TOUCH_KINDS, code)


def industry(code: str | None) -> str:
    return _lookup(INDUSTRIES, code)


def industries_by_label(codes: Iterable[str]) -> list[tuple[str, str]]:
    """``(label, code)`` of each industry, in the order a user scans a list: by the label
    shown (its kana reading in Japanese, case-insensitively in English)."""
    readings = INDUSTRY_READINGS_JA if language() == "ja" else {}
    shown = [(industry(code), code) for code in codes]
    return sorted(shown, key=lambda item: (fold(readings.get(item[1]) or item[0]), item[1]))


def region(code: str | None) -> str:
    return _lookup(REGIONS, code)


def seniority(code: str | None) -> str:
    return _lookup(SENIORITY, code)


def fit_factor(code: str | None) -> str:
    return _lookup(FIT_FACTORS, code)


def role(code: str | None) -> str:
    return _lookup(ROLES, code)


def permission(code: str | None) -> str:
    """A permission (an action of the role × action table) in words: "reassign leads"."""
    return _lookup(PERMISSIONS, code)


def outcome(code: str | None) -> str:
    return _lookup(OUTCOMES, code)


def temperature(code: str | None) -> str:
    return _lookup(TEMPERATURES, code)


def bant_field(code: str | None) -> str:
    return _lookup(BANT_FIELDS, code)


def bant_value(field: str, value: str | None) -> str:
    if value == "unknown":
        return _lookup(BANT_VALUES, value)
    return _lookup(BANT_VALUES, f"{field}.{value}")


def input_field(code: str | None) -> str:
    return _lookup(INPUT_FIELDS, code)


def recycle_reason(code: str | None) -> str:
    return _lookup(RECYCLE_REASONS, code)


def disqualify_reason(code: str | None) -> str:
    return _lookup(DISQUALIFY_REASONS, code)


def size_band(code: str | None) -> str:
    if not code:
        return tr(NOT_SET)
    return tr(EMPLOYEES).replace("%1", code)


def fit_value(factor: str, value: str) -> str:
    """The matched value of a fit factor, in words."""
    return {
        "industry": industry,
        "company_size": size_band,
        "seniority": seniority,
        "region": region,
    }.get(factor, lambda v: v or tr(NOT_SET))(value)


def why_now(code: str) -> str:
    if code.startswith("hot:"):
        return tr(HOT_SIGNAL).replace("%1", touch_kind(code.split(":", 1)[1]))
    return _lookup(WHY_NOW, code)


def audit_action(code: str | None) -> str:
    return _lookup(AUDIT_ACTIONS, code)
