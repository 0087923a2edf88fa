"""The first rows of a file as they will land: for a lead file the name, company, email,
phone (E.164), the engagement and its date; for an engagement file the lead's id and
email, the engagement, its content and date. A rejected row is red and says why, in the
user's language, across the row (:data:`RejectedRole`; the view spans it).

Every cell is plain text (an item view does not render markup); nothing here has a
tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import formats, labels
from desktop.i18n.messages import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from desktop.widgets.row_list_model import RowListModel
from models.imports.fields import ImportKind
from models.imports.preview import Landing
from models.imports.rejected_csv import where
from models.imports.rows import LeadRecord, Rejection, TouchRecord

#: The column a rejected row's reason starts in (it spans the rest of the row).
COL_REASON = 1
#: True for a rejected row.
RejectedRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_RED = QColor("#b00020")


def rejection_text(rejection: Rejection) -> str:
    """ "Row 12, column “Email”: Email address “x” is not an email address." """
    return f"{where(rejection, say)}: {say(rejection.key, rejection.params)}"


def _phone(record: LeadRecord) -> str:
    return record.phone_e164 or record.phone or ""


def _touch_when(record: LeadRecord) -> str:
    if record.touch is not None:
        return formats.datetime_text(record.touch.occurred_at)
    return formats.datetime_text(record.created_at)


_CTX = "PreviewModel"
ROW = QT_TRANSLATE_NOOP("PreviewModel", "Row")
#: Lead files: (title, the cell of a record).
_LEAD_COLUMNS: tuple[tuple[str, Callable[[LeadRecord], str]], ...] = (
    (QT_TRANSLATE_NOOP("PreviewModel", "Name"), lambda r: r.name),
    (QT_TRANSLATE_NOOP("PreviewModel", "Company"), lambda r: r.company),
    (QT_TRANSLATE_NOOP("PreviewModel", "Email"), lambda r: r.email or ""),
    (QT_TRANSLATE_NOOP("PreviewModel", "Phone (E.164)"), _phone),
    (
        QT_TRANSLATE_NOOP("PreviewModel", "Engagement"),
        lambda r: labels.touch_kind(r.touch.kind) if r.touch else "",
    ),
    (
        QT_TRANSLATE_NOOP("PreviewModel", "Content"),
        lambda r: (r.touch.content or r.touch.campaign or "") if r.touch else "",
    ),
    (QT_TRANSLATE_NOOP("PreviewModel", "Date"), _touch_when),
)
#: Engagement files.
_TOUCH_COLUMNS: tuple[tuple[str, Callable[[TouchRecord], str]], ...] = (
    (QT_TRANSLATE_NOOP("PreviewModel", "Lead ID"), lambda r: r.lead_external_id or ""),
    (QT_TRANSLATE_NOOP("PreviewModel", "Email"), lambda r: r.email or ""),
    (QT_TRANSLATE_NOOP("PreviewModel", "Engagement"), lambda r: labels.touch_kind(r.kind)),
    (QT_TRANSLATE_NOOP("PreviewModel", "Content"), lambda r: r.content or ""),
    (QT_TRANSLATE_NOOP("PreviewModel", "Campaign"), lambda r: r.campaign or ""),
    (
        QT_TRANSLATE_NOOP("PreviewModel", "Date"),
        lambda r: formats.datetime_text(r.occurred_at),
    ),
)


class PreviewModel(RowListModel):
    def __init__(self, kind: ImportKind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._columns: Sequence[tuple[str, Callable[[Any], str]]] = (
            _LEAD_COLUMNS if kind is ImportKind.LEADS else _TOUCH_COLUMNS
        )
        self._headers = (
            translate(_CTX, ROW),
            *(translate(_CTX, title) for title, _cell in self._columns),
        )

    def show_rows(self, rows: Sequence[Landing]) -> None:
        self._reset(rows)

    def rejected_rows(self) -> list[int]:
        return [n for n, row in enumerate(self._rows) if isinstance(row, Rejection)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self._headers):
            return None
        rejected = isinstance(row, Rejection)
        if role == RejectedRole:
            return rejected
        if role == Qt.ItemDataRole.ForegroundRole and rejected:
            return QBrush(_RED)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return str(row.row)
        if rejected:
            return rejection_text(row) if index.column() == COL_REASON else ""
        return self._columns[index.column() - 1][1](row)
