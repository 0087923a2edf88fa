"""A table model over an ordered list of ids that moves to a new list in place.

When the ids change because somebody changed a few leads (a live refresh), the model
does not reset: rows that left are removed, rows that arrived are inserted, and the rest
are put in their new order with one layout change. Selections, the current row and the
scroll position stay on the leads they were on (Qt keeps them through persistent
indexes), and nothing else is fetched again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex


class IdRowsModel(QAbstractTableModel):
    """Rows are ``self._ids``; subclasses say what each row shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._ids)

    def move_to(self, ids: list[int]) -> bool:
        """Show ``ids`` (in this order) with the smallest change; True if rows left or
        arrived (False: the same leads, perhaps in another order)."""
        if ids == self._ids:
            return False
        wanted = set(ids)
        left = [n for n, lead_id in enumerate(self._ids) if lead_id not in wanted]
        for first, last in reversed(_runs(left)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        kept = set(self._ids)
        arrived = [lead_id for lead_id in ids if lead_id not in kept]
        if arrived:
            end = len(self._ids)
            self.beginInsertRows(QModelIndex(), end, end + len(arrived) - 1)
            self._ids.extend(arrived)
            self.endInsertRows()
        if self._ids != ids:
            self._reorder(ids)
        return bool(left or arrived)

    def _reorder(self, ids: list[int]) -> None:
        """The same ids in another order: one layout change, persistent indexes moved."""
        self.layoutAboutToBeChanged.emit()
        position = {lead_id: n for n, lead_id in enumerate(ids)}
        before = self.persistentIndexList()
        after = [self.index(position[self._ids[i.row()]], i.column()) for i in before]
        self._ids = list(ids)
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
