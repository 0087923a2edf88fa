"""The team's routing rules in the team-rules dialog: which field reps take which leads.

A table of the rules in order (the first rule matching a lead's company gives its field
reps, who take turns), with Add, Remove, Move up and Move down; under it the selected
rule's regions, industries, company sizes and field reps, each a list to tick (nothing
ticked: any). Field reps no longer active are marked: a rule may keep them, routing skips
them. The rules come out in the shape the team's settings store
(:meth:`RoutingEditor.rules`); untouched rules come out exactly as they were loaded, so
opening and saving changes nothing. A refusal naming a rule selects it and is said under
the lists (:meth:`show_refusal`), the rules as edited kept.

Signals: ``edited()`` whenever the user changed a rule or the order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import labels
from desktop.operations.team import FieldRepChoice
from desktop.widgets.error_label import error_label
from desktop.widgets.rich_text import fill, plain_label, tooltip
from models.core.enums import Industry, Region, SizeBand

#: The rule's lists, in the table's column order: (settings key, its vocabulary).
KEYS = ("regions", "industries", "size_bands", "field_reps")
_VOCABULARY = {
    "regions": [(r.value, labels.region) for r in Region],
    "industries": [(i.value, labels.industry) for i in Industry],
    "size_bands": [(s.value, labels.size_band) for s in SizeBand],
}


def normalized(rule: dict[str, Any]) -> dict[str, Any]:
    """A stored rule with every list present (absent: empty)."""
    return {key: list(rule.get(key, [])) for key in KEYS}


class RoutingEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routingEditor")
        self._loaded: list[dict[str, Any]] = []
        self._rules: list[dict[str, Any]] = []
        self._reps: dict[int, FieldRepChoice] = {}
        self._changed = False
        self._filling = False

        self.table = QTableWidget(0, len(KEYS))
        self.table.setObjectName("routingTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Regions"),
                self.tr("Industries"),
                self.tr("Company sizes"),
                self.tr("Field reps"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Short enough for the whole dialog on a 1366x768 laptop screen (it scrolls).
        line = self.fontMetrics().height()
        self.table.setMinimumHeight(line * 5)
        self.table.setMaximumHeight(line * 9)
        self.table.itemSelectionChanged.connect(self._show_current)

        self.add_button = self._button("addRule", self.tr("Add rule"), self.on_add_clicked)
        self.remove_button = self._button("removeRule", self.tr("Remove"), self.on_remove_clicked)
        self.up_button = self._button("ruleUp", self.tr("Move up"), lambda: self._move(-1))
        self.down_button = self._button("ruleDown", self.tr("Move down"), lambda: self._move(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)

        self.lists = {key: self._list(key) for key in KEYS}
        grid = QGridLayout()
        for column, key in enumerate(KEYS):
            grid.addWidget(plain_label(self.table.horizontalHeaderItem(column).text()), 0, column)
            grid.addWidget(self.lists[key], 1, column)
        self.hint = plain_label(
            self.tr(
                "The first rule that matches a lead's company gives its field reps, who take "
                "turns. Nothing ticked matches any. Without a matching rule, every active "
                "field rep takes turns."
            )
        )
        self.hint.setWordWrap(True)
        self.error = error_label("routingError")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self._show_current()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _list(self, key: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(f"routing_{key}")
        widget.setFixedHeight(self.fontMetrics().height() * 7)
        for code, label in _VOCABULARY.get(key, []):
            item = QListWidgetItem(label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.itemChanged.connect(lambda _item: self._on_ticked(key))
        return widget

    # -- Loading ----------------------------------------------------------------------
    def set_field_reps(self, reps: list[FieldRepChoice]) -> None:
        """Every field rep (inactive ones marked), offered in the field reps' list."""
        self._reps = {rep.id: rep for rep in reps}
        self._filling = True
        widget = self.lists["field_reps"]
        widget.clear()
        for rep in reps:
            item = QListWidgetItem(self._rep_name(rep.id))
            item.setData(Qt.ItemDataRole.UserRole, rep.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(tooltip(rep.email) or "")
            widget.addItem(item)
        self._filling = False
        self._fill_table()

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        """The stored rules; what the user had not changed is replaced."""
        self._loaded = [dict(rule) for rule in rules]
        self._rules = [normalized(rule) for rule in rules]
        self._changed = False
        self.error.hide()
        self._fill_table()

    def rules(self) -> list[dict[str, Any]]:
        """The rules as the user left them, in the settings' shape."""
        if not self._changed:
            return [dict(rule) for rule in self._loaded]
        return [normalized(rule) for rule in self._rules]

    def changed(self) -> bool:
        return self._changed

    # -- Showing ----------------------------------------------------------------------
    def _rep_name(self, rep_id: int) -> str:
        rep = self._reps.get(rep_id)
        if rep is None:
            return f"#{rep_id}"
        return rep.name if rep.active else fill(self.tr("%1 (inactive)"), rep.name)

    def cell_text(self, rule: dict[str, Any], key: str) -> str:
        values = rule[key]
        if not values:
            return self.tr("Any") if key != "field_reps" else self.tr("None chosen")
        if key == "field_reps":
            return ", ".join(self._rep_name(v) for v in values)
        label = dict(_VOCABULARY[key])
        return ", ".join(label[v](v) if v in label else str(v) for v in values)

    def _fill_table(self) -> None:
        current = self.current()
        self._filling = True
        self.table.setRowCount(len(self._rules))
        for row, rule in enumerate(self._rules):
            self._fill_row(row, rule)
        self._filling = False
        if self._rules:
            self.select(min(current if current is not None else 0, len(self._rules) - 1))
        self._show_current()

    def _fill_row(self, row: int, rule: dict[str, Any]) -> None:
        for column, key in enumerate(KEYS):
            text = self.cell_text(rule, key)
            item = QTableWidgetItem(text)
            item.setToolTip(tooltip(text) or "")  # names are user text: escaped
            self.table.setItem(row, column, item)

    def current(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _show_current(self) -> None:
        row = self.current()
        rule = self._rules[row] if row is not None and row < len(self._rules) else None
        self._filling = True
        for key, widget in self.lists.items():
            widget.setEnabled(rule is not None)
            for n in range(widget.count()):
                item = widget.item(n)
                ticked = rule is not None and item.data(Qt.ItemDataRole.UserRole) in rule[key]
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._filling = False
        self.remove_button.setEnabled(rule is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < len(self._rules) - 1)

    # -- Editing ----------------------------------------------------------------------
    def tick(self, key: str, value: object, ticked: bool = True) -> None:
        """Tick (or untick) ``value`` in the selected rule's ``key`` list, as a click does."""
        widget = self.lists[key]
        for n in range(widget.count()):
            item = widget.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == value:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return
        raise KeyError(value)

    def _on_ticked(self, key: str) -> None:
        row = self.current()
        if self._filling or row is None:
            return
        widget = self.lists[key]
        self._rules[row][key] = [
            widget.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(widget.count())
            if widget.item(n).checkState() == Qt.CheckState.Checked
        ]
        self._fill_row(row, self._rules[row])
        self._edited()

    def on_add_clicked(self) -> None:
        self._rules.append(normalized({}))
        self._fill_table()
        self.select(len(self._rules) - 1)
        self._edited()

    def on_remove_clicked(self) -> None:
        row = self.current()
        if row is None:
            return
        del self._rules[row]
        self._fill_table()
        self._edited()

    def _move(self, step: int) -> None:
        row = self.current()
        if row is None or not 0 <= row + step < len(self._rules):
            return
        rules = self._rules
        rules[row], rules[row + step] = rules[row + step], rules[row]
        self._fill_table()
        self.select(row + step)
        self._edited()

    def _edited(self) -> None:
        self._changed = True
        self.error.hide()
        self.edited.emit()

    def show_refusal(self, text: str, rule: object = None) -> None:
        """Say ``text`` under the lists; select the rule it names (1-based)."""
        self.error.setText(text)
        self.error.show()
        if isinstance(rule, int) and 1 <= rule <= len(self._rules):
            self.select(rule - 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
