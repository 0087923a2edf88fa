"""Every version of the handoff definition as a table: version, name, status, effective
from, who proposed it and who approved it for marketing and for sales. Names are user
text: shown as display text, never as markup. GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.i18n import formats
from desktop.i18n.translate import QT_TRANSLATE_NOOP, fill, translate
from models.core.enums import ApprovalSide
from models.definitions.records import VersionInfo

COL_VERSION, COL_NAME, COL_STATUS, COL_EFFECTIVE, COL_PROPOSED, COL_MARKETING, COL_SALES = range(7)
# The version number of the row (an int).
VersionRole = Qt.ItemDataRole.UserRole + 1

_HEADERS = (
    QT_TRANSLATE_NOOP("DefinitionVersions", "Version"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Name"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Status"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Effective from"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Proposed by"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Marketing approval"),
    QT_TRANSLATE_NOOP("DefinitionVersions", "Sales approval"),
)
STATUS = {
    "draft": QT_TRANSLATE_NOOP("DefinitionVersions", "Draft"),
    "proposed": QT_TRANSLATE_NOOP("DefinitionVersions", "Proposed"),
    "approved": QT_TRANSLATE_NOOP("DefinitionVersions", "Approved"),
    "withdrawn": QT_TRANSLATE_NOOP("DefinitionVersions", "Withdrawn"),
}
IN_EFFECT = QT_TRANSLATE_NOOP("DefinitionVersions", "In effect")
WHO_WHEN = QT_TRANSLATE_NOOP("DefinitionVersions", "%1 (%2)")
CTX = "DefinitionVersions"

Index = QModelIndex | QPersistentModelIndex


def status_text(info: VersionInfo) -> str:
    if info.active:
        return translate(CTX, IN_EFFECT)
    return translate(CTX, STATUS.get(info.status, info.status))


def _approval(info: VersionInfo, side: str) -> str:
    found = info.approval(side)
    if found is None:
        return ""
    return fill(translate(CTX, WHO_WHEN), found.user_name, formats.date_text(found.approved_at))


class VersionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VersionInfo] = []

    def set_rows(self, rows: list[VersionInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, version: int) -> int:
        return next((n for n, info in enumerate(self.rows) if info.version == version), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == VersionRole:
            return info.version
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and info.active:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_VERSION:
            return str(info.version)
        if column == COL_NAME:
            return info.name
        if column == COL_STATUS:
            return status_text(info)
        if column == COL_EFFECTIVE:
            return formats.datetime_text(info.effective_from) if info.effective_from else ""
        if column == COL_PROPOSED:
            if not info.proposed_by:
                return ""
            return fill(
                translate(CTX, WHO_WHEN), info.proposed_by, formats.date_text(info.proposed_at)
            )
        if column == COL_MARKETING:
            return _approval(info, ApprovalSide.MARKETING.value)
        if column == COL_SALES:
            return _approval(info, ApprovalSide.SALES.value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return translate(CTX, _HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
