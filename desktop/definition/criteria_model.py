"""The criteria tree of a definition as a Qt item model the editor changes.

Each row is one criterion, shown as its sentence; a group (all / any) has its items as
children. The model holds plain data (what :func:`models.definitions.criteria.to_data`
writes) and gives it back whole (:meth:`CriteriaModel.criteria_data`); a criterion the
form left unfinished (no value ticked) is kept as it is, and the domain's parser names
its path when the draft is saved or its what-if computed.

GUI thread. Signals: ``edited()`` after every change the user made through the model.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.definition.kinds import kind_name
from desktop.i18n import criteria as words
from models.core.errors import InvalidInput
from models.definitions.criteria import GROUP_KINDS, MAX_DEPTH, parse

# The criterion's plain data (a dict with its ``kind``), for the form beside the tree.
DataRole = Qt.ItemDataRole.UserRole + 1
# The criterion's kind ("score_at_least", "all", ...).
KindRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("children", "data", "parent")

    def __init__(self, data: dict[str, Any], parent: _Node | None = None) -> None:
        self.data = {k: v for k, v in data.items() if k != "items"}
        self.parent = parent
        self.children: list[_Node] = [
            _Node(item, self) for item in data.get("items", []) if isinstance(item, Mapping)
        ]

    @property
    def is_group(self) -> bool:
        return self.data.get("kind") in GROUP_KINDS

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)

    def to_data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.data)
        if self.is_group:
            data["items"] = [child.to_data() for child in self.children]
        return data


def sentence_of(data: Mapping[str, Any]) -> str:
    """The criterion's sentence; an unfinished one (no value ticked) by its kind's name."""
    try:
        if data.get("kind") in GROUP_KINDS:
            return words.sentence(parse({"kind": data["kind"], "items": []}))
        return words.sentence(parse(dict(data)))
    except InvalidInput:
        return kind_name(str(data.get("kind", "")))


class CriteriaModel(QAbstractItemModel):
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node({"kind": "all", "items": []})

    # -- Loading and reading ------------------------------------------------------------
    def load(self, data: Mapping[str, Any]) -> None:
        """Show ``data`` (a criterion; a lone one is wrapped in an ``all`` group)."""
        self.beginResetModel()
        top = dict(data) if data.get("kind") in GROUP_KINDS else {"kind": "all", "items": [data]}
        self._root = _Node({"kind": "root", "items": [top]})
        self.endResetModel()

    def criteria_data(self) -> dict[str, Any]:
        if not self._root.children:
            return {"kind": "all", "items": []}
        return self._root.children[0].to_data()

    def top(self) -> QModelIndex:
        return self.index(0, 0) if self._root.children else QModelIndex()

    # -- The Qt item model --------------------------------------------------------------
    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's signature
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return sentence_of(node.data)
        if role == DataRole:
            return copy.deepcopy(node.data)
        if role == KindRole:
            return node.data.get("kind")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if section == 0 and horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Criteria")
        return None

    # -- Editing ------------------------------------------------------------------------
    def is_group(self, index: Index) -> bool:
        return index.isValid() and self._node(index).is_group

    def can_nest(self, index: Index) -> bool:
        """A group may be added under ``index`` (groups nest at most MAX_DEPTH deep)."""
        return index.isValid() and self._node(index).depth < MAX_DEPTH

    def set_data(self, index: Index, data: Mapping[str, Any]) -> None:
        """The form changed the criterion at ``index`` (a group keeps its items)."""
        if not index.isValid():
            return
        node = self._node(index)
        node.data = {k: copy.deepcopy(v) for k, v in data.items() if k != "items"}
        self.dataChanged.emit(index, index)
        self.edited.emit()

    def add(self, where: Index, data: Mapping[str, Any]) -> QModelIndex:
        """Add ``data`` as the last item of the group at ``where`` (a criterion: after it,
        in its group); returns the new row's index."""
        if not where.isValid():
            where = self.top()
            if not where.isValid():
                self.load({"kind": "all", "items": []})
                where = self.top()
        node = self._node(where)
        if node.is_group:
            parent, row = QModelIndex(where), len(node.children)
        else:
            parent, row = self.parent(where), where.row() + 1
        group = self._node(parent)
        self.beginInsertRows(parent, row, row)
        group.children.insert(row, _Node(dict(data), group))
        self.endInsertRows()
        self.edited.emit()
        return self.index(row, 0, parent)

    def remove(self, index: Index) -> None:
        """Remove the criterion (a group with its items); the top group stays."""
        if not index.isValid() or not self.parent(index).isValid():
            return
        parent = self.parent(index)
        self.beginRemoveRows(parent, index.row(), index.row())
        del self._node(parent).children[index.row()]
        self.endRemoveRows()
        self.edited.emit()

    def move(self, index: Index, step: int) -> QModelIndex:
        """Move the criterion up (-1) or down (+1) among its group's items."""
        parent = self.parent(index)
        if not index.isValid() or not parent.isValid():
            return QModelIndex(index)
        row, siblings = index.row(), self._node(parent).children
        target = row + step
        if not 0 <= target < len(siblings):
            return QModelIndex(index)
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(parent, row, row, parent, destination)
        siblings.insert(target, siblings.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return self.index(target, 0, parent)
