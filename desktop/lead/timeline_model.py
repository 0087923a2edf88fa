"""A lead's history as a two-level tree: days (newest first), then what happened that day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.i18n import formats
from desktop.widgets.rich_text import tooltip

COL_TIME = 0
COL_WHAT = 1
COL_CONTENT = 2
COL_CAMPAIGN = 3
COLUMN_COUNT = 4

EntryRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_DAY = 0  # internal id of a day row; entry rows carry their day's position + 1


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened: a marketing touch or (later) a call."""

    source: str  # "touch" or "call"
    kind: str
    at: datetime
    what: str
    content: str
    campaign: str
    #: The call's id for calls (to correct it); None for touches.
    ref_id: int | None = None
    #: A call's whole note (``content`` shows its first line).
    note: str = ""


@dataclass
class _Day:
    day: date
    heading: str
    entries: list[TimelineEntry]


class TimelineModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[_Day] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Replace the history; entries are grouped by local day, newest first."""
        ordered = sorted(entries, key=lambda e: e.at, reverse=True)
        days: list[_Day] = []
        for entry in ordered:
            local_day = entry.at.astimezone().date()
            if not days or days[-1].day != local_day:
                days.append(_Day(local_day, formats.date_text(entry.at), []))
            days[-1].entries.append(entry)
        self.beginResetModel()
        self._days = days
        self.endResetModel()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _DAY) if row < len(self._days) else QModelIndex()
        if parent.internalId() != _DAY or parent.column() != 0:
            return QModelIndex()
        day = parent.row()
        if day >= len(self._days) or row >= len(self._days[day].entries):
            return QModelIndex()
        return self.createIndex(row, column, day + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _DAY:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _DAY)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == _DAY and parent.column() == 0:
            return len(self._days[parent.row()].entries)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMN_COUNT:
            return None
        return (
            self.tr("Time"),
            self.tr("What"),
            self.tr("Content / notes"),
            self.tr("Campaign / rep"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _DAY:
            day = self._days[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return day.heading
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        entry = self._days[index.internalId() - 1].entries[index.row()]
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # Notes and titles are user text: a tooltip would render markup in them.
            if index.column() == COL_CONTENT and entry.note:
                return tooltip(entry.note)
            return tooltip(self._text(entry, index.column()))
        return None

    @staticmethod
    def _text(entry: TimelineEntry, column: int) -> str | None:
        if column == COL_TIME:
            return formats.time_text(entry.at)
        if column == COL_WHAT:
            return entry.what
        if column == COL_CONTENT:
            return entry.content
        if column == COL_CAMPAIGN:
            return entry.campaign
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _DAY:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def day_count(self) -> int:
        return len(self._days)
