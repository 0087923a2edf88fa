"""Handoff codes in the user's language: statuses, rejection reasons, where a lead went."""

from __future__ import annotations

from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate

CTX = "HandoffLabels"

STATUSES = {
    "pending": QT_TRANSLATE_NOOP("HandoffLabels", "Waiting for field sales"),
    "accepted": QT_TRANSLATE_NOOP("HandoffLabels", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("HandoffLabels", "Rejected"),
}

REJECTION_REASONS = {
    "not_reachable": QT_TRANSLATE_NOOP("HandoffLabels", "Not reachable"),
    "not_a_fit": QT_TRANSLATE_NOOP("HandoffLabels", "Not a fit"),
    "no_budget": QT_TRANSLATE_NOOP("HandoffLabels", "No budget"),
    "timing": QT_TRANSLATE_NOOP("HandoffLabels", "Timing"),
    "duplicate": QT_TRANSLATE_NOOP("HandoffLabels", "Duplicate"),
    "other": QT_TRANSLATE_NOOP("HandoffLabels", "Other"),
}

RETURNS = {
    "queue": QT_TRANSLATE_NOOP("HandoffLabels", "Back to the rep's queue"),
    "nurture": QT_TRANSLATE_NOOP("HandoffLabels", "Back to nurture"),
}


def _lookup(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return translate(CTX, source) if source is not None else code


def status(code: str | None) -> str:
    return _lookup(STATUSES, code)


def rejection_reason(code: str | None) -> str:
    return _lookup(REJECTION_REASONS, code)


def returned_to(code: str | None) -> str:
    return _lookup(RETURNS, code)
