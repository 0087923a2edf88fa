"""The queue as a Qt table model over an ordered list of lead ids.

The ids come from SQL (sorted and filtered there); row data is fetched lazily in blocks
of :data:`BLOCK` rows as the view asks for them, on the database worker. Rows not yet
fetched show as empty until their block arrives (``dataChanged`` then repaints them).

Signals: ``loaded(int)`` after each (re)load with the number of matching leads.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import formats, labels
from desktop.operations import queue as queue_ops
from desktop.operations.queue import QueuePage
from desktop.operations.runner import Operations
from desktop.widgets.rich_text import tooltip
from models.core.changes import Changes
from models.leads.queue import QueueQuery, QueueRow, SortKey

BLOCK = 100
#: How long a failed reload or row block waits before it is fetched again.
RETRY_MS = 5_000

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
COLUMN_COUNT = 12

LeadIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
GradeRole = Qt.ItemDataRole.UserRole + 3

SORT_KEYS = {
    COL_PRIORITY: SortKey.PRIORITY,
    COL_NAME: SortKey.NAME,
    COL_COMPANY: SortKey.COMPANY,
    COL_INDUSTRY: SortKey.INDUSTRY,
    COL_SCORE: SortKey.SCORE,
    COL_LAST_TOUCH: SortKey.LAST_TOUCH,
    COL_LAST_CALL: SortKey.LAST_CALL,
    COL_ATTEMPTS: SortKey.ATTEMPTS,
    COL_WHY_NOW: SortKey.WHY_NOW,
    COL_STAGE: SortKey.STAGE,
    COL_OWNER: SortKey.OWNER,
}

#: Columns whose first click sorts highest / newest first (numbers and dates).
DESCENDING_FIRST = frozenset({COL_PRIORITY, COL_SCORE, COL_LAST_TOUCH, COL_LAST_CALL, COL_ATTEMPTS})

#: Columns of numbers: right-aligned.
NUMERIC = frozenset({COL_PRIORITY, COL_SCORE, COL_ATTEMPTS})

GRADE_COLORS = {"A": "#1b7f3b", "B": "#2f6fb3", "C": "#a06a00", "D": "#777777"}

_Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    """Signals: ``loaded(int)`` after each (re)load; ``load_failed(str)`` when a reload
    failed (the model keeps its rows, says why in :attr:`error` and retries)."""

    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, ops: Operations, parent: Any = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._query = QueueQuery()
        self._ids: list[int] = []
        self._rows: dict[int, QueueRow] = {}
        self._pending_blocks: set[int] = set()
        #: Blocks whose fetch failed: shown as such, fetched again after RETRY_MS.
        self._failed_blocks: set[int] = set()
        self._generation = 0
        self.loading = False
        #: Why the last reload failed (None once a reload succeeds).
        self.error: str | None = None
        #: The top of the priority order, whatever the sort (the next lead first).
        self.top: list[int] = []
        #: (lead id, row): a lead shown at that row across reloads, wherever its priority
        #: moves it, while the rep stays on it ("save and stay"); see :meth:`pin`.
        self.pinned: tuple[int, int] | None = None
        self.now = datetime.now(UTC)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.reload)
        ops.changed.connect(self.on_changes)

    # -- Qt API ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.InitialSortOrderRole
        ):
            # Numbers and dates: the first click shows the highest / newest first.
            descending = section in DESCENDING_FIRST
            return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (
                self.tr("Priority"),
                self.tr("Name"),
                self.tr("Company"),
                self.tr("Score"),
                self.tr("Why now"),
                self.tr("First call"),
                self.tr("Last call"),
                self.tr("Calls"),
                self.tr("Last marketing touch"),
                self.tr("Industry"),
                self.tr("Stage"),
                self.tr("Owner"),
            )[section]
            if 0 <= section < COLUMN_COUNT
            else None
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        lead_id = self._ids[index.row()]
        if role == LeadIdRole:
            return lead_id
        row = self._rows.get(lead_id)
        if row is None:
            block = index.row() // BLOCK
            if block in self._failed_blocks:
                return self._failed_block_data(index, role)
            self._request_block(block)
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == RowRole:
            return row
        if role == GradeRole:
            return row.grade
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NAME and row.name_kana:
                return tooltip(row.name_kana)
            if column == COL_WHY_NOW:
                return tooltip(labels.why_now(row.why_now))
            if column in (COL_NAME, COL_COMPANY):
                return tooltip(self._display(row, column))  # when the column elides it
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SCORE:
            return QBrush(QColor(GRADE_COLORS.get(row.grade, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SLA:
            late = row.sla_met is False or (
                row.sla_met is None and row.sla_due_at is not None and row.sla_due_at < self.now
            )
            return QBrush(QColor("#b00020" if late else "#1b7f3b"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: QueueRow, column: int) -> str:
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
            return self.sla_clock(row)
        if column == COL_STAGE:
            return labels.stage(row.stage)
        if column == COL_OWNER:
            return row.owner_name or self.tr("Unassigned")
        return ""

    def sla_clock(self, row: QueueRow) -> str:
        """The speed-to-lead clock: time left for the first call, or how it went."""
        if row.sla_met is True:
            return self.tr("✓ in time")
        if row.sla_met is False and row.first_call_at is not None:
            return self.tr("✗ late")
        if row.sla_due_at is None or row.first_call_at is not None:
            return ""
        seconds = int((row.sla_due_at - self.now).total_seconds())
        if seconds < 0:
            return self.tr("Overdue %1").replace("%1", formats.duration(-seconds))
        return self.tr("%1 left").replace("%1", formats.duration(seconds))

    def sla_samples(self) -> list[str]:
        """The widest texts the first-call clock shows (for the column's width)."""
        return [
            self.tr("✓ in time"),
            self.tr("✗ late"),
            self.tr("Overdue %1").replace("%1", formats.duration(9 * 86_400 + 23 * 3600)),
            self.tr("%1 left").replace("%1", formats.duration(23 * 3600 + 59 * 60 + 59)),
        ]

    def tick(self, now: datetime) -> None:
        """Move the clocks: repaint the first-call column."""
        self.now = now
        if self._ids:
            self.dataChanged.emit(
                self.index(0, COL_SLA),
                self.index(len(self._ids) - 1, COL_SLA),
                [Qt.ItemDataRole.DisplayRole],
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL: reload the ids in the new order."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        query = replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self.set_query(query)

    # -- Loading ----------------------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return self._query

    def set_query(self, query: QueueQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Fetch the ids (and the first block) again; keeps nothing stale."""
        self._retry.stop()
        self._generation += 1
        generation = self._generation
        self.loading = True
        queue_ops.load(self._ops, self._query, BLOCK, self).success(
            lambda result: self._on_loaded(generation, result)
        ).failed(lambda failure: self._on_load_failed(generation)).run()

    def on_changes(self, changes: Changes) -> None:
        """A write changed leads: reload when order or membership may have moved,
        else re-fetch just the rows shown."""
        if changes.queue or changes.definition:
            self.reload()
        elif changes.lead_ids:
            self.refresh_leads(changes.lead_ids)

    def _on_loaded(self, generation: int, result: QueuePage) -> None:
        if generation != self._generation:
            return  # a newer query superseded this one
        ids = result.ids
        if self.pinned is not None and self.pinned[0] in ids:
            # The lead the rep stays on keeps its place until they move on.
            lead_id, row = self.pinned
            ids = [i for i in ids if i != lead_id]
            ids.insert(min(row, len(ids)), lead_id)
        self.beginResetModel()
        self._ids = ids
        self.top = result.top
        self._rows = {row.id: row for row in result.rows}
        self._pending_blocks.clear()
        self._failed_blocks.clear()
        self.endResetModel()
        self.loading = False
        self.error = None
        self.loaded.emit(len(ids))

    def _on_load_failed(self, generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.error = self.tr("The queue could not be loaded. Trying again…")
        self.load_failed.emit(self.error)
        self._retry.start()

    def _request_block(self, block: int) -> None:
        if block in self._pending_blocks:
            return
        self._pending_blocks.add(block)
        generation = self._generation
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
        queue_ops.rows(self._ops, ids, self).success(
            lambda rows: self._on_block(generation, block, rows)
        ).failed(lambda failure: self._on_block_failed(generation, block)).run()

    def _on_block(self, generation: int, block: int, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return
        self._pending_blocks.discard(block)
        self._failed_blocks.discard(block)
        for row in rows:
            self._rows[row.id] = row
        self._block_changed(block)

    def _on_block_failed(self, generation: int, block: int) -> None:
        if generation != self._generation:
            return
        self._pending_blocks.discard(block)
        self._failed_blocks.add(block)
        self._block_changed(block)
        QTimer.singleShot(RETRY_MS, self, lambda: self._retry_block(generation, block))

    def _retry_block(self, generation: int, block: int) -> None:
        if generation == self._generation and block in self._failed_blocks:
            self._failed_blocks.discard(block)
            self._request_block(block)

    def _block_changed(self, block: int) -> None:
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

    def _failed_block_data(self, index: _Index, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_NAME:
            return self.tr("⚠ Not loaded (retrying)")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b00020"))
        return None

    def refresh_leads(self, lead_ids: frozenset[int]) -> None:
        """Re-fetch the rows of these leads if they are loaded (their data changed)."""
        wanted = [i for i in lead_ids if i in self._rows]
        if not wanted:
            return
        generation = self._generation
        queue_ops.rows(self._ops, wanted, self).success(
            lambda rows: self._on_refreshed(generation, rows)
        ).run()

    def _on_refreshed(self, generation: int, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return
        positions = {lead_id: n for n, lead_id in enumerate(self._ids)}
        for row in rows:
            self._rows[row.id] = row
            n = positions.get(row.id)
            if n is not None:
                self.dataChanged.emit(self.index(n, 0), self.index(n, COLUMN_COUNT - 1))

    def pin(self, lead_id: int | None) -> None:
        """Keep ``lead_id`` at its current row across reloads (None: let it go). The next
        reload after letting go puts it where its priority says."""
        row = self.row_of(lead_id) if lead_id is not None else None
        self.pinned = (lead_id, row) if lead_id is not None and row is not None else None

    # -- Lookups ------------------------------------------------------------------------
    def lead_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, lead_id: int) -> int | None:
        try:
            return self._ids.index(lead_id)
        except ValueError:
            return None

    def loaded_row(self, lead_id: int) -> QueueRow | None:
        return self._rows.get(lead_id)
