"""The dashboard's words: stages, buckets and reasons in the user's language, numbers as the
dashboard shows them, and the definition of each figure (the catalogue's sentence,
translated: :func:`desktop.i18n.messages.say`)."""

from __future__ import annotations

from datetime import date

from desktop.i18n import formats, handoff_labels, labels
from desktop.i18n.assignment_labels import rate
from desktop.i18n.messages import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate
from models.reporting.definitions import Figure, key
from models.reporting.reasons import REJECTED_TO_NURTURE

CTX = "KpiDashboard"

STAGES = {
    "mql": QT_TRANSLATE_NOOP("KpiDashboard", "MQL"),
    "working": QT_TRANSLATE_NOOP("KpiDashboard", "Called"),
    "reached": QT_TRANSLATE_NOOP("KpiDashboard", "Reached"),
    "promoted": QT_TRANSLATE_NOOP("KpiDashboard", "Handed off (SQL)"),
    "accepted": QT_TRANSLATE_NOOP("KpiDashboard", "Accepted (SAL)"),
}
SPEED_BUCKETS = {
    "5m": QT_TRANSLATE_NOOP("KpiDashboard", "≤ 5 min"),
    "1h": QT_TRANSLATE_NOOP("KpiDashboard", "≤ 1 h"),
    "4h": QT_TRANSLATE_NOOP("KpiDashboard", "≤ 4 h"),
    "24h": QT_TRANSLATE_NOOP("KpiDashboard", "≤ 24 h"),
    "over_24h": QT_TRANSLATE_NOOP("KpiDashboard", "Later"),
    "not_called": QT_TRANSLATE_NOOP("KpiDashboard", "Not called"),
}
DAY_BUCKETS = {
    "0-1": QT_TRANSLATE_NOOP("KpiDashboard", "0–1 d"),
    "1-3": QT_TRANSLATE_NOOP("KpiDashboard", "1–3 d"),
    "3-7": QT_TRANSLATE_NOOP("KpiDashboard", "3–7 d"),
    "7-14": QT_TRANSLATE_NOOP("KpiDashboard", "7–14 d"),
    "14-30": QT_TRANSLATE_NOOP("KpiDashboard", "14–30 d"),
    "30+": QT_TRANSLATE_NOOP("KpiDashboard", "30 d or more"),
}
REJECTED_BY_FIELD_SALES = QT_TRANSLATE_NOOP("KpiDashboard", "Rejected by field sales")
NO_INDUSTRY = QT_TRANSLATE_NOOP("KpiDashboard", "Industry not known")
DAYS = QT_TRANSLATE_NOOP("KpiDashboard", "%1 days")
NOTHING = QT_TRANSLATE_NOOP("KpiDashboard", "Nothing in the period")
WEEKLY = QT_TRANSLATE_NOOP("KpiDashboard", "Per week (weeks from Monday)")
MONTHLY = QT_TRANSLATE_NOOP("KpiDashboard", "Per month")
#: A number's name (bold) and its definition.
DEFINED = QT_TRANSLATE_NOOP("KpiDashboard", "<b>%1</b>: %2")


def tr(text: str) -> str:
    return translate(CTX, text)


def stage(code: str) -> str:
    return tr(STAGES.get(code, code))


def speed_bucket(code: str) -> str:
    return tr(SPEED_BUCKETS.get(code, code))


def day_bucket(code: str) -> str:
    return tr(DAY_BUCKETS.get(code, code))


def return_reason(code: str) -> str:
    """Why a lead went back to nurture (a rejection back to nurture as one reason)."""
    if code == REJECTED_TO_NURTURE:
        return tr(REJECTED_BY_FIELD_SALES)
    return labels.recycle_reason(code)


def rejection_reason(code: str) -> str:
    return handoff_labels.rejection_reason(code)


def industry(code: str | None) -> str:
    return labels.industry(code) if code else tr(NO_INDUSTRY)


def unit(name: str) -> str:
    """How the buckets are cut: ``week`` or ``month``."""
    return tr(WEEKLY if name == "week" else MONTHLY)


def bucket(day: date, unit: str) -> str:
    """A month as ``2026/11``, a week by its Monday (``11/09``)."""
    if unit == "month":
        return f"{day.year}/{day.month:02d}"
    return f"{day.month}/{day.day:02d}"


def day(value: date) -> str:
    """A day of the per-day activity: ``11/09`` (its weekday in the table)."""
    return f"{value.month}/{value.day:02d}"


def number(value: int) -> str:
    return f"{value:,}"


def share(value: float | None) -> str:
    return rate(value)


def days(value: float | None) -> str:
    return "–" if value is None else fill(tr(DAYS), f"{value:.1f}")


def per_hour(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def talk(seconds: float | None) -> str:
    return "–" if seconds is None else formats.duration(round(seconds))


def definition(figure: Figure) -> str:
    """What ``figure`` counts, in the user's language."""
    return say(key(figure), {})


def period_text(first: date, last: date) -> str:
    return f"{formats.date_text(first)} – {formats.date_text(last)}"
