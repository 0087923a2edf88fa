"""A table of figures as the dashboard shows them: titled columns of text, the first column
a name (a rep, a day, a campaign: user text, shown as plain text; its tooltip escaped),
the others figures aligned right. What the table shows is what its CSV holds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.widgets.rich_text import tooltip
from desktop.widgets.row_list_model import RowListModel
from desktop.widgets.two_line_titles import PADDING, fit_columns, title_font, wrap_titles

_LATIN_WORD = re.compile(r"[A-Za-z0-9%/().'-]+")
#: A title without spaces this short stays on one line.
SHORT_TITLE = 5

_Index = QModelIndex | QPersistentModelIndex
#: The row's key (a user id, a day, a stage), for a view that acts on a row.
KeyRole = Qt.ItemDataRole.UserRole + 1


class FigureTableModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys: list[object] = []
        #: Rows shown in bold (a total).
        self._bold: set[int] = set()
        #: Columns of words (aligned left), besides the first.
        self._words: frozenset[int] = frozenset()

    def set_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        keys: Sequence[object] = (),
        bold: Sequence[int] = (),
        words: Sequence[int] = (),
    ) -> None:
        self.beginResetModel()
        self._headers = tuple(headers)
        self._rows = [tuple(r) for r in rows]
        self._keys = list(keys) + [None] * (len(rows) - len(keys))
        self._bold = set(bold)
        self._words = frozenset(words)
        self.endResetModel()

    def headers(self) -> list[str]:
        return list(self._headers)

    def rows(self) -> list[list[str]]:
        return [list(r) for r in self._rows]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        if column >= len(self._rows[row]):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and (column == 0 or column in self._words):
            return tooltip(self._rows[row][column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            left = column == 0 or column in self._words
            side = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row in self._bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == KeyRole:
            return self._keys[row]
        return None


def table_view(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of ``model``: whole rows selected, alternating rows, one line a
    cell, titles on up to two lines (:func:`fit` sizes the columns)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    wrap_titles(view)
    return view


def fit(view: QTableView) -> None:
    """:func:`fit_columns`, each column then at least as wide as the longest Latin word of its
    title (fit_columns may break a word such as "Accepted" over narrow cells), and a short
    Japanese title on one line ("リーチ", not "リー" and "チ")."""
    fit_columns(view)
    header = view.horizontalHeader()
    metrics = QFontMetrics(title_font(view))
    model = view.model()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        words = [metrics.horizontalAdvance(w) for w in _LATIN_WORD.findall(title)]
        if " " not in title and len(title) <= SHORT_TITLE:
            words.append(metrics.horizontalAdvance(title))
        least = max(words, default=0) + PADDING
        if header.sectionSize(column) < least:
            header.resizeSection(column, least)
