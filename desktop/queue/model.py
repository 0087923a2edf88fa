"""The queue as a Qt table model over an ordered list of lead ids.

The ids come from SQL (sorted and filtered there); row data is fetched lazily in blocks
of :data:`BLOCK` rows as the view asks for them, on the database worker. Rows not yet
fetched show as empty until their block arrives (``dataChanged`` then repaints them).

A change to a few leads (made here with the order unchanged, or by somebody else and
heard through the live feed) re-reads the ids and only those leads' rows: the rows move
in place (:class:`~desktop.queue.id_rows.IdRowsModel`), nothing else is fetched again.
A change that may move many leads (a filter, a call saved here, a rescoring) reloads.

Signals: ``loaded(int)`` after each (re)load with the number of matching leads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import labels
from desktop.operations import queue as queue_ops
from desktop.operations.queue import QueuePage, QueueRows
from desktop.operations.runner import Operations
from desktop.queue import columns
from desktop.queue.columns import (
    COL_ATTEMPTS,
    COL_CLAIM,
    COL_COMPANY,
    COL_INDUSTRY,
    COL_LAST_CALL,
    COL_LAST_TOUCH,
    COL_NAME,
    COL_OWNER,
    COL_PRIORITY,
    COL_SCORE,
    COL_SLA,
    COL_STAGE,
    COL_WHY_NOW,
    COLUMN_COUNT,
    DESCENDING_FIRST,
    GRADE_COLORS,
    NUMERIC,
)
from desktop.queue.id_rows import IdRowsModel
from desktop.widgets.rich_text import tooltip
from models.core.changes import Changes
from models.leads.claims import Claimant
from models.leads.queue import QueueQuery, QueueRow, SortKey

BLOCK = 100
#: How long a failed reload or row block waits before it is fetched again.
RETRY_MS = 5_000

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

_Index = QModelIndex | QPersistentModelIndex


class QueueModel(IdRowsModel):
    """Signals: ``loaded(int)`` after each (re)load; ``load_failed(str)`` when a reload
    failed (the model keeps its rows, says why in :attr:`error` and retries)."""

    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, ops: Operations, parent: Any = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._query = QueueQuery()
        self._rows: dict[int, QueueRow] = {}
        #: Who is on the phone with the loaded leads (live claims only matter until
        #: they expire: :attr:`now` decides what is shown).
        self._claims: dict[int, Claimant] = {}
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
        titles = columns.titles()
        return titles[section] if 0 <= section < COLUMN_COUNT else None

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
            if column == COL_CLAIM and (claimant := self.claimant(lead_id)) is not None:
                return tooltip(columns.claim_tooltip(claimant))
            if column == COL_NAME and row.name_kana:
                return tooltip(row.name_kana)
            if column == COL_WHY_NOW:
                return tooltip(labels.why_now(row.why_now))
            if column in (COL_NAME, COL_COMPANY):
                return tooltip(self._display(row, column))  # when the column elides it
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CLAIM:
            return QBrush(QColor(columns.CLAIM_COLOR))
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
        return columns.display(row, column, self.now, self.claimant(row.id))

    def claimant(self, lead_id: int) -> Claimant | None:
        """Who is on the phone with the lead (None: nobody, or their lease ran out)."""
        claimant = self._claims.get(lead_id)
        return claimant if claimant is not None and claimant.expires_at > self.now else None

    def sla_clock(self, row: QueueRow) -> str:
        """The speed-to-lead clock: time left for the first call, or how it went."""
        return columns.sla_clock(row, self.now)

    def sla_samples(self) -> list[str]:
        """The widest texts the first-call clock shows (for the column's width)."""
        return columns.sla_samples()

    def tick(self, now: datetime) -> None:
        """Move the clocks: repaint the first-call column (and the claims, which run out)."""
        self.now = now
        if self._ids:
            for column in (COL_SLA, COL_CLAIM):
                self.dataChanged.emit(
                    self.index(0, column),
                    self.index(len(self._ids) - 1, column),
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
        """A write changed leads: reload when many may have moved, else re-read the order
        and just those leads' rows (:meth:`refresh_leads`)."""
        if changes.queue or changes.definition:
            self.reload()
        elif changes.lead_ids:
            self.refresh_leads(changes.lead_ids)

    def _on_loaded(self, generation: int, result: QueuePage) -> None:
        if generation != self._generation:
            return  # a newer query superseded this one
        ids = self._placed(result.ids)
        self.beginResetModel()
        self._ids = ids
        self.top = result.top
        self._rows = {row.id: row for row in result.rows}
        self._claims = dict(result.claims)
        self._pending_blocks.clear()
        self._failed_blocks.clear()
        self.endResetModel()
        self.loading = False
        self.error = None
        self.loaded.emit(len(ids))

    def _placed(self, ids: list[int]) -> list[int]:
        """``ids`` with the pinned lead kept at its row (the rep stays on it)."""
        if self.pinned is None or self.pinned[0] not in ids:
            return ids
        lead_id, row = self.pinned
        ids = [i for i in ids if i != lead_id]
        ids.insert(min(row, len(ids)), lead_id)
        return ids

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

    def _on_block(self, generation: int, block: int, found: QueueRows) -> None:
        if generation != self._generation:
            return
        self._pending_blocks.discard(block)
        self._failed_blocks.discard(block)
        self._keep(found.rows, found.claims)
        self._block_changed(block)

    def _keep(self, rows: list[QueueRow], claims: dict[int, Claimant]) -> None:
        """Rows fetched, with who is on the phone with their leads (nobody if absent)."""
        for row in rows:
            self._rows[row.id] = row
            self._claims.pop(row.id, None)
        self._claims.update(claims)

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
        """These leads changed: the order again (ids only) and their rows, loaded ones
        first; rows move in place and the other rows are not fetched again."""
        if not lead_ids:
            return
        changed = sorted(lead_ids, key=lambda i: (i not in self._rows, i))
        generation = self._generation
        queue_ops.resync(self._ops, self._query, changed, 2 * BLOCK, self).success(
            lambda page: self._on_resynced(generation, page, lead_ids)
        ).run()

    def _on_resynced(self, generation: int, page: QueuePage, changed: frozenset[int]) -> None:
        if generation != self._generation:
            return  # a reload superseded it
        for lead_id in changed:
            self._rows.pop(lead_id, None)  # what was loaded of it is stale
        self._keep(page.rows, page.claims)
        self.top = page.top
        if self.move_to(self._placed(page.ids)):
            self.loaded.emit(len(self._ids))
        self._repaint(changed)

    def refresh_claims(self, lead_ids: frozenset[int] | None) -> None:
        """Who is on the phone with these leads changed (None: with any): read it again
        for the loaded ones (one query)."""
        wanted = [i for i in self._rows if lead_ids is None or i in lead_ids]
        if not wanted:
            return
        generation = self._generation
        queue_ops.claims(self._ops, wanted, self).success(
            lambda found: self._on_claims(generation, wanted, found)
        ).run()

    def _on_claims(self, generation: int, asked: list[int], found: dict[int, Claimant]) -> None:
        if generation != self._generation:
            return
        for lead_id in asked:
            self._claims.pop(lead_id, None)
        self._claims.update(found)
        self._repaint(asked, COL_CLAIM)

    def _repaint(self, lead_ids: Iterable[int], column: int | None = None) -> None:
        """Repaint the rows of these leads (only ``column`` of them, if given)."""
        positions = {lead_id: n for n, lead_id in enumerate(self._ids)}
        first, last = (0, COLUMN_COUNT - 1) if column is None else (column, column)
        for lead_id in lead_ids:
            n = positions.get(lead_id)
            if n is not None:
                self.dataChanged.emit(self.index(n, first), self.index(n, last))

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
