"""A team's workload as a table: one row per rep or team lead, the figures of
:class:`models.leads.workload.RepLoad` in named columns; inactive and away members marked
(grey, their status in words). Every cell is plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.i18n import assignment_labels, labels
from desktop.widgets.rich_text import tooltip
from desktop.widgets.row_list_model import RowListModel
from models.leads.workload import RepLoad

COL_NAME = 0
COL_OPEN = 1
COL_FREE = 2
COL_OVERDUE = 3
COL_DUE_TODAY = 4
COL_SLA = 5
COL_CALLS_TODAY = 6
COL_CONNECT = 7
COL_STATUS = 8
COL_NEXT_AWAY = 9

#: The row's :class:`RepLoad`.
RowRole = Qt.ItemDataRole.UserRole + 1
#: True when leads may be given to the member today (active, not away).
AvailableRole = Qt.ItemDataRole.UserRole + 2

NUMERIC = frozenset(
    {COL_OPEN, COL_FREE, COL_OVERDUE, COL_DUE_TODAY, COL_SLA, COL_CALLS_TODAY, COL_CONNECT}
)
_GREY = QColor("#777777")
_RED = QColor("#b00020")
_Index = QModelIndex | QPersistentModelIndex


class WorkloadModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Rep"),
            self.tr("Open leads"),
            self.tr("Free / capacity"),
            self.tr("Overdue callbacks"),
            self.tr("Callbacks later today"),
            self.tr("Speed-to-lead missed"),
            self.tr("Calls today"),
            self.tr("Connect rate (week)"),
            self.tr("Today"),
            self.tr("Next away"),
        )

    def set_rows(self, rows: list[RepLoad]) -> None:
        self._reset(rows)

    def row_of(self, user_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.user_id == user_id), None)

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
        if role == AvailableRole:
            return row.available
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.available:
                return QBrush(_GREY)
            if column == COL_OVERDUE and row.callbacks_overdue:
                return QBrush(_RED)
            if column == COL_FREE and row.free_capacity == 0:
                return QBrush(_RED)
            return None
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return tooltip(f"{row.name} <{row.email}> — {labels.role(row.role)}")
        return None

    def _text(self, row: RepLoad, column: int) -> str:
        values = {
            COL_NAME: row.name,
            COL_OPEN: str(row.open_leads),
            COL_FREE: f"{row.free_capacity} / {row.capacity}",
            COL_OVERDUE: str(row.callbacks_overdue),
            COL_DUE_TODAY: str(row.callbacks_due_today),
            COL_SLA: str(row.sla_breaches),
            COL_CALLS_TODAY: str(row.calls_today),
            COL_CONNECT: assignment_labels.rate(row.connect_rate_week),
            COL_STATUS: assignment_labels.status(row.active, row.away),
            COL_NEXT_AWAY: assignment_labels.next_away(row.next_away),
        }
        return values.get(column, "")
