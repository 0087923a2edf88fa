"""Handoffs as a table: lead, company, promoted by, field rep, meeting, due by, status.

A pending handoff past its answer's due time is overdue: its row is red and its status
says so. Every cell is plain text; the tooltip (the rep's note) is escaped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import formats, handoff_labels
from desktop.widgets.rich_text import fill, tooltip
from desktop.widgets.row_list_model import RowListModel
from models.core.enums import HandoffStatus
from models.handoff.inbox import HandoffRow

COL_LEAD = 0
COL_COMPANY = 1
COL_PROMOTED_BY = 2
COL_FIELD_REP = 3
COL_MEETING = 4
COL_DUE = 5
COL_STATUS = 6

#: The row's :class:`HandoffRow`.
RowRole = Qt.ItemDataRole.UserRole + 1
#: True for a pending handoff past its due time.
OverdueRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_RED = QColor("#b00020")
_GREY = QColor("#777777")


def status_text(row: HandoffRow, now: datetime) -> str:
    """The status in words: waiting (overdue), accepted, rejected with why and where."""
    if row.overdue(now):
        return QCoreApplication.translate("HandoffModel", "Overdue: no answer yet")
    if row.status == HandoffStatus.REJECTED:
        text = fill(
            QCoreApplication.translate("HandoffModel", "%1: %2"),
            handoff_labels.status(row.status),
            handoff_labels.rejection_reason(row.response_code),
        )
        if row.returned_to:
            text += f" ({handoff_labels.returned_to(row.returned_to)})"
        return text
    return handoff_labels.status(row.status)


class HandoffModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._now = datetime.now(UTC)
        self._headers = (
            self.tr("Lead"),
            self.tr("Company"),
            self.tr("Promoted by"),
            self.tr("Field rep"),
            self.tr("Meeting"),
            self.tr("Answer due by"),
            self.tr("Status"),
        )

    def set_rows(self, rows: list[HandoffRow], now: datetime) -> None:
        self._now = now
        self._reset(rows)

    def row_of(self, handoff_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == handoff_id), None)

    def overdue_count(self) -> int:
        return sum(1 for row in self._rows if row.overdue(self._now))

    # -- QAbstractTableModel ----------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == RowRole:
            return row
        if role == OverdueRole:
            return row.overdue(self._now)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue(self._now):
                return QBrush(_RED)
            if row.status != HandoffStatus.PENDING:
                return QBrush(_GREY)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_STATUS and row.response_reason:
                return tooltip(row.response_reason)
            return tooltip(row.note) if row.note else None
        return None

    def _text(self, row: HandoffRow, column: int) -> str:
        if column == COL_LEAD:
            return row.lead_name
        if column == COL_COMPANY:
            return row.company
        if column == COL_PROMOTED_BY:
            return row.promoted_by or ""
        if column == COL_FIELD_REP:
            return row.field_rep or ""
        if column == COL_MEETING:
            return formats.datetime_text(row.meeting_at)
        if column == COL_DUE:
            return formats.datetime_text(row.response_due_at)
        return status_text(row, self._now)
