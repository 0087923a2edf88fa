"""The handoffs of a period as a table in the user's language: the CSV's headings and
cells (``baton handoffs --format csv``; the app's export too). QtCore at most.

Dates are written ``YYYY-MM-DD HH:MM`` in local time, which spreadsheets read as dates;
codes (status, industry, rejection reason) are words. The cells are plain text:
:func:`models.core.files.csv_bytes` makes them safe for a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.i18n import handoff_labels, labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.handoff.batch import HandoffRecord

CTX = "HandoffTable"

COLUMNS = (
    QT_TRANSLATE_NOOP("HandoffTable", "Handoff"),
    QT_TRANSLATE_NOOP("HandoffTable", "Handed off"),
    QT_TRANSLATE_NOOP("HandoffTable", "Lead ID"),
    QT_TRANSLATE_NOOP("HandoffTable", "Contact"),
    QT_TRANSLATE_NOOP("HandoffTable", "Title"),
    QT_TRANSLATE_NOOP("HandoffTable", "Company"),
    QT_TRANSLATE_NOOP("HandoffTable", "Industry"),
    QT_TRANSLATE_NOOP("HandoffTable", "Email"),
    QT_TRANSLATE_NOOP("HandoffTable", "Phone"),
    QT_TRANSLATE_NOOP("HandoffTable", "Handed off by"),
    QT_TRANSLATE_NOOP("HandoffTable", "Field sales rep"),
    QT_TRANSLATE_NOOP("HandoffTable", "Field sales rep's email"),
    QT_TRANSLATE_NOOP("HandoffTable", "Meeting"),
    QT_TRANSLATE_NOOP("HandoffTable", "Definition version"),
    QT_TRANSLATE_NOOP("HandoffTable", "Override reason"),
    QT_TRANSLATE_NOOP("HandoffTable", "Status"),
    QT_TRANSLATE_NOOP("HandoffTable", "Answer due"),
    QT_TRANSLATE_NOOP("HandoffTable", "Answered"),
    QT_TRANSLATE_NOOP("HandoffTable", "Rejection reason"),
    QT_TRANSLATE_NOOP("HandoffTable", "Why rejected"),
    QT_TRANSLATE_NOOP("HandoffTable", "Returned to"),
    QT_TRANSLATE_NOOP("HandoffTable", "Rep's note"),
)


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


def header() -> list[str]:
    return [translate(CTX, column) for column in COLUMNS]


def row(record: HandoffRecord) -> list[object]:
    """One handoff's cells, in the order of :data:`COLUMNS`."""
    return [
        record.id,
        _when(record.created_at),
        record.lead_id,
        record.lead_name,
        record.title or "",
        record.company,
        labels.industry(record.industry) if record.industry else "",
        record.email or "",
        record.phone or "",
        record.promoted_by or "",
        record.field_rep or "",
        record.field_rep_email or "",
        _when(record.meeting_at),
        record.definition_version if record.definition_version is not None else "",
        record.override_reason or "",
        handoff_labels.status(record.status),
        _when(record.response_due_at),
        _when(record.responded_at),
        handoff_labels.rejection_reason(record.response_code),
        record.response_reason or "",
        handoff_labels.returned_to(record.returned_to),
        record.note or "",
    ]


def table(records: Sequence[HandoffRecord]) -> tuple[list[str], list[list[object]]]:
    """The headings and the rows."""
    return header(), [row(record) for record in records]
