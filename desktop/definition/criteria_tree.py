"""The criteria of a draft as a tree of groups and criteria with the form of the selected
one beside it: add a criterion (its kind picked from a list), add a group (all / any),
remove, move up and down. Not a text box: every value is picked or spun.

GUI thread. Signals: ``edited()`` after each change the user makes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.definition import kinds
from desktop.definition.criteria_model import CriteriaModel, DataRole
from desktop.definition.criterion_form import CriterionForm
from models.definitions.criteria import GROUP_KINDS

# The kinds the picker offers (groups have their own button).
LEAF_KINDS = tuple(k for k in kinds.KIND_NAMES if k not in GROUP_KINDS)


class CriteriaEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteriaEditor")
        self.model = CriteriaModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("criteriaTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A long sentence scrolls sideways rather than being cut (its tooltip says it too).
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.form = CriterionForm()

        self.kind_picker = QComboBox()
        self.kind_picker.setObjectName("kindPicker")
        for kind in LEAF_KINDS:
            self.kind_picker.addItem(kinds.kind_name(kind), kind)
        self.add_button = QPushButton(self.tr("Add criterion"))
        self.add_button.setObjectName("addCriterion")
        self.group_button = QPushButton(self.tr("Add group"))
        self.group_button.setObjectName("addGroup")
        group_menu = QMenu(self.group_button)
        self.add_all = group_menu.addAction(kinds.kind_name("all"))
        self.add_any = group_menu.addAction(kinds.kind_name("any"))
        self.group_button.setMenu(group_menu)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeCriterion")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveUp")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveDown")

        buttons = QGridLayout()
        buttons.addWidget(self.kind_picker, 0, 0)
        buttons.addWidget(self.add_button, 0, 1)
        buttons.addWidget(self.group_button, 0, 2)
        buttons.addWidget(self.remove_button, 1, 0)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        buttons.addLayout(moves, 1, 1, 1, 2)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.tree, 1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addWidget(self.form, 2)

        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.edited.connect(self.edited)
        self.form.edited.connect(self._on_form_edited)
        self.add_button.clicked.connect(lambda: self.add(str(self.kind_picker.currentData())))
        self.add_all.triggered.connect(lambda: self.add("all"))
        self.add_any.triggered.connect(lambda: self.add("any"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._update_buttons()

    # -- Loading and reading ------------------------------------------------------------
    def load(self, data: Mapping[str, Any]) -> None:
        self.model.load(data)
        self.tree.expandAll()
        self.select(self.model.top())

    def criteria_data(self) -> dict[str, Any]:
        return self.model.criteria_data()

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.form,
            self.kind_picker,
            self.add_button,
            self.group_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(editable)
        if editable:
            self._update_buttons()

    # -- Editing ------------------------------------------------------------------------
    def current(self) -> QModelIndex:
        return self.tree.currentIndex()

    def select(self, index: QModelIndex) -> None:
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._on_current_changed(index)

    def add(self, kind: str) -> QModelIndex:
        """Add a new criterion (or group) of ``kind`` in the selected group (after the
        selected criterion), and select it for the form."""
        where = self.current()
        if kind in GROUP_KINDS and where.isValid() and not self.model.can_nest(where):
            where = self.model.parent(where)
        index = self.model.add(where, kinds.new_criterion(kind))
        self.tree.expandAll()
        self.select(index)
        return index

    def remove_current(self) -> None:
        index = self.current()
        parent = self.model.parent(index)
        row = index.row()
        self.model.remove(index)
        if parent.isValid():
            rows = self.model.rowCount(parent)
            self.select(self.model.index(min(row, rows - 1), 0, parent) if rows else parent)

    def move_current(self, step: int) -> None:
        self.select(self.model.move(self.current(), step))

    # -- Slots --------------------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        data = self.model.data(current, DataRole) if current.isValid() else None
        self.form.show_criterion(data)
        self._update_buttons()

    def _on_form_edited(self, data: dict[str, Any]) -> None:
        index = self.current()
        if index.isValid():
            self.model.set_data(index, data)

    def _update_buttons(self) -> None:
        index = self.current()
        inner = index.isValid() and self.model.parent(index).isValid()
        self.remove_button.setEnabled(inner)
        self.up_button.setEnabled(inner and index.row() > 0)
        self.down_button.setEnabled(
            inner and index.row() < self.model.rowCount(self.model.parent(index)) - 1
        )
