"""The queue's columns: their order, titles, sort keys and what each shows of a row.

Texts are translated in the context "QueueModel" (the model shows them).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.i18n import formats, labels
from desktop.widgets.rich_text import fill
from models.leads.claims import Claimant
from models.leads.queue import QueueRow

# In the order a rep reads them: what matters first fits a 1366-pixel screen.
COL_PRIORITY = 0
COL_NAME = 1
COL_COMPANY = 2
COL_SCORE = 3
COL_WHY_NOW = 4
COL_SLA = 5
COL_LAST_CALL = 6
COL_ATTEMPTS = 7
COL_LAST_TOUCH = 8
COL_INDUSTRY = 9
COL_STAGE = 10
COL_OWNER = 11
#: Who is on the phone with the lead right now (a live claim; team mode).
COL_CLAIM = 12
COLUMN_COUNT = 13

#: Columns whose first click sorts highest / newest first (numbers and dates).
DESCENDING_FIRST = frozenset({COL_PRIORITY, COL_SCORE, COL_LAST_TOUCH, COL_LAST_CALL, COL_ATTEMPTS})

#: Columns of numbers: right-aligned.
NUMERIC = frozenset({COL_PRIORITY, COL_SCORE, COL_ATTEMPTS})

GRADE_COLORS = {"A": "#1b7f3b", "B": "#2f6fb3", "C": "#a06a00", "D": "#777777"}
CLAIM_COLOR = "#8a4b00"


def titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("QueueModel", "Priority"),
        QCoreApplication.translate("QueueModel", "Name"),
        QCoreApplication.translate("QueueModel", "Company"),
        QCoreApplication.translate("QueueModel", "Score"),
        QCoreApplication.translate("QueueModel", "Why now"),
        QCoreApplication.translate("QueueModel", "First call"),
        QCoreApplication.translate("QueueModel", "Last call"),
        QCoreApplication.translate("QueueModel", "Calls"),
        QCoreApplication.translate("QueueModel", "Last marketing touch"),
        QCoreApplication.translate("QueueModel", "Industry"),
        QCoreApplication.translate("QueueModel", "Stage"),
        QCoreApplication.translate("QueueModel", "Owner"),
        QCoreApplication.translate("QueueModel", "On the phone"),
    )


def display(row: QueueRow, column: int, now: datetime, claimant: Claimant | None) -> str:
    """What ``column`` shows of ``row`` (plain text: a table cell never renders markup)."""
    if column == COL_PRIORITY:
        return f"{row.priority:.0f}"
    if column == COL_NAME:
        return row.name
    if column == COL_COMPANY:
        return row.company
    if column == COL_INDUSTRY:
        return labels.industry(row.industry)
    if column == COL_SCORE:
        return f"{row.score} {row.grade}"
    if column == COL_LAST_TOUCH:
        return labels.datetime_short(row.last_touch_at)
    if column == COL_LAST_CALL:
        return labels.datetime_short(row.last_call_at)
    if column == COL_ATTEMPTS:
        return str(row.call_attempts)
    if column == COL_WHY_NOW:
        return labels.why_now(row.why_now)
    if column == COL_SLA:
        return sla_clock(row, now)
    if column == COL_STAGE:
        return labels.stage(row.stage)
    if column == COL_OWNER:
        return row.owner_name or QCoreApplication.translate("QueueModel", "Unassigned")
    if column == COL_CLAIM:
        return f"☎ {claimant.name}" if claimant is not None else ""
    return ""


def claim_tooltip(claimant: Claimant) -> str:
    """Plain text (the caller escapes it): who is on the phone, since when."""
    return fill(
        QCoreApplication.translate("QueueModel", "%1 is on the phone with this lead (since %2)."),
        claimant.name,
        labels.datetime_short(claimant.since),
    )


def sla_clock(row: QueueRow, now: datetime) -> str:
    """The speed-to-lead clock: time left for the first call, or how it went."""
    if row.sla_met is True:
        return QCoreApplication.translate("QueueModel", "✓ in time")
    if row.sla_met is False and row.first_call_at is not None:
        return QCoreApplication.translate("QueueModel", "✗ late")
    if row.sla_due_at is None or row.first_call_at is not None:
        return ""
    seconds = int((row.sla_due_at - now).total_seconds())
    if seconds < 0:
        return fill(
            QCoreApplication.translate("QueueModel", "Overdue %1"), formats.duration(-seconds)
        )
    return fill(QCoreApplication.translate("QueueModel", "%1 left"), formats.duration(seconds))


def sla_samples() -> list[str]:
    """The widest texts the first-call clock shows (for the column's width)."""
    return [
        QCoreApplication.translate("QueueModel", "✓ in time"),
        QCoreApplication.translate("QueueModel", "✗ late"),
        fill(
            QCoreApplication.translate("QueueModel", "Overdue %1"),
            formats.duration(9 * 86_400 + 23 * 3600),
        ),
        fill(
            QCoreApplication.translate("QueueModel", "%1 left"),
            formats.duration(23 * 3600 + 59 * 60 + 59),
        ),
    ]
