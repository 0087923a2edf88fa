"""The tables of an import's result: the rows merged into leads Baton had (and those kept
apart because their number is shared), and the rejected rows.

Every cell is plain text (lead names, headers and values are user text; an item view
does not render markup).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import labels
from desktop.i18n.messages import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from desktop.widgets.rich_text import fill
from desktop.widgets.row_list_model import RowListModel
from models.imports.lead_writer import Merge
from models.imports.matching import Rule
from models.imports.rows import Rejection

_Index = QModelIndex | QPersistentModelIndex
_CTX = "ImportResult"

#: The rejected rows' columns: the result page's titles and the exported CSV's header.
REJECTION_HEADERS = (
    QT_TRANSLATE_NOOP("ImportResult", "Row"),
    QT_TRANSLATE_NOOP("ImportResult", "Line"),
    QT_TRANSLATE_NOOP("ImportResult", "Column"),
    QT_TRANSLATE_NOOP("ImportResult", "Value"),
    QT_TRANSLATE_NOOP("ImportResult", "Reason"),
)
_MERGE_HEADERS = (
    QT_TRANSLATE_NOOP("ImportResult", "Row"),
    QT_TRANSLATE_NOOP("ImportResult", "Lead"),
    QT_TRANSLATE_NOOP("ImportResult", "Why"),
    QT_TRANSLATE_NOOP("ImportResult", "Filled in"),
    QT_TRANSLATE_NOOP("ImportResult", "Back from nurture"),
)
_RULES = {
    Rule.EXTERNAL_ID: QT_TRANSLATE_NOOP("ImportResult", "Same id in the marketing tool"),
    Rule.EMAIL: QT_TRANSLATE_NOOP("ImportResult", "Same email address"),
    Rule.PHONE_NAME_COMPANY: QT_TRANSLATE_NOOP("ImportResult", "Same phone, name and company"),
}


def headers(titles: tuple[str, ...]) -> list[str]:
    return [translate(_CTX, title) for title in titles]


@dataclass(frozen=True)
class MergeLine:
    """One row of the merges table."""

    row: int
    lead: str
    why: str
    filled: str
    back_from_nurture: bool


def merge_lines(
    merges: list[Merge], kept_apart: list[tuple[int, int]], names: Mapping[int, str]
) -> list[MergeLine]:
    """The report's merges and the rows kept apart, in row order, in words."""

    def name(lead_id: int) -> str:
        return names.get(lead_id) or fill_id(lead_id)

    lines = [
        MergeLine(m.row, name(m.lead_id), why(m), filled_text(m.filled), m.requalified)
        for m in merges
    ]
    apart = QCoreApplication.translate(
        "ImportResult", "Not merged: another name at a number other people share"
    )
    lines += [MergeLine(row, name(lead), apart, "", False) for row, lead in kept_apart]
    return sorted(lines, key=lambda line: line.row)


def fill_id(lead_id: int) -> str:
    return fill(QCoreApplication.translate("ImportResult", "Lead %1"), lead_id)


def why(merge: Merge) -> str:
    rule = translate(_CTX, _RULES[merge.rule])
    if merge.same_as_row is not None:
        return fill(
            QCoreApplication.translate("ImportResult", "%1, as row %2 of this file"),
            rule,
            merge.same_as_row,
        )
    return rule


def filled_text(filled: tuple[str, ...]) -> str:
    """The lead's blanks the row filled, in words (the E.164 form goes with the phone)."""
    codes = [c for c in filled if c != "phone_e164"]
    if "phone_e164" in filled and "phone" not in codes:
        codes.append("phone")
    return ", ".join(labels.input_field(c) for c in codes)


class MergesModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers(_MERGE_HEADERS))

    def show_lines(self, lines: list[MergeLine]) -> None:
        self._reset(lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: MergeLine | None = self.row_at(index.row()) if index.isValid() else None
        if line is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        yes = QCoreApplication.translate("ImportResult", "Yes")
        cells = (
            str(line.row),
            line.lead,
            line.why,
            line.filled,
            yes if line.back_from_nurture else "",
        )
        return cells[index.column()] if 0 <= index.column() < len(cells) else None


class RejectionsModel(RowListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers(REJECTION_HEADERS))

    def show_rejections(self, rejections: list[Rejection]) -> None:
        self._reset(rejections)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r: Rejection | None = self.row_at(index.row()) if index.isValid() else None
        if r is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = (
            str(r.row),
            str(r.line) if r.line is not None else "",
            r.column or "",
            r.value or "",
            say(r.key, r.params),
        )
        return cells[index.column()] if 0 <= index.column() < len(cells) else None
