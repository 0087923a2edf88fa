"""The form beside the criteria tree: one page per kind of criterion, with spin boxes for
the score, days and count, check lists for grades, touch kinds, BANT answers and company
attributes, and combos for the match, the BANT field and the fit attribute.

GUI thread. Signals: ``edited(dict)`` with the criterion's new data each time the user
changes the form (never while it shows a criterion: :meth:`CriterionForm.show_criterion`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.definition import kinds
from desktop.i18n import criteria as words
from desktop.i18n import labels
from models.definitions.criteria import MAX_DAYS, Group, Match


class CheckList(QListWidget):
    """Codes to tick, each shown by its label. Signals: ``changed()`` when the user ticks."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    def set_choices(self, codes: Sequence[str], label: Callable[[str], str]) -> None:
        self._filling = True
        self.clear()
        for code in codes:
            item = QListWidgetItem(label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        rows = max(1, min(len(codes), 8))
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.setFixedHeight(row_height * rows + 2 * self.frameWidth() + 2)
        self._filling = False

    def set_checked(self, codes: Sequence[str]) -> None:
        self._filling = True
        for n in range(self.count()):
            item = self.item(n)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._filling = False

    def checked(self) -> list[str]:
        return [
            str(self.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.count())
            if self.item(n).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, code: str, on: bool = True) -> None:
        """Tick (or untick) ``code`` as a user's click does."""
        for n in range(self.count()):
            if self.item(n).data(Qt.ItemDataRole.UserRole) == code:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.item(n).setCheckState(state)

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.changed.emit()


def _combo(name: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for code, text in choices:
        combo.addItem(text, code)
    return combo


def _spin(name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(True)
    return spin


class CriterionForm(QWidget):
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criterionForm")
        self._data: dict[str, Any] = {}
        self._showing = False
        self.heading = QLabel()
        self.heading.setObjectName("criterionKind")
        self.heading.setStyleSheet("font-weight: 600")
        self.pages = QStackedWidget()
        self._page_of: dict[str, int] = {}

        self.group_kind = _combo(
            "groupKind", [(k, words.sentence(Group(k, ()))) for k in ("all", "any")]
        )
        self.score = _spin("score", 0, 100)
        self.grades = CheckList("grades")
        self.grades.set_choices(kinds.GRADES, str)
        self.touch_kinds = CheckList("touchKinds")
        self.touch_kinds.set_choices(kinds.TOUCH_KINDS, labels.touch_kind)
        self.within_days = _spin("withinDays", 1, MAX_DAYS, self.tr(" days"))
        self.match = _combo("match", [(m.value, kinds.match_name(m.value)) for m in Match])
        self.count = _spin("count", 1, 1000)
        self.bant_field = _combo(
            "bantField", [(f, labels.bant_field(f)) for f in kinds.BANT_FIELDS]
        )
        self.bant_values = CheckList("bantValues")
        self.fit_attribute = _combo(
            "fitAttribute", [(a, words.fit_name(a)) for a in kinds.FIT_ATTRIBUTES]
        )
        self.fit_values = CheckList("fitValues")

        self._page("group", [(self.tr("Met when"), self.group_kind)])
        self._page("score_at_least", [(self.tr("Score at least"), self.score)])
        self._page("grade_in", [(self.tr("Grades"), self.grades)])
        self._page(
            "touches",
            [
                (self.tr("Kinds"), self.touch_kinds),
                (self.tr("Within the last"), self.within_days),
                (self.tr("Match"), self.match),
                (self.tr("Count at least"), self.count),
            ],
        )
        self._page(
            "bant", [(self.tr("Question"), self.bant_field), (self.tr("Answers"), self.bant_values)]
        )
        self._page(
            "fit",
            [(self.tr("Attribute"), self.fit_attribute), (self.tr("Values"), self.fit_values)],
        )
        self.no_settings = QLabel(self.tr("This criterion has no settings."))
        self._page("plain", [("", self.no_settings)])
        self._page("none", [("", QLabel(self.tr("Select a criterion in the tree.")))])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        layout.addStretch(1)

        self.group_kind.currentIndexChanged.connect(self._on_form_edited)
        self.score.valueChanged.connect(self._on_form_edited)
        self.grades.changed.connect(self._on_form_edited)
        self.touch_kinds.changed.connect(self._on_form_edited)
        self.within_days.valueChanged.connect(self._on_form_edited)
        self.match.currentIndexChanged.connect(self._on_match_changed)
        self.count.valueChanged.connect(self._on_form_edited)
        self.bant_field.currentIndexChanged.connect(self._on_bant_field_changed)
        self.bant_values.changed.connect(self._on_form_edited)
        self.fit_attribute.currentIndexChanged.connect(self._on_fit_attribute_changed)
        self.fit_values.changed.connect(self._on_form_edited)
        self.show_criterion(None)

    def _page(self, name: str, rows: list[tuple[str, QWidget]]) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        for text, widget in rows:
            if text:
                form.addRow(text, widget)
            else:
                form.addRow(widget)
        self._page_of[name] = self.pages.addWidget(page)

    # -- Showing ------------------------------------------------------------------------
    def show_criterion(self, data: dict[str, Any] | None) -> None:
        """Show ``data`` (None: nothing selected) without emitting ``edited``."""
        self._showing = True
        self._data = dict(data or {})
        kind = str(self._data.get("kind", ""))
        self.heading.setText(kinds.kind_name(kind) if kind else "")
        if kind in ("all", "any"):
            self._select(self.group_kind, kind)
            page = "group"
        elif kind == "score_at_least":
            self.score.setValue(int(self._data.get("score", 0)))
            page = kind
        elif kind == "grade_in":
            self.grades.set_checked(self._data.get("grades", []))
            page = kind
        elif kind == "touches":
            self.touch_kinds.set_checked(self._data.get("kinds", []))
            self.within_days.setValue(int(self._data.get("within_days", 30)))
            self._select(self.match, str(self._data.get("match", Match.ANY.value)))
            self.count.setValue(int(self._data.get("count", 1)))
            self.count.setEnabled(self.match.currentData() == Match.COUNT)
            page = kind
        elif kind == "bant":
            self._select(self.bant_field, str(self._data.get("field", "need")))
            self._fill_bant_values()
            self.bant_values.set_checked(self._data.get("values", []))
            page = kind
        elif kind == "fit":
            self._select(self.fit_attribute, str(self._data.get("attribute", "industry")))
            self._fill_fit_values()
            self.fit_values.set_checked(self._data.get("values", []))
            page = kind
        else:
            page = "plain" if kind else "none"
        self.pages.setCurrentIndex(self._page_of[page])
        self._showing = False

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        combo.setCurrentIndex(max(index, 0))

    def _fill_bant_values(self) -> None:
        field = str(self.bant_field.currentData())
        self.bant_values.set_choices(
            kinds.bant_values(field), lambda v: labels.bant_value(field, v)
        )

    def _fill_fit_values(self) -> None:
        attribute = str(self.fit_attribute.currentData())
        self.fit_values.set_choices(
            kinds.fit_values(attribute), lambda v: words.fit_value(attribute, v)
        )

    # -- Reading ------------------------------------------------------------------------
    def form_data(self) -> dict[str, Any]:
        """The criterion as the form now shows it."""
        kind = str(self._data.get("kind", ""))
        if kind in ("all", "any"):
            return {"kind": str(self.group_kind.currentData())}
        if kind == "score_at_least":
            return {"kind": kind, "score": self.score.value()}
        if kind == "grade_in":
            return {"kind": kind, "grades": self.grades.checked()}
        if kind == "touches":
            data: dict[str, Any] = {
                "kind": kind,
                "kinds": self.touch_kinds.checked(),
                "within_days": self.within_days.value(),
                "match": str(self.match.currentData()),
            }
            if data["match"] == Match.COUNT:
                data["count"] = self.count.value()
            return data
        if kind == "bant":
            field = str(self.bant_field.currentData())
            return {"kind": kind, "field": field, "values": self.bant_values.checked()}
        if kind == "fit":
            attribute = str(self.fit_attribute.currentData())
            return {"kind": kind, "attribute": attribute, "values": self.fit_values.checked()}
        return dict(self._data)

    # -- Slots --------------------------------------------------------------------------
    def _on_form_edited(self, *_args: object) -> None:
        if self._showing or not self._data:
            return
        self._data = self.form_data()
        self.heading.setText(kinds.kind_name(str(self._data["kind"])))
        self.edited.emit(dict(self._data))

    def _on_match_changed(self, *_args: object) -> None:
        self.count.setEnabled(self.match.currentData() == Match.COUNT)
        self._on_form_edited()

    def _on_bant_field_changed(self, *_args: object) -> None:
        if self._showing:
            return
        self._fill_bant_values()
        self._on_form_edited()

    def _on_fit_attribute_changed(self, *_args: object) -> None:
        if self._showing:
            return
        self._fill_fit_values()
        self._on_form_edited()
