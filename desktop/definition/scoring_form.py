"""The scoring part of a draft: the engagement's half-life, the grades' lowest scores and
each touch kind's points. Every other scoring setting is kept as the draft has it.

GUI thread. Signals: ``edited()`` each time the user changes a value.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.definition import kinds
from desktop.i18n import labels

# The grades with a lowest score (the last grade is every score below C's).
THRESHOLD_GRADES = ("A", "B", "C")


def _number(value: float) -> int | float:
    """A whole number stays whole in the stored settings (30, not 30.0)."""
    return int(value) if float(value).is_integer() else value


class ScoringForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoringForm")
        self._data: dict[str, Any] = {}
        self._showing = False
        self.half_life = QDoubleSpinBox()
        self.half_life.setObjectName("halfLife")
        self.half_life.setRange(0.5, 3650)
        self.half_life.setDecimals(1)
        self.half_life.setSuffix(self.tr(" days"))
        self.grades: dict[str, QSpinBox] = {}
        grades = QHBoxLayout()
        for grade in THRESHOLD_GRADES:
            spin = QSpinBox()
            spin.setObjectName(f"grade{grade}")
            spin.setRange(0, 100)
            self.grades[grade] = spin
            grades.addWidget(QLabel(grade))
            grades.addWidget(spin)
        grades.addStretch(1)
        self.weights: dict[str, QSpinBox] = {}
        weights_box = QGroupBox(self.tr("Points for each kind of engagement"))
        grid = QGridLayout(weights_box)
        for n, kind in enumerate(kinds.TOUCH_KINDS):
            spin = QSpinBox()
            spin.setObjectName(f"weight_{kind}")
            spin.setRange(0, 100)
            self.weights[kind] = spin
            row, column = divmod(n, 2)
            grid.addWidget(QLabel(labels.touch_kind(kind)), row, column * 3)
            grid.addWidget(spin, row, column * 3 + 1)
        grid.setColumnMinimumWidth(2, 24)
        grid.setColumnStretch(5, 1)

        half_life = QHBoxLayout()
        half_life.addWidget(self.half_life)
        half_life.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Half-life of engagement"), half_life)
        form.addRow(self.tr("Lowest score of each grade"), grades)
        hint = QLabel(
            self.tr(
                "A touch counts half as much after the half-life; the other scoring "
                "settings are kept as they are."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(weights_box)
        layout.addWidget(hint)
        layout.addStretch(1)

        self.half_life.valueChanged.connect(self._on_value_changed)
        for spin in (*self.grades.values(), *self.weights.values()):
            spin.valueChanged.connect(self._on_value_changed)

    def load(self, data: Mapping[str, Any]) -> None:
        self._showing = True
        self._data = copy.deepcopy(dict(data))
        engagement = self._data.get("engagement", {})
        self.half_life.setValue(float(engagement.get("half_life_days", 30)))
        for grade, spin in self.grades.items():
            spin.setValue(round(float(self._data.get("grades", {}).get(grade, 0))))
        for kind, spin in self.weights.items():
            spin.setValue(round(float(engagement.get("kind_weights", {}).get(kind, 0))))
        self._showing = False

    def scoring_data(self) -> dict[str, Any]:
        """The draft's scoring with the form's values in it (values it did not change stay
        exactly as stored)."""
        data = copy.deepcopy(self._data)
        engagement = data.setdefault("engagement", {})
        if float(engagement.get("half_life_days", -1)) != self.half_life.value():
            engagement["half_life_days"] = _number(self.half_life.value())
        grades = data.setdefault("grades", {})
        for grade, spin in self.grades.items():
            if grades.get(grade) is None or round(float(grades[grade])) != spin.value():
                grades[grade] = spin.value()
        weights = engagement.setdefault("kind_weights", {})
        for kind, spin in self.weights.items():
            if weights.get(kind) is None or round(float(weights[kind])) != spin.value():
                weights[kind] = spin.value()
        return data

    def set_editable(self, editable: bool) -> None:
        for spin in (self.half_life, *self.grades.values(), *self.weights.values()):
            spin.setReadOnly(not editable)

    def _on_value_changed(self, *_args: object) -> None:
        if not self._showing:
            self.edited.emit()
